// The CBS-style extracts the generator writes: file names, key columns and column kinds (docs/cbs-sources.md says how sure the names are).

/** key/date/code are text (leading zeros kept, dates as YYYYMMDD); count and amount are numbers. */
export type ColumnKind = 'key' | 'date' | 'code' | 'count' | 'amount';

export interface ExtractTable {
  /** Stable id used in code and in the ground truth. */
  id: string;
  /** File name without extension, following <TABLE><year>[TAB|BUS]V<n>. */
  fileName: string;
  columns: readonly (readonly [name: string, kind: ColumnKind])[];
  description: string;
}

const person = [
  ['RINPERSOONS', 'key'],
  ['RINPERSOON', 'key'],
] as const;

export const EXTRACT_TABLES = [
  {
    id: 'persons',
    fileName: 'GBAPERSOON2018TABV1',
    description: 'Everyone ever registered: sex, birth year and month, generation, origin group.',
    columns: [
      ...person,
      ['GBAGESLACHT', 'code'],
      ['GBAGEBOORTEJAAR', 'code'],
      ['GBAGEBOORTEMAAND', 'code'],
      ['GBAGENERATIE', 'code'],
      ['GBAHERKOMSTGROEPERING', 'code'],
    ],
  },
  {
    id: 'households',
    fileName: 'GBAHUISHOUDENS2018BUSV1',
    description: 'Household spells per person: composition, position, size, children.',
    columns: [
      ...person,
      ['DATUMAANVANGHH', 'date'],
      ['DATUMEINDEHH', 'date'],
      ['HUISHOUDNR', 'key'],
      ['TYPHH', 'code'],
      ['PLHH', 'code'],
      ['REFPERSOONHH', 'code'],
      ['AANTALPERSHH', 'count'],
      ['AANTALKINDHH', 'count'],
      ['GEBJAARJONGSTEKINDHH', 'code'],
      ['GEBMAANDJONGSTEKINDHH', 'code'],
    ],
  },
  {
    id: 'addresses',
    fileName: 'GBAADRESOBJECT2018BUSV1',
    description: 'Address spells per person.',
    columns: [
      ...person,
      ['GBADATUMAANVANGADRESHOUDING', 'date'],
      ['GBADATUMEINDEADRESHOUDING', 'date'],
      ['SOORTOBJECTNUMMER', 'key'],
      ['RINOBJECTNUMMER', 'key'],
    ],
  },
  {
    id: 'addressRegions',
    fileName: 'VSLGWB2018TABV1',
    description: 'Municipality, district and neighbourhood of every address object.',
    columns: [
      ['SOORTOBJECTNUMMER', 'key'],
      ['RINOBJECTNUMMER', 'key'],
      ['gem2017', 'code'],
      ['wc2017', 'code'],
      ['bc2017', 'code'],
      ['gem2018', 'code'],
    ],
  },
  {
    id: 'householdIncome',
    fileName: 'INHA2017TABV2',
    description: 'Income households of 2017: disposable, gross and standardised income, tenure, main source, benefit.',
    columns: [
      ['RINPERSOONSHKW', 'key'],
      ['RINPERSOONHKW', 'key'],
      ['INHBESTINKH', 'amount'],
      ['INHBRUTINKH', 'amount'],
      ['INHGESTINKH', 'amount'],
      ['INHEHALGR', 'code'],
      ['INHBBIHJ', 'code'],
      ['INHUAFTYP', 'code'],
    ],
  },
  {
    id: 'incomeLink',
    fileName: 'KOPPELPERSOONHUISHOUDEN2017TABV1',
    description: 'Links each person to the main breadwinner key of their income household.',
    columns: [...person, ['RINPERSOONSHKW', 'key'], ['RINPERSOONHKW', 'key']],
  },
  {
    id: 'socioEconomic',
    fileName: 'SECM2018BUSV1',
    description: 'Socio-economic position spells.',
    columns: [...person, ['AANVSECM', 'date'], ['EINDSECM', 'date'], ['SECM', 'code']],
  },
  {
    id: 'education',
    fileName: 'HOOGSTEOPL2017TABV1',
    description: 'Highest attained education (SOI 2021, 4-digit; first digit 1 low, 2 middle, 3 high; ---- unknown).',
    columns: [...person, ['OPLNIVSOI2021AGG4HBMETNIRWO', 'code']],
  },
  {
    id: 'youthHelp',
    fileName: 'JGDHULP2018BUSV1',
    description: 'Youth help spells.',
    columns: [...person, ['JGDHHULPVORM', 'code'], ['JGDHGELDIGHEIDBEGINDATUM', 'date'], ['JGDHGELDIGHEIDEINDDATUM', 'date']],
  },
  {
    id: 'youthProtection',
    fileName: 'JGDBESCHERM2018BUSV1',
    description: 'Youth protection measures.',
    columns: [...person, ['JGDBMAATREGEL', 'code'], ['JGDBGELDIGHEIDBEGINDATUM', 'date'], ['JGDBGELDIGHEIDEINDDATUM', 'date']],
  },
  {
    id: 'wmo',
    fileName: 'WMOGEBRUIK2018BUSV1',
    description: 'WMO support spells (column names uncertain in real deliveries; map roles by hand if they differ).',
    columns: [...person, ['WMODATUMAANVANG', 'date'], ['WMODATUMEINDE', 'date'], ['WMOSOORTVOORZIENING', 'code']],
  },
  {
    id: 'parentChild',
    fileName: 'KINDOUDER2018TABV1',
    description: "Each child's father (pa) and mother (Ma); an unknown parent has an empty source and key.",
    columns: [...person, ['RINPERSOONSpa', 'key'], ['RINPERSOONpa', 'key'], ['RINPERSOONSMa', 'key'], ['RINPERSOONMa', 'key']],
  },
  {
    id: 'debtRestructuring',
    fileName: 'WSNP2018BUSV1',
    description: 'Statutory debt restructuring (WSNP) spells; a blank end is still running (table and column names uncertain).',
    columns: [...person, ['WSNPDATUMAANVANG', 'date'], ['WSNPDATUMEINDE', 'date']],
  },
  {
    id: 'halt',
    fileName: 'HALT2018TABV1',
    description: 'Halt referrals of 12- to 17-year-olds: date and offence 1/2/3/9 (table, column names and codes uncertain).',
    columns: [...person, ['HALTDATUM', 'date'], ['HALTDELICT', 'code']],
  },
  {
    id: 'schoolEnrolment',
    fileName: 'ONDERWIJSINSCHR2018BUSV1',
    description: 'School enrolment spells: BAO, SBAO, SO, VSO, VO, MBO, HO; a blank end is still running (names uncertain).',
    columns: [...person, ['ONDDATUMAANVANG', 'date'], ['ONDDATUMEINDE', 'date'], ['ONDSOORT', 'code']],
  },
  {
    id: 'earlySchoolLeaving',
    fileName: 'VSV2018TABV1',
    description: 'Early school leavers (VSV): the day a person aged 16-22 left without a basic qualification (names uncertain).',
    columns: [...person, ['VSVDATUM', 'date']],
  },
  {
    id: 'clients',
    fileName: 'VOEDSELBANK_KLANTEN',
    description: "The food bank's client list, pseudonymised to person keys: start and end of each client period.",
    columns: [...person, ['STARTDATUM', 'date'], ['EINDDATUM', 'date']],
  },
] as const satisfies readonly ExtractTable[];

export type ExtractTableId = (typeof EXTRACT_TABLES)[number]['id'];

export function extractTable(id: ExtractTableId): ExtractTable {
  const table = EXTRACT_TABLES.find((candidate) => candidate.id === id);
  if (!table) throw new Error(`Unknown extract table ${id}.`);
  return table;
}
