// Hand-built checked tables for the export tests: every cell status, Dutch characters, hostile labels.
import type { CheckedTable } from '../../../../src-main/disclosure/checked-table';
import { DEFAULT_RULE_SET, ruleSetDigest } from '../../../../src-main/disclosure/rule-set';

export const RULES = DEFAULT_RULE_SET;
export const RULE_SET_REF = { name: RULES.name, digest: ruleSetDigest(RULES) };

/** The value the blocked cell of "Middelbaar" would have had: it must appear in no written file. */
export const HIDDEN_VALUE = 41.7;
export const HIDDEN_TEXTS = ['41,7', '41.7'];

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
      { id: 'laag', label: 'Laag', total: false, cells: [{ status: 'safe', value: 48.2 }, { status: 'safe', value: 22.5 }] },
      { id: 'middelbaar', label: 'Middelbaar', total: false, cells: [{ status: 'blocked', rule: 'threshold' }, { status: 'safe', value: 40.1 }] },
      { id: 'hoog', label: 'Hoog', total: false, cells: [{ status: 'secondary' }, { status: 'safe', value: 37.4 }] },
      { id: 'onbekend', label: 'Onbekend', total: false, cells: [{ status: 'empty' }, { status: 'review', reason: 'zero', value: 0 }] },
    ],
    protection: 'suppression',
    ruleSet: RULE_SET_REF,
    notes: ['De kolom Klanten is deels onderdrukt: één cel telt minder dan 10 huishoudens.'],
  };
}

/** Counts and amounts per household type, with Dutch characters and labels that need quoting. */
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
    ],
    rows: [
      { id: 'eenouder', label: 'Eénoudergezin', total: false, cells: [{ status: 'safe', value: 35 }, { status: 'safe', value: 18.3246 }, { status: 'safe', value: 14250.4 }] },
      { id: 'paar', label: 'Paar; "jong"', total: false, cells: [{ status: 'blocked', rule: 'dominance' }, { status: 'secondary' }, { status: 'blocked', rule: 'p-percent' }] },
      { id: 'formule', label: '=SOM(A1)', total: false, cells: [{ status: 'rounded', base: 5, value: 1235 }, { status: 'review', reason: 'group-disclosure', value: 92.5 }, { status: 'blocked', rule: 'min-max' }] },
      { id: 'onbekend', label: 'Onbekend', total: false, cells: [{ status: 'empty' }, { status: 'empty' }, { status: 'blocked', rule: 'statistic-threshold' }] },
      { id: 'totaal', label: 'Totaal', total: true, cells: [{ status: 'safe', value: 191 }, { status: 'safe', value: 100 }, { status: 'blocked', rule: 'degrees-of-freedom' }] },
    ],
    protection: 'rounding',
    ruleSet: RULE_SET_REF,
    notes: [],
  };
}

/** A table that passes every rule (verdict pass). */
export function passingTable(): CheckedTable {
  return {
    id: 'woonsituatie',
    title: 'Woonsituatie <huur & koop>',
    unit: 'huishoudens',
    population: { id: 'klanten', label: 'Klanthuishoudens', units: { below: 10 } },
    rowHeader: 'Woonsituatie',
    columns: [{ id: 'aandeel', label: 'Klanten', format: 'percent' }],
    rows: [
      { id: 'huur', label: 'Huur met huurtoeslag', total: false, cells: [{ status: 'safe', value: 66.7 }] },
      { id: 'koop', label: 'Koop', total: false, cells: [{ status: 'safe', value: 33.3 }] },
    ],
    protection: 'none',
    ruleSet: RULE_SET_REF,
    notes: [],
  };
}

export const STUDY = { name: 'Voedselbank Gilze en Rijen', referenceDate: '20171231', municipality: 'Gilze en Rijen (0784)', sha256: 'b'.repeat(64) };
