// Step 9 of a link: the analysis table, one row per household of residents on the reference date with its features
// (composition, ages, migration background, education, income and housing, care, client status), and its counts.
import { calendarParts, type ReferenceDate } from '../common/reference-date';
import { ANALYSIS_TABLE_BUILD } from './analysis-table-name';
import type { Linker } from './linker';

/** CBS's code for an income that is not known (INHBESTINKH). */
const UNKNOWN_INCOME = 9_999_999_999;

/** Builds the analysis table (into the link's build table, see ANALYSIS_TABLE_BUILD) from the link_* tables of steps 1-8 and registers the table's counts. */
export async function buildAnalysisTable(linker: Linker, ref: ReferenceDate): Promise<void> {
  // 9. The analysis table.
  const { year, month } = calendarParts(ref);
  const age = (y: string, m: string) => `(${year} - ${y} - CASE WHEN ${month} < coalesce(${m}, 1) THEN 1 ELSE 0 END)`;
  await linker.run(
    'Analysetabel opbouwen',
    `CREATE OR REPLACE TEMP TABLE ${ANALYSIS_TABLE_BUILD} AS
     WITH care AS (
       SELECT personSource, personKey, bool_or(care = 'youth_help') AS youthHelp, ` +
      `bool_or(care = 'youth_protection') AS youthProtection, bool_or(care = 'wmo') AS wmo
       FROM link_care GROUP BY ALL
     ), member AS (
       SELECT m.*, p.birthYear, p.birthMonth, p.generation, e.educationCode, b.breadwinnerSource, b.breadwinnerKey, c.clientDays,
         coalesce(k.youthHelp, false) AS youthHelp, coalesce(k.youthProtection, false) AS youthProtection, coalesce(k.wmo, false) AS wmo
       FROM link_members m
       LEFT JOIN link_persons p USING (personSource, personKey)
       LEFT JOIN link_education e USING (personSource, personKey)
       LEFT JOIN link_breadwinners b USING (personSource, personKey)
       LEFT JOIN link_clients c USING (personSource, personKey)
       LEFT JOIN care k USING (personSource, personKey)
     ), household AS (
       SELECT householdKey, spellBegin,
         any_value(householdType) AS household_type,
         max(householdSize) AS size,
         max(childCount) AS children,
         max(youngestChildBirthYear) AS youngestBirthYear,
         max(youngestChildBirthMonth) AS youngestBirthMonth,
         max(CASE WHEN referencePerson = '1' THEN ${age('birthYear', 'birthMonth')} END) AS reference_age,
         bool_or(generation IN ('1', '2')) AS migration_background,
         max(CASE WHEN householdPosition <> '1' AND left(educationCode, 1) IN ('1', '2', '3') THEN left(educationCode, 1)::INTEGER END) AS education_rank,
         arg_max(breadwinnerKey, CASE WHEN referencePerson = '1' THEN 1 ELSE 0 END) AS breadwinnerKey,
         arg_max(breadwinnerSource, CASE WHEN referencePerson = '1' THEN 1 ELSE 0 END) AS breadwinnerSource,
         bool_or(clientDays IS NOT NULL) AS client,
         max(clientDays) AS client_days,
         bool_or(youthHelp) AS youth_help,
         bool_or(youthProtection) AS youth_protection,
         bool_or(wmo) AS wmo,
         count(*) AS members_found
       FROM member GROUP BY householdKey, spellBegin
     )
     SELECT h.householdKey AS household_key, h.spellBegin AS household_start,
       h.household_type, h.size, h.children,
       CASE WHEN h.youngestBirthYear IS NULL THEN NULL ELSE ${age('h.youngestBirthYear', 'h.youngestBirthMonth')} END AS youngest_child_age,
       h.reference_age, h.migration_background,
       CASE h.education_rank WHEN 1 THEN 'low' WHEN 2 THEN 'middle' WHEN 3 THEN 'high' END AS education_level,
       i.mainIncomeSource AS income_source, i.benefitType AS benefit_type,
       CASE WHEN i.disposableIncome = ${UNKNOWN_INCOME} THEN NULL ELSE i.disposableIncome END AS disposable_income,
       CASE WHEN i.tenure IN ('1', '2', '3', '8') THEN i.tenure END AS tenure,
       h.youth_help, h.youth_protection, h.wmo,
       h.client, h.client_days, i.breadwinnerKey IS NOT NULL AS has_income_record, h.members_found
     FROM household h
     LEFT JOIN link_income i ON i.breadwinnerSource = h.breadwinnerSource AND i.breadwinnerKey = h.breadwinnerKey`,
    [],
  );
  linker.count('income', 'withIncome', 'Huishoudens met een inkomensregel', `SELECT count(*) FROM ${ANALYSIS_TABLE_BUILD} WHERE has_income_record`);
  linker.count('income', 'withoutIncome', 'Huishoudens zonder inkomensregel', `SELECT count(*) FROM ${ANALYSIS_TABLE_BUILD} WHERE NOT has_income_record`);
  linker.count(
    'income',
    'unknownIncome',
    'Huishoudens met onbekend inkomen',
    `SELECT count(*) FROM ${ANALYSIS_TABLE_BUILD} WHERE has_income_record AND disposable_income IS NULL`,
  );
  linker.count(
    'education',
    'known',
    'Huishoudens met een bekend opleidingsniveau',
    `SELECT count(*) FROM ${ANALYSIS_TABLE_BUILD} WHERE education_level IS NOT NULL`,
  );
  linker.count(
    'education',
    'unknown',
    'Huishoudens zonder bekend opleidingsniveau',
    `SELECT count(*) FROM ${ANALYSIS_TABLE_BUILD} WHERE education_level IS NULL`,
  );
  linker.count('care', 'youthHelp', 'Huishoudens met jeugdhulp op de peildatum', `SELECT count(*) FROM ${ANALYSIS_TABLE_BUILD} WHERE youth_help`);
  linker.count(
    'care',
    'youthProtection',
    'Huishoudens met jeugdbescherming op de peildatum',
    `SELECT count(*) FROM ${ANALYSIS_TABLE_BUILD} WHERE youth_protection`,
  );
  linker.count('care', 'wmo', 'Huishoudens met Wmo-ondersteuning op de peildatum', `SELECT count(*) FROM ${ANALYSIS_TABLE_BUILD} WHERE wmo`);
  linker.count('table', 'households', 'Huishoudens in de analysetabel', `SELECT count(*) FROM ${ANALYSIS_TABLE_BUILD}`);
  linker.count('table', 'clientHouseholds', 'Klanthuishoudens', `SELECT count(*) FROM ${ANALYSIS_TABLE_BUILD} WHERE client`);
  linker.count('table', 'persons', 'Personen in deze huishoudens', `SELECT sum(members_found) FROM ${ANALYSIS_TABLE_BUILD}`);
}
