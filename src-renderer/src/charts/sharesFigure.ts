// A comparison table's percent columns as grouped bars; a blocked or suppressed cell is a labelled gap, never a value.
import type { Annotations, Data } from 'plotly.js';
import type { CheckedTable } from '../api/types';
import type { Language } from '../i18n/language';
import { formatCellValue } from '../tables/cellFormat';
import { baseLayout, chartColour, chartConfig, type ChartFigure } from './plotConfig';

type Cell = CheckedTable['rows'][number]['cells'][number];

/** The labels a gap carries, from the table's own marks ("geblokkeerd", "onderdrukt"). */
export interface GapLabels {
  blocked: string;
  secondary: string;
}

export interface ShareGroup {
  label: string;
  columnIndex: number;
}

export function shareGroups(table: CheckedTable): ShareGroup[] {
  return table.columns.flatMap((column, columnIndex) => (column.format === 'percent' ? [{ label: column.group ?? column.label, columnIndex }] : []));
}

/** Only a published value becomes a bar: safe, rounded or under review. Anything else is null. */
function barValue(cell: Cell | undefined): number | null {
  return cell && (cell.status === 'safe' || cell.status === 'rounded' || cell.status === 'review') ? cell.value : null;
}

const BAR_GAP = 0.25;

/** Category names on two or three lines (whole words), so long names do not run into each other. */
export function wrapCategory(label: string, width = 14): string {
  const lines: string[] = [];
  for (const word of label.split(/\s+/)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.join('<br>');
}

/** Where group `position` of `count` sits within a category slot (category axis units). */
function slotOffset(position: number, count: number): number {
  const width = (1 - BAR_GAP) / count;
  return -((1 - BAR_GAP) / 2) + width * (position + 0.5);
}

export function sharesFigure(table: CheckedTable, language: Language, gaps: GapLabels): ChartFigure {
  const groups = shareGroups(table);
  const categories = table.rows.filter((row) => !row.total);
  const labels = categories.map((row) => wrapCategory(row.label));
  const valuesByGroup = groups.map((group) => categories.map((row) => barValue(row.cells[group.columnIndex])));
  const data: Data[] = groups.map((group, position) => {
    const values = valuesByGroup[position] ?? [];
    return {
      type: 'bar',
      name: group.label,
      x: labels,
      y: values,
      text: values.map((value) => (value === null ? '' : formatCellValue(value, 'percent', language))),
      textposition: 'outside',
      cliponaxis: false,
      hovertemplate: `${group.label}: %{text}<extra></extra>`,
      marker: { color: chartColour(position) },
    };
  });
  const annotations: Partial<Annotations>[] = groups.flatMap((group, position) =>
    categories.flatMap((row, index) => {
      const status = row.cells[group.columnIndex]?.status;
      if (status !== 'blocked' && status !== 'secondary') return [];
      return [
        {
          x: index + slotOffset(position, groups.length),
          y: 0,
          xref: 'x',
          yref: 'y',
          yanchor: 'bottom',
          text: status === 'blocked' ? gaps.blocked : gaps.secondary,
          textangle: '-90',
          showarrow: false,
          font: { size: 12, color: '#4a5563' },
          bordercolor: chartColour(position),
          borderpad: 3,
          bgcolor: '#ffffff',
        } satisfies Partial<Annotations>,
      ];
    }),
  );
  const maximum = Math.max(10, ...valuesByGroup.flat().filter((value) => value !== null));
  return {
    data,
    layout: {
      ...baseLayout(language),
      height: 340,
      margin: { t: 36, r: 16, b: 16, l: 56 },
      barmode: 'group',
      bargap: BAR_GAP,
      bargroupgap: 0,
      annotations,
      xaxis: { type: 'category', tickfont: { size: 12 }, automargin: true, fixedrange: true },
      yaxis: { title: { text: '%' }, range: [0, Math.ceil((maximum * 1.15) / 10) * 10], ticksuffix: ' %', fixedrange: true, gridcolor: '#e4e9ef', zeroline: true, zerolinecolor: '#8a96a5' },
    },
    config: chartConfig(language),
  };
}
