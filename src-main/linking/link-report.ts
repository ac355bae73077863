// The link report: per step, how many units went in, matched, and did not match and why (aggregates only).
import type { z } from 'zod';
import type { publishedLinkReportSchema } from '../ipc/contract';
import { publishCount } from '../disclosure/published-count';
import { DEFAULT_RULE_SET, ruleSetDigest, type RuleSet } from '../disclosure/rule-set';

export interface LinkCount {
  /** Stable id of what is counted, e.g. "residents" or "clients.livingElsewhere". */
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
  referenceDate: string;
  municipality: string;
  steps: LinkStep[];
}

/** The report as it may leave the main process (its shape is the IPC contract's). */
export type PublishedLinkReport = z.infer<typeof publishedLinkReportSchema>;

/**
 * Counts from 1 to threshold - 1 are replaced by "below threshold" (zero stays: nobody is described).
 * The count rule of the rule set (src-main/disclosure), which the report records as its threshold.
 */
export function publishLinkReport(report: LinkReport, rules: RuleSet = DEFAULT_RULE_SET): PublishedLinkReport {
  return {
    referenceDate: report.referenceDate,
    municipality: report.municipality,
    threshold: rules.threshold,
    ruleSet: { name: rules.name, digest: ruleSetDigest(rules) },
    steps: report.steps.map((step) => ({
      id: step.id,
      label: step.label,
      counts: step.counts.map(({ id, label, count }) => {
        const published = publishCount(count, rules);
        return typeof published === 'number' ? { id, label, count: published } : { id, label, below: published.below };
      }),
    })),
  };
}

/** The report as readable lines for the terminal. */
export function formatLinkReport(report: PublishedLinkReport): string {
  const lines = [`Koppelrapport, peildatum ${report.referenceDate}, gemeente ${report.municipality}`];
  for (const step of report.steps) {
    lines.push(`\n${step.label}`);
    for (const count of step.counts) {
      const value = 'count' in count ? count.count.toLocaleString('nl-NL') : `< ${count.below}`;
      lines.push(`  ${count.label.padEnd(64)} ${value.padStart(12)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
