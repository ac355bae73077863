// The audit's report: per hidden cell, per output and per package, and per group of packages of the same data.
import type { Finding } from './audit-findings';
import type { IntervalStatistics } from './interval-targets';

export interface HiddenCellResult {
  readonly output: string;
  readonly row: number;
  readonly column: number;
  readonly label: string;
  /** The attacker's interval for the cell (for a share: its numerator); upper null when nothing bounds it. */
  readonly lower: number;
  readonly upper: number | null;
  /** Both endpoints attained by whole-number solutions (else the interval is the LP's, rounded inwards). */
  readonly integerVerified: boolean;
  readonly pass: boolean;
}

export interface OutputReport {
  readonly id: string;
  readonly csv: string;
  readonly hiddenCells: readonly HiddenCellResult[];
}

export interface PackageReport {
  readonly name: string;
  readonly folder: string;
  readonly dataDigest: string;
  readonly pass: boolean;
  /** False when its figures contradict each other, so no cell could be checked (the findings say why). */
  readonly audited: boolean;
  readonly outputs: readonly OutputReport[];
  readonly findings: readonly Finding[];
}

/** Packages of the same data, audited as one publication. */
export interface GroupReport {
  readonly dataDigest: string;
  readonly packages: readonly string[];
  readonly pass: boolean;
  readonly audited: boolean;
  readonly rules: { readonly threshold: number; readonly protectionLevel: number };
  /** Findings about the group as a whole (cell classes, contradictions). */
  readonly findings: readonly Finding[];
  readonly checkedClasses: number;
  /** Cell classes found certainly small and pinned (each also a failing finding). */
  readonly smallClasses: number;
  readonly statistics: IntervalStatistics | null;
  /** Set when the system was beyond the audit's limits, so nothing could be checked (the group then fails). */
  readonly tooLarge: { readonly variables: number; readonly rows: number } | null;
  readonly milliseconds: number;
}

export interface AuditReport {
  readonly pass: boolean;
  readonly packages: readonly PackageReport[];
  readonly groups: readonly GroupReport[];
}
