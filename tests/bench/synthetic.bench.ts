// Benchmark of the synthetic extracts: generation throughput and memory, each against a same-run baseline.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DuckDBInstance } from '@duckdb/node-api';
import { writeWorldCsv } from '../../src-main/synthetic/generate-world';
import { runProbe, type Timing } from './measure';

const MILLION_SCALE = Number(process.env.BENCH_SYNTHETIC_SCALE ?? 30);

interface Probe {
  persons: number;
  addressRows: number;
  seconds: number;
  maxRssBytes: number;
}

function probe(folder: string, scale: number): Promise<Probe> {
  return runProbe<Probe>(join(import.meta.dirname, '..', 'main', 'synthetic', 'support', 'rss-probe.ts'), [folder, String(scale)]);
}

export async function benchSynthetic(): Promise<Timing[]> {
  const folder = await mkdtemp(join(tmpdir(), 'groepsbeeld-bench-synthetic-'));
  const timings: Timing[] = [];
  try {
    // 1. The demo world against DuckDB writing the same number of CSV rows of the same width.
    let start = performance.now();
    await mkdir(join(folder, 'demo'));
    const demo = await writeWorldCsv(join(folder, 'demo'), { seed: 2017, scale: 1 });
    const generatedMs = performance.now() - start;
    const rows = Object.values(demo.rows).reduce((sum, n) => sum + n, 0);
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    start = performance.now();
    await connection.run(
      `COPY (SELECT 'R' AS s, lpad(i::VARCHAR, 9, '0') AS k, strftime(DATE '1990-01-01' + (i % 9000)::INTEGER, '%Y%m%d') AS b,
              '20501231' AS e, 'I' AS t, lpad(i::VARCHAR, 12, '0') AS o FROM range(${rows}) r(i)) TO $path (HEADER)`,
      { path: join(folder, 'baseline.csv') },
    );
    const baselineMs = performance.now() - start;
    connection.closeSync();
    instance.closeSync();
    timings.push({
      name: `generate the demo world (${demo.persons.toLocaleString('en')} persons)`,
      baseline: `DuckDB COPY of ${rows.toLocaleString('en')} rows`,
      baselineMs,
      measuredMs: generatedMs,
      detail:
        `${Math.round(demo.persons / (generatedMs / 1000)).toLocaleString('en')} ` +
        `persons/s, ${Math.round(rows / (generatedMs / 1000)).toLocaleString('en')} rows/s`,
    });

    // 2. Peak memory at about a million persons against the demo world, each in a fresh process.
    await mkdir(join(folder, 'small'));
    await mkdir(join(folder, 'large'));
    const small = await probe(join(folder, 'small'), 1);
    const large = await probe(join(folder, 'large'), MILLION_SCALE);
    timings.push({
      name: `peak RSS writing ${large.persons.toLocaleString('en')} persons`,
      baseline: `demo world, ${small.persons.toLocaleString('en')} persons`,
      baselineMs: small.maxRssBytes / 1e6,
      measuredMs: large.maxRssBytes / 1e6,
      unit: 'MB',
      detail:
        `${large.seconds.toFixed(1)} s, ${Math.round(large.persons / large.seconds).toLocaleString('en')} ` +
        `persons/s, ${Math.round(large.addressRows / large.seconds).toLocaleString('en')} address rows/s`,
    });
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  return timings;
}
