// Loads plotly on first use (its own chunk), after telling it that its CSS is already bundled.
import type * as PlotlyTypes from 'plotly.js';

export type PlotlyApi = typeof PlotlyTypes;

/**
 * plotly adds its global rules with a <style> element, which `style-src 'self'` refuses. An element with
 * this id and class tells plotly (3.x, src/lib/dom.js addRelatedStyleRule) that the rules are present;
 * they are, from plotly.css in the lazy chunk. Must exist before the bundle is evaluated.
 */
function markPlotlyStylesBundled(): void {
  const id = 'plotly.js-style-global';
  if (document.getElementById(id)) return;
  const marker = document.createElement('meta');
  marker.id = id;
  marker.className = 'no-inline-styles';
  document.head.append(marker);
}

/** Modebar and number texts in Dutch; registered once, so `locale: 'nl'` needs no fetched locale file. */
function registerDutch(plotly: PlotlyApi): void {
  plotly.register({
    moduleType: 'locale',
    name: 'nl',
    dictionary: { 'Double-click to zoom back out': 'Dubbelklik om terug te zoomen', 'Reset axes': 'Assen herstellen' },
    // Only the separators: other format keys fall back to plotly's English ones (no dates are charted).
    format: { decimal: ',', thousands: '.' },
  });
}

let loading: Promise<PlotlyApi> | undefined;

export function loadPlotly(): Promise<PlotlyApi> {
  loading ??= (async () => {
    markPlotlyStylesBundled();
    const plotly = (await import('./plotlyBundle')).default;
    registerDutch(plotly);
    return plotly;
  })();
  // A failed load (should not happen offline) may be retried by the next chart.
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
