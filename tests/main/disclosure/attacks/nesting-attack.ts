// Features whose categories nest (CBS derives the benefit type from the main income source): the same households,
// so sums of one table's cells equal sums of the other's. Each relation is checked on the all-households column
// first, where both tables publish every cell: only relations that hold there are used.
import { base, narrowed, noteVia } from './attack-base';
import type { ComparisonModel } from './comparison-models';
import { integerRange, type IntegerSystem } from './integer-system';
import { columnIndex, findRow, normalise, type Package } from './package-reader';
import type { Recovery } from './recoveries';

const NESTINGS: readonly [string, string[], string, string[]][] = [
  [
    'Type uitkering',
    ['Geen uitkering'],
    'Belangrijkste inkomensbron',
    ['Loon', 'Directeur-grootaandeelhouder', 'Zelfstandige', 'Pensioen', 'Studiefinanciering', 'Vermogen'],
  ],
  ['Type uitkering', ['Werkloosheidsuitkering (WW)'], 'Belangrijkste inkomensbron', ['Werkloosheidsuitkering']],
  ['Type uitkering', ['Arbeidsongeschiktheidsuitkering'], 'Belangrijkste inkomensbron', ['Ziekte- of arbeidsongeschiktheidsuitkering']],
  ['Type uitkering', ['Bijstand'], 'Belangrijkste inkomensbron', ['Bijstand']],
  ['Type uitkering', ['Overige uitkering'], 'Belangrijkste inkomensbron', ['Overige sociale uitkering']],
  ['Type uitkering', ['Overig of onbekend'], 'Belangrijkste inkomensbron', ['Overig of onbekend']],
  ['Type uitkering', ['Onbekend'], 'Belangrijkste inkomensbron', ['Onbekend']],
  ['Kinderen in het huishouden', ['Geen kinderen'], 'Leeftijd jongste kind', ['Geen kinderen']],
  [
    'Kinderen in het huishouden',
    ['1 kind', '2 kinderen', '3 of meer kinderen'],
    'Leeftijd jongste kind',
    ['0 tot 4 jaar', '4 tot 12 jaar', '12 tot 18 jaar', '18 jaar of ouder'],
  ],
  ['Type huishouden', ['Institutioneel huishouden'], 'Woning', ['Institutioneel']],
];

function allHouseholds(model: ComparisonModel, label: string): number | null {
  const column = columnIndex(model.table, /alle huishoudens/i, /aantal/i);
  const row = findRow(model.table, label);
  const range = column === -1 || !row ? null : integerRange(row.figures[column]);
  return range && range.lo === range.hi ? range.lo : null;
}

/** Adds every nesting relation that holds on the all-households column, noting each in `via`. */
export function addNestings(system: IntegerSystem, models: Map<string, ComparisonModel>, via: Map<string, string>): void {
  const sum = (values: (number | null)[]) => values.reduce<number>((total, value) => total + value!, 0);
  for (const [featureA, partsA, featureB, partsB] of NESTINGS) {
    const a = models.get(normalise(featureA));
    const b = models.get(normalise(featureB));
    if (!a || !b) continue;
    const cellsA = partsA.map((part) => a.cells.get(normalise(part)));
    const cellsB = partsB.map((part) => b.cells.get(normalise(part)));
    if (cellsA.some((cell) => !cell) || cellsB.some((cell) => !cell)) continue;
    const householdsA = partsA.map((part) => allHouseholds(a, part));
    const householdsB = partsB.map((part) => allHouseholds(b, part));
    if ([...householdsA, ...householdsB].some((value) => value === null) || sum(householdsA) !== sum(householdsB)) continue;
    const source = `${a.table.name} en ${b.table.name}: ${partsA.join(' + ')} = ${partsB.join(' + ')}`;
    system.equal([...cellsA.map((cell): [string, number] => [cell!, 1]), ...cellsB.map((cell): [string, number] => [cell!, -1])], 0, source);
    noteVia(via, a, source);
    noteVia(via, b, source);
  }
}

/** Nested features: the benefit type's cells are sums of the income source's, so each gives the other's away. */
export function nestingAttack(pkg: Package): Recovery[] {
  const start = base(pkg);
  const system = start.system.clone();
  const via = new Map<string, string>();
  addNestings(system, start.models, via);
  return narrowed('nesting', start, system, via);
}
