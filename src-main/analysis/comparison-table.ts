// Client households against all households for one feature, as a table of figures for the publication ledger:
// counts and shares per category, the difference in percentage points and the adjusted residual, and the
// chi-square test in the notes (computed on the full table; published only where no hidden cell is involved).
import type { CountCell, Figure } from '../publication/figures';
import type { PublicationLedger } from '../publication/ledger';
import { ALL_ID, CLIENTS_ID } from '../publication/population-atoms';
import { recodeNote } from '../publication/published-feature';
import { TableDraft } from '../publication/table-draft';
import { dutchPlain } from '../publication/dutch-format';
import { TEST_DECIMALS } from '../publication/precision';
import { CLIENT_HOUSEHOLDS, ALL_HOUSEHOLDS } from './population';

/** The headline cells (client households per category) are the dearest to hide. */
const CLIENT_WEIGHT = 3;

export function comparisonTableId(featureId: string): string {
  return `vergelijking-${featureId.replaceAll('_', '-')}`;
}

export function draftComparison(ledger: PublicationLedger, featureId: string): TableDraft {
  const feature = ledger.feature(featureId);
  const cell = (codes: readonly string[] | null, population: string): CountCell => ({ feature: feature.id, codes, population });
  const clientsTotal = cell(null, CLIENTS_ID);
  const allTotal = cell(null, ALL_ID);
  const draft = new TableDraft(ledger, {
    id: comparisonTableId(feature.id),
    title: `${feature.label}: ${CLIENT_HOUSEHOLDS.label.toLowerCase()} en ${ALL_HOUSEHOLDS.label.toLowerCase()}`,
    unit: 'huishoudens',
    population: { id: ALL_HOUSEHOLDS.id, label: ALL_HOUSEHOLDS.label, total: { kind: 'count', cell: allTotal } },
    rowHeader: feature.label,
    columns: [
      { id: 'focus-aantal', label: 'Aantal', format: 'count', group: CLIENT_HOUSEHOLDS.label },
      { id: 'focus-procent', label: '%', format: 'percent', group: CLIENT_HOUSEHOLDS.label },
      { id: 'totaal-aantal', label: 'Aantal', format: 'count', group: ALL_HOUSEHOLDS.label },
      { id: 'totaal-procent', label: '%', format: 'percent', group: ALL_HOUSEHOLDS.label },
      { id: 'verschil', label: 'Verschil (procentpunten)', format: 'percentagePoints' },
      { id: 'residu', label: 'Residu', format: 'residual' },
    ],
    protection: ledger.method === 'rounding' ? 'rounding' : 'suppression',
  });
  for (const category of feature.categories) {
    const codes = [category.code];
    const clientShare = { numerator: cell(codes, CLIENTS_ID), denominator: clientsTotal };
    const allShare = { numerator: cell(codes, ALL_ID), denominator: allTotal };
    draft.row(category.code, category.label, [
      { figure: { kind: 'count', cell: clientShare.numerator }, weight: CLIENT_WEIGHT },
      { figure: { kind: 'share', ...clientShare }, weight: CLIENT_WEIGHT },
      { figure: { kind: 'count', cell: allShare.numerator } },
      { figure: { kind: 'share', ...allShare } },
      { figure: { kind: 'difference', minuend: clientShare, subtrahend: allShare } },
      { figure: { kind: 'residual', feature: feature.id, codes, focus: CLIENTS_ID, whole: ALL_ID } },
    ]);
  }
  draft.row(
    'totaal',
    'Totaal',
    [
      { figure: { kind: 'count', cell: clientsTotal } },
      { figure: { kind: 'share', numerator: clientsTotal, denominator: clientsTotal } },
      { figure: { kind: 'count', cell: allTotal } },
      { figure: { kind: 'share', numerator: allTotal, denominator: allTotal } },
      { fixed: { status: 'empty' } },
      { fixed: { status: 'empty' } },
    ],
    { total: true },
  );
  const recode = recodeNote(feature, ledger.data.unexpectedCodes.get(feature.id) ?? []);
  if (recode) draft.note(recode);
  const chiSquare: Figure = draft.noteFigure({ kind: 'chiSquare', feature: feature.id, focus: CLIENTS_ID, whole: ALL_ID });
  const pValue: Figure = draft.noteFigure({ kind: 'pValue', of: { kind: 'chiSquare', feature: feature.id, focus: CLIENTS_ID, whole: ALL_ID } });
  draft.note((resolved) => chiSquareNote(resolved, chiSquare, pValue, featureId));
  return draft;
}

function chiSquareNote(ledger: PublicationLedger, chiSquare: Figure, pValue: Figure, featureId: string): string {
  const statistic = ledger.cell(chiSquare);
  const p = ledger.cell(pValue);
  const residuals = 'Residuen buiten ±1,96 wijken significant af (5 %).';
  if (!('value' in statistic) || !('value' in p)) {
    return `Geen chi-kwadraattoets: die zou iets zeggen over cellen die niet getoond worden. ${residuals}`;
  }
  const degrees = ledger.feature(featureId).categories.length - 1;
  const pText = p.text ?? `p = ${dutchPlain(p.value, p.decimals)}`;
  return (
    `Chi-kwadraattoets klanthuishoudens tegen de overige: χ² = ${dutchPlain(statistic.value, TEST_DECIMALS)}, ` +
    `vrijheidsgraden ten hoogste ${degrees}, ${pText.startsWith('<') ? `p ${pText}` : pText}. ${residuals}`
  );
}
