// The Clusters page: choose features and weights, algorithm and k range; run with progress and cancel; the advice and the choice of k.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { callApi } from '../api/callApi';
import type { PublishedClustering } from '../api/types';
import { useT } from '../i18n/useT';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import { EmptyState } from '../shared/EmptyState';
import { PageSection } from '../shared/PageSection';
import { QualityChart } from '../charts/QualityChart';
import { CheckedTableView } from '../tables/CheckedTableView';
import { useClustering, type Algorithm } from './useClustering';

const ALGORITHMS: readonly Algorithm[] = ['kmeans', 'kprototypes', 'pam'];

/** A hidden cluster size: at least one cluster is too small, so this clustering is not published. */
function sizeHidden(result: PublishedClustering): boolean {
  const column = result.clusters.columns.findIndex((candidate) => candidate.format === 'count');
  return result.clusters.rows.some((row) => row.cells[column]?.status === 'suppressed');
}

function useAnalysisTableState() {
  const [state, setState] = useState<'loading' | 'none' | 'current' | 'stale'>('loading');
  useEffect(() => {
    void callApi(() => window.api.linkingStatus()).then((result) => setState(result.ok ? result.value.analysisTable : 'none'));
  }, []);
  return state;
}

export function ClustersPage() {
  const t = useT();
  const analysisTable = useAnalysisTableState();
  const state = useClustering();
  const { features, result } = state;
  const selected = features?.filter((feature) => feature.selected && feature.weight > 0).length ?? 0;
  const validRange = state.kRange[0] >= 2 && state.kRange[1] <= 20 && state.kRange[0] <= state.kRange[1];
  const resultRef = useRef<HTMLDivElement>(null);
  const runId = result?.runId;
  // A finished run appears below the form: bring its advice into view (once per run, not per choice of k).
  useEffect(() => {
    if (runId) resultRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [runId]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (selected > 0 && validRange) void state.run();
  };

  return (
    <PageSection id="clusters" title={t('page.clusters.title')} intro={t('clusters.intro')}>
      {analysisTable === 'none' && <EmptyState heading={t('page.clusters.emptyHeading')}>{t('clusters.needsLink')}</EmptyState>}
      {analysisTable === 'current' && features && (
        <form className="cluster-form" onSubmit={submit} data-testid="cluster-form">
          <fieldset className="cluster-features">
            <legend className="field-label">{t('clusters.features')}</legend>
            <ul>
              {features.map((feature) => (
                <li key={feature.id}>
                  <label className="inline-check">
                    <input
                      type="checkbox"
                      checked={feature.selected}
                      onChange={(event) => state.updateFeature(feature.id, { selected: event.target.checked })}
                      data-testid={`feature-${feature.id}`}
                    />
                    {feature.label}
                  </label>
                  <label className="weight">
                    <span className="visually-hidden">{t('clusters.weightFor', { feature: feature.label })}</span>
                    <input
                      type="number"
                      min={0}
                      max={10}
                      step={0.5}
                      value={feature.weight}
                      disabled={!feature.selected}
                      onChange={(event) => state.updateFeature(feature.id, { weight: Number(event.target.value) })}
                    />
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <div className="cluster-settings">
            <label className="field">
              <span className="field-label">{t('clusters.algorithm')}</span>
              <select value={state.algorithm} onChange={(event) => state.setAlgorithm(event.target.value as Algorithm)} data-testid="cluster-algorithm">
                {ALGORITHMS.map((algorithm) => (
                  <option key={algorithm} value={algorithm}>
                    {t(`clusters.algorithm.${algorithm}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span className="field-label">{t('clusters.kFrom')}</span>
              <input
                type="number"
                min={2}
                max={20}
                value={state.kRange[0]}
                onChange={(event) => state.setKRange([Number(event.target.value), state.kRange[1]])}
              />
            </label>
            <label className="field">
              <span className="field-label">{t('clusters.kTo')}</span>
              <input
                type="number"
                min={2}
                max={20}
                value={state.kRange[1]}
                onChange={(event) => state.setKRange([state.kRange[0], Number(event.target.value)])}
              />
            </label>
            <div className="page-actions">
              {state.running && (
                <button type="button" className="button-secondary" onClick={state.cancel} data-testid="cluster-cancel">
                  {t('clusters.cancel')}
                </button>
              )}
              <button
                type="submit"
                className="button-primary"
                data-testid="cluster-run"
                aria-disabled={state.running || selected === 0 || !validRange}
                aria-busy={state.running}
              >
                {state.running ? t('clusters.running') : t('clusters.run')}
              </button>
            </div>
          </div>
        </form>
      )}
      {state.running && (
        <div className="link-progress" role="status" data-testid="cluster-progress">
          <progress max={1} value={state.status?.fraction ?? 0} />
          <span>{state.status?.k ? t('clusters.progressK', { k: state.status.k }) : t('clusters.preparing')}</span>
        </div>
      )}
      {state.error && <ApiErrorAlert error={state.error} testId="cluster-error" />}
      {result && (
        <div className="table-list" data-testid="cluster-result" ref={resultRef}>
          <div className="advice" data-testid="cluster-advice">
            <p className="advice-title">{t('clusters.advice', { k: result.recommendedK })}</p>
            <p>{result.reason}</p>
            <fieldset className="segmented">
              <legend className="field-label">{t('clusters.chooseK')}</legend>
              <div className="segmented-options">
                {Array.from({ length: result.kRange[1] - result.kRange[0] + 1 }, (_, index) => result.kRange[0] + index).map((k) => (
                  <label key={k} className="segmented-option">
                    <input type="radio" name="chosen-k" checked={result.chosenK === k} onChange={() => void state.chooseK(k)} data-testid={`choose-k-${k}`} />
                    <span>k = {k}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          </div>
          {sizeHidden(result) && (
            <p className="file-warnings" role="status" data-testid="clusters-not-published">
              {t('clusters.notPublished')}
            </p>
          )}
          <CheckedTableView table={result.clusters} />
          <QualityChart clustering={result} />
          <CheckedTableView table={result.quality} />
        </div>
      )}
    </PageSection>
  );
}
