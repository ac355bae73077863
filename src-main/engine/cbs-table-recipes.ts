// The CBS tables Groepsbeeld recognises (a data table): per table its file-name pattern, the columns that identify it,
// the column for each role, the roles linking needs, and whether it holds one row per unit.
import type { ColumnRole, TableKind } from './column-roles';

/** How one role is found among a file's columns: exact names first, then a pattern (both case-insensitive). */
export interface RoleRule {
  role: ColumnRole;
  names?: readonly string[];
  pattern?: RegExp;
}

const person: readonly RoleRule[] = [
  { role: 'personSource', names: ['RINPERSOONS'] },
  { role: 'personKey', names: ['RINPERSOON'] },
];
const addressObject: readonly RoleRule[] = [
  { role: 'addressSource', names: ['SOORTOBJECTNUMMER'] },
  { role: 'addressKey', names: ['RINOBJECTNUMMER'] },
];
const breadwinner: readonly RoleRule[] = [
  { role: 'breadwinnerSource', names: ['RINPERSOONSHKW'] },
  { role: 'breadwinnerKey', names: ['RINPERSOONHKW'] },
];

export interface TableRecipe {
  kind: Exclude<TableKind, 'unknown'>;
  /** Matches the file name without extension, upper case: <TABLE><year>[TAB|BUS]V<n>. */
  fileName: RegExp;
  /** Columns that identify the table when the file name does not (any one of them, case-insensitive). */
  signature?: RegExp;
  rules: readonly RoleRule[];
  /** Without these the table cannot be linked (a key column missing is an error when the table is recognised). */
  required: readonly ColumnRole[];
  /** True for TAB files: one row per unit, so the key must be unique. */
  oneRowPerUnit: boolean;
}

/** The key columns any table may have: a person, an address object, a breadwinner (for a file of unknown kind). */
export const KEY_RULES: readonly RoleRule[] = [...person, ...addressObject, ...breadwinner];

