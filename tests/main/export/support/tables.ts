// Hand-built checked tables in the ledger's shape for the pure formatting tests (CSV, XLSX, chart, reports): every
// cell status, values already rounded with their decimals, hidden cells as one mark without a value, Dutch
// characters and hostile labels. The tests of whole packages use a real publication (study-package.ts).
import type { CheckedTable, PublishedCell } from '../../../../src-main/disclosure/checked-table';
import { DEFAULT_RULE_SET, ruleSetDigest } from '../../../../src-main/disclosure/rule-set';
import { referenceDateOf } from '../../../../src-main/common/reference-date';

export const RULES = DEFAULT_RULE_SET;
export const RULE_SET_REF = { name: RULES.name, digest: ruleSetDigest(RULES) };

export const STUDY = {
  name: 'Voedselbank Gilze en Rijen',
  referenceDate: referenceDateOf('20171231'),
  municipality: 'Gilze en Rijen (0784)',
  sha256: 'b'.repeat(64),
};

export const HIDDEN: PublishedCell = { status: 'suppressed' };
export const safe = (value: number, decimals: number): PublishedCell => ({ status: 'safe', value, decimals });

/** Percentages per education level, clients against all households: the chart table. */
export function educationTable(): CheckedTable {
  return {
    id: 'vergelijking-opleiding',
    title: '% huishoudens naar opleidingsniveau',
    unit: 'huishoudens',
    population: { id: 'gemeente', label: 'Gilze en Rijen, peildatum 31-12-2017', units: 11346 },
    rowHeader: 'Opleidingsniveau',
    columns: [
      { id: 'klanten', label: 'Klanten', format: 'percent' },
      { id: 'alle', label: 'Alle huishoudens', format: 'percent' },
    ],
    rows: [
      { id: 'laag', label: 'Laag', total: false, cells: [safe(48.2, 1), safe(22.5, 1)] },
      { id: 'middelbaar', label: 'Middelbaar', total: false, cells: [HIDDEN, safe(40.1, 1)] },
      { id: 'hoog', label: 'Hoog', total: false, cells: [HIDDEN, safe(37.4, 1)] },
      { id: 'onbekend', label: 'Onbekend', total: false, cells: [{ status: 'empty' }, { status: 'review', reason: 'zero', value: 0, decimals: 1 }] },
    ],
    protection: 'suppression',
    ruleSet: RULE_SET_REF,
    notes: ['2 cellen zijn niet getoond (x) ter bescherming van de huishoudens erachter.'],
  };
}

/** Counts, shares, means and a p-value per household type, with Dutch characters and labels that need quoting. */
export function householdTable(): CheckedTable {
  return {
    id: 'huishoudtype',
    title: 'Huishoudtype van cliënten (€ per jaar)',
    unit: 'huishoudens',
    population: { id: 'klanten', label: 'Klanthuishoudens', units: 191 },
    rowHeader: 'Huishoudtype',
    columns: [
      { id: 'aantal', label: 'Aantal', format: 'count' },
      { id: 'aandeel', label: 'Aandeel', format: 'percent' },
      { id: 'inkomen', label: 'Gem. inkomen', format: 'amount' },
      { id: 'personen', label: 'Gem. personen', format: 'number' },
      { id: 'verschil', label: 'Verschil', format: 'percentagePoints' },
    ],
    rows: [
      {
        id: 'eenouder',
        label: 'Eénoudergezin',
        total: false,
        cells: [safe(35, 0), safe(18.3, 1), safe(14300, 0), safe(2.46, 2), { status: 'safe', value: -2, decimals: 1 }],
      },
      { id: 'paar', label: 'Paar; "jong"', total: false, cells: [HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN] },
      {
        id: 'formule',
        label: '=SOM(A1)',
        total: false,
        cells: [
          { status: 'rounded', base: 5, value: 1235, decimals: 0 },
          { status: 'review', reason: 'group-disclosure', value: 92.5, decimals: 1 },
          { status: 'safe', value: 21400, decimals: 0 },
          { status: 'empty', text: 'varieert' },
          { status: 'safe', value: 0.001, decimals: 2, format: 'pValue', text: '< 0,001' },
        ],
      },
      { id: 'onbekend', label: 'Onbekend', total: false, cells: [{ status: 'empty' }, { status: 'empty' }, HIDDEN, { status: 'empty' }, { status: 'empty' }] },
      { id: 'totaal', label: 'Totaal', total: true, cells: [safe(191, 0), safe(100, 1), safe(16900, 0), safe(2.2, 1), { status: 'empty' }] },
    ],
    protection: 'suppression',
    ruleSet: RULE_SET_REF,
    notes: [],
  };
}

/** A table with nothing hidden or flagged (verdict pass), a title with markup, a population whose size is hidden. */
export function passingTable(): CheckedTable {
  return {
    id: 'woonsituatie',
    title: 'Woonsituatie <huur & koop>',
    unit: 'huishoudens',
    population: { id: 'klanten', label: 'Klanthuishoudens', units: { below: 10 } },
    rowHeader: 'Woonsituatie',
    columns: [{ id: 'aandeel', label: 'Klanten', format: 'percent' }],
    rows: [
      { id: 'huur', label: 'Huur met huurtoeslag', total: false, cells: [safe(66.7, 1)] },
      { id: 'koop', label: 'Koop', total: false, cells: [safe(33.3, 1)] },
    ],
    protection: 'none',
    ruleSet: RULE_SET_REF,
    notes: [],
  };
}

/** A table of `rows` rows, to break across pages. */
export function longTable(rows: number): CheckedTable {
  return {
    ...passingTable(),
    id: 'lang',
    title: 'Lange tabel per wijk',
    columns: [{ id: 'aantal', label: 'Aantal', format: 'count' }],
    rows: Array.from({ length: rows }, (_, index) => ({ id: `r${index}`, label: `Wijk ${index + 1}`, total: false, cells: [safe(index, 0)] })),
  };
}
