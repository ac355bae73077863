// The export package on real folders: complete and checksummed, or nothing at all; no blocked value in any byte.
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readSheet } from 'read-excel-file/node';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckedTable } from '../../../src-main/disclosure/checked-table';
import { DEFAULT_RULE_SET, ruleSetDigest } from '../../../src-main/disclosure/rule-set';
import { exportFolderName } from '../../../src-main/export/export-folder';
import { writeExportPackage, type ExportRequest } from '../../../src-main/export/export-package';
import { outputLogSchema } from '../../../src-main/export/output-log';
import { tempFolder } from '../support/temp-folder';
import { filesOf, searchableTexts, sha256 } from './support/package-files';
import { educationTable, HIDDEN_TEXTS, HIDDEN_VALUE, householdTable, passingTable, RULES, STUDY } from './support/tables';

const NOW = new Date(2026, 10, 25, 14, 30, 5);

function request(overrides: Partial<ExportRequest> = {}): ExportRequest {
  return {
    study: STUDY,
    ruleSet: RULES,
    outputs: [
      { kind: 'table', table: educationTable(), chart: true, comment: 'Klanten tegen alle huishoudens.', exceptionRequest: 'Nulcel is structureel.' },
      { kind: 'table', table: householdTable(), chart: false },
      { kind: 'table', table: passingTable(), chart: true },
    ],
    maskBlocked: true,
    appVersion: '0.1.0',
    ...overrides,
  };
}

