// What the HTML and PDF reports show, prepared once: title page facts, tables as display texts, the link report.
import { dutchDate } from '../common/reference-date';
import { cellFormat, columnTitle, tableVerdict, type CellStatusName, type CheckedTable } from '../disclosure/checked-table';
import { ruleSummary, ruleSummaryLines } from '../disclosure/rule-summary';
import type { RuleSet } from '../disclosure/rule-set';
import type { PackageStudy } from './package-request';
import { cellDisplayText, cellNote, statusLegend, unitsText } from './cell-text';

export interface ReportOutput {
  table: CheckedTable;
  /** The chart's SVG (HTML) and PNG (PDF), when the analyst asked for one. */
  chartSvg?: string | undefined;
  chartPng?: Buffer | undefined;
  comment?: string | undefined;
  exceptionRequest?: string | undefined;
}

export interface ReportInput {
  study: PackageStudy;
  ruleSet: RuleSet;
  ruleSetDigest: string;
  createdAt: Date;
  appVersion: string;
  outputs: ReportOutput[];
}

export const VERDICT_TEXT = { pass: 'geslaagd', review: 'ter controle', fail: 'niet geslaagd' } as const;

/** The rules actually used, as every report page states them. */
export function rulesLine(rules: RuleSet): string {
  return ruleSummary(rules);
}

export function rulesLines(rules: RuleSet): string[] {
  return ruleSummaryLines(rules);
}

/** A moment as Dutch date and time in the machine's time zone, e.g. 25-11-2026 20:36. */
export function formatCreatedAt(moment: Date): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${pad(moment.getDate())}-${pad(moment.getMonth() + 1)}-${moment.getFullYear()} ${pad(moment.getHours())}:${pad(moment.getMinutes())}`;
}

export interface TitlePageFact {
  label: string;
  value: string;
}

export function titlePageFacts(input: ReportInput): TitlePageFact[] {
  return [
    { label: 'Studie', value: input.study.name },
    { label: 'Peildatum', value: dutchDate(input.study.referenceDate) },
    { label: 'Gemeente', value: input.study.municipality },
    { label: 'Regelset', value: input.ruleSet.name },
    { label: 'Regelset SHA-256', value: input.ruleSetDigest },
    { label: 'Studiebestand SHA-256', value: input.study.sha256 },
    { label: 'Aangemaakt', value: `${formatCreatedAt(input.createdAt)} met Groepsbeeld ${input.appVersion}` },
  ];
}

export interface DisplayCell {
  text: string;
  status: CellStatusName;
}

export interface DisplayTable {
  id: string;
  title: string;
  population: string;
  verdict: string;
  header: string[];
  rows: Array<{ label: string; total: boolean; cells: DisplayCell[] }>;
  notes: string[];
  legend: Array<{ mark: string; text: string }>;
}

/** A table as display texts: every cell formatted or in words, a hidden cell as its one mark (it has no value). */
export function displayTable(table: CheckedTable, rules: RuleSet): DisplayTable {
  const verdict = tableVerdict(table);
  const notes = table.rows.flatMap((row) =>
    row.cells.flatMap((cell, index) => {
      const note = cellNote(cell);
      return note === null ? [] : [`${row.label} / ${table.columns[index] ? columnTitle(table.columns[index]) : index}: ${note}.`];
    }),
  );
  return {
    id: table.id,
    title: table.title,
    population: `${table.population.label}: ${unitsText(table.population.units)} ${table.unit}`,
    verdict: VERDICT_TEXT[verdict],
    header: [table.rowHeader, ...table.columns.map((column) => columnTitle(column))],
    rows: table.rows.map((row, rowIndex) => ({
      label: row.label,
      total: row.total,
      cells: row.cells.map((cell, index) => ({ text: cellDisplayText(cell, cellFormat(table, rowIndex, index) ?? 'number'), status: cell.status })),
    })),
    notes: [...notes, ...table.notes],
    legend: statusLegend(rules).map(({ mark, text }) => ({ mark: mark === '' ? '(geen teken)' : mark, text })),
  };
}
