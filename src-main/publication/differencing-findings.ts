// The differencing guard's findings: an earlier exported population that differs from a new one by fewer households
// than the threshold (or, with the same households, on one feature in fewer than the threshold).
import { compareFingerprints } from './fingerprint-comparison';
import { sameBytes, type PopulationFingerprint } from './unit-fingerprints';

/** The new population an export is about to publish. */
export interface CandidatePopulation {
  id: string;
  label: string;
  /** The outputs of the new export that describe this population. */
  outputIds: readonly string[];
  fingerprint: PopulationFingerprint;
}

/** Which earlier export a population was published in. */
export interface EarlierExportReference {
  exportId: string;
  title: string;
  studyName: string;
  /** ISO timestamp. */
  exportedAt: string;
  exportFolder: string;
}

export interface EarlierPopulation {
  export: EarlierExportReference;
  id: string;
  label: string;
  outputIds: readonly string[];
  fingerprint: PopulationFingerprint;
}

/** A pair that would let a reader difference out fewer than `threshold` households. The small number itself is not kept. */
export type DifferencingFinding = {
  candidate: { id: string; label: string; outputIds: readonly string[] };
  earlier: { export: EarlierExportReference; id: string; label: string; outputIds: readonly string[] };
  threshold: number;
} & ({ kind: 'units' } | { kind: 'feature'; feature: { id: string; label: string } });

/** What the guard did, for measurements and tests. */
export interface FindingCounters {
  /** Pairs skipped because their sizes differ by the threshold or more (so their symmetric difference does too). */
  skippedBySize: number;
  /** Pairs whose unit arrays were merged. */
  merged: number;
  /** Pairs recognised as the same units by their digest, without merging. */
  sameUnits: number;
}

/**
 * Every earlier population whose symmetric difference with the candidate is 1..threshold-1 units, or, when the
 * units are the same, every feature both published on which 1..threshold-1 units differ.
 */
export function differencingFindings(
  candidate: CandidatePopulation,
  earlier: readonly EarlierPopulation[],
  threshold: number,
  counters?: FindingCounters,
): DifferencingFinding[] {
  if (!Number.isInteger(threshold) || threshold < 1) throw new Error(`The threshold must be a positive integer, not ${threshold}.`);
  const findings: DifferencingFinding[] = [];
  const mine = { id: candidate.id, label: candidate.label, outputIds: candidate.outputIds };
  for (const other of earlier) {
    const a = candidate.fingerprint;
    const b = other.fingerprint;
    if (Math.abs(a.unitCount - b.unitCount) >= threshold) {
      if (counters) counters.skippedBySize++;
      continue;
    }
    if (counters) {
      if (a.unitCount === b.unitCount && sameBytes(a.unitsDigest, b.unitsDigest)) counters.sameUnits++;
      else counters.merged++;
    }
    const comparison = compareFingerprints(a, b, { stopAt: threshold });
    const theirs = { export: other.export, id: other.id, label: other.label, outputIds: other.outputIds };
    if (comparison.units > 0) {
      if (comparison.units < threshold) findings.push({ candidate: mine, earlier: theirs, threshold, kind: 'units' });
      continue;
    }
    for (const feature of comparison.features) {
      if (feature.units > 0 && feature.units < threshold)
        findings.push({ candidate: mine, earlier: theirs, threshold, kind: 'feature', feature: { id: feature.id, label: feature.label } });
    }
  }
  return findings;
}
