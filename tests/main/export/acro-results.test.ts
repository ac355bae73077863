// The ACRO-format output log (results.json) and its checksums folder: what SACRO-Viewer and ACRO's load_records read.
import { spawnSync } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AcroOutputInput, AcroTableInput } from '../../../src-main/export/acro-output-input';
import { acroResults, acroStatus, buildAcroResults } from '../../../src-main/export/acro-results';
import { ACRO_RESULTS_VERSION, acroResultsSchema } from '../../../src-main/export/acro-results-schema';
import { CHECKSUMS_FOLDER, checksumFiles, verifyChecksums } from '../../../src-main/export/checksums-folder';
import { tempFolder } from '../support/temp-folder';
import { LOADER } from './support/acro-loader';
import { COMPARISON_CSV, comparisonTable, output, packageInput, writePackage } from './support/acro-package';
import { sha256 } from './support/package-files';

describe('acroResults: the results.json we write', () => {
  const log = buildAcroResults(packageInput());
  const bytes = acroResults(packageInput());
  const parsed: unknown = JSON.parse(bytes.toString('utf8'));

  it('is accepted by its own schema, and the bytes are exactly the built log', () => {
    expect(acroResultsSchema.parse(parsed)).toEqual(log);
    expect(parsed).toEqual(log);
    expect(log.version).toBe(ACRO_RESULTS_VERSION);
    expect(Object.keys(log.results)).toEqual(['vergelijking-opleiding', 'woonsituatie', 'persona-kaarten', 'inkomen-per-cluster']);
  });

  it('writes every record with ACRO’s keys in ACRO’s order', () => {
    for (const result of Object.values(log.results)) {
      expect(Object.keys(result)).toEqual([
        'uid',
        'status',
        'type',
        'properties',
        'files',
        'outcome',
        'command',
        'summary',
        'timestamp',
        'comments',
        'exception',
      ]);
    }
  });

  it('writes the comparison table’s hidden cells as ACRO’s sdc on every file of the output', () => {
    const table = log.results['vergelijking-opleiding'];
    expect(table?.status).toBe('review');
    expect(table?.summary).toBe('review; threshold: 1 cells suppressed; secondary: 1 cells suppressed; ');
    expect(table?.properties).toEqual({ method: 'crosstab', mitigation: 'suppress' });
    const sdc = {
      summary: { suppressed: true, negative: 0, missing: 0, threshold: 1, 'p-ratio': 0, 'nk-rule': 0, 'all-values-are-same': 0, secondary: 1 },
      cells: { negative: [], missing: [], threshold: [[1, 0]], 'p-ratio': [], 'nk-rule': [], 'all-values-are-same': [], secondary: [[2, 0]] },
    };
    expect(table?.files).toEqual(table?.files.map((file) => ({ name: file.name, sdc })));
    expect(table?.files.map((file) => file.name)).toEqual([
      'vergelijking-opleiding.csv',
      'vergelijking-opleiding.xlsx',
      'vergelijking-opleiding.svg',
      'vergelijking-opleiding.png',
    ]);
    expect(table?.outcome).toEqual({
      Klanten: { Laag: 'ok', Middelbaar: 'threshold; ', Hoog: 'secondary; ', Onbekend: 'ok' },
      'Alle huishoudens': { Laag: 'ok', Middelbaar: 'ok', Hoog: 'ok', Onbekend: 'ok' },
    });
    expect(table?.timestamp).toBe('2026-11-25T13:30:05.000Z');
    expect(table?.exception).toBe('');
  });

  it('counts [row, column] as SACRO-Viewer highlights them: data lines after the header, columns after the row labels', () => {
    const lines = COMPARISON_CSV.split('\r\n').map((line) => line.split(';'));
    const sdc = log.results['vergelijking-opleiding']?.files[0]?.sdc;
    const flagged = sdc && 'cells' in sdc ? [...sdc.cells.threshold, ...(sdc.cells.secondary ?? [])] : [];
    expect(flagged).toHaveLength(2);
    for (const [row, column] of flagged) expect(lines[row + 1]?.[column + 1]).toMatch(/geblokkeerd|onderdrukt/);
    for (const cell of comparisonTable().cells) {
      expect(lines[0]?.[cell.column + 1]).toBe(cell.columnLabel);
      expect(lines[cell.row + 1]?.[0]).toBe(cell.rowLabel);
    }
  });

  it('writes a passing table as pass, with ACRO’s empty lists and an all-ok outcome', () => {
    const table = log.results.woonsituatie;
    expect(table?.status).toBe('pass');
    expect(table?.summary).toBe('pass');
    expect(table?.files[0]?.sdc).toEqual({
      summary: { suppressed: false, negative: 0, missing: 0, threshold: 0, 'p-ratio': 0, 'nk-rule': 0, 'all-values-are-same': 0 },
      cells: { negative: [], missing: [], threshold: [], 'p-ratio': [], 'nk-rule': [], 'all-values-are-same': [] },
    });
    expect(table?.outcome).toEqual({ Klanten: { 'Huur met huurtoeslag': 'ok', Koop: 'ok' } });
  });

  it('writes the persona cards as a custom output, as ACRO’s add_custom does: review, empty sdc and outcome', () => {
    const cards = log.results['persona-kaarten'];
    expect(cards).toMatchObject({ status: 'review', type: 'custom', properties: { method: 'persona cards' }, outcome: {}, summary: 'review' });
    expect(cards?.files).toEqual(
      ['persona-kaarten.pdf', 'persona-kaarten.csv', 'persona-1.svg', 'persona-1.png', 'persona-kaarten.html'].map((name) => ({ name, sdc: {} })),
    );
  });

  it('writes an output that left only on its exception request as fail, with the request', () => {
    const income = log.results['inkomen-per-cluster'];
    expect(income?.status).toBe('fail');
    expect(income?.summary).toBe('fail; nk-rule: 1 cells masked; ');
    expect(income?.exception).toMatch(/^Het gemiddelde inkomen van cluster 3/);
    expect(income?.outcome).toEqual({ 'Gem. inkomen': { 'Cluster 1': 'ok', 'Cluster 2': 'ok', 'Cluster 3': 'nk-rule; ' } });
  });

  it('is ASCII only (Python’s json.dump escaping), indented by four, and reads back to the same text', () => {
    expect([...bytes].every((byte) => byte < 0x80)).toBe(true);
    const text = bytes.toString('utf8');
    expect(text).toContain('cli\\u00ebnten');
    expect(text).toContain('\n    "results": {');
    expect((parsed as { results: Record<string, { comments: string[] }> }).results['persona-kaarten']?.comments[0]).toContain('cliënten');
  });
});

