// One plotly chart in a div: loads plotly lazily, redraws when its figure changes, purges on unmount.
import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/useT';
import { loadPlotly, type PlotlyApi } from './loadPlotly';
import type { ChartFigure } from './plotConfig';

interface PlotlyChartProps {
  figure: ChartFigure;
  /** The chart in one sentence for screen readers; the table beside it stays the full accessible source. */
  summary: string;
  testId: string;
  className?: string;
}

export function PlotlyChart({ figure, summary, testId, className }: PlotlyChartProps) {
  const t = useT();
  const container = useRef<HTMLDivElement>(null);
  const [plotly, setPlotly] = useState<PlotlyApi | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let current = true;
    loadPlotly().then(
      (loaded) => current && setPlotly(() => loaded),
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, []);

  useEffect(() => {
    const element = container.current;
    if (!plotly || !element) return;
    void plotly.react(element, figure.data, figure.layout, figure.config);
  }, [plotly, figure]);

  // Purged once, when the chart leaves the page: plotly keeps listeners and state on the element.
  useEffect(() => {
    const element = container.current;
    return () => {
      if (element && plotly) plotly.purge(element);
    };
  }, [plotly]);

  return (
    <div className={`chart ${className ?? ''}`} data-testid={testId}>
      {!plotly && !failed && (
        <p className="chart-loading" role="status">
          {t('chart.loading')}
        </p>
      )}
      {failed && <p className="chart-loading">{t('chart.failed')}</p>}
      <div ref={container} className="chart-plot" role="img" aria-label={summary} />
    </div>
  );
}
