// What an export did: the folder with its files and checksums, that it was cancelled, or why nothing was written.
import type { ExportResult } from '../api/types';
import { useFormat, useT } from '../i18n/useT';

export function ExportResultView({ result }: { result: ExportResult }) {
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
      <table className="data-table">
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
