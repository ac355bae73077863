// Writes a checked export package (tables, charts, reports, persona cards, output log) into a new folder, whole or not at all.
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CheckedTable } from '../disclosure/checked-table';
import type { RuleSet } from '../disclosure/rule-set';
import type { PublishedLinkReport } from '../linking/link-report';
import { chartPng } from './chart-png';
import { chartSvg } from './chart-svg';
import { checkExportRequest, type CheckedOutput, type CheckedPersonas, type ExportError, type PersonaOutput } from './export-checks';
import { writeExportFolder } from './export-folder';
import type { FontFiles } from './fonts';
import { buildOutputLog, outputLogJson, type TableOutputFacts, type WrittenFile } from './output-log';
import { outputLogXlsx } from './output-log-xlsx';
import { personaChartSvg } from './persona-chart';
import { chartFileName, PERSONA_OUTPUT_ID, personaDeck } from './persona-content';
import { personaHtml } from './persona-html';
import { personaPdf } from './persona-pdf';
import type { ReportInput, ReportOutput } from './report-content';
import { reportHtml } from './report-html';
import { reportPdf } from './report-pdf';
import { tableCsv } from './table-csv';
import { tableXlsx } from './table-xlsx';

export type { ExportError, FailingOutput, PersonaOutput } from './export-checks';

export const TOOL_NAME = 'Groepsbeeld';
export const OUTPUT_LOG_FILES = ['output-log.json', 'output-log.xlsx'] as const;
export const CHECKSUM_FILE = 'SHA256SUMS';

export interface ExportRequest {
  study: { name: string; referenceDate: string; municipality: string; sha256: string };
  ruleSet: RuleSet;
  /** Tables, and at most one set of persona cards (written as persona-kaarten.html/.pdf and a chart per card). */
  outputs: Array<{ kind: 'table'; table: CheckedTable; chart: boolean; comment?: string; exceptionRequest?: string } | PersonaOutput>;
  /** The analyst's explicit choice to export failing tables with their blocked cells shown only as blocked. */
  maskBlocked: boolean;
  appVersion: string;
  /** The study's link report, added to the reports when given. */
  linkReport?: PublishedLinkReport;
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

export type ExportResult = { ok: true; folder: string; files: ExportedFile[] } | { ok: false; error: ExportError };

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Writes files into the staging folder one by one, checking for an abort before each and reporting progress. */
class PackageWriter {
  readonly written: ExportedFile[] = [];
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
    this.onProgress?.({ step: this.step, steps: this.steps, label: name });
    const content = await make();
    this.signal?.throwIfAborted();
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    await writeFile(join(this.folder, name), bytes, { flag: 'wx' });
    const file = { name, bytes: bytes.length, sha256: sha256(bytes) };
    this.written.push(file);
    return file;
  }

  /** Writes a file that the output log lists, with its kind. */
  async writeListed(name: string, kind: WrittenFile['kind'], make: () => Buffer | string | Promise<Buffer | string>): Promise<WrittenFile> {
    return { ...(await this.write(name, make)), kind };
  }
}

function stepCount(outputs: readonly CheckedOutput[], personas: CheckedPersonas | null): number {
  const cards = personas ? personas.cards.filter((card) => card.kind === 'card').length : 0;
  const personaSteps = personas ? 2 + (personas.chart ? 2 * cards : 0) : 0;
  return outputs.reduce((sum, output) => sum + (output.chart ? 4 : 2), 0) + personaSteps + 2 + OUTPUT_LOG_FILES.length + 1;
}

/** The persona cards' files: the HTML and the PDF of all cards, and per card its chart as SVG and PNG. */
async function writePersonas(writer: PackageWriter, request: ExportRequest, personas: CheckedPersonas, options: ExportOptions, now: Date): Promise<TableOutputFacts> {
  const deck = personaDeck(personas.cards, request.ruleSet, personas.figures.population.label.toLowerCase());
  const input = { study: request.study, createdAt: now, appVersion: request.appVersion, deck };
  const files = [
    await writer.writeListed(`${PERSONA_OUTPUT_ID}.html`, 'html', () => personaHtml(input)),
    await writer.writeListed(`${PERSONA_OUTPUT_ID}.pdf`, 'pdf', () => personaPdf(input, options.fonts ? { fonts: options.fonts } : {})),
  ];
  if (personas.chart) {
    for (const card of deck.cards) {
      const svg = personaChartSvg(card.chart, `persona-${card.cluster}`);
      const png = await chartPng(svg, { ...(options.fonts ? { fonts: options.fonts } : {}), ...(options.signal ? { signal: options.signal } : {}) });
      files.push(await writer.writeListed(chartFileName(card.cluster, 'svg'), 'svg', () => svg), await writer.writeListed(chartFileName(card.cluster, 'png'), 'png', () => png));
    }
  }
  return { kind: 'personas', table: personas.figures, comment: personas.comment, exceptionRequest: personas.exceptionRequest, files };
}

