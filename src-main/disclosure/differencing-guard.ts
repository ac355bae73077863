// The differencing guard: two exports whose populations differ by a few households disclose those households,
// so a new export is compared with everything exported earlier in the study.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { populationSchema, type Population } from '../analysis/population';
import { UserFacingError } from '../errors';
import type { RuleSet } from './rule-set';

export const exportedPopulationSchema = z.strictObject({
  outputId: z.string(),
  title: z.string(),
  exportedAt: z.string(),
  folder: z.string(),
  population: populationSchema,
});
export type ExportedPopulation = z.infer<typeof exportedPopulationSchema>;

const historySchema = z.strictObject({ version: z.literal(1), study: z.string(), exports: z.array(exportedPopulationSchema) });

/** A new output whose population differs from an earlier export's by 1 to threshold - 1 households. */
export interface DifferencingWarning {
  outputId: string;
  earlier: ExportedPopulation;
  /** The difference itself is a small count: only "below the threshold" is said. */
  differenceBelow: number;
}

/**
 * Compares each new output's population with every earlier one. `countDifference` returns the number of
 * households in exactly one of the two populations (an engine call over the analysis table).
 */
export async function findDifferencing(
  outputs: readonly { outputId: string; population: Population }[],
  history: readonly ExportedPopulation[],
  countDifference: (a: Population, b: Population) => Promise<number>,
  rules: RuleSet,
): Promise<DifferencingWarning[]> {
  const warnings: DifferencingWarning[] = [];
  const cache = new Map<string, number>();
  for (const output of outputs) {
    for (const earlier of history) {
      const key = JSON.stringify([output.population, earlier.population]);
      let difference = cache.get(key);
      if (difference === undefined) {
        difference = await countDifference(output.population, earlier.population);
        cache.set(key, difference);
      }
      if (difference > 0 && difference < rules.threshold) warnings.push({ outputId: output.outputId, earlier, differenceBelow: rules.threshold });
    }
  }
  return warnings;
}

/** The warning in the analyst's words. */
export function describeWarning(warning: DifferencingWarning): string {
  return (
    `De populatie van "${warning.outputId}" verschilt minder dan ${warning.differenceBelow} huishoudens van die van ` +
    `"${warning.earlier.title}" (geëxporteerd ${warning.earlier.exportedAt.slice(0, 10)}). Samen laten ze iets zien over die paar huishoudens. ` +
    'Exporteer alleen met een schriftelijke onderbouwing voor de outputcontroleur.'
  );
}

/** The history file of a study in the app's own data folder; the key names no microdata. */
export function historyPath(userData: string, study: { name: string; municipality: string; referenceDate: string }): string {
  const key = createHash('sha256').update(JSON.stringify([study.name, study.municipality, study.referenceDate])).digest('hex').slice(0, 32);
  return join(userData, 'export-history', `${key}.json`);
}

export async function readExportHistory(path: string): Promise<ExportedPopulation[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return [];
    throw error;
  }
  const parsed = historySchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    // A damaged history must not silently switch the guard off.
    throw new UserFacingError(`De exportgeschiedenis ${path} is beschadigd; verplaats het bestand pas nadat de outputcontroleur het heeft gezien.`);
  }
  return parsed.data.exports;
}

/** Adds exported populations to the history (written to a temporary file and renamed, so it is never half-written). */
export async function appendExportHistory(path: string, study: string, entries: readonly ExportedPopulation[]): Promise<void> {
  const exports = [...(await readExportHistory(path)), ...entries];
  await mkdir(dirname(path), { recursive: true });
  const partial = `${path}.partial`;
  await writeFile(partial, `${JSON.stringify({ version: 1, study, exports }, null, 2)}\n`, { mode: 0o600 });
  await rename(partial, path);
}
