// A real publication for the export tests: the demo world linked and clustered in a real StudySession, its exportable
// outputs, a PackageRequest built from them as src-main/study/study-export.ts builds one, and the hidden and shown
// cells of its tables with their true values (from the ledger, main process only) to search the written files for.
import type { PublishedCell } from '../../../../src-main/disclosure/checked-table';
import type { RuleSet } from '../../../../src-main/disclosure/rule-set';
import type { PackageRequest, PackageStudy, PackageTable } from '../../../../src-main/export/package-request';
import { packageDefinitions } from '../../../../src-main/export/package-definitions';
import { PERSONA_OUTPUT_ID } from '../../../../src-main/export/persona-content';
import type { Figure } from '../../../../src-main/publication/figures';
import type { StudyPublication } from '../../../../src-main/publication/study-publication';
import type { PublishedTable } from '../../../../src-main/publication/table-draft';
import { exportableOutputs, type ExportableOutput } from '../../../../src-main/study/export-outputs';
import { hiddenCells } from '../../../../src-main/study/hidden-cells';
import type { StudyFixture } from '../../support/study-fixture';
import { referenceDateOf } from '../../../../src-main/common/reference-date';

/** The moment of every test export (local time, so the folder is named groepsbeeld-export-20261125-143005). */
export const NOW = new Date(2026, 10, 25, 14, 30, 5);
export const APP_VERSION = '0.1.0';
export const STUDY: PackageStudy = {
  name: 'Voedselbank Gilze en Rijen',
  referenceDate: referenceDateOf('20171231'),
  municipality: '0784',
  sha256: 'b'.repeat(64),
};
const DATA_DIGEST = 'd'.repeat(64);

export interface RealPublication {
  publication: StudyPublication;
  outputs: ExportableOutput[];
  rules: RuleSet;
}

/** The publication of the study as the Export page sees it (suppression), with the analyst's layout and persona edits. */
export async function realPublication(study: StudyFixture): Promise<RealPublication> {
  const publication = await study.session.publication('suppression');
  const cards = publication.clusters ? study.session.profiles.personas(publication.clusters.personas) : null;
  const rules = study.session.rules;
  return { publication, outputs: exportableOutputs(publication, study.session.profiles.rowLayout(), cards, rules), rules };
}

export function outputOf(real: RealPublication, id: string): ExportableOutput {
  const output = real.outputs.find((candidate) => candidate.id === id);
  if (!output) throw new Error(`No output ${id} in the publication (${real.outputs.map((candidate) => candidate.id).join(', ')}).`);
  return output;
}

export interface ChosenOutput {
  id: string;
  chart?: boolean;
  comment?: string;
  exceptionRequest?: string;
  /** Replaces the output's published table (to make a package the auditor must refuse). */
  published?: PublishedTable;
}

/** A PackageRequest for `chosen`, as exportPublication builds it (without the differencing guard). */
export function packageRequest(real: RealPublication, chosen: readonly ChosenOutput[], overrides: Partial<PackageRequest> = {}): PackageRequest {
  const { ledger } = real.publication;
  const notes = (output: ExportableOutput, choice: ChosenOutput, published: PublishedTable) => ({
    comment: choice.comment,
    exceptionRequest: choice.exceptionRequest,
    hiddenCells: hiddenCells(ledger, published, real.rules),
  });
  const tables: PackageTable[] = chosen
    .filter((choice) => choice.id !== PERSONA_OUTPUT_ID)
    .map((choice) => {
      const output = outputOf(real, choice.id);
      const published = choice.published ?? output.published;
      return { published, chart: (choice.chart ?? false) && output.chartable, method: output.method, ...notes(output, choice, published) };
    });
  const personaChoice = chosen.find((choice) => choice.id === PERSONA_OUTPUT_ID);
  const personaOutput = personaChoice ? outputOf(real, PERSONA_OUTPUT_ID) : null;
  return {
    study: STUDY,
    rules: real.rules,
    appVersion: APP_VERSION,
    tables,
    personas:
      personaChoice && personaOutput
        ? {
            cards: personaOutput.cards ?? [],
            figures: personaOutput.published,
            chart: personaChoice.chart ?? false,
            population: 'klanthuishoudens',
            ...notes(personaOutput, personaChoice, personaOutput.published),
          }
        : null,
    definitions: (defined) => packageDefinitions(ledger, DATA_DIGEST, defined, real.publication.records),
    ...overrides,
  };
}

