// Writes a checked export package (tables, charts, reports, persona cards, definitions, output logs, checksums) into
// a new folder, whole or not at all: before it is moved into place, the independent auditor attacks the package as
// written, together with the study's earlier packages of the same data, and any failure leaves nothing behind.
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PersonaCard } from '../analysis/profiles/persona';
import type { AuditReport } from '../audit/audit-package';
import { readPackage, type ReadPackage } from '../audit/read-package';
import { auditForExport, AuditRefusal, JointAuditTooLarge } from './package-audit';
import { checkedTableSchema, columnTitle, type CheckedTable } from '../disclosure/checked-table';
import { ruleSetDigest, type RuleSet } from '../disclosure/rule-set';
import { UserFacingError } from '../common/errors';
import { DEFINITIONS_FILE, type PackageDefinitions } from '../publication/definitions-file';
import type { PublishedTable } from '../publication/table-draft';
import { acroResults, ACRO_RESULTS_FILE, type AcroOutputInput } from './acro-results';
import { chartPng } from './chart-png';
import { chartSvg, hasChartableColumns } from './chart-svg';
import { checksumFiles, CHECKSUMS_FOLDER } from './checksums-folder';
import { writeExportFolder } from './export-folder';
import type { FontFiles } from './fonts';
import { buildOutputLog, outputLogJson, type HiddenCellEntry, type TableOutputFacts, type WrittenFile } from './output-log';
import { outputLogXlsx } from './output-log-xlsx';
import { personaChartSvg } from './persona-chart';
import { chartFileName, PERSONA_OUTPUT_ID, personaDeck } from './persona-content';
import { personaHtml } from './persona-html';
import { personaPdf } from './persona-pdf';
import type { ReportOutput } from './report-content';
import { reportHtml } from './report-html';
import { reportPdf } from './report-pdf';
import { tableCsv } from './table-csv';
import { tableXlsx } from './table-xlsx';
import { definitionsJson } from './package-definitions';

export const TOOL_NAME = 'Groepsbeeld';
export const OUTPUT_LOG_FILES = ['output-log.json', 'output-log.xlsx'] as const;
export const CHECKSUM_FILE = 'SHA256SUMS';

export interface PackageStudy {
  name: string;
  referenceDate: string;
  municipality: string;
  sha256: string;
}

/** What an output says to the checker besides its figures. */
export interface OutputNotes {
  comment?: string | undefined;
  exceptionRequest?: string | undefined;
  /** It leaves only by an exception (close to an earlier export), so results.json marks it "fail" with the request. */
  differencingException?: boolean | undefined;
  /** Every hidden cell with its reason (from the ledger), for the output log. */
  hiddenCells: HiddenCellEntry[];
}

export interface PackageTable extends OutputNotes {
  published: PublishedTable;
  chart: boolean;
  /** How the table was made, for results.json (ACRO's properties.method). */
  method: string;
}

export interface PackagePersonas extends OutputNotes {
  cards: PersonaCard[];
  /** Every figure on the cards as one table (written as persona-kaarten.csv). */
  figures: PublishedTable;
  chart: boolean;
  /** Who the cards describe, e.g. "klanthuishoudens". */
  population: string;
}

export interface PackageRequest {
  study: PackageStudy;
  rules: RuleSet;
  appVersion: string;
  tables: PackageTable[];
  personas: PackagePersonas | null;
  /** The definitions of the figures in these files (built from the ledger that published them). */
  definitions: (outputs: readonly { id: string; csv: string; published: PublishedTable }[]) => PackageDefinitions;
  /** Folders of the study's earlier packages of the same data, audited together with this one (missing ones are skipped). */
  earlierPackages?: readonly string[];
  /**
   * The analyst's written justification (already checked), should the joint audit with the earlier packages be beyond
   * the audit's limits: the package is then written with its own audit only, every output marked as an exception.
   */
  jointAuditWaiver?: string | undefined;
}

export interface ExportProgress {
  step: number;
  steps: number;
  /** The file being written. */
  label: string;
}

export interface ExportOptions {
  /** The folder the analyst picked; the package becomes a new subfolder of it. */
  folder: string;
  signal?: AbortSignal;
  onProgress?: (progress: ExportProgress) => void;
  /** The moment of the export (folder name, log, zip and PDF dates); the clock when absent. */
  now?: Date;
  fonts?: FontFiles;
}

export interface ExportedFile {
  name: string;
  bytes: number;
  sha256: string;
}

export type ExportError =
  | { code: 'audit-failed'; message: string; findings: string[] }
  | { code: 'invalid-table'; message: string }
  | { code: 'joint-audit-too-large'; message: string }
  | { code: 'aborted'; message: string }
  | { code: 'write-failed'; message: string };

