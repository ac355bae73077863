// Comparing two populations' fingerprints: the units in exactly one of them (a linear merge of the sorted hashes)
// and, when the units are the same, per feature the units whose published value differs.
import { FEATURE_HASH_BYTES, sameBytes, UNIT_HASH_BYTES, view, type FeatureFingerprint, type PopulationFingerprint } from './unit-fingerprints';

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
