// Which column plays which role in each input kind: CBS's names by default, the study's overrides on top.
import { UserFacingError } from '../errors';
import type { InputKind } from './study-file';

const person = { personSource: 'RINPERSOONS', personKey: 'RINPERSOON' } as const;

/** Default column per role, as CBS names them (the synthetic extracts use the same names). */
export const DEFAULT_COLUMNS = {
  persons: { ...person, birthYear: 'GBAGEBOORTEJAAR', birthMonth: 'GBAGEBOORTEMAAND', generation: 'GBAGENERATIE' },
  households: {
    ...person,
    spellBegin: 'DATUMAANVANGHH',
    spellEnd: 'DATUMEINDEHH',
    householdKey: 'HUISHOUDNR',
    householdType: 'TYPHH',
    position: 'PLHH',
    referencePerson: 'REFPERSOONHH',
    size: 'AANTALPERSHH',
    children: 'AANTALKINDHH',
    youngestBirthYear: 'GEBJAARJONGSTEKINDHH',
    youngestBirthMonth: 'GEBMAANDJONGSTEKINDHH',
  },
  addresses: { ...person, spellBegin: 'GBADATUMAANVANGADRESHOUDING', spellEnd: 'GBADATUMEINDEADRESHOUDING', addressSource: 'SOORTOBJECTNUMMER', addressKey: 'RINOBJECTNUMMER' },
  /** `municipality` is gem<year of the reference date>; see columnsFor. */
  addressRegions: { addressSource: 'SOORTOBJECTNUMMER', addressKey: 'RINOBJECTNUMMER', municipality: 'gem{year}' },
  householdIncome: {
    breadwinnerSource: 'RINPERSOONSHKW',
    breadwinnerKey: 'RINPERSOONHKW',
    disposableIncome: 'INHBESTINKH',
    tenure: 'INHEHALGR',
    mainSource: 'INHBBIHJ',
    benefitType: 'INHUAFTYP',
  },
  incomeLink: { ...person, breadwinnerSource: 'RINPERSOONSHKW', breadwinnerKey: 'RINPERSOONHKW' },
  education: { ...person, educationCode: 'OPLNIVSOI2021AGG4HBMETNIRWO' },
  youthHelp: { ...person, spellBegin: 'JGDHGELDIGHEIDBEGINDATUM', spellEnd: 'JGDHGELDIGHEIDEINDDATUM' },
  youthProtection: { ...person, spellBegin: 'JGDBGELDIGHEIDBEGINDATUM', spellEnd: 'JGDBGELDIGHEIDEINDDATUM' },
  wmo: { ...person, spellBegin: 'WMODATUMAANVANG', spellEnd: 'WMODATUMEINDE' },
  clients: { ...person, periodBegin: 'STARTDATUM', periodEnd: 'EINDDATUM' },
} as const satisfies Record<InputKind, Record<string, string>>;

export type RolesOf<K extends InputKind> = keyof (typeof DEFAULT_COLUMNS)[K];

/**
 * The column for every role of an input: the study's override, else CBS's name, matched to the file's
 * actual columns case-insensitively (letter case varies by year). A role whose column is missing is an
 * error that names the file, the role and the column looked for.
 */
export function columnsFor<K extends InputKind>(
  kind: K,
  fileName: string,
  fileColumns: readonly string[],
  overrides: Readonly<Record<string, string>> = {},
  referenceYear: number,
): Record<RolesOf<K>, string> {
  const defaults = DEFAULT_COLUMNS[kind] as Record<string, string>;
  for (const role of Object.keys(overrides)) {
    if (!(role in defaults)) throw new UserFacingError(`${fileName}: "${role}" is not a role of a ${kind} file; roles are ${Object.keys(defaults).join(', ')}.`);
  }
  const byLowerName = new Map(fileColumns.map((column) => [column.toLowerCase(), column]));
  const resolved: Record<string, string> = {};
  for (const [role, defaultColumn] of Object.entries(defaults)) {
    const wanted = (overrides[role] ?? defaultColumn).replace('{year}', String(referenceYear));
    const actual = byLowerName.get(wanted.toLowerCase());
    if (!actual) {
      throw new UserFacingError(
        `${fileName} has no column ${wanted} for the role ${role}; map the role to one of its columns (${fileColumns.slice(0, 12).join(', ')}${fileColumns.length > 12 ? ', ...' : ''}).`,
      );
    }
    resolved[role] = actual;
  }
  return resolved as Record<RolesOf<K>, string>;
}
