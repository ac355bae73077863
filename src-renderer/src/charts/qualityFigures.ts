// A clustering's quality table as two small plots against k: elbow and silhouette; lowest and mean Jaccard.
import type { Data, Layout, Shape, Annotations } from 'plotly.js';
import type { CheckedTable } from '../api/types';
import type { Language } from '../i18n/language';
import { baseLayout, chartColour, chartConfig, type ChartFigure } from './plotConfig';

export interface QualityLabels {
  k: string;
  withinError: string;
  silhouette: string;
  minJaccard: string;
  meanJaccard: string;
  advice: string;
}

/** One column of the quality table against k, read by column id; a cell without a published value is a gap. */
function series(table: CheckedTable, columnId: string): { k: number[]; values: (number | null)[] } {
  const column = table.columns.findIndex((candidate) => candidate.id === columnId);
  const k: number[] = [];
  const values: (number | null)[] = [];
  for (const row of table.rows) {
    const match = /^k-(\d+)$/.exec(row.id);
    if (!match) continue;
    const cell = row.cells[column];
    k.push(Number(match[1]));
    values.push(cell && (cell.status === 'safe' || cell.status === 'rounded' || cell.status === 'review') ? cell.value : null);
  }
  return { k, values };
}

function line(name: string, points: ReturnType<typeof series>, position: number, axis: 'y' | 'y2' = 'y'): Data {
  return {
    type: 'scatter',
    mode: 'lines+markers',
    name,
    x: points.k,
    y: points.values,
    yaxis: axis,
    connectgaps: false,
    line: { color: chartColour(position), width: 2, dash: position === 0 ? 'solid' : 'dash' },
    marker: { color: chartColour(position), size: 7, symbol: position === 0 ? 'circle' : 'square' },
    hovertemplate: `${name}, k = %{x}: %{y}<extra></extra>`,
  };
}

/** A dashed vertical line at the advised k, labelled above the plot. */
function adviceMark(recommendedK: number, label: string): { shapes: Partial<Shape>[]; annotations: Partial<Annotations>[] } {
  return {
    shapes: [{ type: 'line', xref: 'x', yref: 'paper', x0: recommendedK, x1: recommendedK, y0: 0, y1: 1, line: { color: '#1b1f24', width: 1.5, dash: 'dot' } }],
    annotations: [{ x: recommendedK, y: 1, xref: 'x', yref: 'paper', yanchor: 'bottom', text: label, showarrow: false, font: { size: 12, color: '#1b1f24' } }],
  };
}

function smallLayout(language: Language, labels: QualityLabels, kRange: readonly [number, number]): Partial<Layout> {
  return {
    ...baseLayout(language),
    height: 300,
    // The legend sits below the k axis and its title, the advice label above the plot.
    margin: { t: 40, r: 56, b: 100, l: 64 },
    legend: { orientation: 'h', x: 0, y: -0.42, xanchor: 'left', yanchor: 'top' },
    xaxis: { title: { text: labels.k }, dtick: 1, range: [kRange[0] - 0.3, kRange[1] + 0.3], fixedrange: true, gridcolor: '#e4e9ef', zeroline: false },
  };
}

export function elbowFigure(
  table: CheckedTable,
  recommendedK: number,
  kRange: readonly [number, number],
  language: Language,
  labels: QualityLabels,
): ChartFigure {
  const mark = adviceMark(recommendedK, labels.advice);
  const base = smallLayout(language, labels, kRange);
  return {
    data: [line(labels.withinError, series(table, 'within-error'), 0), line(labels.silhouette, series(table, 'silhouette'), 1, 'y2')],
    layout: {
      ...base,
      ...mark,
      yaxis: {
        title: { text: labels.withinError, font: { color: chartColour(0) } },
        tickformat: ',.0f',
        fixedrange: true,
        gridcolor: '#e4e9ef',
        zeroline: false,
        automargin: true,
      },
      yaxis2: {
        title: { text: labels.silhouette, font: { color: chartColour(1) } },
        overlaying: 'y',
        side: 'right',
        fixedrange: true,
        showgrid: false,
        zeroline: false,
        automargin: true,
      },
    },
    config: chartConfig(language),
  };
}

export function jaccardFigure(
  table: CheckedTable,
  recommendedK: number,
  kRange: readonly [number, number],
  language: Language,
  labels: QualityLabels,
): ChartFigure {
  const mark = adviceMark(recommendedK, labels.advice);
  return {
    data: [line(labels.minJaccard, series(table, 'min-jaccard'), 0), line(labels.meanJaccard, series(table, 'mean-jaccard'), 1)],
    layout: {
      ...smallLayout(language, labels, kRange),
      ...mark,
      yaxis: { title: { text: 'Jaccard' }, range: [0, 1.05], dtick: 0.25, fixedrange: true, gridcolor: '#e4e9ef', zeroline: false },
    },
    config: chartConfig(language),
  };
}
