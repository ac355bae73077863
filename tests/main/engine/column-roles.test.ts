// The recogniser names every generator table and proposes the roles linking needs; unknown files still get keys.
import { describe, expect, it } from 'vitest';
import {
  isOneRowPerUnit,
  missingRoles,
  proposeRoles,
  recogniseTable,
  requiredRoles,
  roleProposalSchema,
  tableYearOf,
} from '../../../src-main/engine/column-roles';
import { EXTRACT_TABLES } from '../../../src-main/synthetic/extract-tables';

function columnsOf(id: string): string[] {
  const table = EXTRACT_TABLES.find((candidate) => candidate.id === id);
  if (!table) throw new Error(id);
  return table.columns.map(([name]) => name);
}

describe('proposeRoles on the generator files', () => {
  it.each(EXTRACT_TABLES.map((table) => [table.id, table.fileName] as const))('recognises %s (%s) and finds every required role', (id, fileName) => {
    const proposal = proposeRoles(`${fileName}.csv`, columnsOf(id));
    expect(proposal.kind).toBe(id);
    expect(missingRoles(proposal.kind, proposal.roles)).toEqual([]);
    expect(roleProposalSchema.parse(proposal)).toEqual(proposal);
    // No column takes two roles.
    const used = Object.values(proposal.roles);
    expect(new Set(used).size).toBe(used.length);
  });

  it('maps the household spells, keys and facts', () => {
    expect(proposeRoles('GBAHUISHOUDENS2018BUSV1.parquet', columnsOf('households')).roles).toEqual({
      personSource: 'RINPERSOONS',
      personKey: 'RINPERSOON',
      householdKey: 'HUISHOUDNR',
      spellBegin: 'DATUMAANVANGHH',
      spellEnd: 'DATUMEINDEHH',
      householdType: 'TYPHH',
      householdPosition: 'PLHH',
      referencePerson: 'REFPERSOONHH',
      householdSize: 'AANTALPERSHH',
      childCount: 'AANTALKINDHH',
      youngestChildBirthYear: 'GEBJAARJONGSTEKINDHH',
      youngestChildBirthMonth: 'GEBMAANDJONGSTEKINDHH',
    });
  });

  it('picks the municipality column of the reference year, else the first', () => {
    const columns = columnsOf('addressRegions');
    expect(proposeRoles('VSLGWB2018TABV1.csv', columns).roles).toMatchObject({ addressKey: 'RINOBJECTNUMMER', municipality: 'gem2017', district: 'wc2017' });
    expect(proposeRoles('VSLGWB2018TABV1.csv', columns, { referenceYear: 2018 }).roles.municipality).toBe('gem2018');
  });

  it('maps income, the income link, the facts and the client periods', () => {
    expect(proposeRoles('INHA2017TABV2.csv', columnsOf('householdIncome')).roles).toMatchObject({
      breadwinnerKey: 'RINPERSOONHKW',
      disposableIncome: 'INHBESTINKH',
      tenure: 'INHEHALGR',
      mainIncomeSource: 'INHBBIHJ',
      benefitType: 'INHUAFTYP',
    });
    expect(proposeRoles('KOPPELPERSOONHUISHOUDEN2017TABV1.csv', columnsOf('incomeLink')).roles).toEqual({
      personSource: 'RINPERSOONS',
      personKey: 'RINPERSOON',
      breadwinnerSource: 'RINPERSOONSHKW',
      breadwinnerKey: 'RINPERSOONHKW',
    });
    expect(proposeRoles('HOOGSTEOPL2017TABV1.csv', columnsOf('education')).roles.educationCode).toBe('OPLNIVSOI2021AGG4HBMETNIRWO');
    expect(proposeRoles('JGDHULP2018BUSV1.csv', columnsOf('youthHelp')).roles).toMatchObject({
      youthHelp: 'JGDHHULPVORM',
      spellBegin: 'JGDHGELDIGHEIDBEGINDATUM',
    });
    expect(proposeRoles('JGDBESCHERM2018BUSV1.csv', columnsOf('youthProtection')).roles).toMatchObject({
      youthProtection: 'JGDBMAATREGEL',
      spellEnd: 'JGDBGELDIGHEIDEINDDATUM',
    });
    expect(proposeRoles('WMOGEBRUIK2018BUSV1.csv', columnsOf('wmo')).roles).toMatchObject({
      wmo: 'WMOSOORTVOORZIENING',
      spellBegin: 'WMODATUMAANVANG',
      spellEnd: 'WMODATUMEINDE',
    });
    expect(proposeRoles('VOEDSELBANK_KLANTEN.xlsx', columnsOf('clients')).roles).toEqual({
      personSource: 'RINPERSOONS',
      personKey: 'RINPERSOON',
      clientBegin: 'STARTDATUM',
      clientEnd: 'EINDDATUM',
    });
  });
});

describe('recogniseTable', () => {
  it('recognises real CBS names with other years and versions, and columns in another letter case', () => {
    expect(recogniseTable('GBAPERSOON2020TABV2.sav', [])).toBe('persons');
    expect(recogniseTable('/data/GBAHUISHOUDENS2020BUSV1.csv', [])).toBe('households');
    expect(proposeRoles('VSLGWB2020TABV1.csv', ['soortobjectnummer', 'rinobjectnummer', 'GEM2020']).roles).toEqual({
      addressSource: 'soortobjectnummer',
      addressKey: 'rinobjectnummer',
      municipality: 'GEM2020',
    });
  });

  it('recognises renamed files by their columns', () => {
    expect(recogniseTable('extract_a.csv', columnsOf('households'))).toBe('households');
    expect(recogniseTable('b.parquet', columnsOf('addresses'))).toBe('addresses');
    expect(recogniseTable('c.csv', columnsOf('addressRegions'))).toBe('addressRegions');
    expect(recogniseTable('d.csv', columnsOf('incomeLink'))).toBe('incomeLink');
    expect(recogniseTable('e.csv', columnsOf('householdIncome'))).toBe('householdIncome');
  });

  it('leaves other files unknown but still proposes the keys it sees', () => {
    const proposal = proposeRoles('survey.csv', ['RINPERSOONS', 'RINPERSOON', 'score']);
    expect(proposal).toEqual({ kind: 'unknown', roles: { personSource: 'RINPERSOONS', personKey: 'RINPERSOON' } });
    expect(requiredRoles('unknown')).toEqual([]);
  });

  it('reports the required roles a recognised table lacks', () => {
    const proposal = proposeRoles('GBAADRESOBJECT2018BUSV1.csv', ['RINPERSOONS', 'RINPERSOON', 'SOORTOBJECTNUMMER', 'RINOBJECTNUMMER']);
    expect(missingRoles(proposal.kind, proposal.roles)).toEqual(['spellBegin', 'spellEnd']);
  });

  it('knows TAB tables are one row per unit, and reads the year from the name', () => {
    expect(isOneRowPerUnit('persons')).toBe(true);
    expect(isOneRowPerUnit('addresses')).toBe(false);
    expect(tableYearOf('GBAPERSOON2018TABV1.csv')).toBe(2018);
    expect(tableYearOf('VOEDSELBANK_KLANTEN.csv')).toBeUndefined();
  });
});
