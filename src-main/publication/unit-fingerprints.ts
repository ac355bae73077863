// Fingerprints of exported populations for the differencing guard: which households (units) a population holds and
// what it published about each, as salted hashes, so that a new export can be compared with every earlier one on its
// units rather than on the filters that made it. No household key ever leaves SQL: the engine returns hashes only.
import { createHash } from 'node:crypto';
import type { Population } from '../analysis/population';
import { populationPredicate } from '../analysis/population';
import { ASSIGNMENTS_TABLE } from '../analysis/clustering-service/assignments';
import type { QuerySession } from '../analysis/cross-table';
import { ANALYSIS_TABLE } from '../linking/analysis-table-name';

/** Bytes of a unit's hash (the first 8 bytes of SHA-256 of salt || unit key). */
export const UNIT_HASH_BYTES = 8;
/** Bytes of a unit's hash per published feature. */
export const FEATURE_HASH_BYTES = 4;
/** Bytes of the per-installation secret. */
export const SALT_BYTES = 32;

/**
 * Which households a population holds, as SQL over the session (never as a list of keys). Either a FROM fragment
 * with a WHERE condition whose rows have unambiguous `household_key` and `household_start` columns (the analysis
 * table itself, or a join with another temp table using `USING (household_key, household_start)`), or a query
 * returning those two columns. Duplicates are removed; every unit must be a row of the analysis table.
 */
export type UnitPopulation = { from: string; where: string } | { unitsQuery: string };

/** A population given as a boolean expression over `analysis_households` (e.g. populationPredicate). */
export function predicatePopulation(predicate: string): UnitPopulation {
  return { from: ANALYSIS_TABLE, where: predicate };
}

/** A population of the analysis layer (clients or all households, with category filters). */
export function filterPopulation(population: Population): UnitPopulation {
  return predicatePopulation(populationPredicate(population));
}

/** The households of one cluster (1..k) of a stored clustering run, or of all its clusters when `cluster` is omitted. */
export function clusterPopulation(runId: string, k: number, cluster?: number): UnitPopulation {
  if (!Number.isInteger(k) || k < 1 || (cluster !== undefined && (!Number.isInteger(cluster) || cluster < 1 || cluster > k))) {
    throw new Error(`Cluster ${String(cluster)} of k = ${k} is not a cluster.`);
  }
  const conditions = [`run_id = ${literal(runId)}`, `k = ${k}`, ...(cluster === undefined ? [] : [`cluster = ${cluster}`])];
  return { from: ASSIGNMENTS_TABLE, where: conditions.join(' AND ') };
}

/** A published feature: `sql` is an expression over the analysis table; NULL is a value of its own. */
export interface FeatureSpec {
  id: string;
  sql: string;
  /** What the analyst calls it (for the refusal message); the id when omitted. */
  label?: string;
}

export interface FeatureFingerprint {
  id: string;
  label: string;
  /** FEATURE_HASH_BYTES per unit, in the order of the population's `units`. */
  hashes: Uint8Array;
  /** SHA-256 of `hashes`: equal digests mean no unit differs on this feature. */
  digest: Uint8Array;
}

export interface PopulationFingerprint {
  unitCount: number;
  /** UNIT_HASH_BYTES per unit, ascending in byte order. */
  units: Uint8Array;
  /** SHA-256 of `units`: equal digests mean the same units. */
  unitsDigest: Uint8Array;
  features: FeatureFingerprint[];
  /** Names the salt the hashes were made with (reveals nothing of it): hashes of different salts cannot be compared. */
  saltCheck: string;
}

/** Names a salt without revealing it. */
export function saltCheck(salt: Uint8Array): string {
  return createHash('sha256').update('groepsbeeld:verschilcontrole:zout:').update(salt).digest().subarray(0, 8).toString('hex');
}

function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

function unitsQuery(population: UnitPopulation): string {
  return 'unitsQuery' in population ? population.unitsQuery : `SELECT household_key, household_start FROM ${population.from} WHERE (${population.where})`;
}

/** A fixed-length, non-secret tag per feature id, so every hash input stays within one SHA-256 block. */
function featureTag(id: string): string {
  return createHash('sha256').update(`groepsbeeld:kenmerk:${id}`).digest().subarray(0, 8).toString('hex');
}

function sha256(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha256').update(bytes).digest());
}

