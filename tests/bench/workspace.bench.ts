// Benchmark of the encrypted workspace: loading a generated world's extracts into session tables from the
// workspace, against loading them from the CSV files and from Parquet; plus write time, KDF time and sizes.
import { copyFile, mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openLockedSession, type LockedSession } from '../../src-main/engine/locked-session';
import { quoteIdentifier } from '../../src-main/engine/sql';
import { loadWorkspace, writeWorkspace, type Compression } from '../../src-main/engine/workspace';
import { createHeader } from '../../src-main/engine/workspace/format';
import { EXTRACT_TABLES } from '../../src-main/synthetic/extract-tables';
import { writeWorldCsv } from '../../src-main/synthetic/generate-world';
import { convertExtractsToParquet, csvColumnsStruct } from '../../src-main/synthetic/parquet-export';
import { StudyEngine } from '../../src-main/engine/study-engine';
import { LinkingJob } from '../../src-main/linking/linking-job';
import { median, type Timing } from './measure';
import { linkRequestSchema } from '../../src-main/linking/linking-shapes';

/** 2 is about 90 000 persons and a million rows over the extracts; 3 is 130 000 persons and 1.4 million rows. */
const SCALE = Number(process.env.BENCH_WORKSPACE_SCALE ?? 2);
/** Deflate is the default; BENCH_WORKSPACE_COMPRESSION=deflate,brotli,none compares them (slower). */
const COMPRESSIONS = (process.env.BENCH_WORKSPACE_COMPRESSION ?? 'deflate').split(',') as Compression[];
/** Rounds of loads, alternating the sources so that drift hits each equally; the fastest run of each counts. */
const ROUNDS = 2;
const PASSPHRASE = 'benchmark passphrase, not a secret';

async function folderBytes(folder: string, extension: string): Promise<number> {
  let total = 0;
  for (const name of await readdir(folder)) if (name.endsWith(extension)) total += (await stat(join(folder, name))).size;
  return total;
}

