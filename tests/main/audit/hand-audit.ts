// Audits the hand-built packages of the hand-worked audit tests: each written to a fresh folder, read back and audited as
// an output checker would; and a hidden cell of the report found by its label.
import { auditPackages } from '../../../src-main/audit/audit-package';
import type { AuditReport, HiddenCellResult } from '../../../src-main/audit/audit-report';
import { readPackage } from '../../../src-main/audit/read-package';
import { tempFolder } from '../support/temp-folder';
import { writePackage, type FixturePackage } from './package-fixtures';

let serial = 0;
/** The auditor's report on `fixture`, written as a package of its own. */
export async function audit(fixture: FixturePackage): Promise<AuditReport> {
  const folder = await tempFolder('groepsbeeld-audit-');
  serial += 1;
  return auditPackages([await readPackage(await writePackage(folder, `pakket-${serial}`, fixture))]);
}

function hiddenCells(report: AuditReport): HiddenCellResult[] {
  return report.packages.flatMap((item) => item.outputs.flatMap((output) => output.hiddenCells));
}

/** The report's hidden cell labelled `label` ("a / Aantal"); throws, naming the labels it has, when there is none. */
export function cell(report: AuditReport, label: string): HiddenCellResult {
  const found = hiddenCells(report).find((candidate) => candidate.label === label);
  if (!found)
    throw new Error(
      `no hidden cell ${label}; have ${hiddenCells(report)
        .map((candidate) => candidate.label)
        .join(', ')}`,
    );
  return found;
}
