// The link report as a checked table for the export package: one row per count, small counts blocked.
import { formatReferenceDate } from '../calendar';
import type { CheckedTable, PublishedCell } from '../disclosure/checked-table';
import { ruleSetDigest, type RuleSet } from '../disclosure/rule-set';
import type { PublishedLinkReport } from '../linking/link-report';

type PublishedLinkCount = PublishedLinkReport['steps'][number]['counts'][number];

/**
 * Built from the report as already published (small counts are only "below the threshold" there), so the
 * export cannot hold more than the screen. A zero stays zero: it counts records that did not link, which
 * describes no one, unlike a zero in a table of a group's traits.
 */
function linkCountCell(count: PublishedLinkCount): PublishedCell {
  return 'count' in count ? { status: 'safe', value: count.count } : { status: 'blocked', rule: 'threshold' };
}

export function linkReportTable(report: PublishedLinkReport, rules: RuleSet): CheckedTable {
  const households = report.steps.find((step) => step.id === 'table')?.counts.find((count) => count.id === 'households');
  return {
    id: 'koppelrapport',
    title: `Koppelrapport, peildatum ${formatReferenceDate(report.referenceDate)}, gemeente ${report.municipality}`,
    unit: 'records',
    population: {
      id: 'koppeling',
      label: `Bestanden gekoppeld voor gemeente ${report.municipality}`,
      units: households === undefined ? 0 : 'count' in households ? households.count : { below: households.below },
    },
    rowHeader: 'Stap',
    columns: [{ id: 'aantal', label: 'Aantal', format: 'count' }],
    rows: report.steps.flatMap((step) =>
      step.counts.map((count) => ({ id: `${step.id}-${count.id}`.replaceAll('.', '-').toLowerCase(), label: `${step.label}: ${count.label}`, total: false, cells: [linkCountCell(count)] })),
    ),
    protection: 'none',
    ruleSet: { name: rules.name, digest: ruleSetDigest(rules) },
    notes: [`Aantallen onder de drempel (${report.threshold}) staan als geblokkeerd; nul betekent dat er geen records in die stap vielen.`],
  };
}
