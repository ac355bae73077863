// Fingerprints of exported populations for the differencing guard: which households (units) a population holds and
// what it published about each, as salted hashes, so that a new export can be compared with every earlier one on its
// units rather than on the filters that made it. No household key ever leaves SQL: the engine returns hashes only.
import { createHash } from 'node:crypto';
import type { QuerySession } from '../analysis/cross-table';
import { ANALYSIS_TABLE } from '../linking/analysis-table-name';
import { unitsQuery, type UnitPopulation } from './unit-populations';

/** Bytes of a unit's hash (the first 8 bytes of SHA-256 of salt || unit key). */
export const UNIT_HASH_BYTES = 8;
/** Bytes of a unit's hash per published feature. */
export const FEATURE_HASH_BYTES = 4;
/** Bytes of the per-installation secret. */
export const SALT_BYTES = 32;

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
      `left(sha256(__gb_k || unhex('${featureTag(feature.id)}') || encode(coalesce('V' || ((${feature.sql}))::VARCHAR, 'N'))), ` +
      `${2 * FEATURE_HASH_BYTES}) AS __gb_f${index}`,
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

export function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}
