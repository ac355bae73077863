// The audit report for the analyst: Dutch text for the terminal, or JSON (--json).
import type { Finding } from './audit-findings';
import type { AuditReport, HiddenCellResult, PackageReport } from './audit-report';

const VERDICT = { pass: 'GOEDGEKEURD', fail: 'AFGEKEURD' } as const;

function verdict(pass: boolean): string {
  return pass ? VERDICT.pass : VERDICT.fail;
}

function cellLine(cell: HiddenCellResult): string {
  const upper = cell.upper === null ? '∞' : String(cell.upper);
  const width = cell.upper === null ? '∞' : String(cell.upper - cell.lower);
  const exactness = cell.integerVerified ? 'in gehele aantallen nagerekend' : 'LP-grens';
  return (
    `    ${cell.pass ? '✓' : '✗'} ${cell.label} (rij ${cell.row + 1}, kolom ${cell.column + 1}): ` +
    `de aanvaller weet [${cell.lower}, ${upper}], breedte ${width} (${exactness})`
  );
}

function findingLine(finding: Finding): string {
  const where = [finding.output === undefined ? null : `uitvoer ${finding.output}`, finding.label ?? null].filter((part) => part !== null).join(', ');
  return `    ${finding.severity === 'fail' ? '✗' : '!'} ${where === '' ? '' : `${where}: `}${finding.message}`;
}

function packageText(report: PackageReport): string[] {
  const lines = [`Pakket ${report.name}: ${verdict(report.pass)}`];
  for (const output of report.outputs) {
    if (output.hiddenCells.length === 0) continue;
    const failing = output.hiddenCells.filter((cell) => !cell.pass).length;
    lines.push(
      `  Uitvoer ${output.id} (${output.csv}): ` +
        `${output.hiddenCells.length} verborgen cel${output.hiddenCells.length === 1 ? '' : 'len'}, ${failing} terug te rekenen`,
    );
    lines.push(...output.hiddenCells.map(cellLine));
  }
  if (!report.audited) lines.push('  Niet gecontroleerd: de cijfers spreken elkaar tegen (zie de bevindingen over het geheel).');
  else if (report.outputs.every((output) => output.hiddenCells.length === 0)) lines.push('  Geen verborgen cellen.');
  if (report.findings.length > 0) lines.push('  Bevindingen:', ...report.findings.map(findingLine));
  return lines;
}

/** The report as text: per group of packages of the same data, per package, per output, the hidden cells and findings. */
export function formatAuditReport(report: AuditReport): string {
  const lines: string[] = [];
  for (const group of report.groups) {
    const together = group.packages.length > 1 ? `, samen gecontroleerd (zelfde gegevens ${group.dataDigest.slice(0, 12)}…)` : '';
    lines.push(`Audit: ${group.packages.join(', ')}${together}; drempel ${group.rules.threshold}, beschermingsniveau ${group.rules.protectionLevel}`);
    for (const name of group.packages) {
      const item = report.packages.find((candidate) => candidate.name === name);
      if (item) lines.push(...packageText(item));
    }
    if (group.audited)
      lines.push(`  Celklassen nagelopen: ${group.checkedClasses}, zeker klein en vastgepind: ${group.smallClasses === 0 ? 'geen' : group.smallClasses}`);
    if (group.findings.length > 0) lines.push('  Bevindingen over het geheel:', ...group.findings.map(findingLine));
    if (group.statistics) {
      const { variables, fixedByPresolve, components, largestComponent, programs } = group.statistics;
      lines.push(
        `  Stelsel: ${variables} variabelen (${fixedByPresolve} vastgelegd door de cijfers), ` +
          `${components} onafhankelijke delen (grootste ${largestComponent.variables} variabelen, ${largestComponent.rows} voorwaarden), ` +
          `${programs} lineaire programma's, ${group.milliseconds} ms`,
      );
    }
    lines.push('');
  }
  const failing = report.packages.filter((item) => !item.pass).length;
  lines.push(
    report.pass
      ? `Oordeel: ${VERDICT.pass}: geen verborgen cel is terug te rekenen.`
      : `Oordeel: ${VERDICT.fail} (${failing} van ${report.packages.length} pakket${report.packages.length === 1 ? '' : 'ten'}).`,
  );
  return `${lines.join('\n')}\n`;
}

/** The report as JSON: the same structure, an unbounded upper bound as null. */
export function auditReportJson(report: AuditReport): string {
  return `${JSON.stringify(report, (_, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? null : value), 2)}\n`;
}
