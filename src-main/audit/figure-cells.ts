// The count cells the figures of a package's definitions mention, in the tables and in the outputs' notes.
import type { CountCellDefinition, FigureDefinition, PackageDefinitions } from '../publication/definitions-file';

/** Every count cell a figure mentions. */
export function countCellsOf(figure: FigureDefinition): CountCellDefinition[] {
  switch (figure.kind) {
    case 'count':
      return [figure.cell];
    case 'share':
    case 'shareAtLeast':
      return [figure.numerator, figure.denominator];
    case 'difference':
      return [...countCellsOf(figure.minuend), ...countCellsOf(figure.subtrahend)];
    case 'amount':
      return [figure.units];
    case 'record':
    case 'model':
      return [];
    default:
      return [...figure.inputs];
  }
}

export function allFigures(definitions: PackageDefinitions): FigureDefinition[] {
  return definitions.outputs.flatMap((output) => [...output.cells.map((cell) => cell.figure), ...output.notes]);
}
