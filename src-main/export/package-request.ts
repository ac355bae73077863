// What an export package is asked for and what writing it returns: the study, its outputs with their notes, the
// options of a write (folder, abort, progress), the files written and the errors, as values.
import type { PersonaCard } from '../analysis/profiles/persona';
import type { AuditReport } from '../audit/audit-report';
import type { ReferenceDate } from '../common/reference-date';
import type { RuleSet } from '../disclosure/rule-set';
import type { PackageDefinitions } from '../publication/definitions-file';
import type { PublishedTable } from '../publication/table-draft';
import type { FontFiles } from './fonts';
import type { HiddenCellEntry } from './output-log';

/** The study a package belongs to, as its reports and output log name it. */
export interface PackageStudy {
  name: string;
  /** Shown as 31-12-2017 (dutchDate). */
  referenceDate: ReferenceDate;
  /** The CBS code, or how the study names the municipality (e.g. "Gilze en Rijen (0784)"). */
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

export type PackageWriteResult = { ok: true; folder: string; files: ExportedFile[]; audit: AuditReport } | { ok: false; error: ExportError };