export const RECIPES: readonly TableRecipe[] = [
  {
    kind: 'persons',
    fileName: /^GBAPERSOON(\d{4})?TAB/,
    signature: /^GBAGESLACHT$|^GBAGEBOORTEJAAR$/i,
    rules: [
      ...person,
      { role: 'sex', names: ['GBAGESLACHT'] },
      { role: 'birthYear', names: ['GBAGEBOORTEJAAR'] },
      { role: 'birthMonth', names: ['GBAGEBOORTEMAAND'] },
      { role: 'generation', names: ['GBAGENERATIE'] },
      { role: 'originGroup', names: ['GBAHERKOMSTGROEPERING'] },
    ],
    required: ['personSource', 'personKey'],
    oneRowPerUnit: true,
  },
  {
    kind: 'households',
    fileName: /^GBAHUISHOUDENS/,
    signature: /^HUISHOUDNR$|^TYPHH$/i,
    rules: [
      ...person,
      { role: 'householdKey', names: ['HUISHOUDNR'] },
      { role: 'spellBegin', names: ['DATUMAANVANGHH'] },
      { role: 'spellEnd', names: ['DATUMEINDEHH'] },
      { role: 'householdType', names: ['TYPHH'] },
      { role: 'householdPosition', names: ['PLHH'] },
      { role: 'referencePerson', names: ['REFPERSOONHH'] },
      { role: 'householdSize', names: ['AANTALPERSHH'] },
      { role: 'childCount', names: ['AANTALKINDHH'] },
      { role: 'youngestChildBirthYear', names: ['GEBJAARJONGSTEKINDHH'] },
      { role: 'youngestChildBirthMonth', names: ['GEBMAANDJONGSTEKINDHH'] },
    ],
    required: ['personSource', 'personKey', 'householdKey', 'spellBegin', 'spellEnd'],
    oneRowPerUnit: false,
  },
  {
    kind: 'addresses',
    fileName: /^GBAADRESOBJECT/,
    signature: /ADRESHOUDING$/i,
    rules: [
      ...person,
      ...addressObject,
      { role: 'spellBegin', names: ['GBADATUMAANVANGADRESHOUDING'] },
      { role: 'spellEnd', names: ['GBADATUMEINDEADRESHOUDING'] },
    ],
    required: ['personSource', 'personKey', 'addressSource', 'addressKey', 'spellBegin', 'spellEnd'],
    oneRowPerUnit: false,
  },
  {
    kind: 'addressRegions',
    fileName: /^VSLGWB/,
    signature: /^gem\d{4}$/i,
    rules: [
      ...addressObject,
      { role: 'municipality', pattern: /^gem\d{4}$/i },
      { role: 'district', pattern: /^wc\d{4}$/i },
      { role: 'neighbourhood', pattern: /^bc\d{4}$/i },
    ],
    required: ['addressSource', 'addressKey', 'municipality'],
    oneRowPerUnit: true,
  },
  {
    kind: 'householdIncome',
    fileName: /^INHA/,
    signature: /^INHBESTINKH$|^INHEHALGR$/i,
    rules: [
      ...breadwinner,
      { role: 'disposableIncome', names: ['INHBESTINKH'] },
      { role: 'grossIncome', names: ['INHBRUTINKH'] },
      { role: 'standardisedIncome', names: ['INHGESTINKH'] },
      { role: 'tenure', names: ['INHEHALGR'] },
      { role: 'mainIncomeSource', names: ['INHBBIHJ'] },
      { role: 'benefitType', names: ['INHUAFTYP'] },
    ],
    required: ['breadwinnerSource', 'breadwinnerKey'],
    oneRowPerUnit: true,
  },
  {
    kind: 'incomeLink',
    fileName: /^KOPPELPERSOONHUISHOUDEN/,
    rules: [...person, ...breadwinner],
    required: ['personSource', 'personKey', 'breadwinnerSource', 'breadwinnerKey'],
    oneRowPerUnit: true,
  },
  {
    kind: 'socioEconomic',
    fileName: /^SECM/,
    signature: /^SECM$/i,
    rules: [
      ...person,
      { role: 'spellBegin', names: ['AANVSECM'] },
      { role: 'spellEnd', names: ['EINDSECM'] },
      { role: 'socioEconomicPosition', names: ['SECM'] },
    ],
    required: ['personSource', 'personKey', 'spellBegin', 'spellEnd'],
    oneRowPerUnit: false,
  },
  {
    kind: 'education',
    fileName: /^HOOGSTEOPL/,
    signature: /^OPLNIV/i,
    rules: [...person, { role: 'educationCode', names: ['OPLNIVSOI2021AGG4HBMETNIRWO'], pattern: /^OPLNIV/i }],
    required: ['personSource', 'personKey', 'educationCode'],
    oneRowPerUnit: true,
  },
  {
    kind: 'youthHelp',
    fileName: /^JGDHULP/,
    signature: /^JGDH/i,
    rules: [
      ...person,
      { role: 'youthHelp', names: ['JGDHHULPVORM'] },
      { role: 'spellBegin', names: ['JGDHGELDIGHEIDBEGINDATUM'], pattern: /^JGDH.*BEGIN/i },
      { role: 'spellEnd', names: ['JGDHGELDIGHEIDEINDDATUM'], pattern: /^JGDH.*EIND/i },
    ],
    required: ['personSource', 'personKey', 'spellBegin', 'spellEnd'],
    oneRowPerUnit: false,
  },
  {
    kind: 'youthProtection',
    fileName: /^JGDBESCHERM/,
    signature: /^JGDB/i,
    rules: [
      ...person,
      { role: 'youthProtection', names: ['JGDBMAATREGEL'] },
      { role: 'spellBegin', names: ['JGDBGELDIGHEIDBEGINDATUM'], pattern: /^JGDB.*BEGIN/i },
      { role: 'spellEnd', names: ['JGDBGELDIGHEIDEINDDATUM'], pattern: /^JGDB.*EIND/i },
    ],
    required: ['personSource', 'personKey', 'spellBegin', 'spellEnd'],
    oneRowPerUnit: false,
  },
  {
    // Real WMO column names are uncertain: the patterns are generous and the analyst can re-map.
    kind: 'wmo',
    fileName: /^WMO/,
    signature: /^WMO/i,
    rules: [
      ...person,
      { role: 'wmo', names: ['WMOSOORTVOORZIENING'], pattern: /^WMO.*(SOORT|VOORZIENING|TYPE)/i },
      { role: 'spellBegin', names: ['WMODATUMAANVANG'], pattern: /^WMO.*(AANV|BEGIN|START)/i },
      { role: 'spellEnd', names: ['WMODATUMEINDE'], pattern: /^WMO.*(EIND|STOP)/i },
    ],
    required: ['personSource', 'personKey', 'spellBegin', 'spellEnd'],
    oneRowPerUnit: false,
  },
  {
    kind: 'parentChild',
    fileName: /^KINDOUDER/,
    signature: /^RINPERSOONMA$|^RINPERSOONPA$/i,
    rules: [
      ...person,
      { role: 'motherSource', names: ['RINPERSOONSMa'] },
      { role: 'motherKey', names: ['RINPERSOONMa'] },
      { role: 'fatherSource', names: ['RINPERSOONSpa'] },
      { role: 'fatherKey', names: ['RINPERSOONpa'] },
    ],
    required: ['personSource', 'personKey'],
    oneRowPerUnit: true,
  },
  // The names of the four tables below are the demo world's approximations (docs/cbs-sources.md): generous patterns,
  // and a study file or the Data page can map the roles to a delivery's real columns.
  {
    kind: 'debtRestructuring',
    fileName: /^WSNP/,
    signature: /^WSNP/i,
    rules: [
      ...person,
      { role: 'spellBegin', names: ['WSNPDATUMAANVANG'], pattern: /^WSNP.*(AANV|BEGIN|START)/i },
      { role: 'spellEnd', names: ['WSNPDATUMEINDE'], pattern: /^WSNP.*(EIND|STOP)/i },
    ],
    required: ['personSource', 'personKey', 'spellBegin'],
    oneRowPerUnit: false,
  },
  {
    kind: 'halt',
    fileName: /^HALT/,
    signature: /^HALT/i,
    rules: [
      ...person,
      { role: 'eventDate', names: ['HALTDATUM'], pattern: /^HALT.*DATUM/i },
      { role: 'offenceType', names: ['HALTDELICT'], pattern: /^HALT.*(DELICT|SOORT)/i },
    ],
    required: ['personSource', 'personKey', 'eventDate'],
    oneRowPerUnit: false,
  },
  {
    kind: 'schoolEnrolment',
    fileName: /^ONDERWIJSINSCHR/,
    signature: /^ONDSOORT$/i,
    rules: [
      ...person,
      { role: 'spellBegin', names: ['ONDDATUMAANVANG'], pattern: /^OND.*(AANV|BEGIN)/i },
      { role: 'spellEnd', names: ['ONDDATUMEINDE'], pattern: /^OND.*EIND/i },
      { role: 'schoolType', names: ['ONDSOORT'], pattern: /^OND.*SOORT/i },
    ],
    required: ['personSource', 'personKey', 'spellBegin'],
    oneRowPerUnit: false,
  },
  {
    kind: 'earlySchoolLeaving',
    fileName: /^VSV/,
    signature: /^VSVDATUM$/i,
    rules: [...person, { role: 'eventDate', names: ['VSVDATUM'], pattern: /^VSV.*DATUM/i }],
    required: ['personSource', 'personKey', 'eventDate'],
    oneRowPerUnit: false,
  },
  {
    kind: 'clients',
    fileName: /KLANT|CLIENT|CLIËNT/,
    rules: [
      ...person,
      { role: 'clientBegin', names: ['STARTDATUM', 'BEGINDATUM', 'DATUMAANVANG'], pattern: /START|BEGIN|AANV/i },
      { role: 'clientEnd', names: ['EINDDATUM', 'DATUMEINDE'], pattern: /EIND|STOP|END/i },
    ],
    required: ['personKey', 'clientBegin'],
    oneRowPerUnit: false,
  },
];
