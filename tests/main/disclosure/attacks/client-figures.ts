// Figures about all clients outside the comparison tables: the what-stands-out tables ("17 % van alle klanten",
// and counts where a coming format adds them) and the cluster table's "Alle klanten" column ("Paar 50 %").
import type { Target } from './category-targets';
import { BIG, integerRange, type IntegerSystem } from './integer-system';
import { columnIndex, figureRange, type Package, type Range, type Row, type Table } from './package-reader';

export interface ClientFigure {
  source: string;
  feature: string;
  category: string;
  /** Percent of the clients with a known value. */
  share: Range | null;
  count: Range | null;
}

export interface Trait {
  table: Table;
  row: Row;
  feature: string;
  category: string;
  k: number;
  cluster: number;
}

/** "Ja (migratieachtergrond (een van de leden)) komt in dit cluster vaker voor: …" → category and feature. */
export function parseTraitSentence(sentence: string): { category: string; feature: string } | null {
  // Either the sentence ("Bijstand (type uitkering) komt in dit cluster vaker voor: ...") or the trait alone ("Bijstand (type uitkering)").
  const at = sentence.search(/ komt in dit cluster (?:vaker|minder vaak) voor/);
  const head = (at < 0 ? sentence : sentence.slice(0, at)).trim();
  if (at < 0 && /\(gemiddelde\)$/.test(head)) return null;
  if (!head.endsWith(')')) return null;
  let depth = 0;
  for (let i = head.length - 1; i >= 0; i--) {
    if (head[i] === ')') depth++;
    else if (head[i] === '(') depth--;
    if (depth === 0) return { category: head.slice(0, i).trim(), feature: head.slice(i + 1, -1).trim() };
  }
  return null;
}

export function traits(pkg: Package): Trait[] {
  const found: Trait[] = [];
  for (const table of pkg.tables.values()) {
    const name = /^clusterprofiel-opvallend-(\d+)-(\d+)$/.exec(table.name);
    if (!name) continue;
    for (const row of table.rows) {
      const parsed = parseTraitSentence(row.label);
      if (parsed) found.push({ table, row, ...parsed, k: Number(name[1]), cluster: Number(name[2]) });
    }
  }
  return found;
}

export function shareAndCount(table: Table, row: Row, which: RegExp): { share: Range | null; count: Range | null } {
  const shareColumn = columnIndex(table, which, /^(?!.*aantal)/i);
  const countColumn = columnIndex(table, which, /aantal/i);
  const shareFigure = shareColumn === -1 ? undefined : row.figures[shareColumn];
  const isShare = shareFigure !== undefined && (shareFigure.unit === '%' || (shareFigure.unit === '' && /%/.test(table.header[shareColumn + 1] ?? '')));
  return {
    share: isShare ? figureRange(shareFigure) : null,
    count: countColumn === -1 ? null : integerRange(row.figures[countColumn]),
  };
}

export function clientFigures(pkg: Package): ClientFigure[] {
  const figures: ClientFigure[] = [];
  for (const trait of traits(pkg)) {
    const { share, count } = shareAndCount(trait.table, trait.row, /alle klanten/i);
    if (share || count)
      figures.push({ source: `${trait.table.name}: ${trait.category} (${trait.feature})`, feature: trait.feature, category: trait.category, share, count });
  }
  for (const table of pkg.tables.values()) {
    if (!/^clusterprofiel-k\d+$/.test(table.name)) continue;
    const column = columnIndex(table, /^alle klanten/i);
    if (column === -1) continue;
    for (const row of table.rows) {
      const figure = row.figures[column];
      if (!figure || figure.unit !== '%' || figure.label === '') continue;
      figures.push({
        source: `${table.name}: ${row.label} / ${table.header[column + 1]}`,
        feature: row.label,
        category: figure.label,
        share: figureRange(figure),
        count: null,
      });
    }
  }
  return figures;
}

/** A share of the known values, as two linear constraints: lo/100 (T - u) <= sum <= hi/100 (T - u). */
function addShare(system: IntegerSystem, target: Target, share: Range, why: string): void {
  const { totalVar, unknownVar } = target.model;
  const sum = target.vars.map((name): [string, number] => [name, 1]);
  system.add([...sum, [totalVar, -share.lo / 100], [unknownVar, share.lo / 100]], 0, BIG, why);
  system.add([...sum, [totalVar, -share.hi / 100], [unknownVar, share.hi / 100]], -BIG, 0, why);
}

export function addFigure(system: IntegerSystem, target: Target, figure: ClientFigure): void {
  if (figure.share) addShare(system, target, figure.share, figure.source);
  if (figure.count)
    system.add(
      target.vars.map((name) => [name, 1]),
      figure.count.lo,
      figure.count.hi,
      figure.source,
    );
}
