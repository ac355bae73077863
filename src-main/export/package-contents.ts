// The files of an export package, written into its staging folder: tables, charts, persona cards, reports and
// definitions; then the auditor's attack on the package as written, the output logs, results.json and the checksums.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuditReport } from '../audit/audit-report';
import { readPackage, type ReadPackage } from '../audit/read-package';
import { ruleSetDigest } from '../disclosure/rule-set';
import { DEFINITIONS_FILE } from '../publication/definitions-file';
import type { PublishedTable } from '../publication/table-draft';
import type { AcroOutputInput } from './acro-output-input';
import { acroOutput } from './acro-outputs';
import { acroResults } from './acro-results';
import { ACRO_RESULTS_FILE } from './acro-results-schema';
import { chartPng } from './chart-png';
import { chartSvg, hasChartableColumns } from './chart-svg';
import { checksumFiles, CHECKSUMS_FOLDER } from './checksums-folder';
import { buildOutputLog, outputLogJson, type TableOutputFacts } from './output-log';
import { outputLogXlsx } from './output-log-xlsx';
import { auditForExport } from './package-audit';
import { definitionsJson } from './package-definitions';
import type { ExportedFile, ExportOptions, PackageRequest } from './package-request';
import { PackageWriter } from './package-writer';
import { personaChartSvg } from './persona-chart';
import { chartFileName, PERSONA_OUTPUT_ID, personaDeck } from './persona-content';
import { personaHtml } from './persona-html';
import { personaPdf } from './persona-pdf';
import type { ReportOutput } from './report-content';
import { reportHtml } from './report-html';
import { reportPdf } from './report-pdf';
import { tableCsv } from './table-csv';
import { tableXlsx } from './table-xlsx';

export const TOOL_NAME = 'Groepsbeeld';
export const OUTPUT_LOG_FILES = ['output-log.json', 'output-log.xlsx'] as const;
export const CHECKSUM_FILE = 'SHA256SUMS';

function stepCount(request: PackageRequest): number {
  const cards = request.personas ? request.personas.cards.filter((card) => card.kind === 'card').length : 0;
  const personaSteps = request.personas ? 3 + (request.personas.chart ? 2 * cards : 0) : 0;
  return request.tables.reduce((sum, table) => sum + (table.chart ? 4 : 2), 0) + personaSteps + 2 + 1 + OUTPUT_LOG_FILES.length + 2;
}

export async function writePackage(
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
    const entry =
      `Gezamenlijke controle met de eerdere export(s) ${audited.earlier.map((name) => `"${name}"`).join(', ')} van dezelfde gegevens ` +
      `niet uitgevoerd (te groot om door te rekenen). Onderbouwing van de analist: ${request.jointAuditWaiver}`;
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
