// What an export did: the folder, the output log's entries (each output's check and notes) and the files with their
// checksums; or that it was cancelled, or why nothing was written.
import type { ExportOutcome } from '../api/types';
import { useFormat, useT } from '../i18n/useT';
import { cellCountsText } from './exportGroups';
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
            <td>{t(output.verdict === 'pass' ? 'export.verdict.pass' : 'export.verdict.review')}</td>
            <td>{cellCountsText(output, t, format)}</td>
            <td>
              {[output.comment, output.exceptionRequest && `${t('export.exceptionRequest')}: ${output.exceptionRequest}`].filter(Boolean).join(' · ') || '–'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** `shown`: the differencing warnings already on the page; a refusal repeats them, so they are not shown twice. */
export function ExportResultView({ result, written, shown = [] }: { result: ExportOutcome; written: readonly WrittenOutput[]; shown?: readonly string[] }) {
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
    const reasons = result.reasons.filter((reason) => !shown.includes(reason));
    return (
      <div className="alert" role="alert" data-testid="export-refused">
        <p className="alert-title">{t('export.refused')}</p>
        {reasons.length < result.reasons.length && <p>{t('export.refusedSeeAbove')}</p>}
        <ul className="alert-list">
          {reasons.map((reason) => (
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