describe('acroStatus: pass, review, fail', () => {
  const cell = { row: 0, column: 0, rowLabel: 'a', columnLabel: 'b' } as const;
  const table = (cells: AcroTableInput['cells']): AcroTableInput => ({ rowLabels: ['a'], columnLabels: ['b'], cells });

  it('passes a table with nothing flagged', () => {
    expect(acroStatus({ type: 'table', table: table([]) })).toBe('pass');
  });

  it('asks for review when protection hid or rounded cells, a cell is flagged for a checker, or rounding was applied', () => {
    expect(acroStatus({ type: 'table', table: table([{ ...cell, checks: ['threshold'], treatment: 'suppressed' }]) })).toBe('review');
    expect(acroStatus({ type: 'table', table: table([{ ...cell, checks: ['p-percent'], treatment: 'rounded' }]) })).toBe('review');
    expect(acroStatus({ type: 'table', table: table([{ ...cell, checks: ['zero'], treatment: 'shown' }]) })).toBe('review');
    expect(acroStatus({ type: 'table', table: table([{ ...cell, checks: ['group-disclosure'], treatment: 'shown' }]) })).toBe('review');
    expect(acroStatus({ type: 'table', table: table([]), mitigation: 'round' })).toBe('review');
    expect(acroStatus({ type: 'custom' })).toBe('review');
  });

  it('fails an output whose protection did not resolve its flags: a masked cell, a shown failing cell, differencing', () => {
    expect(acroStatus({ type: 'table', table: table([{ ...cell, checks: ['threshold'], treatment: 'masked' }]) })).toBe('fail');
    expect(acroStatus({ type: 'table', table: table([{ ...cell, checks: ['zero', 'dominance'], treatment: 'shown' }]) })).toBe('fail');
    expect(acroStatus({ type: 'table', table: table([]), unresolved: ['differencing'] })).toBe('fail');
  });

  it('refuses to write a failing output without an exception request', () => {
    const failing = output({ uid: 'a', files: ['a.csv'], table: table([{ ...cell, checks: ['threshold'], treatment: 'masked' }]) });
    expect(() => buildAcroResults({ outputs: [failing] })).toThrow(/uitzonderingsverzoek/);
    const justified = buildAcroResults({ outputs: [{ ...failing, exception: 'Structurele nul.' }] });
    expect(justified.results.a?.status).toBe('fail');
  });

  it('names an unresolved differencing problem in the summary', () => {
    const log = buildAcroResults({
      outputs: [output({ uid: 'a', files: ['a.csv'], table: table([]), unresolved: ['differencing'], exception: 'Andere peildatum.' })],
    });
    expect(log.results.a?.summary).toBe('fail; differencing: not resolved, exception requested; ');
  });
});