/**
 * The units of `population` as salted hashes, sorted, with per unit and published feature a hash of (salt, unit,
 * feature id, value). In SQL: the unit text is "<length of key>:<key>:<start>"; its hash is SHA-256(salt || "U" ||
 * unit) (first 8 bytes); a per-unit secret K = SHA-256(salt || "K" || unit) (first 16 bytes) keys the feature hashes,
 * SHA-256(K || tag(feature id) || "V" value | "N") (first 4 bytes). The engine returns only these hashes.
 */
export async function fingerprintPopulation(
  session: QuerySession,
  population: UnitPopulation,
  features: readonly FeatureSpec[],
  salt: Uint8Array,
): Promise<PopulationFingerprint> {
  if (salt.length !== SALT_BYTES) throw new Error(`The differencing salt must be ${SALT_BYTES} bytes.`);
  const ids = features.map((feature) => feature.id);
  if (ids.some((id) => id.trim() === '') || new Set(ids).size !== ids.length)
    throw new Error(`Feature ids must be non-empty and different: ${ids.join(', ')}.`);
  const wanted = `SELECT DISTINCT household_key, household_start FROM (${unitsQuery(population)}) AS population_units`;
  const join = `FROM (${wanted}) w JOIN ${ANALYSIS_TABLE} a ON a.household_key = w.household_key AND a.household_start = w.household_start`;

  let counts;
  try {
    [counts] = await session.query(
      `SELECT (SELECT count(*) FROM (${wanted})) AS wanted,
         (SELECT count(*) FROM (${wanted}) WHERE household_key IS NULL OR household_start IS NULL) AS missing,
         (SELECT count(*) ${join}) AS matched`,
    );
  } catch (error) {
    throw new Error('De populatie voor de verschilcontrole kon niet worden bepaald (controleer de SQL van de populatie).', { cause: error });
  }
  const wantedCount = Number(counts?.wanted ?? -1);
  if (Number(counts?.missing ?? -1) !== 0 || Number(counts?.matched ?? -1) !== wantedCount) {
    throw new Error('De populatie voor de verschilcontrole bevat huishoudens zonder sleutel of die niet precies één keer in de analysetabel staan.');
  }

  const featureColumns = features.map(
    (feature, index) =>
      `left(sha256(__gb_k || unhex('${featureTag(feature.id)}') || encode(coalesce('V' || ((${feature.sql}))::VARCHAR, 'N'))), ${2 * FEATURE_HASH_BYTES}) AS __gb_f${index}`,
  );
  const record = ['left(__gb_u, 16)', ...features.map((_, index) => `__gb_f${index}`)].join(' || ');
  const sql = `WITH __gb_salt AS (SELECT unhex($salt) AS __gb_s),
    __gb_rows AS (
      SELECT a.*, strlen(a.household_key::VARCHAR)::VARCHAR || ':' || a.household_key::VARCHAR || ':' || a.household_start::VARCHAR AS __gb_unit ${join}
    ),
    __gb_keyed AS (
      SELECT *, sha256(__gb_s || encode('U' || __gb_unit)) AS __gb_u, unhex(left(sha256(__gb_s || encode('K' || __gb_unit)), 32)) AS __gb_k
      FROM __gb_rows, __gb_salt
    ),
    __gb_hashed AS (SELECT __gb_u${featureColumns.map((column) => `, ${column}`).join('')} FROM __gb_keyed)
    SELECT left(__gb_u, 2) AS bucket, count(*)::INTEGER AS units, string_agg(${record}, '' ORDER BY __gb_u) AS records
    FROM __gb_hashed GROUP BY bucket ORDER BY bucket`;
  let rows;
  try {
    rows = await session.query(sql, { salt: Buffer.from(salt).toString('hex') });
  } catch (error) {
    // The engine's message may quote a value; only the main process keeps it (as the cause).
    throw new Error('De vingerafdruk voor de verschilcontrole kon niet worden berekend (controleer de SQL van de kenmerken).', { cause: error });
  }

  const recordBytes = UNIT_HASH_BYTES + FEATURE_HASH_BYTES * features.length;
  const unitCount = rows.reduce((sum, row) => sum + Number(row.units), 0);
  if (unitCount !== wantedCount) throw new Error(`The fingerprint holds ${unitCount} units, the population ${wantedCount}.`);
  const units = new Uint8Array(unitCount * UNIT_HASH_BYTES);
  const hashes = features.map(() => new Uint8Array(unitCount * FEATURE_HASH_BYTES));
  let unit = 0;
  for (const row of rows) {
    const bytes = Buffer.from(String(row.records), 'hex');
    const inBucket = Number(row.units);
    if (bytes.length !== inBucket * recordBytes) throw new Error('The engine returned fingerprint records of the wrong length.');
    for (let r = 0; r < inBucket; r++, unit++) {
      const at = r * recordBytes;
      units.set(bytes.subarray(at, at + UNIT_HASH_BYTES), unit * UNIT_HASH_BYTES);
      for (let f = 0; f < hashes.length; f++) {
        const from = at + UNIT_HASH_BYTES + f * FEATURE_HASH_BYTES;
        hashes[f]?.set(bytes.subarray(from, from + FEATURE_HASH_BYTES), unit * FEATURE_HASH_BYTES);
      }
    }
  }
  // The merge relies on byte order; DuckDB sorted the hex text, which orders the same way (checked, it is cheap).
  const sorted = view(units);
  for (let i = 1; i < unitCount; i++) {
    const at = i * UNIT_HASH_BYTES;
    const order = sorted.getUint32(at - UNIT_HASH_BYTES) - sorted.getUint32(at) || sorted.getUint32(at - 4) - sorted.getUint32(at + 4);
    if (order > 0) throw new Error('The engine returned the unit hashes out of order.');
  }
  return {
    unitCount,
    units,
    unitsDigest: sha256(units),
    features: features.map((feature, index) => {
      const featureHashes = hashes[index] ?? new Uint8Array(0);
      return { id: feature.id, label: feature.label ?? feature.id, hashes: featureHashes, digest: sha256(featureHashes) };
    }),
    saltCheck: saltCheck(salt),
  };
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}

