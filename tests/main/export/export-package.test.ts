// The export package of a real study (the demo world linked and clustered in a StudySession) on real folders:
// complete, logged and checksummed; no hidden cell's true value in any written byte. That writing it leaves everything
// or nothing is tested in export-package-all-or-nothing.test.ts.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statusCounts, tableVerdict } from '../../../src-main/disclosure/checked-table';
import { ruleSummary } from '../../../src-main/disclosure/rule-summary';
import { ruleSetDigest } from '../../../src-main/disclosure/rule-set';
import { ACRO_CHECK_NAMES } from '../../../src-main/export/acro-checks';
import { acroResultsSchema } from '../../../src-main/export/acro-results-schema';
import { blockedText, DERIVED_TEXT, SECONDARY_TEXT } from '../../../src-main/export/cell-text';
import { verifyChecksums } from '../../../src-main/export/checksums-folder';
import { exportFolderName } from '../../../src-main/export/export-folder';
import { outputLogSchema, type OutputLog } from '../../../src-main/export/output-log';
import { PERSONA_OUTPUT_ID } from '../../../src-main/export/persona-content';
import { readPackage } from '../../../src-main/audit/read-package';
import { figureDefinition } from '../../../src-main/export/package-definitions';
import type { ExportCandidate } from '../../../src-main/study/study-shapes';
import { linkedStudy, type StudyFixture } from '../support/study-fixture';
import { tempFolder } from '../support/temp-folder';
import { csvCells, expectedFiles } from './support/package-contents';
import { filesOf, holdsAny, holdsNumber, searchableTexts, sha256 } from './support/package-files';
import { pdfText } from './support/pdf-text';
import { hiddenShare, NOW, outputOf, realPublication, shownShare, type RealPublication } from './support/study-package';

const COMMENTED = 'vergelijking-household-type';
const COMMENT = 'Klanten tegen alle huishoudens van Gilze en Rijen.';
const EXCEPTION = 'De cel "Overig of onbekend" is structureel klein.';

let study: StudyFixture;
let real: RealPublication;

beforeAll(async () => {
  study = await linkedStudy();
  real = await realPublication(study);
}, 120_000);

afterAll(() => study?.close());

/** The comparisons of clients with all households that have a chart: a hidden share there would be in every kind of file. */
function comparisons(): string[] {
  return real.outputs.filter((output) => output.id.startsWith('vergelijking-') && output.chartable).map((output) => output.id);
}

