// External validation of a clustering against a reference labelling file (e.g. the demo's planted clusters): ARI and NMI, aggregates only.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { adjustedRandIndex, normalizedMutualInformation } from '../clustering/quality';
import type { PublishedCount } from '../../disclosure/disclosure-shapes';
import { publishCount } from '../../disclosure/published-count';
import type { RuleSet } from '../../disclosure/rule-set';
import type { HouseholdKeys } from './cluster-rows';

export interface ExternalValidation {
  adjustedRandIndex: number;
  normalizedMutualInformation: number;
  /** Clustered households found in the reference, and those not found (counts under the count rule). */
  matched: PublishedCount;
  unmatched: PublishedCount;
  referenceClusters: number;
}

export type ValidationOutcome = { ok: true; validation: ExternalValidation } | { ok: false; message: string };
export type ReferenceOutcome = { ok: true; reference: Map<string, string> } | { ok: false; message: string };

function householdId(key: string, start: string): string {
  return `${key}\u0000${start}`;
}

function fields(line: string): string[] {
  return line.split(',').map((field) => field.trim().replace(/^"(.*)"$/, '$1'));
}

/**
 * A reference labelling: CSV with a header line, then household_key, household_start, cluster as the first
 * three columns (further columns are ignored). Keys and starts must be written as the analysis table
 * holds them, read as text (the demo's ground-truth/clusters.csv does: e.g. 0000000095, 20161113).
 */
export function parseReferenceLabelling(text: string, fileName: string): ReferenceOutcome {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (lines.length < 2) return { ok: false, message: `De referentie-indeling ${fileName} heeft geen rijen onder de kopregel.` };
  const reference = new Map<string, string>();
  for (let at = 1; at < lines.length; at++) {
    const [key, start, cluster] = fields(lines[at]!);
    if (!key || !start || cluster === undefined || cluster === '') {
      return {
        ok: false,
        message:
          `De referentie-indeling ${fileName}, regel ${at + 1}: ` +
          `verwacht werden household_key, household_start en een cluster, maar er staat "${lines[at]}".`,
      };
    }
    const id = householdId(key, start);
    if (reference.has(id))
      return { ok: false, message: `De referentie-indeling ${fileName}, regel ${at + 1}: huishouden ${key} vanaf ${start} staat er twee keer in.` };
    reference.set(id, cluster);
  }
  return { ok: true, reference };
}

/** ARI and NMI over the clustered households that the reference labels; the rest are counted, not compared. Pure. */
export function compareWithReference(
  keys: HouseholdKeys,
  labels: ArrayLike<number>,
  reference: ReadonlyMap<string, string>,
  rules: RuleSet,
): ValidationOutcome {
  const ours: number[] = [];
  const theirs: number[] = [];
  const codes = new Map<string, number>();
  keys.householdKey.forEach((key, i) => {
    const cluster = reference.get(householdId(key, keys.householdStart[i]!));
    if (cluster === undefined) return;
    if (!codes.has(cluster)) codes.set(cluster, codes.size);
    ours.push(labels[i]!);
    theirs.push(codes.get(cluster)!);
  });
  if (ours.length < 2)
    return {
      ok: false,
      message:
        `De referentie-indeling komt overeen met ${ours.length} van de ${keys.householdKey.length} geclusterde huishoudens: ` +
        'controleer of de eerste kolommen household_key en household_start zijn, geschreven zoals in de analysetabel.',
    };
  return {
    ok: true,
    validation: {
      adjustedRandIndex: adjustedRandIndex(ours, theirs),
      normalizedMutualInformation: normalizedMutualInformation(ours, theirs),
      matched: publishCount(ours.length, rules),
      unmatched: publishCount(keys.householdKey.length - ours.length, rules),
      referenceClusters: codes.size,
    },
  };
}

/** Reads the reference file and compares; every failure is a value with the file's name in it. */
export async function validateAgainstReference(path: string, keys: HouseholdKeys, labels: ArrayLike<number>, rules: RuleSet): Promise<ValidationOutcome> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return { ok: false, message: `De referentie-indeling ${path} bestaat niet of is niet te lezen.` };
  }
  const parsed = parseReferenceLabelling(text, basename(path));
  return parsed.ok ? compareWithReference(keys, labels, parsed.reference, rules) : parsed;
}
