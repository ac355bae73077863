// What every chart shares: the offline plotly config, the Okabe-Ito palette of the export, fonts and margins.
import type { Config, Data, Layout } from 'plotly.js';
import type { Language } from '../i18n/language';

export interface ChartFigure {
  data: Data[];
  layout: Partial<Layout>;
  config: Partial<Config>;
}

/** Okabe-Ito, as in the exported chart (src-main/export/chart-svg.ts): clients blue, all households orange. */
export const CHART_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7'] as const;

export function chartColour(position: number): string {
  return CHART_COLOURS[position % CHART_COLOURS.length] ?? '#000000';
}

/**
 * Interactive (hover) but offline: no logo or links, no MathJax, no modebar. The modebar's image download
 * would be refused by the app (downloads are off); charts leave the app through the Export page only.
 */
export function chartConfig(language: Language): Partial<Config> {
  return {
    displaylogo: false,
    displayModeBar: false,
    responsive: true,
    staticPlot: false,
    scrollZoom: false,
    showLink: false,
    showSendToCloud: false,
    showEditInChartStudio: false,
    typesetMath: false,
    locale: language === 'nl' ? 'nl' : 'en',
  };
}

const FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif";

/** The common frame: the app's font and text colour, Dutch or English separators, a transparent background. */
export function baseLayout(language: Language): Partial<Layout> {
  return {
    font: { family: FONT_FAMILY, size: 13, color: '#1b1f24' },
    separators: language === 'nl' ? ',.' : '.,',
    paper_bgcolor: 'rgba(0,0,0,0)',
    plot_bgcolor: 'rgba(0,0,0,0)',
    autosize: true,
    hoverlabel: { font: { family: FONT_FAMILY } },
    legend: { orientation: 'h', x: 0, y: 1.02, xanchor: 'left', yanchor: 'bottom' },
  };
}
