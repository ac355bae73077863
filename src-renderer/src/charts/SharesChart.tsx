// The grouped bar chart under a comparison table: clients against all households, per category, in percent.
import { useMemo } from 'react';
import type { CheckedTable } from '../api/types';
import { useLanguage, useT } from '../i18n/useT';
import { PlotlyChart } from './PlotlyChart';
import { shareGroups, sharesFigure } from './sharesFigure';

export function hasShares(table: CheckedTable): boolean {
  return shareGroups(table).length > 0;
}

export function SharesChart({ table }: { table: CheckedTable }) {
  const t = useT();
  const { language } = useLanguage();
  const figure = useMemo(() => sharesFigure(table, language, t('chart.hidden')), [table, language, t]);
  const hidden = table.rows.some((row) => !row.total && shareGroups(table).some((group) => row.cells[group.columnIndex]?.status === 'suppressed'));
  const summary = t(hidden ? 'chart.sharesSummaryGaps' : 'chart.sharesSummary', {
    title: table.title,
    groups: shareGroups(table)
      .map((group) => group.label)
      .join(', '),
    rowHeader: table.rowHeader.toLowerCase(),
  });
  return <PlotlyChart figure={figure} summary={summary} testId={`chart-${table.id}`} className="chart-shares" />;
}
