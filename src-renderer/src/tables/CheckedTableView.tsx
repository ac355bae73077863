// A checked table on screen: every cell with its status; a blocked or suppressed cell is a mark, never a number.
import type { CheckedTable } from '../api/types';
import { useLanguage, useT } from '../i18n/useT';
import type { MessageKey } from '../i18n/nl';
import { formatCellValue, keepFiguresTogether, type ValueFormat } from './cellFormat';

type Cell = CheckedTable['rows'][number]['cells'][number];

const RULE_KEYS: Record<Extract<Cell, { status: 'blocked' }>['rule'], MessageKey> = {
  threshold: 'cell.rule.threshold',
  'statistic-threshold': 'cell.rule.statisticThreshold',
  dominance: 'cell.rule.dominance',
  'p-percent': 'cell.rule.pPercent',
  'min-max': 'cell.rule.minMax',
  'degrees-of-freedom': 'cell.rule.degreesOfFreedom',
};

export function CellView({ cell, format }: { cell: Cell; format: ValueFormat }) {
  const t = useT();
  const { language } = useLanguage();
  // A cell read in words ("Bijstand 81 %") shows those words, with its status mark where it has one.
  if ('text' in cell && cell.text !== undefined) {
    const mark = cell.status === 'rounded' ? 'r' : cell.status === 'review' ? 'c' : null;
    return (
      <span className={cell.status === 'review' ? 'cell-review' : cell.status === 'rounded' ? 'cell-rounded' : undefined}>
        {keepFiguresTogether(cell.text)}
        {mark && <sup aria-hidden="true">{mark}</sup>}
      </span>
    );
  }
  switch (cell.status) {
    case 'safe':
      // An adjusted residual beyond ±1.96 marks a category that differs significantly (5 %).
      return format === 'residual' && Math.abs(cell.value) >= 1.96 ? (
        <strong className="cell-significant" title={t('cell.significantTitle')}>
          {formatCellValue(cell.value, format, language)}
        </strong>
      ) : (
        <>{formatCellValue(cell.value, format, language)}</>
      );
    case 'rounded':
      return (
        <span className="cell-rounded" title={t('cell.roundedTitle', { base: cell.base })}>
          {formatCellValue(cell.value, format, language)}
          <sup aria-hidden="true">r</sup>
        </span>
      );
    case 'review':
      return (
        <span className="cell-review" title={t(cell.reason === 'zero' ? 'cell.reviewZero' : 'cell.reviewGroup')}>
          {formatCellValue(cell.value, format, language)}
          <sup aria-hidden="true">c</sup>
        </span>
      );
    case 'blocked':
      return (
        <span className="cell-mark cell-blocked" data-status="blocked" title={t(RULE_KEYS[cell.rule])}>
          {t('cell.blocked')}
        </span>
      );
    case 'secondary':
      return (
        <span className="cell-mark cell-secondary" data-status="secondary" title={t('cell.secondaryTitle')}>
          {t('cell.secondary')}
        </span>
      );
    case 'empty':
      return <span aria-label={t('cell.empty')}>–</span>;
  }
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

export function CheckedTableView({ table }: { table: CheckedTable }) {
  const t = useT();
  const { language } = useLanguage();
  const statuses = new Set(table.rows.flatMap((row) => row.cells.map((cell) => cell.status)));
  const population = table.population.units;
  const groups = columnGroups(table.columns);
  return (
    <figure className="checked-table" data-testid={`table-${table.id}`}>
      <figcaption className="checked-table-caption">
        <span className="checked-table-title">{table.title}</span>
        <span className="checked-table-population">
          {t('table.population', {
            label: table.population.label,
            units: typeof population === 'number' ? formatCellValue(population, 'count', language) : `< ${population.below}`,
          })}
        </span>
      </figcaption>
      <div className="checked-table-scroll">
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
            {table.rows.map((row) => (
              <tr key={row.id} className={row.total ? 'total-row' : undefined} data-testid={`row-${table.id}-${row.id}`}>
                <th scope="row">{row.label}</th>
                {row.cells.map((cell, index) => (
                  <td key={table.columns[index]?.id ?? index} className="numeric" data-status={cell.status}>
                    <CellView cell={cell} format={row.format ?? table.columns[index]?.format ?? 'number'} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {(statuses.has('blocked') || statuses.has('secondary') || statuses.has('review') || statuses.has('rounded') || table.notes.length > 0) && (
        <div className="checked-table-notes">
          {statuses.has('blocked') && <p>{t('cell.legendBlocked')}</p>}
          {statuses.has('secondary') && <p>{t('cell.legendSecondary')}</p>}
          {statuses.has('review') && <p>{t('cell.legendReview')}</p>}
          {statuses.has('rounded') && <p>{t('cell.legendRounded')}</p>}
          {table.notes.map((note) => (
            <p key={note}>{note}</p>
          ))}
        </div>
      )}
    </figure>
  );
}
