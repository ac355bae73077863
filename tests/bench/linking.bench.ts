// Benchmark of the linking: the app's analysis table against one hand-written DuckDB SQL of the same
// joins on the same generated files, each in a fresh process, for CSV and for Parquet.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { convertExtractsToParquet } from '../../src-main/synthetic/parquet-export';
import { writeWorldCsv } from '../../src-main/synthetic/generate-world';
import { runProbe, type Timing } from './measure';

/** 30 is about a million persons and 4.6 million address rows; BENCH_LINK_SCALE=500 is national size (~17 M persons, ~70 M address rows). */
const SCALE = Number(process.env.BENCH_LINK_SCALE ?? 30);

interface Probe {
  seconds: number;
  households: number;
  maxRssBytes: number;
}

function probe(mode: 'app' | 'sql', folder: string, extension: 'csv' | 'parquet'): Promise<Probe> {
  return runProbe<Probe>(join(import.meta.dirname, 'support', 'link-probe.ts'), [mode, folder, extension]);
}

export async function benchLinking(): Promise<Timing[]> {
  const root = await mkdtemp(join(tmpdir(), 'groepsbeeld-bench-link-'));
  const timings: Timing[] = [];
  try {
    const csv = join(root, 'csv');
    await mkdir(csv);
    const world = await writeWorldCsv(csv, { seed: 2017, scale: SCALE });
    const parquet = join(root, 'parquet');
    await mkdir(parquet);
    const { copyFile, readdir } = await import('node:fs/promises');
    for (const name of await readdir(csv)) if (name.endsWith('.csv')) await copyFile(join(csv, name), join(parquet, name));
    await convertExtractsToParquet(parquet);
    const size = `${world.persons.toLocaleString('en')} persons, ${(world.rows['GBAADRESOBJECT2018BUSV1.csv'] ?? 0).toLocaleString('en')} address rows`;
    for (const [label, folder, extension] of [
      ['CSV', csv, 'csv'],
      ['Parquet', parquet, 'parquet'],
    ] as const) {
      // Alternate, twice each, and keep the faster run of each: the page cache then favours neither.
      const runs = { app: [] as Probe[], sql: [] as Probe[] };
      for (let round = 0; round < 2; round++) {
        runs.sql.push(await probe('sql', folder, extension));
        runs.app.push(await probe('app', folder, extension));
      }
      const best = (list: Probe[]) => list.reduce((a, b) => (b.seconds < a.seconds ? b : a));
      const app = best(runs.app);
      const sql = best(runs.sql);
      if (app.households !== sql.households) throw new Error(`The app found ${app.households} households, the hand-written SQL ${sql.households}.`);
      timings.push({
        name: `analysis table from ${label} (${size})`,
        baseline: 'hand-written DuckDB SQL, same joins',
        baselineMs: sql.seconds * 1000,
        measuredMs: app.seconds * 1000,
        detail:
          `${app.households.toLocaleString('en')} households; peak RSS ` +
          `app ${(app.maxRssBytes / 1e6).toFixed(0)} MB, SQL ${(sql.maxRssBytes / 1e6).toFixed(0)} MB`,
      });
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  return timings;
}