async function writePackage(
  request: ExportRequest,
  outputs: CheckedOutput[],
  personas: CheckedPersonas | null,
  digest: string,
  staging: string,
  options: ExportOptions,
  now: Date,
): Promise<ExportedFile[]> {
  const writer = new PackageWriter(staging, stepCount(outputs, personas), options.signal, options.onProgress);
  const facts: TableOutputFacts[] = [];
  const reportOutputs: ReportOutput[] = [];
  for (const output of outputs) {
    const { table } = output;
    const files = [
      await writer.writeListed(`${table.id}.csv`, 'csv', () => tableCsv(table, request.ruleSet)),
      await writer.writeListed(`${table.id}.xlsx`, 'xlsx', () => tableXlsx(table, request.ruleSet, now)),
    ];
    const reportOutput: ReportOutput = { table, comment: output.comment, exceptionRequest: output.exceptionRequest };
    if (output.chart) {
      const svg = chartSvg(table, { idPrefix: `chart-${table.id}` });
      const png = await chartPng(svg, { ...(options.fonts ? { fonts: options.fonts } : {}), ...(options.signal ? { signal: options.signal } : {}) });
      files.push(await writer.writeListed(`${table.id}.svg`, 'svg', () => svg), await writer.writeListed(`${table.id}.png`, 'png', () => png));
      reportOutput.chartSvg = svg;
      reportOutput.chartPng = png;
    }
    facts.push({ table, comment: output.comment, exceptionRequest: output.exceptionRequest, files });
    reportOutputs.push(reportOutput);
  }
  if (personas) facts.push(await writePersonas(writer, request, personas, options, now));
  const report: ReportInput = {
    study: request.study,
    ruleSet: request.ruleSet,
    ruleSetDigest: digest,
    createdAt: now,
    appVersion: request.appVersion,
    maskBlocked: request.maskBlocked,
    outputs: reportOutputs,
    linkReport: request.linkReport,
  };
  const reportFiles = [
    await writer.writeListed('report.html', 'html', () => reportHtml(report)),
    await writer.writeListed('report.pdf', 'pdf', () => reportPdf(report, options.fonts ? { fonts: options.fonts } : {})),
  ];
  const log = buildOutputLog({
    createdAt: now,
    tool: { name: TOOL_NAME, version: request.appVersion },
    study: request.study,
    ruleSet: request.ruleSet,
    ruleSetDigest: digest,
    maskBlocked: request.maskBlocked,
    outputs: facts,
    files: reportFiles,
  });
  await writer.write(OUTPUT_LOG_FILES[0], () => outputLogJson(log));
  await writer.write(OUTPUT_LOG_FILES[1], () => outputLogXlsx(log));
  // sha256sum -c SHA256SUMS checks the whole package, the log files included.
  const sums = writer.written.map((file) => `${file.sha256}  ${file.name}\n`).join('');
  await writer.write(CHECKSUM_FILE, () => sums);
  return writer.written;
}

function errorValue(error: unknown, signal: AbortSignal | undefined): ExportError {
  if (signal?.aborted) return { code: 'aborted', message: 'De export is afgebroken; er is niets geschreven.' };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'write-failed', message: `Het exportpakket kon niet worden geschreven; er is niets achtergebleven: ${message}` };
}

/**
 * Checks every output, then writes the package into `groepsbeeld-export-YYYYMMDD-HHMMSS` inside the picked
 * folder: per table CSV and XLSX (and SVG and PNG for a chart), the persona cards as HTML and PDF (and a chart per
 * card as SVG and PNG), the HTML and PDF report, the output log as
 * JSON and XLSX, and SHA256SUMS. A failing table without `maskBlocked`, an invalid table, an error or an
 * abort writes nothing at all. Errors are returned as values.
 */
export async function writeExportPackage(request: ExportRequest, options: ExportOptions): Promise<ExportResult> {
  const checked = checkExportRequest(request.outputs, request.ruleSet, request.maskBlocked);
  if (!checked.ok) return checked;
  const now = options.now ?? new Date();
  try {
    const { folder, result } = await writeExportFolder(options.folder, now, options.signal, (staging) =>
      writePackage(request, checked.outputs, checked.personas, checked.digest, staging, options, now),
    );
    return { ok: true, folder, files: result };
  } catch (error) {
    return { ok: false, error: errorValue(error, options.signal) };
  }
}
