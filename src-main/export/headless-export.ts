// `run STUDY.json --out DIR` without the app: the study's outputs, checked, written as an export package with the
// choices the study file records (protection, masking, notes, which outputs), the persona cards with them, and the
// export history updated.
import { mkdir } from 'node:fs/promises';
import { studyOutputs, type StudyOutput } from '../analysis/study-outputs';
import { populationDifferenceSql, type Population } from '../analysis/population';
import type { QuerySession } from '../analysis/cross-table';
import { historyPath } from '../disclosure/differencing-guard';
import type { RuleSet } from '../disclosure/rule-set';
import type { PublishedLinkReport } from '../linking/link-report';
import type { Study, StudyExport } from '../linking/study-file';
import { exportCandidates, exportStudy, type ExportCandidate, type StudyExportResult, type StudyPersonas } from './study-export';

export interface HeadlessExportOptions {
  study: Study;
  /** SHA-256 of the study file as the analyst wrote it. */
  studySha256: string;
  session: QuerySession;
  report: PublishedLinkReport;
  rules: RuleSet;
  appVersion: string;
  /** The folder the package is written into (as a new subfolder); created when missing. */
  out: string;
  userData: string;
  signal?: AbortSignal;
  onProgress?: (label: string) => void;
  /** Outputs computed after the comparison, such as the cluster profile tables; exported like the others. */
  extraOutputs?: readonly StudyOutput[];
  /** The persona cards (exported as study-export's PERSONA_OUTPUT_ID when the study's outputs name it, or name nothing). */
  personas?: StudyPersonas;
}

const DEFAULT_EXPORT: StudyExport = { protection: 'suppression', maskBlocked: false, charts: true };

export async function exportHeadless(options: HeadlessExportOptions): Promise<{ result: StudyExportResult; candidates: ExportCandidate[] }> {
  const settings = options.study.export ?? DEFAULT_EXPORT;
  const available = [
    ...(await studyOutputs(options.session, options.report, { rules: options.rules, method: settings.protection }, options.signal)),
    ...(options.extraOutputs ?? []),
  ];
  const candidates = exportCandidates(available, options.personas);
  const ids = settings.outputs ?? candidates.map((candidate) => candidate.id);
  const identity = {
    name: options.study.name,
    referenceDate: options.study.referenceDate,
    municipality: options.study.municipality.code,
    sha256: options.studySha256,
  };
  const countDifference = async (a: Population, b: Population) => Number((await options.session.query(populationDifferenceSql(a, b)))[0]?.units ?? 0);
  await mkdir(options.out, { recursive: true });
  const result = await exportStudy(
    {
      study: identity,
      rules: options.rules,
      appVersion: options.appVersion,
      available,
      selection: ids.map((id) => ({ id, chart: settings.charts, ...settings.notes?.[id] })),
      maskBlocked: settings.maskBlocked,
      differencingJustification: settings.differencingJustification,
      linkReport: options.report,
      ...(options.personas ? { personas: options.personas } : {}),
    },
    {
      folder: options.out,
      historyFile: historyPath(options.userData, identity),
      countDifference,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onProgress ? { onProgress: ({ step, steps, label }) => options.onProgress?.(`Export ${step}/${steps}: ${label}`) } : {}),
    },
  );
  return { result, candidates };
}
