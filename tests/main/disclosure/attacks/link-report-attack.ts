// The link report adds up: the clients with a period on the date live in the municipality, elsewhere, or nowhere.
import { BIG, integerRange, IntegerSystem } from './integer-system';
import { columnIndex, normalise, type Package } from './package-reader';
import { recovery, type Recovery } from './recoveries';

const LINK_RELATIONS: readonly [string, string[]][] = [
  [
    'Klanten met een periode op de peildatum',
    ['Klanten die op de peildatum in de gemeente wonen', 'Klanten die op de peildatum elders wonen', 'Klanten zonder adres of huishouden op de peildatum'],
  ],
  ['Personen met een adres in de gemeente op de peildatum', ['Inwoners gevonden in het persoonsregister', 'Inwoners niet in het persoonsregister']],
  ['Personen met een adres in de gemeente op de peildatum', ['Inwoners met een huishouden op de peildatum', 'Inwoners zonder huishouden op de peildatum']],
  ['Huishoudens', ['Huishoudens met een inkomensregel', 'Huishoudens zonder inkomensregel']],
  ['Huishoudens', ['Huishoudens met een bekend opleidingsniveau', 'Huishoudens zonder bekend opleidingsniveau']],
  ['Huishoudens in de analysetabel', ['Huishoudens']],
];

export function linkReportAttack(pkg: Package): Recovery[] {
  const table = pkg.tables.get('koppelrapport');
  if (!table) return [];
  const column = columnIndex(table, /aantal/i);
  const system = new IntegerSystem();
  const byName = new Map<string, string>();
  const hidden: string[] = [];
  for (const row of table.rows) {
    const name = row.label.includes(': ') ? row.label.slice(row.label.indexOf(': ') + 2) : row.label;
    byName.set(normalise(name), row.label);
    const figure = row.figures[column === -1 ? 0 : column];
    const range = integerRange(figure);
    if (figure && (figure.hidden || figure.bound !== null)) hidden.push(row.label);
    system.declare(row.label, range && figure?.bound === null ? range.lo : 0, range ? range.hi : BIG);
    if (range && figure?.bound === '<') system.declare(row.label, 0, Math.ceil(range.hi) - 1);
  }
  const before = system.solve();
  let used = false;
  for (const [whole, parts] of LINK_RELATIONS) {
    const wholeRow = byName.get(normalise(whole));
    const partRows = parts.map((part) => byName.get(normalise(part)));
    if (!wholeRow || partRows.some((row) => !row)) continue;
    system.equal([[wholeRow, 1], ...partRows.map((row): [string, number] => [row!, -1])], 0, `${whole} = ${parts.join(' + ')}`);
    used = true;
  }
  const after = used ? system.solve() : null;
  if (!before || !after) return [];
  return hidden.flatMap((label) => {
    const a = before.get(label)!;
    const b = after.get(label)!;
    return b.hi - b.lo < a.hi - a.lo ? [recovery('koppelrapport', `Koppelrapport / ${label}`, b.lo, b.hi, 'de stappen tellen op')] : [];
  });
}
