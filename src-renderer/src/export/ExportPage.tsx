// The Export page: choose outputs, see each one's check, add comments and exception requests, write the package.
import { PageSection } from '../shared/PageSection';
import { useEffect, useRef, useState } from 'react';
import type { ProtectionMethod } from '../api/types';
import { useFormat, useT } from '../i18n/useT';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import { EmptyState } from '../shared/EmptyState';
import { ProtectionChoice } from '../tables/ProtectionChoice';
import { ExportResultView } from './ExportResultView';
import { cellCountsText, groupCandidates, GROUP_TITLES } from './exportGroups';
import { useExport, type Candidate } from './useExport';

function VerdictBadge({ verdict }: { verdict: Candidate['verdict'] }) {
  const t = useT();
  return (
    <span className={`verdict verdict-${verdict}`} data-testid="verdict">
      {t(verdict === 'pass' ? 'export.verdict.pass' : 'export.verdict.review')}
    </span>
  );
}

/** One output: its choice box and check, and when chosen its chart, comment and exception request. */
function CandidateItem({ candidate, state, differencing }: { candidate: Candidate; state: ReturnType<typeof useExport>; differencing: boolean }) {
  const t = useT();
  const format = useFormat();
  const choice = state.choiceFor(candidate);
  return (
    <li className="export-item" data-testid={`export-${candidate.id}`}>
      <label className="export-item-head">
        <input
          type="checkbox"
          checked={choice.selected}
          onChange={(event) => state.updateChoice(candidate, { selected: event.target.checked })}
          data-testid={`select-${candidate.id}`}
        />
        <span className="export-item-title">{candidate.title}</span>
        <VerdictBadge verdict={candidate.verdict} />
      </label>
      <p className="export-item-facts">{cellCountsText(candidate, t, format)}</p>
      {differencing && (
        <p className="export-item-facts export-item-differencing" data-testid={`differencing-${candidate.id}`}>
          {t('export.differencingItem')}
        </p>
      )}
      {choice.selected && (
        <div className="export-item-notes">
          {candidate.chart && (
            <label className="inline-check">
              <input type="checkbox" checked={choice.chart} onChange={(event) => state.updateChoice(candidate, { chart: event.target.checked })} />
              {t('export.chart')}
            </label>
          )}
          <details className="export-notes" open={choice.comment !== '' || choice.exceptionRequest !== ''}>
            <summary>{t(candidate.verdict === 'pass' ? 'export.addComment' : 'export.addCommentOrException')}</summary>
            <label className="field">
              <span className="field-label">{t('export.comment')}</span>
              <textarea rows={2} value={choice.comment} onChange={(event) => state.updateChoice(candidate, { comment: event.target.value })} maxLength={4000} />
            </label>
            {candidate.verdict !== 'pass' && (
              <label className="field">
                <span className="field-label">{t('export.exceptionRequest')}</span>
                <textarea
                  rows={2}
                  value={choice.exceptionRequest}
                  onChange={(event) => state.updateChoice(candidate, { exceptionRequest: event.target.value })}
                  maxLength={4000}
                />
              </label>
            )}
          </details>
        </div>
      )}
    </li>
  );
}

export function ExportPage() {
  const t = useT();
  const format = useFormat();
  const [method, setMethod] = useState<ProtectionMethod>('suppression');
  const state = useExport(method);
  const { preview } = state;
  const resultRef = useRef<HTMLDivElement>(null);
  // A written (or refused) export appears below the long list: bring it into view.
  useEffect(() => {
    if (state.result) resultRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [state.result]);
  const canWrite = state.selected.length > 0 && state.justificationReady;
  const differencingIds = new Set(preview?.differencing.map((warning) => warning.outputId));

  return (
    <PageSection id="export" title={t('page.export.title')} intro={t('export.intro')} actions={<ProtectionChoice method={method} onChange={setMethod} />}>
      {state.loading && <p role="status">{t('export.loading')}</p>}
      {state.error && (
        <EmptyState heading={t('page.export.emptyHeading')}>
          <span data-testid="export-unavailable">{state.error.message}</span>
        </EmptyState>
      )}

      {preview && (
        <form
          className="export-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (canWrite) void state.write();
          }}
        >
          <p className="field-hint">{t('export.ruleSet', { name: preview.ruleSet.name })}</p>
          {preview.refusals.length > 0 && (
            <div className="export-refusals" role="status" data-testid="export-refusals">
              <h2 className="export-warning-title">{t('export.refusalsTitle')}</h2>
              <ul>
                {preview.refusals.map((refusal) => (
                  <li key={refusal}>{refusal}</li>
                ))}
              </ul>
            </div>
          )}
          <div data-testid="export-candidates">
            {groupCandidates(preview.candidates).map(({ group, candidates }) => (
              <section key={group} className="export-group" aria-labelledby={`export-group-${group}`}>
                <h2 className="section-heading" id={`export-group-${group}`}>
                  {t(GROUP_TITLES[group])}
                </h2>
                <ul className="export-list">
                  {candidates.map((candidate) => (
                    <CandidateItem key={candidate.id} candidate={candidate} state={state} differencing={differencingIds.has(candidate.id)} />
                  ))}
                </ul>
              </section>
            ))}
          </div>

          {state.needsJustification && (
            <div className="export-warning" role="alert" data-testid="differencing-warning">
              <h2 className="export-warning-title">{t('export.differencingTitle')}</h2>
              <ul className="export-warning-list">
                {state.warnings.map((message) => (
                  <li key={message}>{message}</li>
                ))}
              </ul>
              <label className="field">
                <span className="field-label">{t('export.justification')}</span>
                <textarea
                  rows={4}
                  value={state.justification}
                  onChange={(event) => state.setJustification(event.target.value)}
                  maxLength={4000}
                  aria-describedby="justification-hint justification-count"
                  data-testid="differencing-justification"
                />
                <span className="field-hint" id="justification-hint" data-testid="justification-hint">
                  {t('export.justificationHint')}
                </span>
                <span
                  className={state.justificationReady ? 'field-hint' : 'field-hint justification-short'}
                  id="justification-count"
                  data-testid="justification-count"
                  aria-live="polite"
                >
                  {t('export.justificationCount', {
                    characters: format.number(state.justificationCount.characters),
                    words: format.number(state.justificationCount.words),
                  })}
                </span>
              </label>
            </div>
          )}

          {!state.justificationReady && (
            <p className="field-hint" role="status" data-testid="justification-needed">
              {t('export.justificationNeeded')}
            </p>
          )}
          <div className="page-actions">
            <button type="submit" className="button-primary" data-testid="export-write" aria-disabled={!canWrite || state.writing} aria-busy={state.writing}>
              {state.writing ? t('export.writing') : t('export.write', { count: format.number(state.selected.length) })}
            </button>
          </div>
        </form>
      )}

      {state.writeError && <ApiErrorAlert error={state.writeError} testId="export-error" />}
      <div ref={resultRef}>{state.result && <ExportResultView result={state.result} written={state.lastWritten} shown={state.warnings} />}</div>
    </PageSection>
  );
}
