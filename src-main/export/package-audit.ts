// The audit an export must pass before its package is moved into place: the package alone, then together with the
// study's earlier packages of the same data. What it tells the analyst names outputs and cells, never a number: the
// package is not written, so no interval the auditor reached may leave with the refusal.
import { auditPackages } from '../audit/audit-package';
import type { AuditReport } from '../audit/audit-report';
import type { ReadPackage } from '../audit/read-package';

/** The audit refused the package: the reasons, in the analyst's words. */
export class AuditRefusal extends Error {
  constructor(
    message: string,
    readonly findings: string[],
  ) {
    super(message);
  }
}

/** The package and earlier ones of the same data are too large to be checked together within the audit's limit. */
export class JointAuditTooLarge extends Error {
  constructor(readonly earlier: readonly string[]) {
    super(
      `Dit pakket kan niet samen met ${earlier.length === 1 ? 'de eerdere export' : 'de eerdere exports'} ` +
        `${earlier.map((name) => `"${name}"`).join(', ')} van dezelfde gegevens ` +
        'worden gecontroleerd: het stelsel van hun cijfers samen is te groot om binnen de ' +
        'rekengrens door te rekenen (twee verschillende clusterindelingen van dezelfde klanten geven dat). ' +
        'Niemand kan dan zeggen dat de exports samen geen verborgen cel verraden.',
    );
  }
}

export interface PackageAudit {
  /** The audit of the new package alone (its hidden cells go into the output log). */
  report: AuditReport;
  /** The joint audit with the earlier packages: none to do, passed, or waived by the analyst's justification. */
  joint: 'none' | 'passed' | 'waived';
  earlier: string[];
}

const TOO_LARGE_LINE = 'De cijfers van het pakket zijn niet samen te controleren.';

function reasons(report: AuditReport, current: ReadPackage): string[] {
  const where = (name: string, output: string | undefined) =>
    `${name === current.name ? '' : `in de eerdere export "${name}", `}${output ? `uitvoer ${output}` : 'het pakket'}`;
  const lines = report.packages.flatMap((item) => [
    ...item.outputs.flatMap((output) =>
      output.hiddenCells
        .filter((cell) => !cell.pass)
        .map((cell) => `${where(item.name, output.id)}: de verborgen cel "${cell.label}" is uit de andere cijfers terug te rekenen.`),
    ),
    ...item.findings
      .filter((finding) => finding.severity === 'fail')
      .map((finding) => `${where(item.name, finding.output)}${finding.label ? `, "${finding.label}"` : ''}: een cijfer dat de controle afkeurt.`),
  ]);
  const groupLines = report.groups.flatMap((group) =>
    group.findings
      .filter((finding) => finding.severity === 'fail')
      .map((finding) =>
        group.tooLarge
          ? TOO_LARGE_LINE
          : finding.message.startsWith('Zeker kleine groep')
            ? 'Een groep van minder dan de drempel is uit de cijfers af te leiden.'
            : 'De cijfers van het pakket spreken elkaar tegen; de controle kan ze niet doorrekenen.',
      ),
  );
  return [...new Set([...lines, ...groupLines])];
}

/**
 * Audits the new package alone, then with the earlier packages of the same data. Throws AuditRefusal when either
 * finds a leak, JointAuditTooLarge when the joint system is beyond the limit and no waiver (the analyst's written
 * justification, already checked) is given.
 */
export function auditForExport(current: ReadPackage, earlierPackages: readonly ReadPackage[], waiver: string | undefined): PackageAudit {
  const alone = auditPackages([current]);
  if (!alone.pass && alone.groups.some((group) => group.tooLarge) && reasons(alone, current).every((line) => line === TOO_LARGE_LINE)) {
    throw new AuditRefusal(
      'De cijfers van dit pakket zijn samen te veel om binnen de rekengrens van de ' +
        'controle door te rekenen; er is niets geschreven. Exporteer minder uitvoer tegelijk.',
      [],
    );
  }
  if (!alone.pass) {
    throw new AuditRefusal(
      'De controle van het pakket vond cijfers die samen een verborgen cel of een kleine groep verraden; ' +
        'er is niets geschreven. Dit hoort de bescherming te voorkomen: meld het, met het studiebestand.',
      reasons(alone, current),
    );
  }
  const earlier = earlierPackages.filter((item) => item.definitions.dataDigest === current.definitions.dataDigest);
  if (earlier.length === 0) return { report: alone, joint: 'none', earlier: [] };
  const names = earlier.map((item) => item.name);
  const joint = auditPackages([current, ...earlier]);
  if (joint.pass) return { report: alone, joint: 'passed', earlier: names };
  if (joint.groups.some((group) => group.tooLarge)) {
    if (waiver !== undefined) return { report: alone, joint: 'waived', earlier: names };
    throw new JointAuditTooLarge(names);
  }
  throw new AuditRefusal(
    `Samen met ${names.length === 1 ? 'de eerdere export' : 'de eerdere exports'} ${names.map((name) => `"${name}"`).join(', ')} ` +
      `van dezelfde gegevens verraden de cijfers van dit pakket een verborgen cel of ` +
      `een kleine groep; er is niets geschreven. Exporteer minder uitvoer, of dezelfde indeling als eerder.`,
    reasons(joint, current),
  );
}
