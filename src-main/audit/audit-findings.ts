// What the audit reports besides intervals: findings, each failing the package or only warning the analyst.

export type FindingSeverity = 'fail' | 'warning';

export interface Finding {
  readonly severity: FindingSeverity;
  /** The package (folder name) it is about, when it is about one. */
  readonly package?: string;
  readonly output?: string;
  /** The cell, as placed in definities.json (0-based), when it is about one. */
  readonly row?: number;
  readonly column?: number;
  readonly label?: string;
  /** Dutch, for the analyst. */
  readonly message: string;
}
