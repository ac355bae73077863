// One opened file: name, format, rows, size, and its columns as buttons that ask for a column summary.
import type { OpenedFile } from '../api/types';
import { useFormat, useT } from '../i18n/useT';
import { ColumnSummaryPanel } from './ColumnSummaryPanel';
import type { ColumnSelection, ColumnSummaryState } from './useColumnSummary';

type FileCardProps = {
  file: OpenedFile;
  summary: ColumnSummaryState;
  onSelectColumn: (selection: ColumnSelection) => void;
};

export function FileCard({ file, summary, onSelectColumn }: FileCardProps) {
  const t = useT();
  const format = useFormat();
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
          <dd>{format.number(file.rowCount)}</dd>
        </div>
        <div className="fact">
          <dt>{t('data.size')}</dt>
          <dd>{format.bytes(file.sizeBytes)}</dd>
        </div>
        <div className="fact">
          <dt>{t('data.columnCount')}</dt>
          <dd>{format.number(file.columns.length)}</dd>
        </div>
      </dl>

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
      </article>
    </li>
  );
}