describe('acroResults: input it refuses', () => {
  const base = (): AcroOutputInput => output({ uid: 't', files: ['t.csv'], table: comparisonTable() });

  it('refuses a cell whose labels are not at its indexes (the wrong cell would light up in SACRO-Viewer)', () => {
    const shifted = base();
    shifted.table = {
      ...comparisonTable(),
      cells: [{ row: 0, column: 0, rowLabel: 'Middelbaar', columnLabel: 'Klanten', checks: ['threshold'], treatment: 'suppressed' }],
    };
    expect(() => buildAcroResults({ outputs: [shifted] })).toThrow(/niet "Middelbaar"/);
    const outside = base();
    outside.table = {
      ...comparisonTable(),
      cells: [{ row: 9, column: 0, rowLabel: 'x', columnLabel: 'Klanten', checks: ['threshold'], treatment: 'suppressed' }],
    };
    expect(() => buildAcroResults({ outputs: [outside] })).toThrow(/buiten de tabel/);
  });

  it('refuses a file in two outputs, a path instead of a file name, two outputs with one uid, a table without cells', () => {
    expect(() => buildAcroResults({ outputs: [base(), { ...base(), uid: 'u' }] })).toThrow(/staat al in het logboek/);
    expect(() => buildAcroResults({ outputs: [{ ...base(), files: ['../t.csv'] }] })).toThrow();
    expect(() => buildAcroResults({ outputs: [base(), { ...base(), files: ['u.csv'] }] })).toThrow(/Twee uitvoeren heten t/);
    expect(() => buildAcroResults({ outputs: [{ ...base(), table: undefined }] })).toThrow(/cellen nodig/);
  });

  it('refuses a version SACRO-Viewer would not open', () => {
    expect(() => buildAcroResults({ version: '0.3.0', outputs: [base()] })).toThrow(/0\.4 of later/);
    expect(buildAcroResults({ version: '1.0.1', outputs: [base()] }).version).toBe('1.0.1');
  });

  it('makes repeated row labels unique in the outcome, as DataFrame.to_json needs', () => {
    const table: AcroTableInput = {
      rowLabels: ['Overig', 'Overig'],
      columnLabels: ['Aantal'],
      cells: [{ row: 1, column: 0, rowLabel: 'Overig', columnLabel: 'Aantal', checks: ['threshold'], treatment: 'suppressed' }],
    };
    expect(buildAcroResults({ outputs: [output({ uid: 't', files: ['t.csv'], table })] }).results.t?.outcome).toEqual({
      Aantal: { Overig: 'ok', 'Overig (2)': 'threshold; ' },
    });
  });
});