async function timed(work: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** One load into a fresh locked session (as the app opens one per set of files). */
async function loadOnce(readableFiles: string[], load: (session: LockedSession) => Promise<void>): Promise<number> {
  const session = await openLockedSession({ readableFiles });
  try {
    return await timed(() => load(session));
  } finally {
    await session.close();
  }
}

export async function benchWorkspace(): Promise<Timing[]> {
  const root = await mkdtemp(join(tmpdir(), 'groepsbeeld-bench-workspace-'));
  const timings: Timing[] = [];
  try {
    const csv = join(root, 'csv');
    const parquet = join(root, 'parquet');
    await mkdir(csv);
    await mkdir(parquet);
    await writeWorldCsv(csv, { seed: 2017, scale: SCALE });
    for (const table of EXTRACT_TABLES) await copyFile(join(csv, `${table.fileName}.csv`), join(parquet, `${table.fileName}.csv`));
    await convertExtractsToParquet(parquet);
    const csvPaths = EXTRACT_TABLES.map((table) => join(csv, `${table.fileName}.csv`));
    const parquetPaths = EXTRACT_TABLES.map((table) => join(parquet, `${table.fileName}.parquet`));
    const csvBytes = await folderBytes(csv, '.csv');
    const parquetBytes = await folderBytes(parquet, '.parquet');

    const fromCsv = async (session: LockedSession) => {
      for (const [index, table] of EXTRACT_TABLES.entries()) {
        await session.query(
          `CREATE OR REPLACE TEMP TABLE ${quoteIdentifier(table.fileName)} AS SELECT * FROM read_csv($path, header = true, auto_detect = false, ` +
            `delim = ',', quote = '"', escape = '"', columns = ${csvColumnsStruct(table)})`,
          { path: csvPaths[index]! },
        );
      }
    };
    const fromParquet = async (session: LockedSession) => {
      for (const [index, table] of EXTRACT_TABLES.entries()) {
        await session.query(`CREATE OR REPLACE TEMP TABLE ${quoteIdentifier(table.fileName)} AS SELECT * FROM read_parquet($path)`, {
          path: parquetPaths[index]!,
        });
      }
    };

    const source = await openLockedSession({ readableFiles: csvPaths });
    let rows = 0;
    let kdfMs = 0;
    const variants: { compression: Compression; path: string; writeMs: number; bytes: number }[] = [];
    try {
      await fromCsv(source);
      for (const table of EXTRACT_TABLES) {
        rows += Number((await source.query(`SELECT count(*) AS n FROM ${quoteIdentifier(table.fileName)}`))[0]?.['n']);
      }
      const kdfRuns: number[] = [];
      for (let i = 0; i < 3; i++) kdfRuns.push(await timed(async () => void (await createHeader(PASSPHRASE)).encryptionKey.fill(0)));
      kdfMs = median(kdfRuns);
      for (const compression of COMPRESSIONS) {
        const path = join(root, `study-${compression}.gbws`);
        const writes: number[] = [];
        let bytes = 0;
        for (let i = 0; i < (compression === 'deflate' ? 2 : 1); i++) {
          await rm(path, { force: true });
          writes.push(
            await timed(async () => {
              bytes = (
                await writeWorkspace({
                  session: source,
                  tables: EXTRACT_TABLES.map((table) => ({ name: table.fileName, table: table.fileName, sourceFile: `${table.fileName}.csv` })),
                  path,
                  passphrase: PASSPHRASE,
                  compression,
                })
              ).bytes;
            }),
          );
        }
        variants.push({ compression, path, writeMs: Math.min(...writes), bytes });
      }
    } finally {
      await source.close();
    }

    const runs = new Map<string, number[]>();
    const record = (label: string, ms: number) => runs.set(label, [...(runs.get(label) ?? []), ms]);
    for (let round = 0; round < ROUNDS; round++) {
      record('csv', await loadOnce(csvPaths, fromCsv));
      record('parquet', await loadOnce(parquetPaths, fromParquet));
      for (const variant of variants) {
        record(variant.compression, await loadOnce([], async (session) => void (await loadWorkspace(variant.path, PASSPHRASE, session))));
      }
    }
    const best = (label: string) => Math.min(...(runs.get(label) ?? [Number.NaN]));
    const csvMs = best('csv');
    const parquetMs = best('parquet');
    const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
    const world = `${rows.toLocaleString('en')} rows in ${EXTRACT_TABLES.length} extracts`;
    timings.push({ name: `load from Parquet (${world})`, baseline: 'from CSV', baselineMs: csvMs, measuredMs: parquetMs });
    for (const variant of variants) {
      const loadMs = best(variant.compression);
      const throughput = `${(((rows / (loadMs - kdfMs)) * 1000) / 1e6).toFixed(2)} M rows/s after the KDF`;
      timings.push({ name: `load from workspace, ${variant.compression}`, baseline: 'from CSV', baselineMs: csvMs, measuredMs: loadMs, detail: throughput });
      timings.push({ name: `load from workspace, ${variant.compression}`, baseline: 'from Parquet', baselineMs: parquetMs, measuredMs: loadMs });
      timings.push({
        name: `write workspace, ${variant.compression}`,
        baseline: 'load from CSV',
        baselineMs: csvMs,
        measuredMs: variant.writeMs,
        detail: `${(((rows / (variant.writeMs - kdfMs)) * 1000) / 1e6).toFixed(2)} M rows/s after the KDF`,
      });
      timings.push({
        name: `workspace size, ${variant.compression}`,
        baseline: `CSV ${mb(csvBytes)} MB`,
        baselineMs: csvBytes / 1e6,
        measuredMs: variant.bytes / 1e6,
        unit: 'MB',
        detail: `Parquet (zstd) ${mb(parquetBytes)} MB, ratio to Parquet ${(variant.bytes / parquetBytes).toFixed(2)}x`,
      });
    }
    timings.push({ name: 'key derivation (scrypt N=2^17, r=8, p=1), per open', baseline: 'load from Parquet', baselineMs: parquetMs, measuredMs: kdfMs });
    timings.push(...(await benchStudyWorkspace(root, csvPaths)));
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  return timings;
}

const LINK = linkRequestSchema.parse({ referenceDate: '20171231', municipality: '0784' });

/** One fresh study engine: open the files (or the workspace) as the app does, then link; returns the time of both. */
async function openAndLink(open: (engine: StudyEngine) => Promise<unknown>): Promise<number> {
  const engine = await StudyEngine.create();
  try {
    return await timed(async () => {
      await open(engine);
      await new LinkingJob(engine).run(LINK);
    });
  } finally {
    await engine.close();
  }
}

/**
 * The app's path: the study engine opens the CSVs (every row checked once) and links, against opening a
 * workspace saved by the study engine (typed tables, no checks needed again) and linking.
 */
async function benchStudyWorkspace(root: string, csvPaths: string[]): Promise<Timing[]> {
  const path = join(root, 'study-engine.gbws');
  const saver = await StudyEngine.create();
  let writeMs: number;
  try {
    await saver.openFiles(csvPaths);
    writeMs = await timed(async () => void (await saver.saveWorkspace(path, PASSPHRASE)));
  } finally {
    await saver.close();
  }
  const csvRuns: number[] = [];
  const workspaceRuns: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    csvRuns.push(await openAndLink((engine) => engine.openFiles(csvPaths)));
    workspaceRuns.push(await openAndLink((engine) => engine.openWorkspace(path, PASSPHRASE)));
  }
  const csvMs = Math.min(...csvRuns);
  return [
    { name: 'study engine: open workspace + link', baseline: 'open CSVs (checked) + link', baselineMs: csvMs, measuredMs: Math.min(...workspaceRuns) },
    { name: 'study engine: save workspace of the open CSVs', baseline: 'open CSVs (checked) + link', baselineMs: csvMs, measuredMs: writeMs },
  ];
}
