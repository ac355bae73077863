// `groepsbeeld audit PACKAGE...`: reads export packages as a reader would and says whether any hidden cell can be recomputed.
import { resolve } from 'node:path';
import { UserFacingError } from '../common/errors';
import { auditPackages } from '../audit/audit-package';
import { auditReportJson, formatAuditReport } from '../audit/audit-report-text';
import { readPackage, type ReadPackage } from '../audit/read-package';
import type { CommandOutput } from './output';

export const AUDIT_USAGE =
  'Gebruik: groepsbeeld audit PAKKET... [--json]  (een of meer mappen van exportpakketten; pakketten van dezelfde gegevens worden samen gecontroleerd)';

/** Exit code 0: every package passes; 1: at least one fails; 2: wrong use, or a package cannot be read. */
export async function runAuditCommand(paths: string[], args: { json: boolean }, output: CommandOutput): Promise<number> {
  if (paths.length === 0) {
    output.err(`Geef ten minste één pakketmap op.\n${AUDIT_USAGE}\n`);
    return 2;
  }
  const packages: ReadPackage[] = [];
  // The same folder named twice is one package.
  for (const path of [...new Set(paths.map((given) => resolve(given)))]) {
    try {
      packages.push(await readPackage(path));
    } catch (error) {
      if (!(error instanceof UserFacingError)) throw error;
      output.err(`${error.message}\n`);
      return 2;
    }
  }
  const report = auditPackages(packages);
  output.out(args.json ? auditReportJson(report) : formatAuditReport(report));
  return report.pass ? 0 : 1;
}
