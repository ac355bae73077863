// Benchmark of the foundation: each protection against an unprotected baseline measured in the same run.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { openLockedSession } from '../../src-main/engine/locked-session';
import { contract } from '../../src-main/ipc/contract';
import { dispatch, type Handlers } from '../../src-main/ipc/dispatch';
import { sideBySide, type Timing } from './measure';

const ROWS = Number(process.env.BENCH_ROWS ?? 2_000_000);

/** What the foundation's protections cost: locked session, scans, the IPC gate. */
export async function benchEngine(): Promise<Timing[]> {
  const folder = await mkdtemp(join(tmpdir(), 'groepsbeeld-bench-'));
  const timings: Timing[] = [];
  try {
    // A register-like address file: person key as text, spell dates, object key.
    const csv = join(folder, 'GBAADRESOBJECT2018BUSV1.csv');
    const parquet = join(folder, 'GBAADRESOBJECT2018BUSV1.parquet');
    const writer = await DuckDBInstance.create(':memory:');
    const w = await writer.connect();
    const source = `SELECT 'R' AS RINPERSOONS, lpad((i // 4)::VARCHAR, 9, '0') AS RINPERSOON,
      strftime(DATE '1990-01-01' + (i % 9000)::INTEGER, '%Y%m%d') AS GBADATUMAANVANGADRESHOUDING,
      strftime(DATE '2015-01-01' + (i % 4000)::INTEGER, '%Y%m%d') AS GBADATUMEINDEADRESHOUDING,
      lpad((i % 700000)::VARCHAR, 10, '0') AS RINOBJECTNUMMER FROM range(${ROWS}) t(i)`;
    await w.run(`COPY (${source}) TO $path (HEADER)`, { path: csv });
    await w.run(`COPY (${source}) TO $path (FORMAT parquet)`, { path: parquet });
    w.closeSync();
    writer.closeSync();

    const query = (scan: string) =>
      `SELECT count(*) AS spells, count(DISTINCT RINPERSOON) AS persons FROM ${scan}
       WHERE GBADATUMAANVANGADRESHOUDING <= '20171231' AND GBADATUMEINDEADRESHOUDING >= '20171231'`;

    // 1. Session set-up: a plain instance vs a locked one (settings, allowed list, lock, spill folder).
    const [plainOpen, lockedOpen] = await sideBySide(
      15,
      async () => {
        const instance = await DuckDBInstance.create(':memory:');
        (await instance.connect()).closeSync();
        instance.closeSync();
      },
      async () => (await openLockedSession({ readableFiles: [csv, parquet] })).close(),
    );
    timings.push({ name: 'open a locked session', baseline: 'plain in-memory instance', baselineMs: plainOpen, measuredMs: lockedOpen });

    // 2. Scans: the same query through the locked session (bound path) vs an unprotected instance.
    const plain = await (await DuckDBInstance.create(':memory:')).connect();
    const locked = await openLockedSession({ readableFiles: [csv, parquet] });
    for (const [label, scan] of [
      ['CSV', 'read_csv($path, header = true, all_varchar = true)'],
      ['Parquet', 'read_parquet($path)'],
    ] as const) {
      const path = label === 'CSV' ? csv : parquet;
      const [base, measured] = await sideBySide(
        3,
        async () => void (await plain.runAndReadAll(query(scan), { path })),
        async () => void (await locked.query(query(scan), { path })),
      );
      timings.push({
        name: `scan ${ROWS.toLocaleString('en')} address spells (${label}) locked`,
        baseline: 'same scan, unprotected',
        baselineMs: base,
        measuredMs: measured,
      });
    }
    await locked.close();
    plain.closeSync();

    // 3. The IPC gate: dispatch (channel lookup, zod on request and reply) vs calling the handler directly.
    const reply = { column: 'RINPERSOON', type: 'VARCHAR', rowCount: 26431, missing: 0, distinct: 26431 };
    const columnSummary: Handlers['columnSummary'] = async () => reply;
    const handlers = { columnSummary } as unknown as Handlers;
    const request = { fileId: 'f', column: 'RINPERSOON' };
    const calls = 20_000;
    const [direct, gated] = await sideBySide(
      5,
      async () => {
        for (let i = 0; i < calls; i++) await columnSummary(request);
      },
      async () => {
        for (let i = 0; i < calls; i++) await dispatch(handlers, contract.columnSummary.channel, request, { trusted: true });
      },
    );
    timings.push({ name: `${calls.toLocaleString('en')} IPC calls through dispatch`, baseline: 'direct handler calls', baselineMs: direct, measuredMs: gated });
  } finally {
    await rm(folder, { recursive: true, force: true });
  }

  return timings;
}
