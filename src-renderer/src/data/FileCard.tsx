// One opened file: name, format, rows, size, recognised table, warnings, its columns, and its profile with the column roles.
import type { OpenedFile } from '../api/types';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import type { MessageKey } from '../i18n/nl';
import { useFormat, useT } from '../i18n/useT';
import { ColumnSummaryPanel } from './ColumnSummaryPanel';
import { useCountText } from './useCountText';
import { FileProfilePanel } from './FileProfilePanel';
import type { ColumnSelection, ColumnSummaryState } from './useColumnSummary';
import { TABLE_CHOICES } from './roleChoices';
import { useFileProfile, type TableKindChoice } from './useFileProfile';

type FileCardProps = {
  file: OpenedFile;
  summary: ColumnSummaryState;
  onSelectColumn: (selection: ColumnSelection) => void;
  onFileChanged: (file: OpenedFile) => void;
};

export function FileCard({ file, summary, onSelectColumn, onFileChanged }: FileCardProps) {
  const t = useT();
  const profile = useFileProfile(file.id, onFileChanged);
  const format = useFormat();
  const countText = useCountText();
  const headingId = `file-heading-${file.id}`;
  const selectedColumn = summary.status !== 'idle' && summary.selection.fileId === file.id ? summary.selection.column : null;

  return (
    <li className="file-card" data-testid={`file-${file.name}`}>
      <article aria-labelledby={headingId}>
        <h2 className="file-name" id={headingId}>
          {file.name}
        </h2>
        <dl className="facts">
          <div className="fact">
            <dt>{t('data.format')}</dt>
            <dd>{t(`data.format.${file.format}`)}</dd>
          </div>
          <div className="fact">
            <dt>{t('data.rows')}</dt>
            <dd>{countText(file.rowCount)}</dd>
          </div>
          <div className="fact">
            <dt>{t('data.size')}</dt>
            <dd>{format.bytes(file.sizeBytes)}</dd>
          </div>
          <div className="fact">
            <dt>{t('data.columnCount')}</dt>
            <dd>{format.number(file.columns.length)}</dd>
          </div>
          <div className="fact">
            <dt>{t('data.recognisedAs')}</dt>
            <dd>
              <select
                className="role-select table-kind-select"
                data-testid="table-kind"
                aria-label={t('data.tableKindFor', { file: file.name })}
                value={file.tableKind}
                onChange={(event) => profile.setKind(event.target.value as TableKindChoice)}
              >
                {TABLE_CHOICES.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`table.${kind}` as MessageKey)}
                  </option>
                ))}
              </select>
            </dd>
          </div>
        </dl>
        {file.warnings.length > 0 && (
          <div className="file-warnings" role="note" aria-label={t('data.warningsHeading')}>
            <strong>{t('data.warningsHeading')}</strong>
            <ul>
              {file.warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          </div>
        )}

        <h3 className="columns-heading">{t('data.columnsHeading')}</h3>
        {file.columns.length === 0 ? (
          <p className="hint">{t('data.noColumns')}</p>
        ) : (
          <>
            <p className="hint">{t('data.columnsHint')}</p>
            <ul className="column-list">
              {file.columns.map((column) => (
                <li key={column.name}>
                  <button
                    type="button"
                    className="column-button"
                    aria-pressed={selectedColumn === column.name}
                    onClick={() => onSelectColumn({ fileId: file.id, column: column.name })}
                  >
                    <span className="column-name">{column.name}</span>
                    <span className="column-type">{column.type}</span>
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
        {summary.status !== 'idle' && selectedColumn !== null && <ColumnSummaryPanel state={summary} />}
        <button
          type="button"
          className="button-secondary profile-toggle"
          data-testid={`show-profile-${file.name}`}
          aria-expanded={profile.state.status !== 'hidden'}
          onClick={profile.toggle}
        >
          {profile.state.status === 'hidden' ? t('data.showProfile') : t('data.hideProfile')}
        </button>
        {profile.state.status === 'hidden' && profile.roleError && <ApiErrorAlert error={profile.roleError} />}
        {profile.state.status !== 'hidden' && (
          <FileProfilePanel file={file} state={profile.state} onRole={profile.setRole} savingColumn={profile.savingColumn} roleError={profile.roleError} />
        )}
      </article>
    </li>
  );
}
