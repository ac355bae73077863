// The link report: per step, how many units went in, matched, and did not match and why (aggregates only), and the
// shape in which it leaves the main process once the publication ledger has checked every count.
import { z } from 'zod';
import { municipalityCodeSchema, type MunicipalityCode } from '../common/municipality-code';
import { dutchDate, referenceDateSchema, type ReferenceDate } from '../common/reference-date';
import type { Feature } from '../analysis/features';
import { referenceMomentSchema, type ReferenceMoment } from './reference-moment';

export interface LinkCount {
  /** Stable id of what is counted, e.g. "residents" or "livingElsewhere" (unique within its step). */
  id: string;
  /** Dutch label for the app and the CLI. */
  label: string;
  count: number;
}

export interface LinkStep {
  id: string;
  label: string;
  counts: LinkCount[];
}

export interface LinkReport {
  referenceDate: ReferenceDate;
  municipality: MunicipalityCode;
  /** When the households were measured (reference-moment.ts). */
  referenceMoment: ReferenceMoment;
  steps: LinkStep[];
  /** How the inputs were read where the analyst should know it: a role defaulted, a column chosen, an input missing. */
  notes: string[];
  /** The catalogue features the link added to the analysis table (columns k_<id>); none when absent. Not published itself. */
  features?: readonly Feature[];
}

/** The report as it may leave the main process: every count through the ledger, a hidden one only as hidden. */
export const publishedLinkReportSchema = z.strictObject({
  referenceDate: referenceDateSchema,
  municipality: municipalityCodeSchema,
  referenceMoment: referenceMomentSchema,
  /** The rule set the counts passed (name and SHA-256). */
  ruleSet: z.strictObject({ name: z.string(), digest: z.string() }),
  /** Notes on how the inputs were read; they carry no counts. */
  notes: z.array(z.string()),
  steps: z.array(
    z.strictObject({
      id: z.string(),
      label: z.string(),
      counts: z.array(
        z.union([
          z.strictObject({ id: z.string(), label: z.string(), count: z.number().int().nonnegative() }),
          z.strictObject({ id: z.string(), label: z.string(), hidden: z.literal(true) }),
        ]),
      ),
    }),
  ),
});
export type PublishedLinkReport = z.infer<typeof publishedLinkReportSchema>;

/** The id of one count across the report: `step.count`. */
export function linkCountId(step: { id: string }, count: { id: string }): string {
  return `${step.id}.${count.id}`;
}

/** The report as readable lines for the terminal; a hidden count is "x". */
export function formatLinkReport(report: PublishedLinkReport): string {
  const lines = [`Koppelrapport, peildatum ${dutchDate(report.referenceDate)}, gemeente ${report.municipality}`];
  for (const step of report.steps) {
    lines.push(`\n${step.label}`);
    for (const count of step.counts) {
      const value = 'count' in count ? count.count.toLocaleString('nl-NL') : 'x';
      lines.push(`  ${count.label.padEnd(64)} ${value.padStart(12)}`);
    }
  }
  if (report.notes.length > 0) lines.push('\nLet op', ...report.notes.map((note) => `  - ${note}`));
  return `${lines.join('\n')}\n`;
}
