// Writes a checked export package (tables, charts, reports, persona cards, definitions, output logs, checksums) into
// a new folder, whole or not at all: before it is moved into place, the independent auditor attacks the package as
// written, together with the study's earlier packages of the same data, and any failure leaves nothing behind.
import { UserFacingError } from '../common/errors';
import { checkedTableSchema } from '../disclosure/checked-table';
import { ruleSetDigest } from '../disclosure/rule-set';
import { writeExportFolder } from './export-folder';
import { AuditRefusal, JointAuditTooLarge } from './package-audit';
import { writePackage } from './package-contents';
import type { ExportError, ExportOptions, PackageRequest, PackageWriteResult } from './package-request';

function errorValue(error: unknown, signal: AbortSignal | undefined): ExportError {
  if (signal?.aborted) return { code: 'aborted', message: 'De export is afgebroken; er is niets geschreven.' };
  if (error instanceof AuditRefusal) return { code: 'audit-failed', message: error.message, findings: error.findings };
  if (error instanceof JointAuditTooLarge) return { code: 'joint-audit-too-large', message: `Er is niets geschreven. ${error.message}` };
  const message = error instanceof UserFacingError || error instanceof Error ? error.message : String(error);
  return { code: 'write-failed', message: `Het exportpakket kon niet worden geschreven; er is niets achtergebleven: ${message}` };
}

/**
 * The writer's own check, before anything is written: every table has the published shape (a hidden cell carries no
 * value) and was protected under the rules the package states. The ledger never produces anything else.
 */
function invalidTable(request: PackageRequest): ExportError | null {
  const digest = ruleSetDigest(request.rules);
  const tables = [...request.tables.map((output) => output.published.table), ...(request.personas ? [request.personas.figures.table] : [])];
  for (const table of tables) {
    const parsed = checkedTableSchema.safeParse(table);
    if (!parsed.success)
      return {
        code: 'invalid-table',
        message:
          `De tabel "${table.title}" is niet zoals de publicatie haar maakt (${parsed.error.issues[0]?.message ?? 'ongeldige vorm'}); ` +
          'er is niets geschreven.',
      };
    if (table.ruleSet.digest !== digest) {
      return {
        code: 'invalid-table',
        message:
          `De tabel "${table.title}" is beschermd met regelset "${table.ruleSet.name}", niet met "${request.rules.name}" van dit pakket; ` +
          'er is niets geschreven.',
      };
    }
  }
  return null;
}

/**
 * Writes the package into `groepsbeeld-export-YYYYMMDD-HHMMSS` inside the picked folder: per table CSV and XLSX (and
 * SVG and PNG for a chart), the persona cards as CSV, HTML and PDF (and a chart per card), the HTML and PDF report,
 * definities.json, the output log as JSON and XLSX, results.json, SHA256SUMS and checksums/. An error, an abort or a
 * failed audit writes nothing at all. Errors are returned as values.
 */
export async function writeExportPackage(request: PackageRequest, options: ExportOptions): Promise<PackageWriteResult> {
  const now = options.now ?? new Date();
  const invalid = invalidTable(request);
  if (invalid) return { ok: false, error: invalid };
  try {
    const { folder, result } = await writeExportFolder(options.folder, now, options.signal, (staging) => writePackage(request, staging, options, now));
    return { ok: true, folder, files: result.files, audit: result.audit };
  } catch (error) {
    return { ok: false, error: errorValue(error, options.signal) };
  }
}
