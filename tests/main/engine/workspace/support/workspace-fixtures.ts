// Fixtures for the encrypted-workspace tests: the test passphrase and cheap key derivation, a source table with every
// stored type (nulls, non-ASCII text, leading zeros), and readers of what a session or a workspace file holds.
import { expect } from 'vitest';
import type { LockedSession } from '../../../../../src-main/engine/locked-session';
import { loadWorkspace } from '../../../../../src-main/engine/workspace';

/** Cheap key derivation so the suite stays fast; the default parameters are measured in the benchmark. */
export const TEST_KDF = { log2N: 12, r: 8, p: 1 };
export const PASSPHRASE = 'correct horse battery staple';
export const DISTINCTIVE = 'Zwaluwstaart-Ĳsselmonde-4711';
export const ROWS = 5000;

/** The source table `persons` (ROWS rows): every column type a workspace stores, with nulls, DISTINCTIVE and emoji. */
export async function createPersonsTable(session: LockedSession): Promise<void> {
  await session.query(`
    CREATE TEMP TABLE persons AS
    SELECT
      i::INTEGER AS id,
      lpad(i::VARCHAR, 9, '0') AS "RINPERSOON",
      CASE WHEN i % 7 = 0 THEN NULL WHEN i % 5 = 0 THEN '${DISTINCTIVE}' WHEN i % 3 = 0 THEN 'Zoë Çelik 😀' ELSE 'Jan' END AS naam,
      CASE WHEN i % 11 = 0 THEN NULL ELSE DATE '1950-01-01' + (i * 37 % 25000)::INTEGER END AS geboortedatum,
      CASE WHEN i % 13 = 0 THEN NULL ELSE (i * 1.25 - 300)::DOUBLE END AS inkomen,
      CASE WHEN i % 17 = 0 THEN NULL ELSE i::BIGINT * 1000000007 END AS grootgetal,
      CASE WHEN i % 19 = 0 THEN NULL ELSE i % 4 = 0 END AS client,
      CASE WHEN i % 23 = 0 THEN NULL ELSE TIMESTAMP '2017-01-01 08:30:00' + INTERVAL (i) MINUTE END AS gemeld,
      CASE WHEN i = 1 THEN '' ELSE '0784' END AS gemeente
    FROM range(${ROWS}) r(i)`);
}

export async function tableNames(session: LockedSession): Promise<string[]> {
  const rows = await session.query('SELECT table_name FROM duckdb_tables() ORDER BY table_name');
  return rows.map((row) => String(row['table_name']));
}

/** The error a load of the workspace fails with (failing the test when it loads). */
export async function loadError(path: string, session: LockedSession, passphrase = PASSPHRASE): Promise<Error> {
  const error = await loadWorkspace(path, passphrase, session).then(
    () => undefined,
    (caught: unknown) => caught as Error,
  );
  expect(error, 'expected the load to fail').toBeInstanceOf(Error);
  return error!;
}

/** The records of a workspace file as they lie on disk: [start, end) byte ranges after the 68-byte header. */
export function recordRanges(bytes: Buffer): [number, number][] {
  const ranges: [number, number][] = [];
  for (let at = 68; at < bytes.length;) {
    const end = at + 5 + bytes.readUInt32LE(at + 1);
    ranges.push([at, end]);
    at = end;
  }
  return ranges;
}
