// Which column plays which role in each input: the study's mapping, else what the loader proposes for
// a CBS table, else CBS's own column name. One role vocabulary for loading and linking (engine/column-roles).
import { proposeRoles, type ColumnRole } from '../engine/column-roles';
import { UserFacingError } from '../common/errors';
import { FEATURE_ONLY_KINDS, type InputKind } from './study-file';

const person = { personSource: 'RINPERSOONS', personKey: 'RINPERSOON' } as const;

/** The roles linking reads from each kind of input, with CBS's column name for each. */
export const LINK_COLUMNS = {
  persons: { ...person, birthYear: 'GBAGEBOORTEJAAR', birthMonth: 'GBAGEBOORTEMAAND', generation: 'GBAGENERATIE' },
  households: {
    ...person,
    spellBegin: 'DATUMAANVANGHH',
    spellEnd: 'DATUMEINDEHH',
    householdKey: 'HUISHOUDNR',
    householdType: 'TYPHH',
    householdPosition: 'PLHH',
    referencePerson: 'REFPERSOONHH',
    householdSize: 'AANTALPERSHH',
    childCount: 'AANTALKINDHH',
    youngestChildBirthYear: 'GEBJAARJONGSTEKINDHH',
    youngestChildBirthMonth: 'GEBMAANDJONGSTEKINDHH',
  },
  addresses: {
    ...person,
    spellBegin: 'GBADATUMAANVANGADRESHOUDING',
    spellEnd: 'GBADATUMEINDEADRESHOUDING',
    addressSource: 'SOORTOBJECTNUMMER',
    addressKey: 'RINOBJECTNUMMER',
  },
  /** `municipality` is gem<year of the reference date>; letter case varies by year. */
  addressRegions: { addressSource: 'SOORTOBJECTNUMMER', addressKey: 'RINOBJECTNUMMER', municipality: 'gem{year}' },
  householdIncome: {
    breadwinnerSource: 'RINPERSOONSHKW',
    breadwinnerKey: 'RINPERSOONHKW',
    disposableIncome: 'INHBESTINKH',
    tenure: 'INHEHALGR',
    mainIncomeSource: 'INHBBIHJ',
    benefitType: 'INHUAFTYP',
  },
  incomeLink: { ...person, breadwinnerSource: 'RINPERSOONSHKW', breadwinnerKey: 'RINPERSOONHKW' },
  education: { ...person, educationCode: 'OPLNIVSOI2021AGG4HBMETNIRWO' },
  youthHelp: { ...person, spellBegin: 'JGDHGELDIGHEIDBEGINDATUM', spellEnd: 'JGDHGELDIGHEIDEINDDATUM' },
  youthProtection: { ...person, spellBegin: 'JGDBGELDIGHEIDBEGINDATUM', spellEnd: 'JGDBGELDIGHEIDEINDDATUM' },
  wmo: { ...person, spellBegin: 'WMODATUMAANVANG', spellEnd: 'WMODATUMEINDE' },
  clients: { ...person, clientBegin: 'STARTDATUM', clientEnd: 'EINDDATUM' },
  // Tables only features read: their keys here, the rest by the roles a feature names (catalogue/feature-columns.ts).
  socioEconomic: person,
  parentChild: person,
  debtRestructuring: person,
  halt: person,
  schoolEnrolment: person,
  earlySchoolLeaving: person,
  unknown: {},
} as const satisfies Record<InputKind, Partial<Record<ColumnRole, string>>>;

export type RolesOf<K extends InputKind> = keyof (typeof LINK_COLUMNS)[K];

/** Roles a partner file may leave out, with the value linking then uses: CBS partner lists often carry RINPERSOON only. */
export const ROLE_DEFAULTS: { readonly [K in InputKind]?: Partial<Record<RolesOf<K>, string>> } = { clients: { personSource: 'R' } };

export function isFeatureOnlyKind(kind: InputKind): boolean {
  return (FEATURE_ONLY_KINDS as readonly InputKind[]).includes(kind);
}

/** The value a role takes when its file has no column for it, or undefined when the role cannot do without one. */
export function roleDefault(kind: InputKind, role: string): string | undefined {
  return (ROLE_DEFAULTS[kind] as Partial<Record<string, string>> | undefined)?.[role];
}

/**
 * The column for every role linking needs from an input, matched to the file's columns
 * case-insensitively. A role whose column is missing is an error naming the file, the role and the
 * column looked for, and listing the file's columns; only a role with a default (ROLE_DEFAULTS) may be missing.
 */
export function columnsFor<K extends InputKind>(
  kind: K,
  fileName: string,
  fileColumns: readonly string[],
  overrides: Readonly<Partial<Record<ColumnRole, string>>> = {},
  referenceYear: number,
): Record<RolesOf<K>, string> {
  const needed = LINK_COLUMNS[kind] as Partial<Record<ColumnRole, string>>;
  for (const role of Object.keys(overrides)) {
    if (!(role in needed) && !isFeatureOnlyKind(kind))
      throw new UserFacingError(
        `${fileName}: bij het koppelen heeft een bestand van de soort ${kind} geen rol "${role}"; de rollen zijn ${Object.keys(needed).join(', ')}.`,
      );
  }
  const proposal = proposeRoles(fileName, fileColumns, { referenceYear });
  const proposed = proposal.kind === kind ? proposal.roles : {};
  const byLowerName = new Map(fileColumns.map((column) => [column.toLowerCase(), column]));
  const resolved: Record<string, string> = {};
  for (const [role, cbsName] of Object.entries(needed) as [ColumnRole, string][]) {
    const wanted = overrides[role] ?? proposed[role] ?? cbsName.replace('{year}', String(referenceYear));
    const actual = byLowerName.get(wanted.toLowerCase());
    // A role with a default and no column is left out: describePreparedSource reads the default instead.
    if (!actual && overrides[role] === undefined && roleDefault(kind, role) !== undefined) continue;
    if (!actual) {
      throw new UserFacingError(
        `${fileName} heeft geen kolom ${wanted} voor de rol ${role}; wijs de rol toe aan een van de kolommen van het bestand ` +
          `(${fileColumns.slice(0, 12).join(', ')}${fileColumns.length > 12 ? ', ...' : ''}).`,
      );
    }
    resolved[role] = actual;
  }
  return resolved as Record<RolesOf<K>, string>;
}
