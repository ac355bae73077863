// The column roles and table kinds the analyst can choose from, in menu order (checked complete at compile time).
import type { ColumnRoleChoice, TableKindChoice } from './useFileProfile';

export const ROLE_CHOICES = [
  'personSource',
  'personKey',
  'addressSource',
  'addressKey',
  'householdKey',
  'breadwinnerSource',
  'breadwinnerKey',
  'spellBegin',
  'spellEnd',
  'eventDate',
  'clientBegin',
  'clientEnd',
  'municipality',
  'district',
  'neighbourhood',
  'sex',
  'birthYear',
  'birthMonth',
  'generation',
  'originGroup',
  'householdType',
  'householdPosition',
  'referencePerson',
  'householdSize',
  'childCount',
  'youngestChildBirthYear',
  'youngestChildBirthMonth',
  'disposableIncome',
  'grossIncome',
  'standardisedIncome',
  'tenure',
  'mainIncomeSource',
  'benefitType',
  'socioEconomicPosition',
  'educationCode',
  'youthHelp',
  'youthProtection',
  'wmo',
  'schoolType',
  'offenceType',
  'motherSource',
  'motherKey',
  'fatherSource',
  'fatherKey',
] as const satisfies readonly ColumnRoleChoice[];

/** Compile-time check that the menu offers every role of the contract. */
type Unlisted = Exclude<ColumnRoleChoice, (typeof ROLE_CHOICES)[number]>;
export const ALL_ROLES_LISTED: [Unlisted] extends [never] ? true : never = true;

/** The role a column plays in the file's current mapping, if any. */
export function roleOfColumn(roles: Partial<Record<ColumnRoleChoice, string>>, column: string): ColumnRoleChoice | null {
  return ROLE_CHOICES.find((role) => roles[role] === column) ?? null;
}

export const TABLE_CHOICES = [
  'persons',
  'households',
  'addresses',
  'addressRegions',
  'householdIncome',
  'incomeLink',
  'socioEconomic',
  'education',
  'youthHelp',
  'youthProtection',
  'wmo',
  'clients',
  'parentChild',
  'debtRestructuring',
  'halt',
  'schoolEnrolment',
  'earlySchoolLeaving',
  'unknown',
] as const satisfies readonly TableKindChoice[];

type UnlistedKind = Exclude<TableKindChoice, (typeof TABLE_CHOICES)[number]>;
export const ALL_KINDS_LISTED: [UnlistedKind] extends [never] ? true : never = true;
