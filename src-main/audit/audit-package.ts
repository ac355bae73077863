// The audit: what an attacker who solves every printed figure at once learns about hidden cells, statistics' inputs and small cells.
import type { AuditReport, GroupReport, OutputReport, PackageReport } from './audit-report';
import { auditGroup } from './group-audit';
import { DEFAULT_INTERVAL_OPTIONS, type IntervalOptions } from './interval-options';
import type { ReadPackage } from './read-package';

/**
 * Audits the packages: those with the same dataDigest together (they describe the same households), the others
 * separately. A package passes when none of its hidden cells fails, it has no failing finding and its group passes.
 */
export function auditPackages(given: readonly ReadPackage[], options: IntervalOptions = DEFAULT_INTERVAL_OPTIONS): AuditReport {
  // Reports name a package by its folder's name; two folders of the same name are named by their paths.
  const packages = given.map((item) => (given.filter((other) => other.name === item.name).length > 1 ? { ...item, name: item.folder } : item));
  const byDigest = new Map<string, ReadPackage[]>();
  for (const item of packages) {
    const group = byDigest.get(item.definitions.dataDigest);
    if (group) group.push(item);
    else byDigest.set(item.definitions.dataDigest, [item]);
  }
  const groups: GroupReport[] = [];
  const reports = new Map<ReadPackage, PackageReport>();
  for (const members of byDigest.values()) {
    const outcome = auditGroup(members, options);
    groups.push(outcome.group);
    members.forEach((item) => {
      const findings = outcome.packageFindings.filter((finding) => finding.package === item.name);
      const outputs: OutputReport[] = item.outputs.map((output) => ({
        id: output.id,
        csv: output.csv,
        hiddenCells: [...outcome.hidden].filter(([figure]) => figure.package === item.name && figure.output === output.id).map(([, cell]) => cell),
      }));
      const pass =
        outcome.group.pass &&
        findings.every((finding) => finding.severity !== 'fail') &&
        outputs.every((output) => output.hiddenCells.every((cell) => cell.pass));
      reports.set(item, {
        name: item.name,
        folder: item.folder,
        dataDigest: item.definitions.dataDigest,
        pass,
        audited: outcome.group.audited,
        outputs,
        findings,
      });
    });
  }
  const packageReports = packages.map((item) => reports.get(item) as PackageReport);
  return { pass: groups.every((group) => group.pass) && packageReports.every((report) => report.pass), packages: packageReports, groups };
}
