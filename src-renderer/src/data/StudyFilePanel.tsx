// The Data page's "Studie" section: open a study file (its files replace the open ones) or save the study as one.
import type { FormEvent } from 'react';
import type { OpenedFile } from '../api/types';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import { useFormat, useT } from '../i18n/useT';
import { useStudyFile } from './useStudyFile';

export function StudyFilePanel({ onOpened }: { onOpened: (files: readonly OpenedFile[]) => void }) {
  const t = useT();
  const format = useFormat();
  const study = useStudyFile(onOpened);
  const busy = study.running !== null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy && study.name.trim() !== '') void study.save();
  };
  const outcome = study.outcome;
  return (
    <section className="workspace-panel" data-testid="study-panel" aria-labelledby="study-heading">
      <div className="workspace-head">
        <div>
          <h2 className="workspace-title" id="study-heading">
            {t('study.heading')}
          </h2>
          <p className="hint">{t('study.intro')}</p>
        </div>
        <div className="page-actions workspace-actions">
          <button
            type="button"
            className="button-secondary"
            onClick={busy ? undefined : () => void study.open()}
            aria-disabled={busy}
            aria-busy={study.running === 'open'}
            data-testid="study-open"
          >
            {study.running === 'open' ? t('study.opening') : t('study.open')}
          </button>
        </div>
      </div>
      <form className="study-save-form" onSubmit={submit}>
        <label className="field">
          <span className="field-label">{t('study.name')}</span>
          <input
            value={study.name}
            maxLength={200}
            placeholder={t('study.namePlaceholder')}
            onChange={(event) => study.setName(event.target.value)}
            data-testid="study-name"
          />
        </label>
        <button
          type="submit"
          className="button-secondary"
          aria-disabled={busy || study.name.trim() === ''}
          aria-busy={study.running === 'save'}
          data-testid="study-save"
        >
          {study.running === 'save' ? t('study.saving') : t('study.save')}
        </button>
      </form>
      {study.error && <ApiErrorAlert error={study.error} testId="study-error" />}
      {outcome && (
        <div className="workspace-outcome" role="status" data-testid="study-outcome">
          <p>
            {outcome.kind === 'saved'
              ? t('study.saved', { file: outcome.file, count: format.number(outcome.inputs) })
              : t('study.opened', { name: outcome.name, count: format.number(outcome.files) })}
          </p>
          {outcome.kind === 'opened' && outcome.notes.map((note) => <p key={note}>{note}</p>)}
        </div>
      )}
    </section>
  );
}
