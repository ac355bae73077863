// The printed figures of packages in the attacker's system: each figure's meaning in the variables, and the
// constraints its printed value sets (counts, shares, bounds); differences of shares wait for their denominators.
import type { CountCellDefinition, FigureDefinition } from '../publication/definitions-file';
import type { CountExpression } from './family-classes';
import { combine, sumOf, type LinearExpression } from './linear-expression';
import { belowBound, halfUnit, roundingHalfWidth } from './printed-bounds';
import type { ReadPackage } from './read-package';
import type { FigureMeaning, PendingDifference, SystemBuilder, SystemFigure } from './system-parts';

/** Every figure of the packages' outputs and notes, with its constraints added and a finding where it cannot be. */
export function buildFigures(
  packages: readonly ReadPackage[],
  countExpression: CountExpression,
  recordVariables: readonly Map<string, Map<string, number>>[],
  builder: SystemBuilder,
): { figures: SystemFigure[]; differences: PendingDifference[] } {
  const { constraints, findings } = builder;
  const meaningOf = (packageIndex: number, figure: FigureDefinition): FigureMeaning => {
    const count = (cell: CountCellDefinition): LinearExpression => countExpression(packageIndex, cell);
    switch (figure.kind) {
      case 'count':
        return { kind: 'count', expression: count(figure.cell) };
      case 'share':
        return { kind: 'share', numerator: count(figure.numerator), denominator: count(figure.denominator) };
      case 'shareAtLeast':
        return { kind: 'shareAtLeast', floor: figure.floor, numerator: count(figure.numerator), denominator: count(figure.denominator) };
      case 'difference':
        return {
          kind: 'difference',
          minuend: { numerator: count(figure.minuend.numerator), denominator: count(figure.minuend.denominator) },
          subtrahend: { numerator: count(figure.subtrahend.numerator), denominator: count(figure.subtrahend.denominator) },
        };
      case 'record':
        return { kind: 'record', expression: sumOf([recordVariables[packageIndex]?.get(figure.family)?.get(figure.cell) as number]) };
      case 'amount':
        return { kind: 'amount', units: count(figure.units) };
      case 'model':
        return { kind: 'model' };
      default:
        return { kind: 'statistic', statistic: figure.kind, inputs: figure.inputs.map(count) };
    }
  };

  const figures: SystemFigure[] = [];
  const differences: PendingDifference[] = [];
  packages.forEach((item, packageIndex) => {
    const { counts } = item.definitions;
    for (const output of item.outputs) {
      for (const cell of output.cells) {
        const figure: SystemFigure = {
          packageIndex,
          package: item.name,
          output: output.id,
          row: cell.row,
          column: cell.column,
          label: cell.label,
          printed: cell.printed,
          meaning: meaningOf(packageIndex, cell.figure),
        };
        figures.push(figure);
        const source = `${item.name}: ${output.csv}, ${cell.label}`;
        const { printed } = cell;
        const { meaning } = figure;
        if (printed.kind === 'text' && (meaning.kind === 'count' || meaning.kind === 'record')) {
          findings.push({
            severity: 'warning',
            package: item.name,
            output: output.id,
            row: cell.row,
            column: cell.column,
            label: cell.label,
            message: `Een aantal staat in woorden zonder getal ("${printed.text}"); het telt niet mee in het stelsel van de aanvaller.`,
          });
        }
        if (printed.kind !== 'number' && printed.kind !== 'below') continue;
        if (meaning.kind === 'count' || meaning.kind === 'record') {
          if (printed.kind === 'below') {
            constraints.push({ terms: meaning.expression, lower: 0, upper: belowBound(printed.value), source });
          } else if (meaning.kind === 'count' && counts.method === 'rounded') {
            const half = roundingHalfWidth(counts.base);
            constraints.push({ terms: meaning.expression, lower: Math.max(0, printed.value - half), upper: printed.value + half, source });
          } else {
            constraints.push({ terms: meaning.expression, lower: printed.value, upper: printed.value, source });
          }
        } else if (meaning.kind === 'share') {
          const half = printed.kind === 'below' ? 0 : halfUnit(printed.decimals);
          const top = (printed.value + half) / 100;
          const bottom = (printed.value - half) / 100;
          // Under rounding the share is computed from the rounded counts, each within `slack` of the true one:
          // n' <= top·d' gives n <= top·d + slack·(1 + top), and n' >= bottom·d' gives n >= bottom·d - slack·(1 + bottom).
          const slack = counts.method === 'rounded' ? roundingHalfWidth(counts.base) : 0;
          // A printed share has a denominator of at least one household.
          constraints.push({ terms: meaning.denominator, lower: 1, upper: Infinity, source: `${source} (een aandeel heeft een noemer)` });
          constraints.push({ terms: combine(meaning.numerator, 1, meaning.denominator, -top), lower: -Infinity, upper: slack * (1 + top), source });
          if (printed.kind === 'number' && bottom > 0) {
            constraints.push({ terms: combine(meaning.numerator, 1, meaning.denominator, -bottom), lower: -slack * (1 + bottom), upper: Infinity, source });
          }
        } else if (meaning.kind === 'shareAtLeast') {
          // "80 % of meer": the writer decides it on the true counts.
          constraints.push({ terms: meaning.denominator, lower: 1, upper: Infinity, source: `${source} (een aandeel heeft een noemer)` });
          constraints.push({ terms: combine(meaning.numerator, 1, meaning.denominator, -meaning.floor / 100), lower: 0, upper: Infinity, source });
        } else if (meaning.kind === 'difference' && printed.kind === 'number') {
          // The difference of the two shares as printed (each rounded): the true difference lies within two half units.
          differences.push({
            figure,
            minuend: meaning.minuend,
            subtrahend: meaning.subtrahend,
            value: printed.value,
            halfWidth: 2 * halfUnit(printed.decimals),
          });
        }
      }
      output.notes.forEach((note, index) => {
        const meaning = meaningOf(packageIndex, note);
        const label = `toelichting ${index + 1}`;
        figures.push({ packageIndex, package: item.name, output: output.id, row: null, column: null, label, printed: null, meaning });
        if (
          meaning.kind === 'count' ||
          meaning.kind === 'share' ||
          meaning.kind === 'shareAtLeast' ||
          meaning.kind === 'difference' ||
          meaning.kind === 'record'
        ) {
          findings.push({
            severity: 'fail',
            package: item.name,
            output: output.id,
            label,
            message: 'Een aantal of aandeel in de toelichting heeft geen waarde in het pakket: de auditor kan niet nagaan wat het prijsgeeft.',
          });
        }
      });
    }
  });
  return { figures, differences };
}
