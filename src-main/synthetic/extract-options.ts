// Options of one generator run: their types, up-front validation, and parsing from command-line text.
import { UserFacingError } from '../common/errors';
import { OUTPUT_FORMATS, type OutputFormat } from './manifest';
import { PLANTED_STRUCTURES, type PlantedStructure } from './planted-structures';

/** --scale national: about 17 million persons in 8 million households. */
export const NATIONAL_SCALE = 500;

export interface ExtractsProgress {
  phase: 'world' | 'xlsx' | 'parquet' | 'manifest';
  /** Share of the whole run done, 0..1. */
  fraction: number;
  personsWritten: number;
}

export interface ExtractsOptions {
  /** The output folder: must not exist, be empty, or (with force) hold a previous generator output. */
  out: string;
  seed: number;
  scale: number;
  format: OutputFormat;
  /** The client groups planted in the demo municipality; default the pilot's five. */
  planted?: PlantedStructure | undefined;
  /** Also write the client list as VOEDSELBANK_KLANTEN.xlsx. */
  clientsXlsx: boolean;
  force: boolean;
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: ExtractsProgress) => void) | undefined;
}

/** Throws a UserFacingError naming the first option that is wrong and what it must be. */
export function validateExtractsOptions(options: ExtractsOptions): void {
  if (typeof options.out !== 'string' || options.out.trim() === '') {
    throw new UserFacingError('out moet de uitvoermap noemen (een nieuwe of lege map).');
  }
  if (!Number.isSafeInteger(options.seed) || options.seed < 0) {
    throw new UserFacingError(`seed moet een geheel getal van 0 of meer zijn (opgegeven: ${String(options.seed)}).`);
  }
  if (typeof options.scale !== 'number' || !Number.isFinite(options.scale) || options.scale < 1) {
    throw new UserFacingError(
      `scale moet een getal van 1 of meer zijn (opgegeven: ${String(options.scale)}); 1 is de demowereld, ${NATIONAL_SCALE} de landelijke omvang.`,
    );
  }
  if (!OUTPUT_FORMATS.includes(options.format)) {
    throw new UserFacingError(`format moet een van ${OUTPUT_FORMATS.join(', ')} zijn (opgegeven: ${String(options.format)}).`);
  }
  if (options.planted !== undefined && !PLANTED_STRUCTURES.includes(options.planted)) {
    throw new UserFacingError(`planted moet een van ${PLANTED_STRUCTURES.join(', ')} zijn (opgegeven: ${String(options.planted)}).`);
  }
}

export function parsePlantedOption(text: string): PlantedStructure {
  const structure = PLANTED_STRUCTURES.find((candidate) => candidate === text);
  if (!structure) throw new UserFacingError(`--planted moet een van ${PLANTED_STRUCTURES.join(', ')} zijn (opgegeven: "${text}").`);
  return structure;
}

export function parseSeedOption(text: string): number {
  const seed = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(seed)) throw new UserFacingError(`--seed moet een geheel getal van 0 of meer zijn (opgegeven: "${text}").`);
  return seed;
}

export function parseScaleOption(text: string): number {
  if (text === 'national') return NATIONAL_SCALE;
  const scale = /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  if (!(scale >= 1)) {
    throw new UserFacingError(`--scale moet een getal van 1 of meer zijn, of "national" (= ${NATIONAL_SCALE}) (opgegeven: "${text}").`);
  }
  return scale;
}

export function parseFormatOption(text: string): OutputFormat {
  const format = OUTPUT_FORMATS.find((candidate) => candidate === text);
  if (!format) throw new UserFacingError(`--format moet een van ${OUTPUT_FORMATS.join(', ')} zijn (opgegeven: "${text}").`);
  return format;
}
