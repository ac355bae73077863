// The Data page's "Werkruimte" section: save the open files as an encrypted workspace, open one, or delete one.
import { useState, type FormEvent } from 'react';
import type { OpenedFile } from '../api/types';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import { useFormat, useT } from '../i18n/useT';
import { MIN_PASSPHRASE_LENGTH, passphraseProblem, useWorkspace, type WorkspaceAction } from './useWorkspace';

export function WorkspacePanel({ hasFiles, onOpened }: { hasFiles: boolean; onOpened: (files: readonly OpenedFile[]) => void }) {
  const t = useT();
  const format = useFormat();
  const workspace = useWorkspace(onOpened);
  const [mode, setMode] = useState<WorkspaceAction | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const busy = workspace.running !== null;

  const choose = (next: WorkspaceAction) => {
    if (busy) return;
    setMode(next);
    setPassphrase('');
    setConfirmation('');
    setSubmitted(false);
  };
  const close = () => {
    setMode(null);
    // The passphrase is not kept once it has been used or the form is closed.
    setPassphrase('');
    setConfirmation('');
  };
  const problem = passphraseProblem(passphrase, mode === 'save' ? confirmation : null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (busy || problem || (mode !== 'save' && mode !== 'open')) return;
    const action = mode === 'save' ? workspace.save : workspace.open;
    close();
    void action(passphrase);
  };

  const outcomeText = () => {
    const outcome = workspace.outcome;
    if (!outcome) return null;
    if (outcome.kind === 'saved') return t('workspace.saved', { name: outcome.name, size: format.bytes(outcome.bytes), count: format.number(outcome.tables) });
    if (outcome.kind === 'opened') return t('workspace.opened', { name: outcome.name, count: format.number(outcome.files) });
    return t('workspace.deleted', { name: outcome.name });
  };

  return (
    <section className="workspace-panel" data-testid="workspace-panel" aria-labelledby="workspace-heading">
      <div className="workspace-head">
        <div>
          <h2 className="workspace-title" id="workspace-heading">
            {t('workspace.heading')}
          </h2>
          <p className="hint">{t('workspace.intro')}</p>
        </div>
        <div className="page-actions workspace-actions">
          <button
            type="button"
            className="button-secondary"
            data-testid="workspace-save"
            onClick={hasFiles ? () => choose('save') : undefined}
            aria-disabled={busy || !hasFiles}
            aria-pressed={mode === 'save'}
            title={hasFiles ? undefined : t('workspace.saveNeedsFiles')}
          >
            {t('workspace.save')}
          </button>
          <button
            type="button"
            className="button-secondary"
            data-testid="workspace-open"
            onClick={() => choose('open')}
            aria-disabled={busy}
            aria-pressed={mode === 'open'}
          >
            {t('workspace.open')}
          </button>
          <button
            type="button"
            className="button-secondary button-danger"
            data-testid="workspace-delete"
            onClick={() => choose('delete')}
            aria-disabled={busy}
            aria-pressed={mode === 'delete'}
          >
            {t('workspace.delete')}
          </button>
        </div>
      </div>

      {(mode === 'save' || mode === 'open') && (
        <form className="workspace-form" onSubmit={submit} data-testid="workspace-form" noValidate>
          <label className="field">
            <span className="field-label">{t('workspace.passphrase')}</span>
            <input
              type="password"
              data-testid="workspace-passphrase"
              autoComplete={mode === 'save' ? 'new-password' : 'current-password'}
              minLength={MIN_PASSPHRASE_LENGTH}
              maxLength={1024}
              value={passphrase}
              onChange={(event) => setPassphrase(event.target.value)}
              aria-invalid={submitted && problem === 'tooShort'}
              aria-describedby={mode === 'save' ? 'workspace-passphrase-hint workspace-save-hint' : 'workspace-passphrase-hint'}
              autoFocus
              required
            />
            <span className="field-hint" id="workspace-passphrase-hint">
              {submitted && problem === 'tooShort' ? t('workspace.tooShort', { count: MIN_PASSPHRASE_LENGTH }) : ''}
            </span>
          </label>
          {mode === 'save' && (
            <label className="field">
              <span className="field-label">{t('workspace.confirm')}</span>
              <input
                type="password"
                data-testid="workspace-confirm"
                autoComplete="new-password"
                maxLength={1024}
                value={confirmation}
                onChange={(event) => setConfirmation(event.target.value)}
                aria-invalid={submitted && problem === 'mismatch'}
                aria-describedby="workspace-confirm-hint"
                required
              />
              <span className="field-hint" id="workspace-confirm-hint">
                {submitted && problem === 'mismatch' ? t('workspace.mismatch') : ''}
              </span>
            </label>
          )}
          {mode === 'save' && (
            <p className="field-hint workspace-save-hint" id="workspace-save-hint">
              {t('workspace.passphraseHint', { count: MIN_PASSPHRASE_LENGTH })}
            </p>
          )}
          <div className="page-actions workspace-form-actions">
            <button type="submit" className="button-primary" data-testid="workspace-submit">
              {mode === 'save' ? t('workspace.saveSubmit') : t('workspace.openSubmit')}
            </button>
            <button type="button" className="button-secondary" onClick={close}>
              {t('workspace.cancel')}
            </button>
          </div>
        </form>
      )}

      {mode === 'delete' && (
        <div className="workspace-form" data-testid="workspace-delete-confirm">
          <p>{t('workspace.deleteExplain')}</p>
          <div className="page-actions">
            <button
              type="button"
              className="button-primary button-danger-solid"
              data-testid="workspace-delete-submit"
              onClick={() => {
                setMode(null);
                void workspace.remove();
              }}
            >
              {t('workspace.deleteSubmit')}
            </button>
            <button type="button" className="button-secondary" onClick={close}>
              {t('workspace.cancel')}
            </button>
          </div>
        </div>
      )}

      {busy && (
        <div className="link-progress" data-testid="workspace-progress" role="status">
          {workspace.running !== 'delete' && <progress max={1} value={workspace.fraction ?? undefined} />}
          <span>{t(workspace.running === 'save' ? 'workspace.saving' : workspace.running === 'open' ? 'workspace.opening' : 'workspace.deleting')}</span>
          {workspace.running !== 'delete' && (
            <button type="button" className="button-secondary" data-testid="workspace-stop" onClick={workspace.stop}>
              {t('workspace.stop')}
            </button>
          )}
        </div>
      )}
      {workspace.error && <ApiErrorAlert error={workspace.error} testId="workspace-error" />}
      {!busy && workspace.outcome && (
        <p className="workspace-outcome" role="status" data-testid="workspace-outcome">
          {outcomeText()}
        </p>
      )}
    </section>
  );
}
