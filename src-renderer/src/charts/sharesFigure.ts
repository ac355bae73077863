// A comparison table's percent columns as grouped bars; a hidden cell is a hatched empty slot marked "x" (as in the
// exported chart), never a bar with a value.
import type { Data } from 'plotly.js';
import type { CheckedTable } from '../api/types';
import type { Language } from '../i18n/language';
import { formatCellValue, HIDDEN_MARK } from '../tables/cellFormat';
import { baseLayout, chartColour, chartConfig, type ChartFigure } from './plotConfig';

type Cell = CheckedTable['rows'][number]['cells'][number];

export interface ShareGroup {
  label: string;
  columnIndex: number;
}

export function shareGroups(table: CheckedTable): ShareGroup[] {
  return table.columns.flatMap((column, columnIndex) => (column.format === 'percent' ? [{ label: column.group ?? column.label, columnIndex }] : []));
}

/** Only a published value becomes a bar: safe, rounded or under review. Anything else is null. */
function barValue(cell: Cell | undefined): number | null {
  return cell && 'value' in cell ? cell.value : null;
}

/** The label above a bar: its value with the cell's own decimals, "x" above a hidden slot, nothing for an empty cell. */
function barText(cell: Cell | undefined, language: Language): string {
  if (!cell) return '';
  if (cell.status === 'suppressed') return HIDDEN_MARK;
  return 'value' in cell ? formatCellValue(cell.value, 'percent', cell.decimals, language) : '';
}

const BAR_GAP = 0.25;
/** A hidden slot's height as a share of the axis: the same for every hidden cell, so it says nothing about the value. */
const HIDDEN_SLOT = 0.08;
const HATCH_COLOUR = '#767676';

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

export function sharesFigure(table: CheckedTable, language: Language, hiddenLabel: string): ChartFigure {
  const groups = shareGroups(table);
  const categories = table.rows.filter((row) => !row.total);
  const labels = categories.map((row) => wrapCategory(row.label));
  const cellsByGroup = groups.map((group) => categories.map((row) => row.cells[group.columnIndex]));
  const maximum = Math.max(10, ...cellsByGroup.flat().flatMap((cell) => barValue(cell) ?? []));
  const top = Math.ceil((maximum * 1.15) / 10) * 10;
  // One trace of bars per group, and one of hidden slots sharing its position (offsetgroup), so the legend shows the
  // group's colour and a hidden cell gets a hatched slot of fixed height labelled "x": it has no value to draw.
  const bars: Data[] = groups.map((group, position) => {
    const cells = cellsByGroup[position] ?? [];
    return {
      type: 'bar',
      name: group.label,
      offsetgroup: String(position),
      x: labels,
      y: cells.map(barValue),
      text: cells.map((cell) => (cell?.status === 'suppressed' ? '' : barText(cell, language))),
      textposition: 'outside',
      cliponaxis: false,
      hovertemplate: `${group.label}: %{text}<extra></extra>`,
      marker: { color: chartColour(position) },
    } as Data;
  });
  const slots: Data[] = groups.map((group, position) => {
    const cells = cellsByGroup[position] ?? [];
    const hidden = cells.map((cell) => cell?.status === 'suppressed');
    return {
      type: 'bar',
      name: `${group.label}: ${hiddenLabel}`,
      showlegend: false,
      offsetgroup: String(position),
      x: labels,
      y: hidden.map((isHidden) => (isHidden ? top * HIDDEN_SLOT : null)),
      text: hidden.map((isHidden) => (isHidden ? HIDDEN_MARK : '')),
      textposition: 'outside',
      cliponaxis: false,
      textfont: { color: '#a61b1b' },
      hovertemplate: `${group.label}: ${hiddenLabel}<extra></extra>`,
      marker: {
        color: '#ffffff',
        line: { color: HATCH_COLOUR, width: 1 },
        pattern: { shape: '/', fgcolor: HATCH_COLOUR, bgcolor: '#ffffff', size: 5, solidity: 0.35 },
      },
    } as Data;
  });
  const data = [...bars, ...slots];
  return {
    data,
    layout: {
      ...baseLayout(language),
      height: 340,
      margin: { t: 36, r: 16, b: 16, l: 56 },
      barmode: 'group',
      bargap: BAR_GAP,
      bargroupgap: 0,
      xaxis: { type: 'category', tickfont: { size: 12 }, automargin: true, fixedrange: true },
      yaxis: { title: { text: '%' }, range: [0, top], ticksuffix: ' %', fixedrange: true, gridcolor: '#e4e9ef', zeroline: true, zerolinecolor: '#8a96a5' },
    },
    config: chartConfig(language),
  };
}