describe('checksumFiles: checksums/<name>.txt as ACRO writes them', () => {
  const files = [
    { name: 'vergelijking-opleiding.csv', bytes: Buffer.from(`\ufeff${COMPARISON_CSV}`, 'utf8') },
    { name: 'leeg.txt', bytes: new Uint8Array() },
    { name: 'cliënten €.bin', bytes: new Uint8Array([0, 255, 10, 13]) },
  ];

  it('holds each file’s SHA-256 as 64 lowercase hex characters, without a newline', () => {
    const sums = checksumFiles(files);
    expect(sums.map((sum) => sum.name)).toEqual(['checksums/vergelijking-opleiding.csv.txt', 'checksums/leeg.txt.txt', 'checksums/cliënten €.bin.txt']);
    sums.forEach((sum, index) => {
      expect(sum.bytes.toString('ascii')).toBe(sha256(files[index]?.bytes ?? new Uint8Array()));
      expect(sum.bytes).toHaveLength(64);
    });
    expect(sums[1]?.bytes.toString('ascii')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('matches the sha256sum command on the same bytes', async () => {
    const folder = await tempFolder('groepsbeeld-acro-sum-');
    const file = files[0];
    if (!file) throw new Error('no file');
    await writeFile(join(folder, file.name), file.bytes);
    const run = spawnSync('sha256sum', [file.name], { cwd: folder, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(checksumFiles([file])[0]?.bytes.toString('ascii')).toBe(run.stdout.split(' ')[0]);
  });

  it('refuses a path, the checksums folder itself, and a file named twice', () => {
    expect(() => checksumFiles([{ name: 'sub/a.csv', bytes: new Uint8Array() }])).toThrow(/geen bestandsnaam/);
    expect(() => checksumFiles([{ name: CHECKSUMS_FOLDER, bytes: new Uint8Array() }])).toThrow(/geen bestandsnaam/);
    expect(() =>
      checksumFiles([
        { name: 'a', bytes: new Uint8Array() },
        { name: 'a', bytes: new Uint8Array([1]) },
      ]),
    ).toThrow(/twee keer/);
  });
});

describe('verifyChecksums: a package folder against its checksums', () => {
  let folder: string;
  let files: Map<string, Buffer>;

  beforeAll(async () => {
    folder = await tempFolder('groepsbeeld-acro-verify-');
    files = await writePackage(folder);
  });

  it('accepts the package as written', async () => {
    expect(await verifyChecksums(folder)).toEqual({ ok: true, problems: [] });
  });

  it('finds a changed file, a file without checksum, a checksum without file and a checksum with a newline', async () => {
    const copy = await tempFolder('groepsbeeld-acro-broken-');
    await writePackage(copy);
    await writeFile(join(copy, 'woonsituatie.csv'), Buffer.concat([files.get('woonsituatie.csv') ?? Buffer.alloc(0), Buffer.from('x')]));
    await rm(join(copy, CHECKSUMS_FOLDER, 'persona-1.png.txt'));
    await rm(join(copy, 'persona-1.svg'));
    await writeFile(join(copy, 'report.pdf'), 'pdf');
    await writeFile(join(copy, CHECKSUMS_FOLDER, 'report.pdf.txt'), `${sha256(Buffer.from('pdf'))}\n`);
    expect(await verifyChecksums(copy)).toEqual({
      ok: false,
      problems: [
        'Bij het bestand persona-1.png hoort geen controlegetal: checksums/persona-1.png.txt ontbreekt.',
        'checksums/persona-1.svg.txt hoort bij geen bestand: persona-1.svg ontbreekt in de map.',
        'checksums/report.pdf.txt bevat geen geldige SHA-256 (precies 64 kleine hexadecimale tekens, zonder regeleinde).',
        'Het bestand woonsituatie.csv is gewijzigd: de SHA-256 klopt niet met checksums/woonsituatie.csv.txt.',
      ],
    });
  });

  it('names a missing checksums folder, a stray folder, and a folder that does not exist', async () => {
    const bare = await tempFolder('groepsbeeld-acro-bare-');
    await writeFile(join(bare, 'a.csv'), 'a');
    expect((await verifyChecksums(bare)).problems).toEqual([`De map checksums ontbreekt in ${bare}: geen enkel bestand heeft een controlegetal.`]);
    await mkdir(join(bare, CHECKSUMS_FOLDER));
    await mkdir(join(bare, 'extra'));
    await writeFile(join(bare, CHECKSUMS_FOLDER, 'a.csv.txt'), sha256(Buffer.from('a')));
    expect((await verifyChecksums(bare)).problems).toEqual([
      'extra is een map; een pakket bevat naast de map checksums alleen bestanden, en de inhoud van extra is niet gecontroleerd.',
    ]);
    expect((await verifyChecksums(join(bare, 'nergens'))).problems[0]).toMatch(/bestaat niet of is niet te lezen/);
  });
});

const python = spawnSync('python3', ['--version'], { encoding: 'utf8' });
const hasPython = python.status === 0;

describe.skipIf(!hasPython)(`read back as ACRO and SACRO-Viewer read it${hasPython ? '' : ' (skipped: python3 is not on this machine)'}`, () => {
  it('loads every record with ACRO’s keys, valid checksums and SACRO-Viewer’s cell index', async () => {
    const folder = await tempFolder('groepsbeeld-acro-python-');
    await writePackage(folder);
    const run = spawnSync('python3', ['-c', LOADER, folder, ACRO_RESULTS_VERSION], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const loaded = JSON.parse(run.stdout) as Record<string, { status: string; files: string[]; cell_index: Record<string, string[]> }>;
    expect(Object.keys(loaded).sort()).toEqual(['inkomen-per-cluster', 'persona-kaarten', 'vergelijking-opleiding', 'woonsituatie']);
    expect(loaded['vergelijking-opleiding']?.cell_index).toEqual({ '1,0': ['threshold'], '2,0': ['secondary'] });
    expect(loaded['inkomen-per-cluster']?.status).toBe('fail');
    expect(loaded['persona-kaarten']?.files).toContain('persona-kaarten.html');
  });
});
