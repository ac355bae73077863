// The Data page: open CSV/Parquet/xlsx/sav files (dialog or drag and drop), a study file or a workspace through the
// main process's dialogs; inspect the files' columns, profiles and roles.
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import { EmptyState } from '../shared/EmptyState';
import { useT } from '../i18n/useT';
import { FileCard } from './FileCard';
import { StudyFilePanel } from './StudyFilePanel';
import { useFileDrop } from './useFileDrop';
import { useColumnSummary } from './useColumnSummary';
import { useOpenedFiles } from './useOpenedFiles';
import { WorkspacePanel } from './WorkspacePanel';

export function DataPage() {
  const t = useT();
  const { files, loading, opening, error, openFiles, openDemo, replaceFile, addFiles, replaceAll } = useOpenedFiles();
  const [summary, selectColumn] = useColumnSummary();
  const drop = useFileDrop(addFiles);

  return (
    <section
      className={drop.over ? 'page drop-target drop-over' : 'page drop-target'}
      data-testid="page-data"
      aria-labelledby="page-title-data"
      {...drop.handlers}
    >
      {drop.over && (
        <div className="drop-overlay" aria-hidden="true">
          {t('data.dropHere')}
        </div>
      )}
      <div className="page-header">
        <div>
          <h1 className="page-title" id="page-title-data">
            {t('page.data.title')}
          </h1>
          <p className="page-intro">{t('data.intro')}</p>
        </div>
        <div className="page-actions">
          <button
            type="button"
            className="button-secondary"
            data-testid="open-demo"
            title={t('data.demoHint')}
            // aria-disabled, not disabled: a disabled button drops keyboard focus while work runs.
            onClick={opening ? undefined : openDemo}
            aria-disabled={opening !== null}
            aria-busy={opening === 'demo'}
          >
            {opening === 'demo' ? t('data.openingDemo') : t('data.openDemo')}
          </button>
          <button
            type="button"
            className="button-primary"
            data-testid="open-files"
            onClick={opening ? undefined : openFiles}
            aria-disabled={opening !== null}
            aria-busy={opening === 'files'}
          >
            {opening === 'files' ? t('data.opening') : t('data.open')}
          </button>
        </div>
      </div>

      {error && <ApiErrorAlert error={error} />}
      {drop.error && <ApiErrorAlert error={drop.error} testId="drop-error" />}
      {drop.busy && (
        <p className="loading" role="status">
          {t('data.opening')}
        </p>
      )}

      <StudyFilePanel onOpened={replaceAll} />
      <WorkspacePanel hasFiles={files.length > 0} onOpened={addFiles} />

      {loading ? (
        <p className="loading" role="status">
          {t('data.loadingFiles')}
        </p>
      ) : files.length === 0 ? (
        <EmptyState heading={t('data.noFilesHeading')}>
          {t('data.noFilesText')} {t('data.dropHint')}
        </EmptyState>
      ) : (
        <ul className="file-list" data-testid="file-list" aria-label={t('data.fileListLabel')}>
          {files.map((file) => (
            <FileCard key={file.id} file={file} summary={summary} onSelectColumn={selectColumn} onFileChanged={replaceFile} />
          ))}
        </ul>
      )}
    </section>
  );
}