export type ExportResult = { ok: true; folder: string; files: ExportedFile[]; audit: AuditReport } | { ok: false; error: ExportError };

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Writes files into the staging folder one by one, checking for an abort before each and reporting progress. */
class PackageWriter {
  readonly written: (ExportedFile & { content: Buffer })[] = [];
  private step = 0;

  constructor(
    private readonly folder: string,
    private readonly steps: number,
    private readonly signal: AbortSignal | undefined,
    private readonly onProgress: ((progress: ExportProgress) => void) | undefined,
  ) {}

  async write(name: string, make: () => Buffer | string | Promise<Buffer | string>): Promise<ExportedFile> {
    this.signal?.throwIfAborted();
    this.step += 1;
    this.onProgress?.({ step: Math.min(this.step, this.steps), steps: this.steps, label: name });
    const content = await make();
    this.signal?.throwIfAborted();
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    await writeFile(join(this.folder, name), bytes, { flag: 'wx' });
    const file = { name, bytes: bytes.length, sha256: sha256(bytes) };
    this.written.push({ ...file, content: bytes });
    return file;
  }

  async writeListed(name: string, kind: WrittenFile['kind'], make: () => Buffer | string | Promise<Buffer | string>): Promise<WrittenFile> {
    return { ...(await this.write(name, make)), kind };
  }
}

function stepCount(request: PackageRequest): number {
  const cards = request.personas ? request.personas.cards.filter((card) => card.kind === 'card').length : 0;
  const personaSteps = request.personas ? 3 + (request.personas.chart ? 2 * cards : 0) : 0;
  return request.tables.reduce((sum, table) => sum + (table.chart ? 4 : 2), 0) + personaSteps + 2 + 1 + OUTPUT_LOG_FILES.length + 2;
}

/** The flagged cells of a table as results.json lists them. */
function acroTable(table: CheckedTable, hidden: readonly HiddenCellEntry[]): NonNullable<AcroOutputInput['table']> {
  const cells: NonNullable<AcroOutputInput['table']>['cells'] = [];
  table.rows.forEach((row, rowIndex) =>
    row.cells.forEach((cell, column) => {
      const heading = table.columns[column];
      const columnLabel = heading ? columnTitle(heading) : '';
      if (cell.status === 'suppressed') {
        const entry = hidden.find((candidate) => candidate.row === rowIndex && candidate.column === column);
        const checks = entry?.reason === 'primary' ? [entry.rule ?? 'threshold'] : ['secondary'];
        cells.push({ row: rowIndex, column, rowLabel: row.label, columnLabel, checks: checks as ['threshold'], treatment: 'suppressed' });
      } else if (cell.status === 'review') {
        cells.push({ row: rowIndex, column, rowLabel: row.label, columnLabel, checks: [cell.reason], treatment: 'shown' });
      }
    }),
  );
  return { rowLabels: table.rows.map((row) => row.label), columnLabels: table.columns.map(columnTitle), cells };
}

function acroOutput(
  table: CheckedTable,
  notes: OutputNotes,
  files: readonly WrittenFile[],
  method: string,
  now: Date,
  type: 'table' | 'custom' = 'table',
): AcroOutputInput {
  const comments = [notes.comment?.trim(), ...table.notes].filter((text): text is string => typeof text === 'string' && text !== '');
  return {
    uid: table.id,
    type,
    method,
    command: `groepsbeeld: ${table.title}`,
    timestamp: now,
    comments,
    exception: notes.exceptionRequest?.trim() ?? '',
    files: [...files].sort((a, b) => (a.kind === 'csv' ? -1 : b.kind === 'csv' ? 1 : 0)).map((file) => file.name),
    ...(type === 'table' ? { table: acroTable(table, notes.hiddenCells) } : {}),
    ...(notes.differencingException ? { unresolved: ['differencing' as const] } : {}),
  };
}