export interface LocatedCell {
  output: string;
  row: number;
  column: number;
  rowLabel: string;
  cell: PublishedCell;
  figure: Figure;
}

/** Every cell of the outputs with its figure. */
export function cellsOf(outputs: readonly ExportableOutput[]): LocatedCell[] {
  return outputs.flatMap((output) =>
    output.published.table.rows.flatMap((row, rowIndex) =>
      row.cells.flatMap((cell, column) => {
        const figure = output.published.figures[rowIndex]?.[column];
        return figure ? [{ output: output.id, row: rowIndex, column, rowLabel: row.label, cell, figure }] : [];
      }),
    ),
  );
}

/** A share (percent, one decimal) written every way a file could hold it: "32,5" (Dutch), "32.5" (XML, JSON). */
export function shareTexts(value: number): string[] {
  const rounded = Math.round(value * 10) / 10;
  return [rounded.toFixed(1).replace('.', ','), rounded.toFixed(1)];
}

export interface SearchedValue extends LocatedCell {
  value: number;
  /** The value as it would be printed ("97,4", "97.4"), to be found as a number of its own. */
  numbers: string[];
  /** The start of the unrounded number, as a careless JSON or XML writer would put it. */
  raw: string | null;
}

/** The hidden share with the largest true value among `outputIds` (the most distinctive text to search for). */
export function hiddenShare(real: RealPublication, outputIds: readonly string[]): SearchedValue {
  const cells = cellsOf(outputIds.map((id) => outputOf(real, id))).filter((located) => located.cell.status === 'suppressed' && located.figure.kind === 'share');
  const valued = cells.map((located) => ({ ...located, value: real.publication.ledger.raw(located.figure)! }));
  const chosen = valued.sort((a, b) => b.value - a.value)[0];
  if (!chosen) throw new Error(`No hidden share in ${outputIds.join(', ')}.`);
  return { ...chosen, numbers: shareTexts(chosen.value), raw: Number.isInteger(chosen.value) ? null : String(chosen.value).slice(0, 7) };
}

/** The shown share (not a total, not 100 %) with the largest value among `outputIds`: the control for the search. */
export function shownShare(real: RealPublication, outputIds: readonly string[]): SearchedValue {
  const cells = outputIds.flatMap((id) =>
    cellsOf([outputOf(real, id)]).filter(
      (located) => located.cell.status === 'safe' && located.figure.kind === 'share' && !outputOf(real, id).published.table.rows[located.row]!.total,
    ),
  );
  const valued = cells.flatMap((located) => ('value' in located.cell && located.cell.value < 100 ? [{ ...located, value: located.cell.value }] : []));
  const chosen = valued.sort((a, b) => b.value - a.value)[0];
  if (!chosen) throw new Error(`No shown share in ${outputIds.join(', ')}.`);
  return { ...chosen, numbers: shareTexts(chosen.value), raw: null };
}

/** The published table with one hidden count printed with its true value: an export the auditor must refuse. */
export function withHiddenCountShown(
  real: RealPublication,
  outputId: string,
  reason: 'primary' | 'secondary',
): { published: PublishedTable; row: number; column: number; value: number } {
  const output = outputOf(real, outputId);
  const { ledger } = real.publication;
  const target = cellsOf([output]).find(
    (located) => located.cell.status === 'suppressed' && located.figure.kind === 'count' && ledger.hiddenBecause(located.figure)?.kind === reason,
  );
  if (!target) throw new Error(`No ${reason} hidden count in ${outputId}.`);
  const value = ledger.raw(target.figure)!;
  const table = structuredClone(output.published.table);
  table.rows[target.row]!.cells[target.column] = { status: 'safe', value, decimals: 0, format: 'count' };
  return { published: { ...output.published, table }, row: target.row, column: target.column, value };
}
