// What an export did: the folder, the output log's entries (each output's check and notes) and the files with their
// checksums; or that it was cancelled, or why nothing was written.
import type { ExportResult } from '../api/types';
import { useFormat, useT } from '../i18n/useT';
import type { WrittenOutput } from './useExport';

function OutputLogSummary({ outputs }: { outputs: readonly WrittenOutput[] }) {
  const t = useT();
  const format = useFormat();
  return (
    <table className="data-table" data-testid="export-log">
      <caption className="checked-table-title">{t('export.logCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('export.logOutput')}</th>
          <th scope="col">{t('export.logVerdict')}</th>
          <th scope="col">{t('export.logCells')}</th>
          <th scope="col">{t('export.logNotes')}</th>
        </tr>
      </thead>
      <tbody>
        {outputs.map((output) => (
          <tr key={output.id}>
            <th scope="row">{output.title}</th>
            {/* A failing output is written only with its blocked cells masked: the log says so. */}
            <td>{output.verdict === 'fail' ? t('export.verdict.failMasked') : t(output.verdict === 'pass' ? 'export.verdict.pass' : 'export.verdict.review')}</td>
            <td>
              {output.blocked + output.secondary + output.review === 0
                ? t('export.allSafe')
                : t('export.cellCounts', { blocked: format.number(output.blocked), secondary: format.number(output.secondary), review: format.number(output.review) })}
            </td>
            <td>{[output.comment, output.exceptionRequest && `${t('export.exceptionRequest')}: ${output.exceptionRequest}`].filter(Boolean).join(' · ') || '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ExportResultView({ result, written }: { result: ExportResult; written: readonly WrittenOutput[] }) {
  const t = useT();
  const format = useFormat();
  if (result.status === 'cancelled') {
    return (
      <p role="status" data-testid="export-cancelled">
        {t('export.cancelled')}
      </p>
    );
  }
  if (result.status === 'refused') {
    return (
      <div className="alert" role="alert" data-testid="export-refused">
        <p className="alert-title">{t('export.refused')}</p>
        <ul>
          {result.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <section className="export-result" data-testid="export-written" aria-label={t('export.writtenLabel')}>
      <p role="status">{t('export.written', { folder: result.folder, count: format.number(result.files.length) })}</p>
      {written.length > 0 && <OutputLogSummary outputs={written} />}
      <table className="data-table">
        <caption className="checked-table-title">{t('export.filesCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('export.file')}</th>
            <th scope="col" className="numeric">
              {t('export.size')}
            </th>
            <th scope="col">SHA-256</th>
          </tr>
        </thead>
        <tbody>
          {result.files.map((file) => (
            <tr key={file.name}>
              <th scope="row">{file.name}</th>
              <td className="numeric">{format.bytes(file.bytes)}</td>
              <td>
                <code title={file.sha256}>{file.sha256.slice(0, 16)}…</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
