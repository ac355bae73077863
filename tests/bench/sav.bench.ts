// Benchmark of the .sav reader: a register-like 5-column file, uncompressed and bytecode-compressed,
// against DuckDB's read_csv of the same rows.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { openSav } from '../../src-main/engine/sav';
import { writeSav, type WriterVariable } from '../main/engine/sav/support/sav-writer';
import { sideBySide, type Timing } from './measure';

const ROWS = Number(process.env.BENCH_SAV_ROWS ?? 2_000_000);

const VARIABLES: WriterVariable[] = [
  { name: 'RINPERSS', width: 1 },
  { name: 'RINPERSN', width: 9 },
  { name: 'GESLACHT', width: 0 },
  { name: 'GEBJAAR', width: 0 },
  { name: 'INKOMEN', width: 0 },
];

/** The same rows as the CSV below: person key with leading zeros, sex 1/2 (compresses to one code), year and income (stored raw). */
function caseValues(i: number): (number | string)[] {
  return ['R', String(i).padStart(9, '0'), 1 + (i % 2), 1920 + (i % 100), (i % 100000) * 1.25];
}

/** Reads every batch and touches every value, as a loader into DuckDB would. */
async function readAll(path: string): Promise<number> {
  const file = await openSav(path);
  let rows = 0;
  let checksum = 0;
  for await (const batch of file.batches()) {
    rows += batch.rowCount;
    for (const column of batch.columns) {
      if (column.kind === 'number') checksum += column.values[batch.rowCount - 1] ?? 0;
      else checksum += column.values[batch.rowCount - 1]?.length ?? 0;
    }
  }
  if (rows !== ROWS || !Number.isFinite(checksum)) throw new Error(`read ${rows} rows instead of ${ROWS}`);
  return rows;
}

export async function benchSav(): Promise<Timing[]> {
  const folder = await mkdtemp(join(tmpdir(), 'groepsbeeld-bench-sav-'));
  const timings: Timing[] = [];
  try {
    const csv = join(folder, 'GBAPERSOON2018TABV1.csv');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(
      `COPY (SELECT 'R' AS RINPERSOONS, lpad(i::VARCHAR, 9, '0') AS RINPERSOON, 1 + i % 2 AS GESLACHT,
        1920 + i % 100 AS GEBJAAR, (i % 100000) * 1.25 AS INKOMEN FROM range(${ROWS}) t(i)) TO $path (HEADER)`,
      { path: csv },
    );
    const baseline = async (): Promise<void> => {
      await connection.run(`CREATE OR REPLACE TABLE persons AS SELECT * FROM read_csv($path, header = true, types = {'RINPERSOON': 'VARCHAR'})`, { path: csv });
    };

    for (const [label, compression] of [
      ['uncompressed', 0],
      ['bytecode-compressed', 1],
    ] as const) {
      const sav = join(folder, `GBAPERSOON2018TABV1-${label}.sav`);
      await writeSav(sav, { variables: VARIABLES, caseCount: ROWS, caseValues, compression });
      const megabytes = (await stat(sav)).size / 1e6;
      const [csvMs, savMs] = await sideBySide(3, baseline, async () => void (await readAll(sav)));
      timings.push({
        name: `read ${ROWS.toLocaleString('en')} rows x 5 columns (.sav ${label})`,
        baseline: 'DuckDB read_csv of the same rows into a table',
        baselineMs: csvMs,
        measuredMs: savMs,
        detail:
          `${Math.round(ROWS / (savMs / 1000)).toLocaleString('en')} rows/s ` +
          `(${megabytes.toFixed(0)} MB); read_csv ${Math.round(ROWS / (csvMs / 1000)).toLocaleString('en')} rows/s`,
      });
    }
    connection.closeSync();
    instance.closeSync();
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  return timings;
}
