// Across exports: two packages of near-identical studies. Outputs whose populations differ by 1 to 9 households give
// those households away: their categories by difference of the counts, their amounts by difference of the sums.
// A population is used only when its difference is clean: in every comparison table each published category moves
// the same way as the total and by no more than it, so the net difference is the whole difference (one household
// left out, not twenty who moved in and nineteen who moved out).
import { isTotal } from './comparison-models';
import { integerRange } from './integer-system';
import { columnIndex, figureRange, findRow, type Figure, type Package } from './package-reader';
import { PROTECTION_WIDTH, recovery, type Recovery } from './recoveries';

const POPULATIONS = [
  { id: 'klanten', columns: [/klant/i, /aantal/i], amountRow: /^klant/i },
  { id: 'alle huishoudens', columns: [/alle huishoudens/i, /aantal/i], amountRow: /^alle huishoudens$/i },
] as const;

function exactCount(figure: Figure | undefined): number | null {
  const range = integerRange(figure);
  return range && range.lo === range.hi && figure?.bound === null ? range.lo : null;
}

interface TableDifference {
  table: string;
  feature: string;
  total: number;
  categories: { label: string; delta: number }[];
}

function comparisonDifferences(first: Package, second: Package, columns: readonly RegExp[]): TableDifference[] {
  const differences: TableDifference[] = [];
  for (const [name, a] of first.tables) {
    const b = second.tables.get(name);
    if (!b || !name.startsWith('vergelijking-')) continue;
    const columnA = columnIndex(a, ...columns);
    const columnB = columnIndex(b, ...columns);
    if (columnA === -1 || columnB === -1) continue;
    const totalA = exactCount(a.rows.find(isTotal)?.figures[columnA]);
    const totalB = exactCount(b.rows.find(isTotal)?.figures[columnB]);
    if (totalA === null || totalB === null) continue;
    const categories = a.rows.flatMap((row) => {
      if (isTotal(row)) return [];
      const countA = exactCount(row.figures[columnA]);
      const countB = exactCount(findRow(b, row.label)?.figures[columnB]);
      return countA === null || countB === null ? [] : [{ label: row.label, delta: countA - countB }];
    });
    differences.push({ table: name, feature: a.header[0] ?? name, total: totalA - totalB, categories });
  }
  return differences;
}

function isClean(differences: readonly TableDifference[]): boolean {
  return differences.every(
    ({ total, categories }) =>
      categories.every(({ delta }) => delta === 0 || Math.sign(delta) === Math.sign(total)) &&
      categories.reduce((sum, { delta }) => sum + Math.abs(delta), 0) <= Math.abs(total),
  );
}

export function differencingAttack(first: Package, second: Package): Recovery[] {
  const found: Recovery[] = [];
  for (const population of POPULATIONS) {
    const differences = comparisonDifferences(first, second, population.columns);
    const totals = [...new Set(differences.map((difference) => difference.total))];
    if (totals.length !== 1 || !isClean(differences)) continue;
    const households = Math.abs(totals[0]!);
    if (households < 1 || households >= PROTECTION_WIDTH) continue;
    const via = `de populaties (${population.id}) verschillen ${households} huishouden(s)`;
    for (const difference of differences) {
      for (const { label, delta } of difference.categories) {
        if (delta !== 0)
          found.push(
            recovery('verschil tussen exports', `${difference.feature} / ${label} / ${population.id}, verschil`, delta, delta, `${difference.table}: ${via}`),
          );
      }
    }
    // Amounts: the sum over the households in one population and not the other, n_a m_a - n_b m_b.
    for (const [name, a] of first.tables) {
      const b = second.tables.get(name);
      if (!b || !name.startsWith('bedragen-')) continue;
      const feature = a.sheetPreamble[0]?.split(':')[0] ?? name;
      const [knownA, meanA, knownB, meanB] = [
        columnIndex(a, /bekende waarde/i),
        columnIndex(a, /gemiddelde/i),
        columnIndex(b, /bekende waarde/i),
        columnIndex(b, /gemiddelde/i),
      ];
      const rowA = a.rows.find((row) => population.amountRow.test(row.label));
      const rowB = rowA && findRow(b, rowA.label);
      if (!rowA || !rowB || [knownA, meanA, knownB, meanB].includes(-1)) continue;
      const unitsA = exactCount(rowA.figures[knownA]);
      const unitsB = exactCount(rowB.figures[knownB]);
      const averageA = figureRange(rowA.figures[meanA]!);
      const averageB = figureRange(rowB.figures[meanB]!);
      if (unitsA === null || unitsB === null || !averageA || !averageB) continue;
      const units = Math.abs(unitsA - unitsB);
      if (units < 1 || units > households) continue;
      const lo = unitsA * averageA.lo - unitsB * averageB.hi;
      const hi = unitsA * averageA.hi - unitsB * averageB.lo;
      const [from, to] = unitsA > unitsB ? [lo, hi] : [-hi, -lo];
      // Only an interval that says something: narrower than the amount it brackets.
      if (!(to - from < Math.abs(from + to) / 2)) continue;
      found.push(
        recovery(
          'verschil tussen exports',
          `${feature} / ${rowA.label} / som van ${units} huishouden(s)`,
          Math.round(from),
          Math.round(to),
          `${name}: ${unitsA} tegen ${unitsB} met een bekende waarde; ${via}`,
        ),
      );
    }
  }
  return found;
}
