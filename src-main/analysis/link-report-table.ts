// The link report as figures of the publication: counts of households are the same figures as in the comparison
// tables (protected with them), counts of records and persons form a family of their own with its relations.
import { dutchDate } from '../common/reference-date';
import { ruleSetDigest } from '../disclosure/rule-set';
import { LINK_RECORD_RELATIONS, linkCountDefinition } from '../linking/link-report-structure';
import { linkCountId, type LinkReport, type PublishedLinkReport } from '../linking/link-report';
import type { Figure } from '../publication/figures';
import type { PublicationLedger } from '../publication/ledger';
import type { RecordFamily } from '../publication/ledger-options';
import { ALL_ID } from '../publication/population-atoms';
import { TableDraft } from '../publication/table-draft';

export const LINK_RECORD_FAMILY = 'koppeling';
export const LINK_REPORT_ID = 'koppelrapport';

/** The report's record counts and their relations (only relations whose counts the report holds). */
export function linkRecordFamily(report: LinkReport): RecordFamily {
  const cells = report.steps.flatMap((step) =>
    step.counts.flatMap((count) =>
      linkCountDefinition(linkCountId(step, count)).kind === 'record'
        ? [{ id: linkCountId(step, count), label: `${step.label}: ${count.label}`, value: count.count, printed: true }]
        : [],
    ),
  );
  const known = new Set(cells.map((cell) => cell.id));
  const relations = LINK_RECORD_RELATIONS.filter((relation) =>
    (relation.kind === 'sum' ? [relation.total, ...relation.parts] : [relation.part, relation.whole]).every((id) => known.has(id)),
  );
  return { id: LINK_RECORD_FAMILY, cells, relations };
}

/** The figure behind one count of the report. */
export function linkCountFigure(id: string): Figure {
  const definition = linkCountDefinition(id);
  if (definition.kind === 'record') return { kind: 'record', family: LINK_RECORD_FAMILY, cell: id };
  return { kind: 'count', cell: { feature: definition.feature ?? 'household_type', codes: definition.codes, population: definition.population } };
}

export interface LinkReportDraft {
  draft: TableDraft;
  /** The report as the Populatie page shows it, from the same protected figures. */
  published: () => PublishedLinkReport;
}

export function draftLinkReport(ledger: PublicationLedger, report: LinkReport): LinkReportDraft {
  const draft = new TableDraft(ledger, {
    id: LINK_REPORT_ID,
    title: `Koppelrapport, peildatum ${dutchDate(report.referenceDate)}, gemeente ${report.municipality}`,
    unit: 'records',
    population: {
      id: 'koppeling',
      label: `Bestanden gekoppeld voor gemeente ${report.municipality}`,
      total: { kind: 'count', cell: { feature: 'household_type', codes: null, population: ALL_ID } },
    },
    rowHeader: 'Stap',
    columns: [{ id: 'aantal', label: 'Aantal', format: 'count' }],
    protection: 'suppression',
  });
  for (const step of report.steps) {
    for (const count of step.counts) {
      const id = linkCountId(step, count);
      draft.row(id.replaceAll('.', '-').toLowerCase(), `${step.label}: ${count.label}`, [{ figure: linkCountFigure(id) }]);
    }
  }
  for (const note of report.notes) draft.note(note);
  draft.note('Telt regels, personen en huishoudens per stap; x: niet getoond omdat het aantal (samen met andere aantallen) te weinig eenheden beschrijft.');
  const published = (): PublishedLinkReport => ({
    referenceDate: report.referenceDate,
    municipality: report.municipality,
    referenceMoment: report.referenceMoment,
    ruleSet: { name: ledger.rules.name, digest: ruleSetDigest(ledger.rules) },
    notes: [...report.notes],
    steps: report.steps.map((step) => ({
      id: step.id,
      label: step.label,
      counts: step.counts.map((count) => {
        const cell = ledger.cell(linkCountFigure(linkCountId(step, count)));
        return 'value' in cell ? { id: count.id, label: count.label, count: cell.value } : { id: count.id, label: count.label, hidden: true as const };
      }),
    })),
  });
  return { draft, published };
}
