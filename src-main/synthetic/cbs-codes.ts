// CBS code values the generator writes (see ../shared/reference/cbs-microdata.md for their meaning).

/** TYPHH: 1 one-person, 2/3 couple without children (unmarried/married), 4/5 with children, 6 single parent, 7 other, 8 institutional. */
export type HouseholdType = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

export const COUPLE_TYPES: readonly HouseholdType[] = [2, 3, 4, 5];

/** INHBBIHJ, main source of household income. */
export type IncomeSource = 11 | 12 | 13 | 14 | 21 | 22 | 23 | 24 | 25 | 26 | 30 | 99;

/** INHUAFTYP, benefit type: 0 none, 1 WW, 2 disability, 3 social assistance, 4 other. */
export function benefitTypeOf(source: IncomeSource): 0 | 1 | 2 | 3 | 4 {
  switch (source) {
    case 21:
      return 1;
    case 24:
      return 2;
    case 22:
      return 3;
    case 23:
      return 4;
    default:
      return 0;
  }
}

/** INHEHALGR: 1 owner, 2 rent without allowance, 3 rent with housing allowance, 8 institutional, 9 unknown. */
export type Tenure = 1 | 2 | 3 | 8 | 9;

export const UNKNOWN_INCOME = 9_999_999_999;

export type EducationLevel = 'low' | 'middle' | 'high';

/** OPLNIVSOI2021AGG4HBMETNIRWO codes by level (first digit 1 low, 2 middle, 3 high). */
export const EDUCATION_CODES: Record<EducationLevel, readonly (readonly [string, number])[]> = {
  low: [
    ['1111', 2], // basisonderwijs
    ['1211', 4], // vmbo basis/kader
    ['1212', 3], // vmbo gemengd/theoretisch
    ['1213', 1], // havo/vwo onderbouw
    ['1221', 1], // mbo 1
  ],
  middle: [
    ['2111', 1], // havo bovenbouw
    ['2112', 1], // vwo bovenbouw
    ['2121', 2], // mbo 2
    ['2131', 2], // mbo 3
    ['2132', 4], // mbo 4
  ],
  high: [
    ['3111', 1], // associate degree
    ['3112', 5], // hbo bachelor
    ['3113', 1], // wo bachelor
    ['3211', 1], // hbo master
    ['3212', 3], // wo master
    ['3213', 0.3], // doctor
  ],
};
export const EDUCATION_UNKNOWN = '----';

/** SECM on the reference date, derived from the household's main income source for its reference person. */
export function socioEconomicOf(source: IncomeSource): number {
  switch (source) {
    case 11:
    case 12:
    case 13:
    case 14:
    case 21:
    case 22:
    case 23:
    case 24:
    case 25:
    case 26:
      return source;
    case 30:
      return 32;
    case 99:
      return 32;
  }
}

/** GBAHERKOMSTGROEPERING (synthetic 3-digit groups): Dutch background and the larger origin groups. */
export const DUTCH_ORIGIN = '001';
export const MIGRANT_ORIGINS: readonly (readonly [string, number])[] = [
  ['052', 3], // Turkije
  ['053', 3], // Marokko
  ['055', 2], // Suriname
  ['056', 1], // Nederlandse Antillen en Aruba
  ['062', 2], // Polen
  ['070', 2], // overig Europa
  ['090', 3], // overig niet-Europa
];

export const YOUTH_HELP_FORMS: readonly (readonly [string, number])[] = [
  ['1', 5], // jeugdhulp zonder verblijf, lokaal team
  ['2', 3], // jeugdhulp zonder verblijf, overig
  ['3', 1], // jeugdhulp met verblijf, pleegzorg
  ['4', 1], // jeugdhulp met verblijf, overig
];
export const YOUTH_PROTECTION_MEASURES: readonly (readonly [string, number])[] = [
  ['1', 4], // ondertoezichtstelling
  ['2', 1], // voogdij
];
export const WMO_SUPPORT_TYPES: readonly (readonly [string, number])[] = [
  ['1', 4], // huishoudelijke hulp
  ['2', 3], // begeleiding
  ['3', 2], // hulpmiddelen
  ['4', 1], // vervoer
];
