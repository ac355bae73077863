// A checked table on screen: every cell as the export writes it, a hidden cell as one mark "x" (never a number, never a
// reason), and a legend under the table that explains each mark in words a keyboard or screen reader reaches too.
import type { CheckedTable } from '../api/types';
import { useLanguage, useT } from '../i18n/useT';
import { cellFormatOf, cellReading, formatCellValue, HIDDEN_MARK, keepFiguresTogether, statusMark, type PublishedCell, type ValueFormat } from './cellFormat';
import { CellLegend, legendEntries, legendEntryOf, type LegendEntry } from './CellLegend';

/** An adjusted residual beyond ±1.96 marks a category that differs significantly (5 %). */
export function isSignificant(cell: PublishedCell, format: ValueFormat): boolean {
  return cell.status !== 'suppressed' && cell.status !== 'empty' && format === 'residual' && cell.text === undefined && Math.abs(cell.value) >= 1.96;
}

/** One cell's content: its reading and, for a shown value under review or rounded, the mark the legend explains. */
export function CellView({ cell, format, bindFigures = false }: { cell: PublishedCell; format: ValueFormat; bindFigures?: boolean }) {
  const { language } = useLanguage();
  const reading = bindFigures ? keepFiguresTogether(cellReading(cell, format, language)) : cellReading(cell, format, language);
  const mark = statusMark(cell);
  if (cell.status === 'suppressed') return <span className="cell-value cell-hidden">{HIDDEN_MARK}</span>;
  return (
    <>
      {isSignificant(cell, format) ? <strong className="cell-value cell-significant">{reading}</strong> : <span className="cell-value">{reading}</span>}
      {mark && (
        <sup className="cell-status-mark" aria-hidden="true">
          {mark}
        </sup>
      )}
    </>
  );
}

/** Runs of adjacent columns under one group heading; columns without a group get an empty heading cell each. */
function columnGroups(columns: CheckedTable['columns']): { label: string | null; start: number; span: number }[] {
  const groups: { label: string | null; start: number; span: number }[] = [];
  columns.forEach((column, index) => {
    const last = groups.at(-1);
    const label = column.group ?? null;
    if (last && label !== null && last.label === label) last.span += 1;
    else groups.push({ label, start: index, span: 1 });
  });
  return groups;
}

/** The legend entries a table needs: one per mark that occurs in it. */
function tableLegend(table: CheckedTable): LegendEntry[] {
  const cells = table.rows.flatMap((row) => row.cells);
  const significant = table.rows.some((row, rowIndex) =>
    row.cells.some((cell, columnIndex) => isSignificant(cell, cellFormatOf(table, rowIndex, columnIndex))),
  );
  return legendEntries(cells, { significant });
}

export function CheckedTableView({ table }: { table: CheckedTable }) {
  const t = useT();
  const { language } = useLanguage();
  const population = table.population.units;
  const groups = columnGroups(table.columns);
  const legend = tableLegend(table);
  const legendId = `legend-${table.id}`;
  // A table of words (the cluster table) can be wider than the page: it scrolls, by keyboard too, row labels fixed.
  const wide = table.rows.some((row) => row.cells.some((cell) => 'text' in cell && cell.text !== undefined)) && table.columns.length > 4;
  return (
    <figure className="checked-table" data-testid={`table-${table.id}`}>
      <figcaption className="checked-table-caption">
        <span className="checked-table-title">{table.title}</span>
        <span className="checked-table-population">
          {t('table.population', {
            label: table.population.label,
            units: typeof population === 'number' ? formatCellValue(population, 'count', 0, language) : HIDDEN_MARK,
          })}
        </span>
      </figcaption>
      <div
        className={wide ? 'checked-table-scroll checked-table-wide' : 'checked-table-scroll'}
        {...(wide ? { tabIndex: 0, role: 'region', 'aria-label': t('table.scrollLabel', { title: table.title }) } : {})}
      >
        <table className="data-table">
          <thead>
            {groups.some((group) => group.label !== null) && (
              <tr className="column-groups">
                <td />
                {groups.map((group) =>
                  group.label === null ? (
                    <td key={group.start} />
                  ) : (
                    <th key={group.start} scope="colgroup" colSpan={group.span} className="column-group">
                      {group.label}
                    </th>
                  ),
                )}
              </tr>
            )}
            <tr>
              <th scope="col">{table.rowHeader}</th>
              {table.columns.map((column) => (
                <th key={column.id} scope="col" className="numeric" aria-label={column.group ? `${column.group}: ${column.label}` : undefined}>
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, rowIndex) => (
              <tr key={row.id} className={row.total ? 'total-row' : undefined} data-testid={`row-${table.id}-${row.id}`}>
                <th scope="row">{row.label}</th>
                {row.cells.map((cell, columnIndex) => {
                  const format = cellFormatOf(table, rowIndex, columnIndex);
                  const entry = legendEntryOf(cell, isSignificant(cell, format));
                  return (
                    <td
                      key={table.columns[columnIndex]?.id ?? columnIndex}
                      className={'text' in cell && cell.text !== undefined ? 'numeric cell-words' : 'numeric'}
                      data-status={cell.status}
                      aria-describedby={entry ? `${legendId}-${entry}` : undefined}
                    >
                      <CellView cell={cell} format={format} />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {(legend.length > 0 || table.notes.length > 0) && (
        <div className="checked-table-notes">
          <CellLegend id={legendId} entries={legend} />
          {table.notes.map((note) => (
            <p key={note}>{note}</p>
          ))}
        </div>
      )}
    </figure>
  );
}
