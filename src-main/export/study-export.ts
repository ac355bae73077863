// A study's export as the app and the CLI ask for it: the analyst's selection of outputs, the differencing guard
// against earlier exports of the study, the package itself, and the history entry once it is written.
import type { Population } from '../analysis/population';
import type { StudyOutput } from '../analysis/study-outputs';
import { statusCounts, tableVerdict } from '../disclosure/checked-table';
import {
  appendExportHistory,
  describeWarning,
  findDifferencing,
  readExportHistory,
  type DifferencingWarning,
  type ExportedPopulation,
} from '../disclosure/differencing-guard';
import { ruleSetDigest, type RuleSet } from '../disclosure/rule-set';
import type { PublishedLinkReport } from '../linking/link-report';
import { writeExportPackage, type ExportedFile, type ExportProgress } from './export-package';

export interface StudyIdentity {
  name: string;
  referenceDate: string;
  municipality: string;
  /** SHA-256 of the study recipe (inputs, roles, date, municipality): which study the outputs come from. */
  sha256: string;
}

export interface OutputSelection {
  id: string;
  chart: boolean;
  comment?: string | undefined;
  exceptionRequest?: string | undefined;
}

export interface StudyExportRequest {
  study: StudyIdentity;
  rules: RuleSet;
  appVersion: string;
  /** Everything the study can export now, recomputed in the main process. */
  available: readonly StudyOutput[];
  selection: readonly OutputSelection[];
  maskBlocked: boolean;
  differencingJustification?: string | undefined;
  linkReport?: PublishedLinkReport | undefined;
}

export interface StudyExportContext {
  folder: string;
  /** The study's export history (see differencing-guard historyPath). */
  historyFile: string;
  /** Households in exactly one of two populations, from the current analysis table. */
  countDifference: (a: Population, b: Population) => Promise<number>;
  signal?: AbortSignal;
  onProgress?: (progress: ExportProgress) => void;
  now?: Date;
}

export type StudyExportResult = { status: 'written'; folder: string; files: ExportedFile[] } | { status: 'refused'; reasons: string[] };

export interface ExportCandidate {
  id: string;
  title: string;
  verdict: 'pass' | 'review' | 'fail';
  blocked: number;
  secondary: number;
  review: number;
  chart: boolean;
}

export function exportCandidates(available: readonly StudyOutput[]): ExportCandidate[] {
  return available.map(({ table, chartable }) => {
    const counts = statusCounts(table);
    return { id: table.id, title: table.title, verdict: tableVerdict(table), blocked: counts.blocked, secondary: counts.secondary, review: counts.review, chart: chartable };
  });
}

/** Differencing warnings for these outputs against everything exported earlier in the study. */
export async function differencingWarnings(
  outputs: readonly StudyOutput[],
  historyFile: string,
  countDifference: StudyExportContext['countDifference'],
  rules: RuleSet,
): Promise<DifferencingWarning[]> {
  const withPopulation = outputs.flatMap(({ table, population }) => (population ? [{ outputId: table.id, population }] : []));
  return findDifferencing(withPopulation, await readExportHistory(historyFile), countDifference, rules);
}

function selectOutputs(request: StudyExportRequest): { ok: true; outputs: { output: StudyOutput; selection: OutputSelection }[] } | { ok: false; reasons: string[] } {
  const unknown = request.selection.filter((selection) => !request.available.some((output) => output.table.id === selection.id));
  const ids = request.selection.map((selection) => selection.id);
  if (new Set(ids).size !== ids.length) return { ok: false, reasons: ['Elke tabel kan maar één keer in een export.'] };
  if (unknown.length > 0) return { ok: false, reasons: unknown.map((selection) => `Er is geen uitvoer "${selection.id}" in deze studie.`) };
  if (request.selection.length === 0) return { ok: false, reasons: ['Kies ten minste één tabel om te exporteren.'] };
  const outputs = request.selection.flatMap((selection) => {
    const output = request.available.find((candidate) => candidate.table.id === selection.id);
    return output ? [{ output, selection }] : [];
  });
  return { ok: true, outputs };
}

/** Refuses (writing nothing) on an unknown output, an unjustified differencing warning, or a failing check. */
export async function exportStudy(request: StudyExportRequest, context: StudyExportContext): Promise<StudyExportResult> {
  const selected = selectOutputs(request);
  if (!selected.ok) return { status: 'refused', reasons: selected.reasons };
  const warnings = await differencingWarnings(
    selected.outputs.map(({ output }) => output),
    context.historyFile,
    context.countDifference,
    request.rules,
  );
  const justification = request.differencingJustification?.trim() ?? '';
  if (warnings.length > 0 && justification === '') {
    return { status: 'refused', reasons: [...warnings.map(describeWarning), 'Geef een schriftelijke onderbouwing om toch te exporteren; die komt in het output log.'] };
  }
  const outputs = selected.outputs.map(({ output, selection }) => {
    const warned = warnings.filter((warning) => warning.outputId === output.table.id);
    // The justification travels with the outputs it concerns, as an exception request the checker must decide on.
    const exception = warned.length > 0 ? [selection.exceptionRequest, `Verschilt minder dan ${request.rules.threshold} huishoudens van een eerdere export (${warned.map((warning) => warning.earlier.title).join('; ')}). Onderbouwing: ${justification}`] : [selection.exceptionRequest];
    const exceptionRequest = exception.filter((part): part is string => typeof part === 'string' && part.trim() !== '').join('\n') || undefined;
    return { kind: 'table' as const, table: output.table, chart: selection.chart && output.chartable, comment: selection.comment, exceptionRequest };
  });
  const written = await writeExportPackage(
    { study: request.study, ruleSet: request.rules, outputs, maskBlocked: request.maskBlocked, appVersion: request.appVersion, linkReport: request.linkReport },
    { folder: context.folder, ...(context.signal ? { signal: context.signal } : {}), ...(context.onProgress ? { onProgress: context.onProgress } : {}), ...(context.now ? { now: context.now } : {}) },
  );
  if (!written.ok) {
    const error = written.error;
    const reasons = error.code === 'failing-outputs' ? error.outputs.map((output) => `${output.title}: ${output.reasons.join('; ')}.`) : [];
    return { status: 'refused', reasons: [error.message, ...reasons] };
  }
  const exportedAt = (context.now ?? new Date()).toISOString();
  const entries: ExportedPopulation[] = selected.outputs.flatMap(({ output }) =>
    output.population ? [{ outputId: output.table.id, title: output.table.title, exportedAt, folder: written.folder, population: output.population }] : [],
  );
  if (entries.length > 0) await appendExportHistory(context.historyFile, request.study.name, entries);
  return { status: 'written', folder: written.folder, files: written.files };
}

/** The rule set as an output records it. */
export function ruleSetReference(rules: RuleSet): { name: string; digest: string } {
  return { name: rules.name, digest: ruleSetDigest(rules) };
}
