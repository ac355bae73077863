// Workspaces in the study engine, on real DuckDB and real files: the demo CSVs saved and opened again link to the same table.
import { access, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserFacingError } from '../../../../src-main/common/errors';
import { StudyEngine } from '../../../../src-main/engine/study-engine';
import { ANALYSIS_TABLE } from '../../../../src-main/linking/analysis-table-name';
import { LinkingJob } from '../../../../src-main/linking/linking-job';
import { demoExtractPaths, ensureDemoWorld } from '../../../../src-main/synthetic/demo-world';
import { tempFolder } from '../../support/temp-folder';
import { linkRequestSchema } from '../../../../src-main/linking/linking-shapes';

const TEST_KDF = { log2N: 12, r: 8, p: 1 };
const PASSPHRASE = 'Gilze en Rijen 2017!';
const LINK = linkRequestSchema.parse({ referenceDate: '20171231', municipality: '0784' });
const DIGEST =
  `SELECT count(*) AS n, count(*) FILTER (WHERE client) AS clients,
  sum(hash(household_key, household_type, size, reference_age, migration_background, ` +
  `education_level, disposable_income, tenure, youth_help, wmo, client, client_days)) AS h
  FROM ${ANALYSIS_TABLE}`;

async function engine(): Promise<StudyEngine> {
  const created = await StudyEngine.create();
  afterAll(() => created.close());
  return created;
}

async function tableNames(study: StudyEngine): Promise<string[]> {
  const rows = await study.withSession((session) => session.query('SELECT table_name FROM duckdb_tables() ORDER BY table_name'));
  return rows.map((row) => String(row.table_name));
}

describe('a study saved as a workspace and opened again', () => {
  let folder: string;
  let csvPaths: string[];
  let fromCsv: StudyEngine;
  let workspace: string;
  let csvReport: unknown;
  let csvDigest: unknown;

  beforeAll(async () => {
    folder = await tempFolder('groepsbeeld-study-workspace-');
    csvPaths = demoExtractPaths(await ensureDemoWorld(join(folder, 'demo')));
    fromCsv = await engine();
    await fromCsv.openFiles(csvPaths);
    csvReport = await new LinkingJob(fromCsv).run(LINK);
    csvDigest = await fromCsv.withSession((session) => session.query(DIGEST));
    workspace = join(folder, 'demo.gbws');
  }, 120_000);

  it('saves every open file, with progress, and refuses to replace a file unless asked', async () => {
    const progress: string[] = [];
    const written = await fromCsv.saveWorkspace(workspace, PASSPHRASE, { kdf: TEST_KDF, onProgress: (step) => progress.push(step.table) });
    expect(written.tables).toHaveLength(csvPaths.length);
    expect(written.bytes).toBeGreaterThan(100_000);
    expect(new Set(progress).size).toBe(csvPaths.length);
    await expect(fromCsv.saveWorkspace(workspace, PASSPHRASE, { kdf: TEST_KDF })).rejects.toThrow(/demo\.gbws bestaat al/);
    // The engine stays usable (the queue was not left holding a stream).
    expect((await fromCsv.listFiles()).length).toBe(csvPaths.length);
  }, 60_000);

  it("opens in a new engine without the original files on DuckDB's allowed list, and links to the same table and report", async () => {
    const fromWorkspace = await engine();
    const files = await fromWorkspace.openWorkspace(workspace, PASSPHRASE);
    const original = await fromCsv.listFiles();
    expect(files.map((file) => [file.name, file.tableKind, file.roles, file.rowCount, file.columns])).toEqual(
      original.map((file) => [file.name, file.tableKind, file.roles, file.rowCount, file.columns]),
    );
    expect(files.every((file) => file.format === 'workspace')).toBe(true);
    const security = await fromWorkspace.security();
    for (const path of csvPaths) expect(security.allowedPaths).not.toContain(path);
    expect(security.allowedPaths).not.toContain(workspace);

    const report = await new LinkingJob(fromWorkspace).run(LINK);
    expect(report).toEqual(csvReport);
    expect(await fromWorkspace.withSession((session) => session.query(DIGEST))).toEqual(csvDigest);
    expect(csvDigest).toMatchObject([{ clients: 191 }]);

    // Profiles read the loaded table: keys stay text with their zeros and are never listed.
    const persons = files.find((file) => file.name.startsWith('GBAPERSOON'))!;
    const profile = await fromWorkspace.fileProfile(persons.id);
    const key = profile.columns.find((column) => column.name === 'RINPERSOON')!;
    expect(key.kind).toBe('key');
    expect(key.topValues).toEqual([]);

    // Opening more files swaps in a new session: the workspace's tables and the analysis table come along.
    const notes = join(folder, 'notities.csv');
    await writeFile(notes, 'onderwerp,aantal\nx,1\ny,2\n');
    await fromWorkspace.openFiles([notes]);
    expect(await fromWorkspace.derivedTableState(ANALYSIS_TABLE)).toBe('current');
    expect(await fromWorkspace.withSession((session) => session.query(DIGEST))).toEqual(csvDigest);
    expect((await fromWorkspace.security()).allowedPaths).toEqual([notes]);
    expect((await fromWorkspace.fileProfile(persons.id)).rowCount).toEqual(profile.rowCount);
  }, 120_000);

  it('refuses a wrong passphrase and leaves the engine as it was, and usable', async () => {
    const study = await engine();
    const small = join(folder, 'klein.csv');
    await writeFile(small, 'onderwerp,aantal\na,1\nb,2\n');
    const before = await study.openFiles([small]);
    const tables = await tableNames(study);
    const error = await study.openWorkspace(workspace, 'not the passphrase').then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as Error).message).toMatch(/Met deze wachtzin gaat de werkruimte demo\.gbws niet open/);
    expect((error as Error).message).not.toContain('not the passphrase');
    expect(await study.listFiles()).toEqual(before);
    expect(await tableNames(study)).toEqual(tables);
    expect((await study.columnSummary(before[0]!.id, 'aantal')).distinct).toBe(2);
  }, 60_000);

  it('refuses a file that is not a workspace, and a stopped save leaves no file', async () => {
    const study = await engine();
    await expect(study.openWorkspace(csvPaths[0]!, PASSPHRASE)).rejects.toThrow(/is geen werkruimte van Groepsbeeld/);
    const stopped = join(folder, 'stopped.gbws');
    const controller = new AbortController();
    const saving = fromCsv.saveWorkspace(stopped, PASSPHRASE, { kdf: TEST_KDF, signal: controller.signal, onProgress: () => controller.abort() });
    await expect(saving).rejects.toThrow(/Gestopt/);
    await expect(access(stopped)).rejects.toThrow();
    await expect(access(`${stopped}.partial`)).rejects.toThrow();
    expect((await fromCsv.listFiles()).length).toBe(csvPaths.length);
  }, 60_000);

  it('opening the same workspace twice keeps one copy of each file', async () => {
    const study = await engine();
    const first = await study.openWorkspace(workspace, PASSPHRASE);
    const second = await study.openWorkspace(workspace, PASSPHRASE);
    expect(second.map((file) => file.id)).toEqual(first.map((file) => file.id));
  }, 60_000);
});
