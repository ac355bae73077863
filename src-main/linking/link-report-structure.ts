// What each count of the link report is, for disclosure control: a count of households of the analysis table (then it
// is the same figure as in the comparison tables), or a count of records and persons, with the relations between them
// (rows = valid + not valid ...) that a reader can use to recompute a hidden count.
import type { RecordRelation } from '../publication/record-protection';

export type LinkCountDefinition =
  { kind: 'household'; feature: string | null; codes: readonly string[] | null; population: 'alle-huishoudens' | 'klanthuishoudens' } | { kind: 'record' };

const households = (
  feature: string | null,
  codes: readonly string[] | null,
  population: 'alle-huishoudens' | 'klanthuishoudens' = 'alle-huishoudens',
): LinkCountDefinition => ({
  kind: 'household',
  feature,
  codes,
  population,
});

/** Keyed `step.count` as in LINK_STEPS and the linker's counts; a count not named here is a record count. */
export const LINK_COUNT_DEFINITIONS: Readonly<Record<string, LinkCountDefinition>> = {
  'households.households': households(null, null),
  'households.incomplete': households('members_complete', ['onvolledig']),
  'income.withIncome': households('income_status', ['inkomen-bekend', 'inkomen-onbekend']),
  'income.withoutIncome': households('income_status', ['zonder-regel']),
  'income.unknownIncome': households('income_status', ['inkomen-onbekend']),
  'education.known': households('education_level', ['low', 'middle', 'high']),
  'education.unknown': households('education_level', ['onbekend']),
  'care.youthHelp': households('youth_help', ['ja']),
  'care.youthProtection': households('youth_protection', ['ja']),
  'care.wmo': households('wmo', ['ja']),
  'table.households': households(null, null),
  'table.clientHouseholds': households(null, null, 'klanthuishoudens'),
};

export function linkCountDefinition(id: string): LinkCountDefinition {
  return LINK_COUNT_DEFINITIONS[id] ?? { kind: 'record' };
}

/** How the record counts of the report hang together (ids `step.count`). */
export const LINK_RECORD_RELATIONS: readonly RecordRelation[] = [
  { kind: 'sum', total: 'clients.rows', parts: ['clients.notValid', 'clients.validRows'] },
  { kind: 'atMost', part: 'clients.badPeriod', whole: 'clients.notValid' },
  { kind: 'atMost', part: 'clients.unreadableDates', whole: 'clients.notValid' },
  { kind: 'atMost', part: 'clients.openPeriods', whole: 'clients.rows' },
  { kind: 'atMost', part: 'clients.validPersons', whole: 'clients.validRows' },
  { kind: 'sum', total: 'clients.validPersons', parts: ['clients.livingInMunicipality', 'clients.livingElsewhere', 'clients.notRegistered'] },
  { kind: 'atMost', part: 'clients.notInRegister', whole: 'clients.validPersons' },
  { kind: 'atMost', part: 'clients.livingInMunicipality', whole: 'residents.residents' },
  { kind: 'sum', total: 'residents.residents', parts: ['persons.found', 'persons.notFound'] },
  { kind: 'sum', total: 'residents.residents', parts: ['households.residentsWithHousehold', 'households.residentsWithoutHousehold'] },
  { kind: 'atMost', part: 'residents.severalAddresses', whole: 'residents.residents' },
  { kind: 'atMost', part: 'households.severalHouseholds', whole: 'households.residentsWithHousehold' },
  { kind: 'atMost', part: 'households.residentsWithHousehold', whole: 'table.persons' },
];
