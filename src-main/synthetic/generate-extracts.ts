// One generator run: the world's CSV extracts, optional xlsx and Parquet, and the manifest, moved into place atomically.
import { readdir } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { yyyymmdd } from '../common/calendar';
import { writeClientListXlsx } from './client-list-xlsx';
import { extractTable } from './extract-tables';
import { validateExtractsOptions, type ExtractsOptions, type ExtractsProgress } from './extract-options';
import { writeWorldCsv } from './generate-world';
import { GENERATOR_ID, MANIFEST_FILE, digestFile, writeManifest, type Manifest, type ManifestFile } from './manifest';
import { writeOutputFolder } from './output-folder';
import { convertExtractsToParquet } from './parquet-export';
import { REFERENCE_DAY } from './world-plan';
import { GENERATOR_VERSION, type WorldOptions, type WorldSummary } from './world-writer';

export type WorldCsvWriter = (folder: string, options: WorldOptions) => Promise<WorldSummary>;

export interface ExtractsResult {
  /** The absolute output folder, now complete. */
  folder: string;
  manifest: Manifest;
}

/** Share of the progress bar per phase: writing the world dominates; Parquet is a second pass over the CSVs. */
function phaseWeights(options: ExtractsOptions): { world: number; parquet: number } {
  return options.format === 'parquet' ? { world: 0.6, parquet: 0.37 } : { world: 0.97, parquet: 0 };
}

/** Every file under the folder, relative, with `/` separators, except the manifest itself. */
async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((name) => name !== MANIFEST_FILE);
}

/**
 * The manifest's file list, in the given order. CSV rows are counted from the file itself and checked
 * against what the world writer reported; other files carry the rows their writer returned.
 */
async function describeFiles(
  folder: string,
  names: readonly string[],
  knownRows: ReadonlyMap<string, number>,
  reportedRows: Readonly<Record<string, number>>,
): Promise<ManifestFile[]> {
  const present = new Set(await listFiles(folder));
  const unlisted = [...present].filter((name) => !names.includes(name));
  if (unlisted.length > 0 || names.some((name) => !present.has(name))) {
    throw new Error(`The generated files do not match the world summary (unlisted: ${unlisted.join(', ') || 'none'}; expected: ${names.join(', ')}).`);
  }
  const files: ManifestFile[] = [];
  for (const name of names) {
    const digest = await digestFile(join(folder, ...name.split('/')));
    const rows = name.endsWith('.csv') ? digest.lines - 1 : (knownRows.get(name) ?? null);
    const reported = reportedRows[name];
    if (reported !== undefined && reported !== rows) throw new Error(`${name} has ${rows} data rows but the world writer reported ${reported}.`);
    files.push({ name, rows, bytes: digest.bytes, sha256: digest.sha256 });
  }
  return files;
}

/**
 * Generates one world into `options.out`: validates the options, writes everything into a temporary
 * sibling folder, and moves it into place only when complete (see output-folder.ts). `writeWorld` is
 * replaceable for tests.
 */
export async function generateExtracts(options: ExtractsOptions, writeWorld: WorldCsvWriter = writeWorldCsv): Promise<ExtractsResult> {
  validateExtractsOptions(options);
  const weights = phaseWeights(options);
  let personsWritten = 0;
  const report = (phase: ExtractsProgress['phase'], fraction: number): void => options.onProgress?.({ phase, fraction: Math.min(1, fraction), personsWritten });
  const manifest = await writeOutputFolder(options.out, { force: options.force, signal: options.signal }, async (folder) => {
    report('world', 0);
    const summary = await writeWorld(folder, {
      seed: options.seed,
      scale: options.scale,
      planted: options.planted,
      signal: options.signal,
      onProgress: (progress) => {
        personsWritten = progress.personsWritten;
        report('world', (weights.world * progress.householdsWritten) / Math.max(1, progress.householdsPlanned));
      },
    });
    options.signal?.throwIfAborted();
    personsWritten = summary.persons;
    // The world writer's order; the xlsx follows the client list, converted extracts are renamed in place.
    let names = [...summary.files];
    const knownRows = new Map<string, number>();
    if (options.clientsXlsx) {
      report('xlsx', weights.world);
      const clients = extractTable('clients').fileName;
      knownRows.set(`${clients}.xlsx`, await writeClientListXlsx(join(folder, `${clients}.csv`), join(folder, `${clients}.xlsx`)));
      names.splice(names.indexOf(`${clients}.csv`) + 1, 0, `${clients}.xlsx`);
    }
    if (options.format === 'parquet') {
      report('parquet', weights.world);
      const converted = await convertExtractsToParquet(folder, {
        signal: options.signal,
        onProgress: (fraction) => report('parquet', weights.world + weights.parquet * fraction),
      });
      const renamed = new Map(converted.map(({ table, name }) => [`${table.fileName}.csv`, name]));
      names = names.map((name) => renamed.get(name) ?? name);
      for (const { table, name, rows } of converted) {
        const reported = summary.rows[`${table.fileName}.csv`];
        if (reported !== undefined && reported !== rows) throw new Error(`${name} has ${rows} rows but the world writer reported ${reported} for its CSV.`);
        knownRows.set(name, rows);
      }
    }
    options.signal?.throwIfAborted();
    report('manifest', weights.world + weights.parquet);
    const manifest: Manifest = {
      generator: GENERATOR_ID,
      generatorVersion: GENERATOR_VERSION,
      seed: options.seed,
      scale: options.scale,
      planted: options.planted ?? 'pilot',
      format: options.format,
      referenceDate: yyyymmdd(REFERENCE_DAY),
      persons: summary.persons,
      households: summary.households,
      files: await describeFiles(folder, names, knownRows, summary.rows),
    };
    await writeManifest(folder, manifest);
    report('manifest', 1);
    return manifest;
  });
  return { folder: resolve(options.out), manifest };
}
