// The comparison tables as cells of one integer system: per feature, the client count of every category, the total,
// and the clients whose value is unknown (the denominators of shares "onder de huishoudens met een bekende waarde").
import { columnIndex, figureRange, normalise, type Package, type Row, type Table } from './package-reader';
import { BIG, integerRange, type IntegerSystem } from './integer-system';

export interface ComparisonModel {
  table: Table;
  feature: string;
  totalVar: string;
  unknownVar: string;
  /** Normalised category label → cell name. */
  cells: Map<string, string>;
  /** Cells whose client count the package hides. */
  hidden: string[];
}

const clientCell = (feature: string, category: string): string => `${feature} / ${category} / klanten`;

export function isTotal(row: Row): boolean {
  return /^totaal$/i.test(row.label.trim());
}

/** Adds every comparison table of the package to the system; returns the models by normalised feature label. */
export function comparisonModels(pkg: Package, system: IntegerSystem): Map<string, ComparisonModel> {
  const models = new Map<string, ComparisonModel>();
  for (const table of pkg.tables.values()) {
    if (!table.name.startsWith('vergelijking-')) continue;
    const feature = table.header[0] ?? table.name;
    const count = columnIndex(table, /klant/i, /aantal/i);
    if (count === -1) continue;
    const share = columnIndex(table, /klant/i, /%/);
    const all = columnIndex(table, /alle huishoudens/i, /aantal/i);
    const totalVar = clientCell(feature, 'Totaal');
    const unknownVar = clientCell(feature, '(onbekende waarde)');
    const totalRow = table.rows.find(isTotal);
    const total = integerRange(totalRow?.figures[count]);
    system.declare(totalVar, total?.lo ?? 0, total?.hi ?? BIG);
    system.declare(unknownVar);
    const model: ComparisonModel = { table, feature, totalVar, unknownVar, cells: new Map(), hidden: [] };
    const terms: [string, number][] = [];
    let unknownRow: [string, 'exact' | 'within'] | null = null;
    for (const row of table.rows) {
      if (isTotal(row)) continue;
      const name = clientCell(feature, row.label);
      model.cells.set(normalise(row.label), name);
      terms.push([name, 1]);
      const figure = row.figures[count];
      const published = integerRange(figure);
      if (published) system.declare(name, published.lo, published.hi);
      else {
        system.declare(name);
        if (figure?.hidden) model.hidden.push(name);
        // A hidden count whose share is published: the share of the total.
        const shareRange = share === -1 ? null : figureRange(row.figures[share]!);
        if (shareRange)
          system.add(
            [
              [name, 1],
              [totalVar, -shareRange.lo / 100],
            ],
            0,
            BIG,
            `${table.name}: aandeel`,
          );
        if (shareRange)
          system.add(
            [
              [name, 1],
              [totalVar, -shareRange.hi / 100],
            ],
            -BIG,
            0,
            `${table.name}: aandeel`,
          );
      }
      // Clients are households: no category holds more clients than households.
      const households = all === -1 ? null : integerRange(row.figures[all]);
      if (households) system.add([[name, 1]], 0, households.hi, `${table.name}: klanten <= alle huishoudens`);
      if (/onbekend/i.test(row.label)) unknownRow = [name, normalise(row.label) === 'onbekend' ? 'exact' : 'within'];
    }
    system.equal([...terms, [totalVar, -1]], 0, `${table.name}: de rijen tellen op tot het totaal`);
    if (!unknownRow) system.equal([[unknownVar, 1]], 0, `${table.name}: geen onbekende waarden`);
    else if (unknownRow[1] === 'exact')
      system.equal(
        [
          [unknownVar, 1],
          [unknownRow[0], -1],
        ],
        0,
        `${table.name}: onbekend`,
      );
    else
      system.add(
        [
          [unknownVar, 1],
          [unknownRow[0], -1],
        ],
        -BIG,
        0,
        `${table.name}: onbekend valt in ${unknownRow[0]}`,
      );
    models.set(normalise(feature), model);
  }
  return models;
}
