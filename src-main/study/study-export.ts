// A study's export as the app and the CLI ask for it: the analyst's selection of outputs, the differencing guard on the
// households of every exported population, the package (audited before it is moved into place) and the store entry.
import type { QuerySession } from '../analysis/cross-table';
import type { RuleSet } from '../disclosure/rule-set';
import { writeExportPackage } from '../export/export-package';
import type { ExportedFile, ExportProgress, PackageStudy, PackageTable } from '../export/package-request';
import { packageDefinitions } from '../export/package-definitions';
import { describeFinding, justificationInstruction, justificationLogEntry, refusalReasons, validJustification } from '../publication/differencing-messages';
import type { DifferencingStore } from '../publication/differencing-store';
import type { StudyPublication } from '../publication/study-publication';
import type { FeatureSpec } from '../publication/unit-fingerprints';
import { publicationCatalogue } from '../publication/feature-catalogue';
import { checkDifferencing } from './differencing-check';
import type { ExportableOutput } from './export-outputs';
import { hiddenCells } from './hidden-cells';

export interface OutputSelection {
  id: string;
  chart: boolean;
  comment?: string | undefined;
  exceptionRequest?: string | undefined;
}

export interface StudyExportRequest {
  identity: PackageStudy;
  rules: RuleSet;
  appVersion: string;
  dataDigest: string;
  selection: readonly OutputSelection[];
  /** Required when the differencing guard finds an earlier export too close: why this export is still acceptable. */
  differencingJustification?: string | undefined;
  /** Where the analyst writes that justification (the app's field, or the study file's export.differencingJustification). */
  justificationWhere: string;
  /** The folder the package becomes a new subfolder of. */
  folder: string;
  signal?: AbortSignal;
  onProgress?: (progress: ExportProgress) => void;
  now?: Date;
}

export type StudyExportResult = { status: 'written'; folder: string; files: ExportedFile[] } | { status: 'refused'; reasons: string[] };

export interface ExportContext {
  publication: StudyPublication;
  outputs: readonly ExportableOutput[];
  store: DifferencingStore;
  /** A session holding the analysis table (and the chosen labels), for fingerprints. */
  session: <T>(work: (session: QuerySession) => Promise<T>) => Promise<T>;
}

/** The features a population's households are compared on: every published feature and amount. */
function fingerprintFeatures(publication: StudyPublication): FeatureSpec[] {
  const catalogue = publicationCatalogue({}, publication.linkedFeatures);
  return [
    ...catalogue.features.map((feature) => ({ id: feature.id, sql: feature.source.sql, label: feature.label })),
    ...catalogue.amounts.map((feature) => ({ id: feature.id, sql: feature.sql, label: feature.label })),
  ];
}

function populationsOf(outputs: readonly ExportableOutput[]): Map<string, string[]> {
  const byPopulation = new Map<string, string[]>();
  for (const output of outputs) for (const population of output.populations) byPopulation.set(population, [...(byPopulation.get(population) ?? []), output.id]);
  return byPopulation;
}

async function differencing(context: ExportContext & { rules: RuleSet }, outputs: readonly ExportableOutput[]) {
  return context.session((session) =>
    checkDifferencing(
      session,
      context.store,
      context.publication.ledger.data.populations,
      populationsOf(outputs),
      fingerprintFeatures(context.publication),
      context.rules.threshold,
    ),
  );
}

/** The guard's warnings for the Export page, per output. */
export async function previewDifferencing(context: ExportContext & { rules: RuleSet }): Promise<{ outputId: string; message: string }[]> {
  const check = await differencing(context, context.outputs);
  const titles = (id: string) => context.outputs.find((output) => output.id === id)?.title;
  return check.findings.flatMap((finding) => finding.candidate.outputIds.map((outputId) => ({ outputId, message: describeFinding(finding, titles) })));
}

function select(
  outputs: readonly ExportableOutput[],
  selection: readonly OutputSelection[],
): { ok: true; chosen: { output: ExportableOutput; selection: OutputSelection }[] } | { ok: false; reasons: string[] } {
  const ids = selection.map((entry) => entry.id);
  if (selection.length === 0) return { ok: false, reasons: ['Kies ten minste één tabel om te exporteren.'] };
  if (new Set(ids).size !== ids.length) return { ok: false, reasons: ['Elke tabel kan maar één keer in een export.'] };
  const unknown = selection.filter((entry) => !outputs.some((output) => output.id === entry.id));
  if (unknown.length > 0) return { ok: false, reasons: unknown.map((entry) => `Er is geen uitvoer "${entry.id}" in deze studie.`) };
  return { ok: true, chosen: selection.flatMap((entry) => outputs.filter((output) => output.id === entry.id).map((output) => ({ output, selection: entry }))) };
}

type Checked =
  | { ok: true; chosen: { output: ExportableOutput; selection: OutputSelection }[]; check: Awaited<ReturnType<typeof differencing>>; justification: string }
  | { ok: false; reasons: string[] };

