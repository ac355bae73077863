// Why each hidden cell of a published table is hidden, from the study's ledger, for the output log (the tables
// themselves carry one mark): the rule, secondary suppression, or computed from a hidden count, with the attacker's interval.
import { columnTitle } from '../disclosure/checked-table';
import type { RuleSet } from '../disclosure/rule-set';
import { blockedText, DERIVED_TEXT, SECONDARY_TEXT } from '../export/cell-text';
import type { HiddenCellEntry } from '../export/output-log';
import type { PublicationLedger } from '../publication/ledger';
import type { PublishedTable } from '../publication/table-draft';

export function hiddenCells(ledger: PublicationLedger, published: PublishedTable, rules: RuleSet): HiddenCellEntry[] {
  const { table, figures } = published;
  return table.rows.flatMap((row, rowIndex) =>
    row.cells.flatMap((cell, column): HiddenCellEntry[] => {
      const figure = figures[rowIndex]?.[column];
      if (cell.status !== 'suppressed' || !figure) return [];
      const because = ledger.hiddenBecause(figure) ?? { kind: 'derived' as const };
      const interval = ledger.interval(figure);
      return [
        {
          row: rowIndex,
          column,
          rowLabel: row.label,
          columnLabel: table.columns[column] ? columnTitle(table.columns[column]) : '',
          reason: because.kind,
          ...(because.kind === 'primary' ? { rule: because.rule } : {}),
          description: because.kind === 'primary' ? blockedText(because.rule, rules) : because.kind === 'secondary' ? SECONDARY_TEXT : DERIVED_TEXT,
          ...(interval ? { interval: { lower: interval.lower, upper: Number.isFinite(interval.upper) ? interval.upper : null } } : {}),
        },
      ];
    }),
  );
}