async function writePackage(
  request: PackageRequest,
  staging: string,
  options: ExportOptions,
  now: Date,
): Promise<{ files: ExportedFile[]; audit: AuditReport }> {
  const writer = new PackageWriter(staging, stepCount(request), options.signal, options.onProgress);
  const facts: TableOutputFacts[] = [];
  const acro: AcroOutputInput[] = [];
  const reportOutputs: ReportOutput[] = [];
  const defined: { id: string; csv: string; published: PublishedTable }[] = [];
  const fonts = options.fonts ? { fonts: options.fonts } : {};
  for (const output of request.tables) {
    const { table } = output.published;
    const files = [
      await writer.writeListed(`${table.id}.csv`, 'csv', () => tableCsv(table, request.rules)),
      await writer.writeListed(`${table.id}.xlsx`, 'xlsx', () => tableXlsx(table, request.rules, now)),
    ];
    const reportOutput: ReportOutput = { table, comment: output.comment, exceptionRequest: output.exceptionRequest };
    if (output.chart && hasChartableColumns(table)) {
      const svg = chartSvg(table, { idPrefix: `chart-${table.id}` });
      const png = await chartPng(svg, { ...fonts, ...(options.signal ? { signal: options.signal } : {}) });
      files.push(await writer.writeListed(`${table.id}.svg`, 'svg', () => svg), await writer.writeListed(`${table.id}.png`, 'png', () => png));
      reportOutput.chartSvg = svg;
      reportOutput.chartPng = png;
    }
    defined.push({ id: table.id, csv: `${table.id}.csv`, published: output.published });
    facts.push({
      table,
      hiddenCells: output.hiddenCells,
      comment: output.comment,
      exceptionRequest: output.exceptionRequest,
      differencingException: output.differencingException,
      files,
    });
    acro.push(acroOutput(table, output, files, output.method, now));
    reportOutputs.push(reportOutput);
  }
  if (request.personas) {
    const personas = request.personas;
    const deck = personaDeck(personas.cards, request.rules, personas.population);
    const input = { study: request.study, createdAt: now, appVersion: request.appVersion, deck };
    const figures = personas.figures.table;
    const files = [
      await writer.writeListed(`${PERSONA_OUTPUT_ID}.csv`, 'csv', () => tableCsv(figures, request.rules)),
      await writer.writeListed(`${PERSONA_OUTPUT_ID}.html`, 'html', () => personaHtml(input)),
      await writer.writeListed(`${PERSONA_OUTPUT_ID}.pdf`, 'pdf', () => personaPdf(input, fonts)),
    ];
    if (personas.chart) {
      for (const card of deck.cards) {
        const svg = personaChartSvg(card.chart, `persona-${card.cluster}`);
        const png = await chartPng(svg, { ...fonts, ...(options.signal ? { signal: options.signal } : {}) });
        files.push(
          await writer.writeListed(chartFileName(card.cluster, 'svg'), 'svg', () => svg),
          await writer.writeListed(chartFileName(card.cluster, 'png'), 'png', () => png),
        );
      }
    }
    defined.push({ id: PERSONA_OUTPUT_ID, csv: `${PERSONA_OUTPUT_ID}.csv`, published: personas.figures });
    facts.push({
      kind: 'personas',
      table: figures,
      hiddenCells: personas.hiddenCells,
      comment: personas.comment,
      exceptionRequest: personas.exceptionRequest,
      differencingException: personas.differencingException,
      files,
    });
    acro.push(acroOutput(figures, personas, files, 'persona cards', now));
  }
  const digest = ruleSetDigest(request.rules);
  const report = {
    study: request.study,
    ruleSet: request.rules,
    ruleSetDigest: digest,
    createdAt: now,
    appVersion: request.appVersion,
    outputs: reportOutputs,
  };
  const reportFiles = [
    await writer.writeListed('report.html', 'html', () => reportHtml(report)),
    await writer.writeListed('report.pdf', 'pdf', () => reportPdf(report, fonts)),
  ];
  const definitionsFile = await writer.writeListed(DEFINITIONS_FILE, 'json', () => definitionsJson(request.definitions(defined)));

  // The auditor reads the package as written (definitions and CSVs), with the study's earlier packages of the same data.
  options.signal?.throwIfAborted();
  const current = await readPackage(staging);
  const earlier: ReadPackage[] = [];
  for (const folder of request.earlierPackages ?? []) {
    try {
      earlier.push(await readPackage(folder));
    } catch {
      // An earlier package that was moved or deleted cannot be read back; the differencing guard still holds its units.
    }
  }
  const audited = auditForExport(current, earlier, request.jointAuditWaiver);
  const audit = audited.report;
  if (audited.joint === 'waived') {
    // Every output leaves by an exception: the checker decides, with the analyst's justification in the log.
    const entry = `Gezamenlijke controle met de eerdere export(s) ${audited.earlier.map((name) => `"${name}"`).join(', ')} van dezelfde gegevens niet uitgevoerd (te groot om door te rekenen). Onderbouwing van de analist: ${request.jointAuditWaiver}`;
    const join = (text: string | undefined) => [text?.trim(), entry].filter((part): part is string => typeof part === 'string' && part !== '').join('\n');
    for (const fact of facts) {
      fact.exceptionRequest = join(fact.exceptionRequest);
      fact.differencingException = true;
    }
    for (const output of acro) {
      output.exception = join(output.exception);
      output.unresolved = [...new Set([...(output.unresolved ?? []), 'differencing' as const])];
    }
  }
  const hiddenCells = (audit.packages[0]?.outputs ?? []).flatMap((output) => output.hiddenCells);
  const widths = hiddenCells.map((cell) => (cell.upper === null ? Infinity : cell.upper - cell.lower));
  const log = buildOutputLog({
    createdAt: now,
    tool: { name: TOOL_NAME, version: request.appVersion },
    study: request.study,
    ruleSet: request.rules,
    ruleSetDigest: digest,
    audit: {
      hiddenCells: hiddenCells.length,
      narrowest: widths.length === 0 ? null : Number.isFinite(Math.min(...widths)) ? Math.min(...widths) : null,
      packages: 1 + (audited.joint === 'passed' ? audited.earlier.length : 0),
    },
    outputs: facts,
    files: [...reportFiles, definitionsFile],
  });
  await writer.write(OUTPUT_LOG_FILES[0], () => outputLogJson(log));
  await writer.write(OUTPUT_LOG_FILES[1], () => outputLogXlsx(log));
  acro.push({
    uid: 'rapport',
    type: 'custom',
    method: 'report',
    command: 'groepsbeeld: rapport',
    timestamp: now,
    comments: ['Het rapport herhaalt de tabellen hierboven, met hun grafieken.'],
    exception: '',
    files: reportFiles.map((file) => file.name),
  });
  await writer.write(ACRO_RESULTS_FILE, () => acroResults({ outputs: acro }));
  // sha256sum -c SHA256SUMS checks the whole package, the log files included.
  const sums = writer.written.map((file) => `${file.sha256}  ${file.name}\n`).join('');
  await writer.write(CHECKSUM_FILE, () => sums);
  // ACRO's checksums folder: one SHA-256 per file, for SACRO-Viewer.
  await mkdir(join(staging, CHECKSUMS_FOLDER));
  for (const entry of checksumFiles(writer.written.map((file) => ({ name: file.name, bytes: file.content })))) {
    await writeFile(join(staging, entry.name), entry.bytes, { flag: 'wx' });
  }
  return { files: writer.written.map(({ name, bytes, sha256: hash }) => ({ name, bytes, sha256: hash })), audit };
}

