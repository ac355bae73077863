// The IPC gate: unknown channels, foreign senders, malformed payloads and out-of-contract replies are refused.
import { describe, expect, it, vi } from 'vitest';
import { contract } from '../../../src-main/ipc/contract';
import { dispatch } from '../../../src-main/ipc/dispatch';
import { UserFacingError } from '../../../src-main/common/errors';
import { fixedHandlers } from '../support/fake-handlers';

const trusted = { trusted: true };

describe('dispatch', () => {
  it('runs the handler and returns its reply as a value', async () => {
    const result = await dispatch(fixedHandlers(), contract.columnSummary.channel, { fileId: 'f1', column: 'RINPERSOON' }, trusted);
    expect(result).toEqual({ ok: true, value: { column: 'RINPERSOON', type: 'VARCHAR', rowCount: 10, missing: 0, distinct: 10 } });
  });

  it('passes a .sav profile with its variable and value labels', async () => {
    const result = await dispatch(fixedHandlers(), contract.fileProfile.channel, { fileId: 'f1' }, trusted);
    expect(result).toMatchObject({
      ok: true,
      value: {
        columns: [
          {
            label: 'Geslacht',
            topValues: [
              { value: '1', label: 'Man' },
              { value: '2', label: 'Vrouw' },
            ],
          },
        ],
      },
    });
  });

  it('rejects an unknown channel with a clear error and runs nothing', async () => {
    const handlers = fixedHandlers({ appInfo: vi.fn() });
    for (const channel of ['groepsbeeld:run-sql', 'appInfo', '', 42, null]) {
      const result = await dispatch(handlers, channel, undefined, trusted);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('unknown-channel');
        expect(result.error.message).toMatch(/Onbekend IPC-kanaal/);
      }
    }
    expect(handlers.appInfo).not.toHaveBeenCalled();
  });

  it('rejects a call from a foreign sender before parsing or running anything', async () => {
    const columnSummary = vi.fn();
    const result = await dispatch(fixedHandlers({ columnSummary }), contract.columnSummary.channel, { fileId: 'f', column: 'c' }, { trusted: false });
    expect(result).toEqual({
      ok: false,
      error: { code: 'forbidden-sender', message: expect.stringMatching(/kwam niet uit het venster van Groepsbeeld/) },
    });
    expect(columnSummary).not.toHaveBeenCalled();
  });

  it.each([
    ['no payload', undefined, /\(verzoek\)/],
    ['a number for fileId', { fileId: 7, column: 'c' }, /fileId/],
    ['an empty column name', { fileId: 'f', column: '' }, /column/],
    ['a column name of 10,000 characters', { fileId: 'f', column: 'x'.repeat(10_000) }, /column/],
  ])('rejects a malformed payload (%s) and names the field', async (_label, payload, field) => {
    const columnSummary = vi.fn();
    const result = await dispatch(fixedHandlers({ columnSummary }), contract.columnSummary.channel, payload, trusted);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-request');
      expect(result.error.message).toMatch(field);
    }
    expect(columnSummary).not.toHaveBeenCalled();
  });

  it('rejects a payload on a verb that takes none', async () => {
    const result = await dispatch(fixedHandlers(), contract.appInfo.channel, { path: '/etc/passwd' }, trusted);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('passes an analyst-facing error message through unchanged, and labels other failures', async () => {
    const facing = await dispatch(
      fixedHandlers({ listFiles: async () => Promise.reject(new UserFacingError('"x.csv" bestaat niet.')) }),
      contract.listFiles.channel,
      undefined,
      trusted,
    );
    expect(facing).toEqual({ ok: false, error: { code: 'failed', message: '"x.csv" bestaat niet.' } });
    const internal = await dispatch(
      fixedHandlers({ listFiles: async () => Promise.reject(new Error('boom')) }),
      contract.listFiles.channel,
      undefined,
      trusted,
    );
    expect(internal).toEqual({ ok: false, error: { code: 'failed', message: 'listFiles is mislukt: boom' } });
  });

  it('withholds a reply that the contract does not describe (e.g. rows smuggled into a summary)', async () => {
    const leaky = fixedHandlers({
      listFiles: async () => [
        { id: 'f', name: 'x.csv', format: 'csv', sizeBytes: 1, rowCount: -1, columns: [], tableKind: 'unknown', roles: {}, warnings: [] },
      ],
    });
    const result = await dispatch(leaky, contract.listFiles.channel, undefined, trusted);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-response' } });
    expect(JSON.stringify(result)).not.toContain('x.csv');
  });

  it('withholds a checked table whose hidden cell carries its value, or with a cell the contract does not describe (an old "blocked" one)', async () => {
    const table = (cell: unknown) => ({
      id: 'vergelijking-x',
      title: 'X',
      unit: 'huishoudens',
      population: { id: 'alle-huishoudens', label: 'Alle huishoudens', units: 120 },
      rowHeader: 'X',
      columns: [{ id: 'aantal', label: 'Aantal', format: 'count' }],
      rows: [{ id: 'a', label: 'A', total: false, cells: [{ status: 'safe', value: 116, decimals: 0 }, cell] }],
      protection: 'suppression',
      ruleSet: { name: 'Proef', digest: '0'.repeat(64) },
      notes: [],
    });
    const compare = (cell: unknown) =>
      dispatch(fixedHandlers({ compareFeatures: async () => [table(cell)] as never }), contract.compareFeatures.channel, { method: 'suppression' }, trusted);
    expect(await compare({ status: 'suppressed' })).toMatchObject({ ok: true });
    for (const cell of [
      { status: 'suppressed', value: 4 },
      { status: 'suppressed', text: '4' },
      { status: 'blocked', rule: 'threshold', value: 4 },
      { status: 'empty', value: 4 },
      { status: 'safe', value: 4 },
    ]) {
      const result = await compare(cell);
      expect(result, JSON.stringify(cell)).toMatchObject({ ok: false, error: { code: 'invalid-response' } });
      expect(JSON.stringify(result)).not.toMatch(/116|"4"|: ?4\b/);
    }
  });

  it('strips fields the contract does not name from a reply', async () => {
    const extra = fixedHandlers({
      columnSummary: async () => ({ column: 'c', type: 'VARCHAR', rowCount: 1, missing: 0, distinct: 1, rows: [{ RINPERSOON: '000000001' }] }) as never,
    });
    const result = await dispatch(extra, contract.columnSummary.channel, { fileId: 'f', column: 'c' }, trusted);
    expect(result.ok).toBe(true);
    expect(JSON.stringify(result)).not.toContain('000000001');
  });
});
