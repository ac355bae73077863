// A study's export as the app and the CLI ask for it: the analyst's selection of outputs (tables and the persona
// cards), the differencing guard against earlier exports of the study, the package itself, and the history entry.
import type { PersonaCard } from '../analysis/profiles/persona';
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
import { writeExportPackage, type ExportedFile, type ExportProgress, type ExportRequest } from './export-package';
import { PERSONA_OUTPUT_ID, PERSONA_TITLE, personaCellCounts, personaVerdict } from './persona-content';

export { PERSONA_OUTPUT_ID } from './persona-content';

/** The persona cards a study can export, with the households they describe (for the differencing guard). */
export interface StudyPersonas {
  cards: PersonaCard[];
  population: Population | null;
}

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
  /** The persona cards (selected by PERSONA_OUTPUT_ID in `selection`). */
  personas?: StudyPersonas | undefined;
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

/**
 * What can be exported, each with its verdict: the tables, and the persona cards as one candidate (id
 * PERSONA_OUTPUT_ID, verdict and counts from every figure on the cards) when `personas` holds a card.
 */
export function exportCandidates(available: readonly StudyOutput[], personas?: StudyPersonas): ExportCandidate[] {
  const candidates = available.map(({ table, chartable }) => {
    const counts = statusCounts(table);
    return { id: table.id, title: table.title, verdict: tableVerdict(table), blocked: counts.blocked, secondary: counts.secondary, review: counts.review, chart: chartable };
  });
  if (!personas?.cards.some((card) => card.kind === 'card')) return candidates;
  const counts = personaCellCounts(personas.cards);
  return [...candidates, { id: PERSONA_OUTPUT_ID, title: PERSONA_TITLE, verdict: personaVerdict(personas.cards), blocked: counts.blocked, secondary: counts.secondary, review: counts.review, chart: true }];
}

/** An output with the households it describes, for the differencing guard and the export history. */
interface DescribedOutput {
  outputId: string;
  title: string;
  population: Population | null;
}

function described(outputs: readonly StudyOutput[], personas?: StudyPersonas): DescribedOutput[] {
  return [
    ...outputs.map(({ table, population }) => ({ outputId: table.id, title: table.title, population })),
    ...(personas ? [{ outputId: PERSONA_OUTPUT_ID, title: PERSONA_TITLE, population: personas.population }] : []),
  ];
}

async function warningsFor(outputs: readonly DescribedOutput[], historyFile: string, countDifference: StudyExportContext['countDifference'], rules: RuleSet): Promise<DifferencingWarning[]> {
  const withPopulation = outputs.flatMap(({ outputId, population }) => (population ? [{ outputId, population }] : []));
  return findDifferencing(withPopulation, await readExportHistory(historyFile), countDifference, rules);
}

/** Differencing warnings for these outputs (and the persona cards, when given) against everything exported earlier in the study. */
export async function differencingWarnings(
  outputs: readonly StudyOutput[],
  historyFile: string,
  countDifference: StudyExportContext['countDifference'],
  rules: RuleSet,
  personas?: StudyPersonas,
): Promise<DifferencingWarning[]> {
  return warningsFor(described(outputs, personas), historyFile, countDifference, rules);
}

type Selected = { selection: OutputSelection; output: StudyOutput; personas?: undefined } | { selection: OutputSelection; output?: undefined; personas: StudyPersonas };

function selectOutputs(request: StudyExportRequest): { ok: true; outputs: Selected[] } | { ok: false; reasons: string[] } {
  const personas = request.personas?.cards.some((card) => card.kind === 'card') ? request.personas : undefined;
  const known = (id: string): boolean => request.available.some((output) => output.table.id === id) || (personas !== undefined && id === PERSONA_OUTPUT_ID);
  const unknown = request.selection.filter((selection) => !known(selection.id));
  const ids = request.selection.map((selection) => selection.id);
  if (new Set(ids).size !== ids.length) return { ok: false, reasons: ['Elke tabel kan maar één keer in een export.'] };
  if (unknown.length > 0) return { ok: false, reasons: unknown.map((selection) => `Er is geen uitvoer "${selection.id}" in deze studie.`) };
  if (request.selection.length === 0) return { ok: false, reasons: ['Kies ten minste één tabel om te exporteren.'] };
  const outputs = request.selection.flatMap((selection): Selected[] => {
    if (personas && selection.id === PERSONA_OUTPUT_ID) return [{ selection, personas }];
    const output = request.available.find((candidate) => candidate.table.id === selection.id);
    return output ? [{ selection, output }] : [];
  });
  return { ok: true, outputs };
}

function describeSelected(selected: Selected): DescribedOutput {
  return selected.output
    ? { outputId: selected.output.table.id, title: selected.output.table.title, population: selected.output.population }
    : { outputId: PERSONA_OUTPUT_ID, title: PERSONA_TITLE, population: selected.personas.population };
}

/** Refuses (writing nothing) on an unknown output, an unjustified differencing warning, or a failing check. */
export async function exportStudy(request: StudyExportRequest, context: StudyExportContext): Promise<StudyExportResult> {
  const selected = selectOutputs(request);
  if (!selected.ok) return { status: 'refused', reasons: selected.reasons };
  const outputsDescribed = selected.outputs.map(describeSelected);
  const warnings = await warningsFor(outputsDescribed, context.historyFile, context.countDifference, request.rules);
  const justification = request.differencingJustification?.trim() ?? '';
  if (warnings.length > 0 && justification === '') {
    return { status: 'refused', reasons: [...warnings.map(describeWarning), 'Geef een schriftelijke onderbouwing om toch te exporteren; die komt in het output log.'] };
  }
  const outputs = selected.outputs.map((entry): ExportRequest['outputs'][number] => {
    const { selection } = entry;
    const id = describeSelected(entry).outputId;
    const warned = warnings.filter((warning) => warning.outputId === id);
    // The justification travels with the outputs it concerns, as an exception request the checker must decide on.
    const exception = warned.length > 0 ? [selection.exceptionRequest, `Verschilt minder dan ${request.rules.threshold} huishoudens van een eerdere export (${warned.map((warning) => warning.earlier.title).join('; ')}). Onderbouwing: ${justification}`] : [selection.exceptionRequest];
    const exceptionRequest = exception.filter((part): part is string => typeof part === 'string' && part.trim() !== '').join('\n') || undefined;
    if (entry.personas) {
      const population = entry.personas.population;
      return {
        kind: 'personas',
        cards: entry.personas.cards,
        chart: selection.chart,
        ...(population ? { population: { id: population.id, label: population.label } } : {}),
        comment: selection.comment,
        exceptionRequest,
      };
    }
    return { kind: 'table' as const, table: entry.output.table, chart: selection.chart && entry.output.chartable, comment: selection.comment, exceptionRequest };
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
  const entries: ExportedPopulation[] = outputsDescribed.flatMap(({ outputId, title, population }) =>
    population ? [{ outputId, title, exportedAt, folder: written.folder, population }] : [],
  );
  if (entries.length > 0) await appendExportHistory(context.historyFile, request.study.name, entries);
  return { status: 'written', folder: written.folder, files: written.files };
}

/** The rule set as an output records it. */
export function ruleSetReference(rules: RuleSet): { name: string; digest: string } {
  return { name: rules.name, digest: ruleSetDigest(rules) };
}
