// The package's definitions file: for every printed figure what it is (never its value), the variable families with
// the atoms their definitions allow, and the populations as unions of atoms, so that `groepsbeeld audit` can rebuild
// an attacker's system of equations from the package alone.
import {
  definitionsSchema,
  DEFINITIONS_FORMAT,
  DEFINITIONS_VERSION,
  type CountCellDefinition,
  type FigureDefinition,
  type PackageDefinitions,
} from '../publication/definitions-file';
import type { CountCell, Figure } from '../publication/figures';
import { countInputs } from '../publication/figures';
import { knownFeatureId } from '../publication/feature-catalogue';
import type { PublicationLedger } from '../publication/ledger';
import type { RecordFamily } from '../publication/ledger-options';
import { SHARE_DECIMALS } from '../publication/precision';
import type { PublishedTable } from '../publication/table-draft';

export interface DefinedOutput {
  id: string;
  csv: string;
  published: PublishedTable;
}

function countCell(ledger: PublicationLedger, cell: CountCell): CountCellDefinition {
  return { family: ledger.familyOf(cell.feature).id, feature: cell.feature, codes: cell.codes === null ? null : [...cell.codes], population: cell.population };
}

export function figureDefinition(ledger: PublicationLedger, figure: Figure): FigureDefinition {
  const cell = (value: CountCell) => countCell(ledger, value);
  const codesOf = (feature: string) => ledger.feature(feature).categories.map((category) => category.code);
  switch (figure.kind) {
    case 'count':
      return { kind: 'count', cell: cell(figure.cell) };
    case 'share':
      return { kind: 'share', numerator: cell(figure.numerator), denominator: cell(figure.denominator) };
    case 'shareAtLeast':
      return { kind: 'shareAtLeast', numerator: cell(figure.numerator), denominator: cell(figure.denominator), floor: figure.floor };
    case 'difference':
      return {
        kind: 'difference',
        minuend: { kind: 'share', numerator: cell(figure.minuend.numerator), denominator: cell(figure.minuend.denominator) },
        subtrahend: { kind: 'share', numerator: cell(figure.subtrahend.numerator), denominator: cell(figure.subtrahend.denominator) },
      };
    case 'record':
      return { kind: 'record', family: figure.family, cell: figure.cell };
    case 'residual':
    case 'chiSquare':
    case 'vTest':
    case 'pValue':
      return { kind: figure.kind, inputs: countInputs(figure, codesOf).map(cell) };
    case 'amount':
      return {
        kind: 'amount',
        feature: figure.feature,
        statistic: figure.statistic,
        population: figure.population,
        units: cell({ feature: knownFeatureId(figure.feature), codes: ['bekend'], population: figure.population }),
      };
    case 'amountTest':
      return {
        kind: 'amount',
        feature: figure.feature,
        statistic: figure.result,
        population: figure.part,
        units: cell({ feature: knownFeatureId(figure.feature), codes: ['bekend'], population: figure.part }),
      };
    case 'model':
      return { kind: 'model', name: figure.name };
  }
}

export function packageDefinitions(
  ledger: PublicationLedger,
  dataDigest: string,
  outputs: readonly DefinedOutput[],
  records: readonly RecordFamily[],
): PackageDefinitions {
  const { data, rules } = ledger;
  return definitionsSchema.parse({
    format: DEFINITIONS_FORMAT,
    version: DEFINITIONS_VERSION,
    dataDigest,
    rules: { threshold: rules.threshold, protectionLevel: rules.protectionLevel },
    counts: ledger.method === 'rounding' ? { method: 'rounded', base: rules.roundingBase } : { method: 'exact' },
    shareDecimals: SHARE_DECIMALS,
    families: data.families.map((family) => ({
      id: family.id,
      features: family.features.map((feature) => feature.id),
      categories: family.features.map((feature) => feature.categories.map(({ code, label }) => ({ code, label }))),
      atoms: family.atoms.map((atom) => [...atom]),
    })),
    populations: {
      atoms: data.populations.atoms.map((atom) => atom.id),
      sets: Object.fromEntries(data.populations.populations.map((population) => [population.id, { label: population.label, atoms: [...population.atoms] }])),
    },
    recordFamilies: records.map((family) => ({
      id: family.id,
      cells: family.cells.map(({ id, label }) => ({ id, label })),
      relations: family.relations.map((relation) =>
        relation.kind === 'sum' ? { kind: 'sum' as const, total: relation.total, parts: [...relation.parts] } : { ...relation },
      ),
    })),
    outputs: outputs.map(({ id, csv, published }) => ({
      id,
      csv,
      cells: published.figures.flatMap((row, rowIndex) =>
        row.flatMap((figure, column) => (figure === null ? [] : [{ row: rowIndex, column, figure: figureDefinition(ledger, figure) }])),
      ),
      notes: published.noteFigures.map((figure) => figureDefinition(ledger, figure)),
    })),
  });
}

export function definitionsJson(definitions: PackageDefinitions): Buffer {
  return Buffer.from(`${JSON.stringify(definitions, null, 2)}\n`, 'utf8');
}
