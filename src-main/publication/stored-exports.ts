// The exports the differencing store holds, as it lists them and as it is given a new one, and their populations as
// the differencing guard compares them.
import type { EarlierExportReference, EarlierPopulation } from './differencing-findings';
import type { StoredPopulation } from './differencing-store-file';
import type { PopulationFingerprint } from './unit-fingerprints';

export interface StoredExport extends EarlierExportReference {
  /** The store file (for messages). */
  file: string;
  outputIds: string[];
  populations: StoredPopulation[];
}

export interface NewExport {
  title: string;
  studyName: string;
  exportFolder: string;
  exportedAt?: Date;
  populations: readonly { id: string; label: string; outputIds: readonly string[]; fingerprint: PopulationFingerprint }[];
}

/** The populations of earlier exports, as differencingFindings takes them. */
export function earlierPopulations(exports: readonly StoredExport[]): EarlierPopulation[] {
  return exports.flatMap((entry) => {
    const reference: EarlierExportReference = {
      exportId: entry.exportId,
      title: entry.title,
      studyName: entry.studyName,
      exportedAt: entry.exportedAt,
      exportFolder: entry.exportFolder,
    };
    return entry.populations.map((population) => ({
      export: reference,
      id: population.id,
      label: population.label,
      outputIds: population.outputIds,
      fingerprint: population.fingerprint,
    }));
  });
}
