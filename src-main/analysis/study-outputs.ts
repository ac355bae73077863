// Every output a linked study can export, each a checked table with the population it describes: the link
// report and the comparison of client households with all households per feature.
import type { CheckedTable } from '../disclosure/checked-table';
import type { PublishedLinkReport } from '../linking/link-report';
import { compareAllFeatures, type ComparisonSettings } from './comparison-outputs';
import type { QuerySession } from './cross-table';
import { linkReportTable } from './link-report-table';
import { ALL_HOUSEHOLDS, type Population } from './population';

export interface StudyOutput {
  table: CheckedTable;
  /** The households the table describes (for the differencing guard); the link report describes records, not a population. */
  population: Population | null;
  /** Whether a bar chart of its shares makes sense. */
  chartable: boolean;
}

export async function studyOutputs(session: QuerySession, report: PublishedLinkReport, settings: ComparisonSettings, signal?: AbortSignal): Promise<StudyOutput[]> {
  const comparisons = await compareAllFeatures(session, settings, signal);
  return [
    { table: linkReportTable(report, settings.rules), population: null, chartable: false },
    ...comparisons.map((table) => ({ table, population: ALL_HOUSEHOLDS, chartable: table.columns.some((column) => column.format === 'percent') })),
  ];
}
