// Status words: one mark for every hidden cell, or the reader learns which hidden cells are the small ones.
import { normalise, type Package } from './package-reader';
import { recovery, type Recovery } from './recoveries';

export interface StatusWords {
  /** Every distinct way a hidden cell is marked in the package (CSV text, sheet text and the sheet's status code). */
  markers: string[];
  /** Hidden cells whose mark says they are the small ones (below the threshold). */
  recoveries: Recovery[];
}

export function statusWordAttack(pkg: Package): StatusWords {
  const cells: { cell: string; marker: string }[] = [];
  for (const table of pkg.tables.values()) {
    for (const row of table.rows) {
      row.figures.forEach((figure, index) => {
        if (!figure.hidden) return;
        const marker = `${normalise(figure.text)}${row.status === null ? '' : ` [status ${row.status}]`}`;
        cells.push({ cell: `${table.name} / ${row.label} / ${table.header[index + 1] ?? index}`, marker });
      });
    }
  }
  const markers = [...new Set(cells.map((cell) => cell.marker))].sort();
  const recoveries =
    markers.length <= 1
      ? []
      : cells
          .filter((cell) => /geblokkeerd|minder dan|drempel|\[status [^\]]*x/i.test(cell.marker))
          .map((cell) => recovery('statuswoorden', cell.cell, 1, 9, `gemarkeerd als "${cell.marker}", andere verborgen cellen anders`));
  return { markers, recoveries };
}
