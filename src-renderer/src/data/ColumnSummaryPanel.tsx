// The summary of one column: its type, row count, missing values (with share) and distinct values.
import { useEffect, useRef } from 'react';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import { useFormat, useT } from '../i18n/useT';
import { useCountText } from './useCountText';
import type { ColumnSummaryState } from './useColumnSummary';

export function ColumnSummaryPanel({ state }: { state: Exclude<ColumnSummaryState, { status: 'idle' }> }) {
  const t = useT();
  const format = useFormat();
  const countText = useCountText();
  const column = state.selection.column;
  const panel = useRef<HTMLElement>(null);

  // The panel opens below a possibly long list of columns; bring it into view without moving focus.
  useEffect(() => {
    panel.current?.scrollIntoView({ block: 'nearest' });
  }, [state.selection.fileId, column, state.status]);

  return (
    <section
      ref={panel}
      className="column-summary"
      data-testid="column-summary"
      aria-live="polite"
      aria-busy={state.status === 'loading'}
      aria-label={t('summary.heading', { column })}
    >
      <h4 className="column-summary-heading">{t('summary.heading', { column })}</h4>
      {state.status === 'loading' && <p className="loading">{t('summary.loading', { column })}</p>}
      {state.status === 'failed' && <ApiErrorAlert error={state.error} />}
      {state.status === 'done' && (
        <dl className="facts">
          <div className="fact">
            <dt>{t('summary.type')}</dt>
            <dd className="mono">{state.summary.type}</dd>
          </div>
          <div className="fact">
            <dt>{t('summary.rows')}</dt>
            <dd>{countText(state.summary.rowCount)}</dd>
          </div>
          <div className="fact">
            <dt>{t('summary.missing')}</dt>
            <dd>
              {typeof state.summary.missing === 'number' && typeof state.summary.rowCount === 'number' && state.summary.rowCount > 0
                ? t('summary.missingShare', {
                    count: format.number(state.summary.missing),
                    share: format.percent(state.summary.missing / state.summary.rowCount),
                  })
                : countText(state.summary.missing)}
            </dd>
          </div>
          <div className="fact">
            <dt>{t('summary.distinct')}</dt>
            <dd>{format.number(state.summary.distinct)}</dd>
          </div>
        </dl>
      )}
    </section>
  );
}