describe('writeExportPackage: a complete package', () => {
  let parent: string;
  let folder: string;
  let files: Map<string, Buffer>;

  beforeAll(async () => {
    parent = await tempFolder('groepsbeeld-export-');
    const progress: string[] = [];
    const result = await writeExportPackage(request(), { folder: parent, now: NOW, onProgress: (step) => progress.push(step.label) });
    if (!result.ok) throw new Error(result.error.message);
    folder = result.folder;
    files = await filesOf(folder);
    expect(progress.at(-1)).toBe('SHA256SUMS');
    expect(result.files.map((file) => file.name)).toEqual(progress);
  });

  it('is a new subfolder named after the moment, with every file and nothing left in staging', async () => {
    expect(folder).toBe(join(parent, exportFolderName(NOW)));
    expect(exportFolderName(NOW)).toBe('groepsbeeld-export-20261125-143005');
    expect(await readdir(parent)).toEqual(['groepsbeeld-export-20261125-143005']);
    expect([...files.keys()].sort()).toEqual(
      [
        'vergelijking-opleiding.csv', 'vergelijking-opleiding.xlsx', 'vergelijking-opleiding.svg', 'vergelijking-opleiding.png',
        'huishoudtype.csv', 'huishoudtype.xlsx', 'woonsituatie.csv', 'woonsituatie.xlsx', 'woonsituatie.svg', 'woonsituatie.png',
        'report.html', 'report.pdf', 'output-log.json', 'output-log.xlsx', 'SHA256SUMS',
      ].sort(),
    );
  });

  it('writes an output log that validates and whose checksums match the files on disk', () => {
    const log = outputLogSchema.parse(JSON.parse(files.get('output-log.json')!.toString('utf8')));
    expect(log).toMatchObject({ format: 'groepsbeeld-output-log', version: 1, createdAt: NOW.toISOString(), tool: { name: 'Groepsbeeld', version: '0.1.0' }, study: STUDY });
    expect(log.ruleSet).toEqual({ name: RULES.name, digest: ruleSetDigest(RULES), rules: RULES });
    const listed = [...log.outputs.flatMap((output) => output.files), ...log.files];
    expect(listed).toHaveLength(12);
    for (const file of listed) {
      const bytes = files.get(file.name)!;
      expect(file.bytes, file.name).toBe(bytes.length);
      expect(file.sha256, file.name).toBe(sha256(bytes));
    }
    const sums = files.get('SHA256SUMS')!.toString('utf8').trim().split('\n');
    expect(sums).toHaveLength(14);
    for (const line of sums) {
      const [hash, name] = line.split('  ');
      expect(hash, name).toBe(sha256(files.get(name!)!));
    }
    expect(sums.some((line) => line.endsWith('  output-log.json'))).toBe(true);
    expect(sums.some((line) => line.endsWith('  output-log.xlsx'))).toBe(true);
  });

  it('records per output its population, verdict, cell counts, blocking rules, masking and the analyst’s words', () => {
    const log = outputLogSchema.parse(JSON.parse(files.get('output-log.json')!.toString('utf8')));
    const [education, household, passing] = log.outputs;
    expect(education).toMatchObject({
      id: 'vergelijking-opleiding',
      kind: 'table',
      population: { label: 'Gilze en Rijen, peildatum 31-12-2017', units: 11346 },
      checks: { verdict: 'fail', cellCounts: { safe: 4, review: 1, rounded: 0, blocked: 1, secondary: 1, empty: 1 }, blockedCellsMasked: true },
      comment: 'Klanten tegen alle huishoudens.',
      exceptionRequest: 'Nulcel is structureel.',
    });
    expect(education?.checks.blockingRules).toEqual([{ rule: 'threshold', cells: 1, description: 'geblokkeerd: minder dan 10 eenheden' }]);
    expect(household?.checks.blockingRules.map((rule) => rule.rule)).toEqual(['dominance', 'p-percent', 'min-max', 'statistic-threshold', 'degrees-of-freedom']);
    expect(household?.checks.notes).toContain('=SOM(A1) / Aantal: afgerond op een veelvoud van 5');
    expect(passing).toMatchObject({ checks: { verdict: 'pass', blockedCellsMasked: false }, comment: null, population: { units: { below: 10 } } });
  });

  it('writes the output log as a workbook a checker can read', async () => {
    const rows = (await readSheet(files.get('output-log.xlsx')!, 'Uitvoer')) as unknown[][];
    expect(rows[0]?.slice(0, 6)).toEqual(['Id', 'Soort', 'Titel', 'Populatie', 'Eenheden', 'Oordeel']);
    expect(rows.slice(1).map((row) => [row[0], row[5]])).toEqual([
      ['vergelijking-opleiding', 'niet geslaagd'],
      ['huishoudtype', 'niet geslaagd'],
      ['woonsituatie', 'geslaagd'],
    ]);
    const fileRows = (await readSheet(files.get('output-log.xlsx')!, 'Bestanden')) as unknown[][];
    expect(fileRows).toHaveLength(13);
  });

  it('writes the CSV, the sheets, the chart files and both reports', () => {
    expect(files.get('huishoudtype.csv')!.toString('utf8')).toContain('Eénoudergezin;35;18,3;14250');
    expect([...files.get('vergelijking-opleiding.png')!.subarray(1, 4)].map((code) => String.fromCharCode(code)).join('')).toBe('PNG');
    expect(files.get('report.pdf')!.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(files.get('report.html')!.toString('utf8')).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
  });

  it('holds the blocked cell’s value in no file, not even inside the xlsx zips or the PDF streams', () => {
    for (const [name, bytes] of files) {
      for (const text of searchableTexts(name, bytes)) for (const hidden of HIDDEN_TEXTS) expect(text.includes(hidden), `${hidden} in ${name}`).toBe(false);
    }
  });
});

describe('writeExportPackage: the search for a leaked value is sensitive', () => {
  it('finds the same value in every kind of file when the cell is safe', async () => {
    const parent = await tempFolder('groepsbeeld-export-');
    const table = educationTable();
    table.rows[1]!.cells[0] = { status: 'safe', value: HIDDEN_VALUE };
    table.rows[2]!.cells[0] = { status: 'safe', value: 10 };
    const result = await writeExportPackage(request({ outputs: [{ kind: 'table', table, chart: true }], maskBlocked: false }), { folder: parent, now: NOW });
    if (!result.ok) throw new Error(result.error.message);
    const files = await filesOf(result.folder);
    for (const name of ['vergelijking-opleiding.csv', 'vergelijking-opleiding.xlsx', 'vergelijking-opleiding.svg', 'report.html', 'report.pdf']) {
      const texts = searchableTexts(name, files.get(name)!);
      expect(texts.some((text) => HIDDEN_TEXTS.some((hidden) => text.includes(hidden))), name).toBe(true);
    }
  });
});

describe('writeExportPackage: nothing or everything', () => {
  it('writes nothing for a failing table without masking, and says which tables fail and why', async () => {
    const parent = await tempFolder('groepsbeeld-export-');
    await mkdir(join(parent, 'eerder'));
    const result = await writeExportPackage(request({ maskBlocked: false }), { folder: parent, now: NOW });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('failing-outputs');
    if (result.error.code !== 'failing-outputs') return;
    expect(result.error.outputs.map((output) => output.id)).toEqual(['vergelijking-opleiding', 'huishoudtype']);
    expect(result.error.outputs[0]?.reasons).toEqual(['1 cel geblokkeerd: minder dan 10 eenheden', '1 cel secundair onderdrukt']);
    expect(result.error.message).toMatch(/^Er is niets geschreven: 2 tabellen voldoen niet/);
    expect(await readdir(parent)).toEqual(['eerder']);
  });

  it('refuses a blocked cell that carries a value, before writing anything', async () => {
    const parent = await tempFolder('groepsbeeld-export-');
    const table = educationTable();
    (table.rows[1]!.cells as unknown[])[0] = { status: 'blocked', rule: 'threshold', value: HIDDEN_VALUE };
    const result = await writeExportPackage(request({ outputs: [{ kind: 'table', table, chart: false }] }), { folder: parent, now: NOW });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-table', outputId: 'vergelijking-opleiding' } });
    expect(await readdir(parent)).toEqual([]);
  });

  it('refuses a table checked with another rule set, or a row with a missing cell', async () => {
    const parent = await tempFolder('groepsbeeld-export-');
    const otherRules = { ...DEFAULT_RULE_SET, threshold: 15 };
    const mismatch = await writeExportPackage(request({ ruleSet: otherRules }), { folder: parent, now: NOW });
    expect(mismatch).toMatchObject({ ok: false, error: { code: 'invalid-table', message: expect.stringMatching(/een andere regelset/) } });
    const short: CheckedTable = passingTable();
    short.rows[0]!.cells = [];
    const missing = await writeExportPackage(request({ outputs: [{ kind: 'table', table: short, chart: false }] }), { folder: parent, now: NOW });
    expect(missing).toMatchObject({ ok: false, error: { code: 'invalid-table', message: expect.stringMatching(/0 cellen voor 1 kolommen/) } });
    expect(await readdir(parent)).toEqual([]);
  });

  it('leaves nothing when aborted midway', async () => {
    const parent = await tempFolder('groepsbeeld-export-');
    const controller = new AbortController();
    const result = await writeExportPackage(request(), {
      folder: parent,
      now: NOW,
      signal: controller.signal,
      onProgress: (progress) => {
        if (progress.label === 'vergelijking-opleiding.png') controller.abort();
      },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'aborted' } });
    expect(await readdir(parent)).toEqual([]);
  });

  it('leaves nothing when writing fails midway (the font for the PDF is missing)', async () => {
    const parent = await tempFolder('groepsbeeld-export-');
    const fonts = { regular: join(parent, 'missing.ttf'), semibold: join(parent, 'missing.ttf') };
    const result = await writeExportPackage(request({ outputs: [{ kind: 'table', table: passingTable(), chart: false }] }), { folder: parent, now: NOW, fonts });
    expect(result).toMatchObject({ ok: false, error: { code: 'write-failed' } });
    expect(await readdir(parent)).toEqual([]);
  });

  it('never overwrites: a second export in the same second gets a suffix (and, the same moment, the same bytes)', async () => {
    const parent = await tempFolder('groepsbeeld-export-');
    const passing = request({ outputs: [{ kind: 'table', table: passingTable(), chart: false }], maskBlocked: false });
    const first = await writeExportPackage(passing, { folder: parent, now: NOW });
    const second = await writeExportPackage(passing, { folder: parent, now: NOW });
    expect(first).toMatchObject({ ok: true, folder: join(parent, 'groepsbeeld-export-20261125-143005') });
    expect(second).toMatchObject({ ok: true, folder: join(parent, 'groepsbeeld-export-20261125-143005-2') });
    expect((await readdir(parent)).sort()).toEqual(['groepsbeeld-export-20261125-143005', 'groepsbeeld-export-20261125-143005-2']);
    const sums = await Promise.all(['groepsbeeld-export-20261125-143005', 'groepsbeeld-export-20261125-143005-2'].map((name) => readFile(join(parent, name, 'SHA256SUMS'), 'utf8')));
    expect(sums[1]).toBe(sums[0]);
  });

  it('says so when the picked folder does not exist', async () => {
    const parent = await tempFolder('groepsbeeld-export-');
    const result = await writeExportPackage(request(), { folder: join(parent, 'bestaat-niet'), now: NOW });
    expect(result).toMatchObject({ ok: false, error: { code: 'write-failed', message: expect.stringMatching(/bestaat niet/) } });
  });
});