function errorValue(error: unknown, signal: AbortSignal | undefined): ExportError {
  if (signal?.aborted) return { code: 'aborted', message: 'De export is afgebroken; er is niets geschreven.' };
  if (error instanceof AuditRefusal) return { code: 'audit-failed', message: error.message, findings: error.findings };
  if (error instanceof JointAuditTooLarge) return { code: 'joint-audit-too-large', message: `Er is niets geschreven. ${error.message}` };
  const message = error instanceof UserFacingError || error instanceof Error ? error.message : String(error);
  return { code: 'write-failed', message: `Het exportpakket kon niet worden geschreven; er is niets achtergebleven: ${message}` };
}

/**
 * The writer's own check, before anything is written: every table has the published shape (a hidden cell carries no
 * value) and was protected under the rules the package states. The ledger never produces anything else.
 */
function invalidTable(request: PackageRequest): ExportError | null {
  const digest = ruleSetDigest(request.rules);
  const tables = [...request.tables.map((output) => output.published.table), ...(request.personas ? [request.personas.figures.table] : [])];
  for (const table of tables) {
    const parsed = checkedTableSchema.safeParse(table);
    if (!parsed.success)
      return {
        code: 'invalid-table',
        message: `De tabel "${table.title}" is niet zoals de publicatie haar maakt (${parsed.error.issues[0]?.message ?? 'ongeldige vorm'}); er is niets geschreven.`,
      };
    if (table.ruleSet.digest !== digest) {
      return {
        code: 'invalid-table',
        message: `De tabel "${table.title}" is beschermd met regelset "${table.ruleSet.name}", niet met "${request.rules.name}" van dit pakket; er is niets geschreven.`,
      };
    }
  }
  return null;
}

/**
 * Writes the package into `groepsbeeld-export-YYYYMMDD-HHMMSS` inside the picked folder: per table CSV and XLSX (and
 * SVG and PNG for a chart), the persona cards as CSV, HTML and PDF (and a chart per card), the HTML and PDF report,
 * definities.json, the output log as JSON and XLSX, results.json, SHA256SUMS and checksums/. An error, an abort or a
 * failed audit writes nothing at all. Errors are returned as values.
 */
export async function writeExportPackage(request: PackageRequest, options: ExportOptions): Promise<ExportResult> {
  const now = options.now ?? new Date();
  const invalid = invalidTable(request);
  if (invalid) return { ok: false, error: invalid };
  try {
    const { folder, result } = await writeExportFolder(options.folder, now, options.signal, (staging) => writePackage(request, staging, options, now));
    return { ok: true, folder, files: result.files, audit: result.audit };
  } catch (error) {
    return { ok: false, error: errorValue(error, options.signal) };
  }
}
