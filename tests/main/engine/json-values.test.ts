// DuckDB values become plain JSON-safe values once, at the boundary, without losing digits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toJsonValue } from '../../../src-main/engine/json-values';
import { openLockedSession, type LockedSession } from '../../../src-main/engine/locked-session';

let session: LockedSession;
beforeAll(async () => {
  session = await openLockedSession({ readableFiles: [] });
});
afterAll(() => session.close());

async function one(sqlExpression: string) {
  const rows = await session.query(`SELECT ${sqlExpression} AS v`);
  return rows[0]!.v;
}

describe('toJsonValue on real DuckDB results', () => {
  it('turns BIGINT and HUGEINT counts into numbers, and too-large integers into exact strings', async () => {
    expect(await one('(SELECT count(*) FROM range(26431))')).toBe(26431);
    expect(await one('9007199254740991::BIGINT')).toBe(9007199254740991);
    expect(await one('9007199254740993::BIGINT')).toBe('9007199254740993');
    expect(await one('170141183460469231731687303715884105727::HUGEINT')).toBe('170141183460469231731687303715884105727');
    expect(await one('-12::HUGEINT')).toBe(-12);
  });

  it('turns DECIMAL into numbers where exact, strings where wide', async () => {
    expect(await one('14000.50::DECIMAL(10,2)')).toBe(14000.5);
    expect(await one('42::DECIMAL(18,0)')).toBe(42);
    expect(await one("'12345678901234567.89'::DECIMAL(38,2)")).toBe('12345678901234567.89');
  });

  it('turns DATE and TIMESTAMP into ISO text', async () => {
    expect(await one("strptime('20171231', '%Y%m%d')::DATE")).toBe('2017-12-31');
    expect(await one("TIMESTAMP '2017-12-31 23:59:00'")).toBe('2017-12-31 23:59:00');
  });

  it('turns NaN and infinities into null, keeps doubles and booleans', async () => {
    expect(await one("'nan'::DOUBLE")).toBeNull();
    expect(await one("'inf'::DOUBLE")).toBeNull();
    expect(await one('0.25::DOUBLE')).toBe(0.25);
    expect(await one('true')).toBe(true);
  });

  it('converts nested lists, structs and maps recursively', async () => {
    expect(await one("[DATE '2017-12-31', NULL]")).toEqual(['2017-12-31', null]);
    expect(await one("{'n': 3::BIGINT, 'mean': 2.50::DECIMAL(4,2)}")).toEqual({ n: 3, mean: 2.5 });
    expect(await one("MAP {'0784': 11346::BIGINT}")).toEqual([{ key: '0784', value: 11346 }]);
  });

  it('keeps text keys as text, leading zeros included', async () => {
    expect(await one("'000012345'")).toBe('000012345');
  });

  it('refuses to pass binary values out', async () => {
    await expect(session.query("SELECT 'x'::BLOB AS v")).rejects.toThrow(/binary/);
    expect(() => toJsonValue(null)).not.toThrow();
  });
});