/** Units in exactly one of two sorted unit arrays, by a linear merge; stops counting at `stopAt`. */
function symmetricDifference(a: PopulationFingerprint, b: PopulationFingerprint, stopAt: number): number {
  const va = view(a.units);
  const vb = view(b.units);
  const na = a.unitCount;
  const nb = b.unitCount;
  let i = 0;
  let j = 0;
  let difference = 0;
  while (i < na && j < nb) {
    const ai = i * UNIT_HASH_BYTES;
    const bj = j * UNIT_HASH_BYTES;
    let order = va.getUint32(ai) - vb.getUint32(bj);
    if (order === 0) order = va.getUint32(ai + 4) - vb.getUint32(bj + 4);
    if (order === 0) {
      i++;
      j++;
    } else {
      if (order < 0) i++;
      else j++;
      if (++difference >= stopAt) return difference;
    }
  }
  return difference + (na - i) + (nb - j);
}

/** Units (aligned, same unit sets) whose hashes of one feature differ; stops counting at `stopAt`. */
function featureDifference(a: FeatureFingerprint, b: FeatureFingerprint, unitCount: number, stopAt: number): number {
  if (sameBytes(a.digest, b.digest)) return 0;
  const va = view(a.hashes);
  const vb = view(b.hashes);
  let difference = 0;
  for (let i = 0; i < unitCount; i++) {
    if (va.getUint32(i * FEATURE_HASH_BYTES) !== vb.getUint32(i * FEATURE_HASH_BYTES) && ++difference >= stopAt) return difference;
  }
  return difference;
}

export interface FingerprintComparison {
  /** Units in exactly one of the two populations (at least `stopAt` when counting stopped there). */
  units: number;
  /** When the unit sets are identical: per feature both publish (in a's order), the units whose value differs. */
  features: { id: string; label: string; units: number }[];
}

export interface CompareOptions {
  /** Stop counting a difference once it reaches this number (the guard only needs to know "below the threshold"). */
  stopAt?: number;
}

/** Compares two fingerprints made with the same salt. */
export function compareFingerprints(a: PopulationFingerprint, b: PopulationFingerprint, options: CompareOptions = {}): FingerprintComparison {
  if (a.saltCheck !== b.saltCheck) throw new Error('Vingerafdrukken met een verschillende geheime sleutel kunnen niet worden vergeleken.');
  const stopAt = options.stopAt ?? Number.POSITIVE_INFINITY;
  const units = a.unitCount === b.unitCount && sameBytes(a.unitsDigest, b.unitsDigest) ? 0 : symmetricDifference(a, b, stopAt);
  if (units > 0) return { units, features: [] };
  const features = a.features.flatMap((feature) => {
    const other = b.features.find((candidate) => candidate.id === feature.id);
    return other ? [{ id: feature.id, label: feature.label, units: featureDifference(feature, other, a.unitCount, stopAt) }] : [];
  });
  return { units, features };
}

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
