// Linking in the app: the open demo files, linked through the IPC gate, give the ground truth; progress and cancel work.
import { readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { municipalityCodeOf } from '../../../src-main/common/municipality-code';
import { referenceDateOf } from '../../../src-main/common/reference-date';
import { StudyEngine } from '../../../src-main/engine/study-engine';
import { contract } from '../../../src-main/ipc/contract';
import { dispatch } from '../../../src-main/ipc/dispatch';
import { createHandlers } from '../../../src-main/ipc/handlers';
import { ANALYSIS_TABLE } from '../../../src-main/linking/analysis-table-name';
import { linkPreparedSources } from '../../../src-main/linking/link-households';
import { sourceOfFile } from '../../../src-main/linking/link-inputs';
import { INPUT_KINDS, type InputKind } from '../../../src-main/linking/study-file';
import { tempFolder } from '../support/temp-folder';

describe('linkHouseholds over IPC', async () => {
  const engine = await StudyEngine.create();
  const folder = await tempFolder();
  const demoFolder = join(folder, 'demo');
  /** What the analyst picks in the next file dialog. */
  let picked: string[] = [];
  const handlers = createHandlers({ engine, pickFiles: async () => picked, demoFolder });
  const call = (verb: keyof typeof contract, payload?: unknown) => dispatch(handlers, contract[verb].channel, payload, { trusted: true });
  afterAll(() => engine.close());

  it('refuses to link before the register files are open, saying which are missing', async () => {
    const result = await call('linkHouseholds', { referenceDate: '20171231', municipality: '0784' });
    expect(result).toMatchObject({ ok: false, error: { code: 'failed', message: expect.stringMatching(/persons, households, addresses, addressRegions/) } });
  });

  it('rejects an impossible reference date before doing anything', async () => {
    expect(await call('linkHouseholds', { referenceDate: '20171332', municipality: '0784' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('links the open demo files to the ground truth, with small counts hidden', async () => {
    expect((await call('openDemo')).ok).toBe(true);
    const expected = JSON.parse(await readFile(join(demoFolder, 'ground-truth', 'expected.json'), 'utf8'));
    const statuses: Awaited<ReturnType<typeof call>>[] = [];
    const polling = setInterval(() => void call('linkingStatus').then((status) => statuses.push(status)), 5);
    const result = await call('linkHouseholds', { referenceDate: '20171231', municipality: '0784' });
    clearInterval(polling);
    expect(result.ok).toBe(true);
    const report = result.ok ? (result.value as { steps: { id: string; counts: { id: string; count?: number; hidden?: true }[] }[] }) : { steps: [] };
    const count = (step: string, id: string) => report.steps.find((s) => s.id === step)?.counts.find((c) => c.id === id);
    expect(count('table', 'households')).toMatchObject({ count: expected.households });
    expect(count('table', 'clientHouseholds')).toMatchObject({ count: 191 });
    expect(count('residents', 'residents')).toMatchObject({ count: expected.persons });
    expect(count('clients', 'notInRegister')).toEqual({ id: 'notInRegister', label: expect.any(String), hidden: true });
    expect(JSON.stringify(report)).not.toMatch(/"count":[1-9][,}]/);
    expect(statuses).toContainEqual({ ok: true, value: expect.objectContaining({ running: true, steps: 10, step: expect.any(Number) }) });
    expect(await call('linkingStatus')).toEqual({ ok: true, value: { running: false, step: 0, steps: 0, label: '', analysisTable: 'current' } });
  });

  const digest =
    `SELECT count(*) AS n, count(*) FILTER (WHERE client) AS clients, sum(hash(household_key, household_type, size, reference_age, ` +
    `education_level, disposable_income, tenure, youth_help, wmo, client, client_days)) AS h FROM ${ANALYSIS_TABLE}`;
  const analysisTable = async () => ((await call('linkingStatus')) as { ok: true; value: { analysisTable: string } }).value.analysisTable;

  it('refuses a municipality the region file does not have, naming it, and keeps the last link as it was', async () => {
    const result = await call('linkHouseholds', { referenceDate: '20171231', municipality: '0790' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'failed', message: expect.stringMatching(/^De gemeentecode 0790 komt niet voor in kolom gem2017 .*0785, 0784/) },
    });
    expect(await call('lastLinkReport')).toMatchObject({ ok: true, value: { municipality: '0784' } });
  });

  it('keeps the analysis table when more files are opened (a new session is swapped in)', async () => {
    const linked = await engine.withSession((session) => session.query(digest));
    expect(linked[0]).toMatchObject({ n: expect.any(Number), clients: 191 });
    picked = [join(folder, 'notities.csv')];
    await writeFile(picked[0]!, 'onderwerp,aantal\nx,1\ny,2\n');
    expect((await call('openFiles')).ok).toBe(true);
    expect((await engine.security()).allowedPaths).toContain(picked[0]);
    expect(await analysisTable()).toBe('current');
    expect(await engine.withSession((session) => session.query(digest))).toEqual(linked);
  });

  it('says the analysis table must be rebuilt once a linked file is re-mapped, and not after it is mapped back', async () => {
    const clients = (await engine.listFiles()).find((file) => file.name === 'VOEDSELBANK_KLANTEN.csv')!;
    expect((await call('setTableKind', { fileId: clients.id, tableKind: 'unknown' })).ok).toBe(true);
    expect(await analysisTable()).toBe('stale');
    expect((await call('setTableKind', { fileId: clients.id, tableKind: 'clients' })).ok).toBe(true);
    expect(await analysisTable()).toBe('current');
  });

  it('leaves a stale analysis table behind at the next swap, says so until linked again, then keeps the new one', async () => {
    const persons = join(demoFolder, 'GBAPERSOON2018TABV1.csv');
    const { mtime, atime } = await stat(persons);
    await utimes(persons, atime, new Date(mtime.getTime() + 60_000));
    expect(await analysisTable()).toBe('stale');
    picked = [join(folder, 'meer-notities.csv')];
    await writeFile(picked[0]!, 'onderwerp\nz\n');
    expect((await call('openFiles')).ok).toBe(true);
    await utimes(persons, atime, mtime);
    // Its source looks as it was again, but the table was not carried: it must still be rebuilt.
    expect(await analysisTable()).toBe('stale');
    expect(await engine.withSession((session) => session.query(`SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = '${ANALYSIS_TABLE}'`))).toEqual([
      { n: 0 },
    ]);
    expect((await call('linkHouseholds', { referenceDate: '20171231', municipality: '0784' })).ok).toBe(true);
    expect(await analysisTable()).toBe('current');
  });

  it("keeps the last link's whole table (its features too) when a new link is stopped after the table was built", async () => {
    const columns = `SELECT list(column_name ORDER BY column_index) AS names FROM duckdb_columns() WHERE table_name = '${ANALYSIS_TABLE}'`;
    const before = await engine.withSession(async (session) => [await session.query(digest), await session.query(columns)]);
    expect(JSON.stringify(before[1])).toMatch(/k_benefit_4y/);
    const controller = new AbortController();
    const labels: string[] = [];
    const isInput = (kind: string): kind is InputKind => (INPUT_KINDS as readonly string[]).includes(kind);
    const stopped = engine.buildFromFiles(
      ANALYSIS_TABLE,
      (file) => isInput(file.proposal.kind),
      (session, files) => {
        const sources = files.flatMap((file) => (isInput(file.proposal.kind) ? [sourceOfFile(file, file.proposal.kind, { roles: file.proposal.roles })] : []));
        // Another date, stopped at the first catalogue feature: steps 1-9 have built a table of 2016 by then.
        return linkPreparedSources(session, { referenceDate: referenceDateOf('20161231'), municipality: { code: municipalityCodeOf('0784') } }, sources, {
          signal: controller.signal,
          onProgress: ({ label }) => {
            labels.push(label);
            if (label.startsWith('Kenmerk')) controller.abort(new Error('gestopt'));
          },
        });
      },
    );
    await expect(stopped).rejects.toThrow();
    expect(labels).toContain('Analysetabel opbouwen');
    expect(await engine.withSession(async (session) => [await session.query(digest), await session.query(columns)])).toEqual(before);
    expect(await analysisTable()).toBe('current');
  });

  it('stops when cancelled and says nothing was kept', async () => {
    const running = call('linkHouseholds', { referenceDate: '20171231', municipality: '0784' });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(await call('cancelLinking')).toEqual({ ok: true, value: true });
    expect(await running).toMatchObject({ ok: false, error: { message: expect.stringMatching(/gestopt/) } });
    expect(await call('cancelLinking')).toEqual({ ok: true, value: false });
  });
});
