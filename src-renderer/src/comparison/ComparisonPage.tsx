// The Vergelijking page: client households against all households per feature, as checked tables.
import { useEffect, useState } from 'react';
import { callApi } from '../api/callApi';
import type { ProtectionMethod } from '../api/types';
import { PageSection } from '../shared/PageSection';
import { useT } from '../i18n/useT';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import { EmptyState } from '../shared/EmptyState';
import { SharesChart, hasShares } from '../charts/SharesChart';
import { CheckedTableView } from '../tables/CheckedTableView';
import { ProtectionChoice } from '../tables/ProtectionChoice';
import { useComparison } from './useComparison';

/** Whether there is a current analysis table to compare (else the page explains what to do first). */
function useAnalysisTableState() {
  const [state, setState] = useState<'loading' | 'none' | 'current' | 'stale'>('loading');
  useEffect(() => {
    void callApi(() => window.api.linkingStatus()).then((result) => setState(result.ok ? result.value.analysisTable : 'none'));
  }, []);
  return state;
}

export function ComparisonPage() {
  const t = useT();
  const [method, setMethod] = useState<ProtectionMethod>('suppression');
  const analysisTable = useAnalysisTableState();
  const { tables, loading, error } = useComparison(method, analysisTable === 'current');

  return (
    <PageSection
      id="vergelijking"
      title={t('page.vergelijking.title')}
      intro={t('compare.intro')}
      actions={<ProtectionChoice method={method} onChange={setMethod} />}
    >
      {analysisTable === 'none' && <EmptyState heading={t('page.vergelijking.emptyHeading')}>{t('compare.needsLink')}</EmptyState>}
      {analysisTable === 'stale' && (
        <p className="file-warnings" role="status" data-testid="compare-stale">
          {t('link.stale')}
        </p>
      )}
      {loading && (
        <p role="status" data-testid="compare-loading">
          {t('compare.loading')}
        </p>
      )}
      {error && <ApiErrorAlert error={error} testId="compare-error" />}
      {tables && (
        <div className="table-list" data-testid="comparison-tables">
          {tables.map((table) => (
            <div key={table.id} className="table-with-chart">
              <CheckedTableView table={table} />
              {hasShares(table) && <SharesChart table={table} />}
            </div>
          ))}
        </div>
      )}
    </PageSection>
  );
}
