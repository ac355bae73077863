// An output of an export package as the ACRO output log (results.json) describes it: its files, notes and flagged cells.
import { columnTitle, type CheckedTable } from '../disclosure/checked-table';
import type { AcroOutputInput } from './acro-output-input';
import type { HiddenCellEntry, WrittenFile } from './output-log';
import type { OutputNotes } from './package-request';

/** The flagged cells of a table as results.json lists them. */
function acroTable(table: CheckedTable, hidden: readonly HiddenCellEntry[]): NonNullable<AcroOutputInput['table']> {
  const cells: NonNullable<AcroOutputInput['table']>['cells'] = [];
  table.rows.forEach((row, rowIndex) =>
    row.cells.forEach((cell, column) => {
      const heading = table.columns[column];
      const columnLabel = heading ? columnTitle(heading) : '';
      if (cell.status === 'suppressed') {
        const entry = hidden.find((candidate) => candidate.row === rowIndex && candidate.column === column);
        const checks = entry?.reason === 'primary' ? [entry.rule ?? 'threshold'] : ['secondary'];
        cells.push({ row: rowIndex, column, rowLabel: row.label, columnLabel, checks: checks as ['threshold'], treatment: 'suppressed' });
      } else if (cell.status === 'review') {
        cells.push({ row: rowIndex, column, rowLabel: row.label, columnLabel, checks: [cell.reason], treatment: 'shown' });
      }
    }),
  );
  return { rowLabels: table.rows.map((row) => row.label), columnLabels: table.columns.map(columnTitle), cells };
}

export function acroOutput(
  table: CheckedTable,
  notes: OutputNotes,
  files: readonly WrittenFile[],
  method: string,
  now: Date,
  type: 'table' | 'custom' = 'table',
): AcroOutputInput {
  const comments = [notes.comment?.trim(), ...table.notes].filter((text): text is string => typeof text === 'string' && text !== '');
  return {
    uid: table.id,
    type,
    method,
    command: `groepsbeeld: ${table.title}`,
    timestamp: now,
    comments,
    exception: notes.exceptionRequest?.trim() ?? '',
    files: [...files].sort((a, b) => (a.kind === 'csv' ? -1 : b.kind === 'csv' ? 1 : 0)).map((file) => file.name),
    ...(type === 'table' ? { table: acroTable(table, notes.hiddenCells) } : {}),
    ...(notes.differencingException ? { unresolved: ['differencing' as const] } : {}),
  };
}