describe('the study export: a complete package of every output', () => {
  let parent: string;
  let folder: string;
  let files: Map<string, Buffer>;
  let candidates: ExportCandidate[];
  let log: OutputLog;
  const progress: { step: number; steps: number; label: string }[] = [];
  let written: string[];

  beforeAll(async () => {
    parent = await tempFolder('groepsbeeld-export-');
    candidates = (await study.session.exportPreview('suppression')).candidates;
    const selection = candidates.map((candidate) => ({
      id: candidate.id,
      chart: candidate.chart,
      ...(candidate.id === COMMENTED ? { comment: COMMENT, exceptionRequest: EXCEPTION } : {}),
    }));
    const result = await study.session.export({ method: 'suppression', selection, folder: parent, now: NOW, onProgress: (step) => progress.push(step) });
    if (result.status !== 'written') throw new Error(result.reasons.join('\n'));
    folder = result.folder;
    written = result.files.map((file) => file.name);
    files = await filesOf(folder);
    log = outputLogSchema.parse(JSON.parse(files.get('output-log.json')!.toString('utf8')));
  }, 180_000);

  it('is a new subfolder named after the moment, with every file, nothing left in staging, and the progress complete', async () => {
    expect(exportFolderName(NOW)).toBe('groepsbeeld-export-20261125-143005');
    expect(folder).toBe(join(parent, 'groepsbeeld-export-20261125-143005'));
    expect(await readdir(parent)).toEqual(['groepsbeeld-export-20261125-143005']);
    const cards = outputOf(real, PERSONA_OUTPUT_ID).cards!.filter((card) => card.kind === 'card').length;
    expect(cards).toBe(5);
    expect([...files.keys()].sort()).toEqual(expectedFiles(candidates, cards));
    expect(progress.map((step) => step.label)).toEqual(written);
    expect(progress.at(-1)).toEqual({ step: progress.length, steps: progress.length, label: 'SHA256SUMS' });
    expect(progress.map((step) => step.step)).toEqual(progress.map((_, index) => index + 1));
  });

  it('writes an output log that validates, with the rules actually used and checksums that match the files on disk', async () => {
    expect(log).toMatchObject({ format: 'groepsbeeld-output-log', version: 2, createdAt: NOW.toISOString(), tool: { name: 'Groepsbeeld', version: 'test' } });
    expect(log.study).toMatchObject({ referenceDate: '20171231', municipality: '0784' });
    expect(log.ruleSet).toEqual({ name: real.rules.name, digest: ruleSetDigest(real.rules), summary: ruleSummary(real.rules), rules: real.rules });
    expect(log.ruleSet.summary).toMatch(/drempel 10, .*beschermingsniveau 10/);
    expect(log.audit.packages).toBe(1);
    expect(log.audit.hiddenCells).toBeGreaterThan(10);
    // Every file but the logs themselves is listed with its size and SHA-256.
    const listed = [...log.outputs.flatMap((output) => output.files), ...log.files];
    expect(listed.map((file) => file.name).sort()).toEqual(
      [...files.keys()]
        .filter((name) => !name.startsWith('checksums/') && !['output-log.json', 'output-log.xlsx', 'results.json', 'SHA256SUMS'].includes(name))
        .sort(),
    );
    for (const file of listed) {
      const bytes = files.get(file.name)!;
      expect(file.bytes, file.name).toBe(bytes.length);
      expect(file.sha256, file.name).toBe(sha256(bytes));
    }
    // SHA256SUMS covers every other file of the package, the logs included (sha256sum -c).
    const sums = files.get('SHA256SUMS')!.toString('utf8').trimEnd().split('\n');
    expect(sums.map((line) => line.split('  ')[1]).sort()).toEqual(
      [...files.keys()].filter((name) => !name.startsWith('checksums/') && name !== 'SHA256SUMS').sort(),
    );
    for (const line of sums) {
      const [hash, name] = line.split('  ');
      expect(hash, name).toBe(sha256(files.get(name!)!));
    }
    // ACRO's checksums folder: one bare SHA-256 per file, as SACRO-Viewer checks it.
    expect(await verifyChecksums(folder)).toEqual({ ok: true, problems: [] });
    expect(files.get('checksums/report.pdf.txt')!.toString('latin1')).toBe(sha256(files.get('report.pdf')!));
  });

  it('records per output its population, verdict, cell counts and every hidden cell with its reason, as the CSV shows them', () => {
    expect(log.outputs.map((output) => output.id)).toEqual(candidates.map((candidate) => candidate.id));
    for (const entry of log.outputs) {
      const output = outputOf(real, entry.id);
      const { table } = output.published;
      expect(entry, entry.id).toMatchObject({ kind: output.kind, title: table.title, population: table.population, protection: table.protection });
      expect(entry.checks.cellCounts, entry.id).toEqual(statusCounts(table));
      expect(entry.checks.verdict, entry.id).toBe(tableVerdict(table));
      // The hidden cells of the log are exactly the "x" fields of the written CSV.
      const csv = csvCells(files.get(`${entry.id}.csv`)!);
      const marked = csv.flatMap((row, rowIndex) => row.flatMap((field, column) => (field === 'x' ? [`${rowIndex},${column}`] : [])));
      expect(
        entry.checks.hiddenCells.map((cell) => `${cell.row},${cell.column}`),
        entry.id,
      ).toEqual(marked);
      expect(entry.checks.cellCounts.suppressed, entry.id).toBe(marked.length);
      for (const cell of entry.checks.hiddenCells) {
        expect(cell.rowLabel).toBe(table.rows[cell.row]!.label);
        const expected = cell.reason === 'primary' ? blockedText(cell.rule!, real.rules) : cell.reason === 'secondary' ? SECONDARY_TEXT : DERIVED_TEXT;
        expect(cell.description, `${entry.id} ${cell.rowLabel}`).toBe(expected);
      }
    }
    expect(new Set(log.outputs.flatMap((output) => output.checks.hiddenCells.map((cell) => cell.reason)))).toEqual(
      new Set(['primary', 'secondary', 'derived']),
    );
    const household = log.outputs.find((output) => output.id === COMMENTED)!;
    expect(household).toMatchObject({ population: { id: 'alle-huishoudens', label: 'Alle huishoudens', units: 11346 }, checks: { verdict: 'review' } });
    const small = household.checks.hiddenCells.find((cell) => cell.rowLabel === 'Overig of onbekend' && cell.columnLabel === 'Klanthuishoudens (aantal)');
    expect(small).toMatchObject({ reason: 'primary', rule: 'threshold', interval: { lower: 0 } });
    expect(small!.interval!.upper! - small!.interval!.lower).toBeGreaterThanOrEqual(real.rules.protectionLevel);
    expect(
      household.checks.hiddenCells.find((cell) => cell.rowLabel === 'Eenpersoonshuishouden' && cell.columnLabel === 'Klanthuishoudens (aantal)'),
    ).toMatchObject({ reason: 'secondary' });
    expect(household.checks.notes.join(' ')).toMatch(/niet getoond \(x\)/);
  });

  it('keeps the analyst’s comment and exception request with its output, and nothing with the others', () => {
    for (const entry of log.outputs) {
      if (entry.id === COMMENTED) expect(entry).toMatchObject({ comment: COMMENT, exceptionRequest: EXCEPTION });
      else expect(entry, entry.id).toMatchObject({ comment: null, exceptionRequest: null });
    }
  });

  it('writes results.json in ACRO’s format, its cells where the CSV prints "x", the comment and exception with their output', () => {
    const results = acroResultsSchema.parse(JSON.parse(files.get('results.json')!.toString('utf8')));
    expect(Object.keys(results.results)).toEqual([...candidates.map((candidate) => candidate.id), 'rapport']);
    for (const entry of log.outputs.filter((output) => output.kind === 'table')) {
      const result = results.results[entry.id]!;
      expect(result.files[0]?.name, entry.id).toBe(`${entry.id}.csv`);
      expect(result.files.map((file) => file.name).sort(), entry.id).toEqual(entry.files.map((file) => file.name).sort());
      expect(result.status, entry.id).toBe(entry.checks.verdict);
      const sdc = result.files[0]!.sdc;
      if (!('cells' in sdc)) throw new Error(`${entry.id} has no cells in its sdc`);
      const flagged = [...sdc.cells.threshold, ...(sdc.cells.secondary ?? [])].map(([row, column]) => `${row},${column}`).sort();
      expect(flagged, entry.id).toEqual(entry.checks.hiddenCells.map((cell) => `${cell.row},${cell.column}`).sort());
      // A cell hidden by a rule under that rule's ACRO check; one hidden to shield it (or computed from it) as secondary.
      for (const cell of entry.checks.hiddenCells) {
        const check = cell.reason === 'primary' ? ACRO_CHECK_NAMES[cell.rule!] : 'secondary';
        expect(sdc.cells[check], `${entry.id} ${cell.rowLabel} / ${cell.columnLabel}`).toContainEqual([cell.row, cell.column]);
      }
      expect(sdc.summary.suppressed, entry.id).toBe(entry.checks.hiddenCells.length > 0);
    }
    expect(results.results[COMMENTED]).toMatchObject({ exception: EXCEPTION, comments: expect.arrayContaining([COMMENT]) });
    expect(results.results.rapport).toMatchObject({ type: 'custom', status: 'review', files: [{ name: 'report.html' }, { name: 'report.pdf' }] });
  });

  it('writes the output log as a workbook a checker can read: overview, outputs, the hidden cells and the files', async () => {
    const sheets = await readXlsxFile(files.get('output-log.xlsx')!);
    expect(sheets.map((sheet) => sheet.sheet)).toEqual(['Overzicht', 'Uitvoer', 'Niet getoond', 'Bestanden']);
    const [overview, outputs, hidden, fileRows] = sheets.map((sheet) => sheet.data as unknown[][]) as [unknown[][], unknown[][], unknown[][], unknown[][]];
    expect(overview).toContainEqual(['Gebruikte regels', log.ruleSet.summary]);
    expect(overview).toContainEqual(['Drempel', 10]);
    expect(outputs[0]?.slice(0, 6)).toEqual(['Id', 'Soort', 'Titel', 'Populatie', 'Eenheden', 'Oordeel']);
    const verdictText = { pass: 'geslaagd', review: 'ter controle', fail: 'niet geslaagd' };
    expect(outputs.slice(1).map((row) => [row[0], row[5]])).toEqual(log.outputs.map((output) => [output.id, verdictText[output.checks.verdict]]));
    const commented = outputs.find((row) => row[0] === COMMENTED)!;
    expect(commented.slice(-2)).toEqual([COMMENT, EXCEPTION]);
    expect(hidden[0]).toEqual(['Uitvoer', 'Rij', 'Kolom', 'Reden', 'Ondergrens', 'Bovengrens']);
    const hiddenCells = log.outputs.flatMap((output) => output.checks.hiddenCells.map((cell) => ({ output: output.id, cell })));
    expect(hidden.slice(1).map((row) => row.slice(0, 4))).toEqual(
      hiddenCells.map(({ output, cell }) => [output, cell.rowLabel, cell.columnLabel, cell.description]),
    );
    const smallRow = hidden.find((row) => row[0] === COMMENTED && row[1] === 'Overig of onbekend' && row[2] === 'Klanthuishoudens (aantal)');
    expect(smallRow?.[4]).toBe(0);
    expect(fileRows).toHaveLength(1 + log.outputs.reduce((sum, output) => sum + output.files.length, 0) + log.files.length);
  });

  it('places every printed figure in definities.json where its CSV prints it, defined as the ledger published it', async () => {
    const read = await readPackage(folder);
    expect(read.outputs.map((output) => output.id)).toEqual(candidates.map((candidate) => candidate.id));
    const { ledger } = real.publication;
    for (const output of read.outputs) {
      const { table, figures } = outputOf(real, output.id).published;
      const placed = figures.flatMap((row, rowIndex) => row.flatMap((figure, column) => (figure ? [{ row: rowIndex, column, figure }] : [])));
      expect(
        output.cells.map((cell) => `${cell.row},${cell.column}`),
        output.id,
      ).toEqual(placed.map((cell) => `${cell.row},${cell.column}`));
      output.cells.forEach((cell, index) => {
        const where = `${output.id}, ${cell.label}`;
        expect(cell.figure, where).toEqual(figureDefinition(ledger, placed[index]!.figure));
        const shown = table.rows[cell.row]!.cells[cell.column]!;
        if (shown.status === 'suppressed') expect(cell.printed, where).toEqual({ kind: 'hidden' });
        else if (shown.status === 'empty') expect(['empty', 'text'], where).toContain(cell.printed.kind);
        else {
          expect(cell.printed, where).toMatchObject({ value: shown.value });
          if (shown.text === undefined) expect(cell.printed, where).toEqual({ kind: 'number', value: shown.value, decimals: shown.decimals });
        }
      });
    }
  });

  it('writes the CSV, the sheets, the chart files and both reports', () => {
    expect(files.get('vergelijking-tenure.csv')!.toString('utf8')).toMatch(/^Huur met huurtoeslag;130;68,1;/m);
    for (const [name, bytes] of files) {
      if (name.endsWith('.csv'))
        expect(
          bytes
            .toString('utf8')
            .replace(/^\ufeff/, '')
            .split('\r\n')[0],
          name,
        ).toBe(`# ${ruleSummary(real.rules)}`);
    }
    expect(files.get('vergelijking-household-type.png')!.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(files.get('report.pdf')!.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(files.get('report.html')!.toString('utf8')).toContain('<figure><svg xmlns="http://www.w3.org/2000/svg"');
    expect(files.get('vergelijking-household-type.xlsx')!.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('holds a hidden cell’s true value in no written byte of any file: not in the zips, the PDF text, the logs or the checksums', () => {
    const hidden = hiddenShare(real, comparisons());
    expect(hidden.value).toBeGreaterThan(10);
    expect(files.size).toBeGreaterThan(150);
    for (const [name, bytes] of files) {
      const where = `${hidden.numbers.join(' / ')} (${hidden.output}, ${hidden.rowLabel}) in ${name}`;
      expect(holdsNumber(name, bytes, hidden.numbers), where).toBe(false);
      expect(holdsAny(name, bytes, [hidden.raw!]), where).toBe(false);
    }
  });

  it('finds a shown cell’s value with the same search in every kind of file (the search is sensitive)', () => {
    const shown = shownShare(real, comparisons());
    const names = ['csv', 'xlsx', 'svg'].map((extension) => `${shown.output}.${extension}`).concat('report.html', 'report.pdf');
    for (const name of names) expect(holdsNumber(name, files.get(name)!, shown.numbers), `${shown.numbers.join(' / ')} in ${name}`).toBe(true);
    // Inside the zip and inside the PDF's drawn text, not only somewhere in the raw bytes.
    const xlsx = searchableTexts(`${shown.output}.xlsx`, files.get(`${shown.output}.xlsx`)!);
    expect(xlsx.slice(2).some((text) => text.includes(`<v>${shown.numbers[1]}</v>`))).toBe(true);
    expect(pdfText(files.get('report.pdf')!).split('\n')).toContainEqual(expect.stringMatching(new RegExp(`^${shown.numbers[0]}[ \u00a0]%$`)));
  });
});