async function checkRequest(
  request: Pick<StudyExportRequest, 'selection' | 'rules' | 'differencingJustification' | 'justificationWhere'>,
  context: ExportContext,
): Promise<Checked> {
  const selected = select(context.outputs, request.selection);
  if (!selected.ok) return selected;
  const check = await differencing(
    { ...context, rules: request.rules },
    selected.chosen.map(({ output }) => output),
  );
  const justification = request.differencingJustification?.trim() ?? '';
  const titles = (id: string) => context.outputs.find((output) => output.id === id)?.title;
  if (check.findings.length > 0) {
    const valid = validJustification(justification);
    if (!valid.ok)
      return {
        ok: false,
        reasons: [
          ...refusalReasons(check.findings, titles),
          `Schrijf de onderbouwing ${request.justificationWhere}.`,
          ...(justification === '' ? [] : [valid.message]),
        ],
      };
  }
  return { ok: true, chosen: selected.chosen, check, justification };
}

/** Why the export would be refused before anything is written (unknown outputs, an unjustified differencing finding); null when it may go on. */
export async function exportRefusal(
  request: Pick<StudyExportRequest, 'selection' | 'rules' | 'differencingJustification' | 'justificationWhere'>,
  context: ExportContext,
): Promise<string[] | null> {
  const checked = await checkRequest(request, context);
  return checked.ok ? null : checked.reasons;
}

/** Refuses (writing nothing) on an unknown output, an unjustified differencing finding, or a failed audit. */
export async function exportPublication(request: StudyExportRequest, context: ExportContext): Promise<StudyExportResult> {
  const checked = await checkRequest(request, context);
  if (!checked.ok) return { status: 'refused', reasons: checked.reasons };
  const { check, justification } = checked;
  const selected = { chosen: checked.chosen };
  // A real justification also covers a joint audit with the earlier packages that is too large to compute.
  const waiverCheck = validJustification(justification);
  const waiver = waiverCheck.ok ? waiverCheck.text : undefined;
  const { ledger } = context.publication;
  const notesFor = (output: ExportableOutput, selection: OutputSelection) => {
    const differencingEntry = check.findings.length > 0 ? justificationLogEntry(output.id, check.findings, justification) : undefined;
    const exceptionRequest =
      [selection.exceptionRequest?.trim(), differencingEntry].filter((part): part is string => typeof part === 'string' && part !== '').join('\n') || undefined;
    return {
      comment: selection.comment,
      exceptionRequest,
      differencingException: differencingEntry !== undefined,
      hiddenCells: hiddenCells(ledger, output.published, request.rules),
    };
  };
  const tables: PackageTable[] = selected.chosen
    .filter(({ output }) => output.kind === 'table')
    .map(({ output, selection }) => ({
      published: output.published,
      chart: selection.chart && output.chartable,
      method: output.method,
      ...notesFor(output, selection),
    }));
  const personaChoice = selected.chosen.find(({ output }) => output.kind === 'personas');
  const written = await writeExportPackage(
    {
      study: request.identity,
      rules: request.rules,
      appVersion: request.appVersion,
      tables,
      personas: personaChoice
        ? {
            cards: personaChoice.output.cards ?? [],
            figures: personaChoice.output.published,
            chart: personaChoice.selection.chart,
            population: 'klanthuishoudens',
            ...notesFor(personaChoice.output, personaChoice.selection),
          }
        : null,
      definitions: (defined) => packageDefinitions(ledger, request.dataDigest, defined, context.publication.records),
      earlierPackages: check.earlierFolders,
      jointAuditWaiver: waiver,
    },
    {
      folder: request.folder,
      ...(request.signal ? { signal: request.signal } : {}),
      ...(request.onProgress ? { onProgress: request.onProgress } : {}),
      ...(request.now ? { now: request.now } : {}),
    },
  );
  if (!written.ok) {
    const error = written.error;
    if (error.code === 'audit-failed') return { status: 'refused', reasons: [error.message, ...error.findings.slice(0, 10)] };
    if (error.code === 'joint-audit-too-large') {
      const valid = validJustification(justification);
      return {
        status: 'refused',
        reasons: [
          error.message,
          justificationInstruction(),
          `Schrijf de onderbouwing ${request.justificationWhere}.`,
          ...(justification === '' || valid.ok ? [] : [valid.message]),
        ],
      };
    }
    return { status: 'refused', reasons: [error.message] };
  }
  await context.store.addExport({
    title: `${request.identity.name} (${written.folder.split(/[\\/]/).pop() ?? ''})`,
    studyName: request.identity.name,
    exportFolder: written.folder,
    ...(request.now ? { exportedAt: request.now } : {}),
    populations: check.populations,
  });
  return { status: 'written', folder: written.folder, files: written.files };
}
