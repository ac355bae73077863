// The contract between the world model and the output shell: write one world's CSV extracts into a folder.
import type { PlantedStructure } from './planted-structures';

export interface WorldOptions {
  seed: number;
  /** 1 = the demo world (Gilze en Rijen plus five neighbours); larger values add municipalities. */
  scale: number;
  /**
   * false leaves out the planted traits (KINDOUDER, WSNP, HALT, ONDERWIJSINSCHR, VSV, the mothers appended to GBAPERSOON
   * and traits.csv): every other file is then byte for byte what it is with them, which a test pins.
   */
  traits?: boolean | undefined;
  /** The client groups planted in the demo municipality (planted-structures.ts); default the pilot's five. */
  planted?: PlantedStructure | undefined;
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: WorldProgress) => void) | undefined;
}

export interface WorldProgress {
  householdsWritten: number;
  householdsPlanned: number;
  personsWritten: number;
  rowsWritten: number;
}

export interface WorldSummary {
  seed: number;
  scale: number;
  persons: number;
  households: number;
  /** Rows per written file name (with extension), in writing order. */
  rows: Record<string, number>;
  /** Files written, relative to the folder: the extracts, then ground-truth/... */
  files: string[];
}

/** Part of the demo folder's name: a new version is generated afresh beside an older one. */
export const GENERATOR_VERSION = 4;
