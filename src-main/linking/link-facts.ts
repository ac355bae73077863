// Steps 6-8 of a link: income and housing through the main breadwinner, the education of the residents, and care
// (youth help, youth protection, Wmo) valid on the reference date. A missing input gives an empty table, not an error.
import type { LockedSession } from '../engine/locked-session';
import type { ReferenceDate } from '../common/reference-date';
import type { Input, Inputs } from './link-inputs';
import { select, validOn } from './link-sql';
import type { Linker } from './linker';

/** Builds link_breadwinners, link_income, link_education and link_care for the residents. */
export async function linkFacts(linker: Linker, session: LockedSession, inputs: Inputs, ref: ReferenceDate): Promise<void> {
  const { householdIncome, incomeLink, education, youthHelp, youthProtection, wmo } = inputs;
  if (Boolean(incomeLink) !== Boolean(householdIncome)) {
    linker.note(
      incomeLink
        ? 'Er is een koppelbestand persoon-huishouden (incomeLink) maar geen huishoudinkomen (householdIncome): inkomen en wonen zijn niet gekoppeld.'
        : 'Er is een huishoudinkomen (householdIncome) maar geen koppelbestand persoon-huishouden (incomeLink, KOPPELPERSOONHUISHOUDEN): ' +
            'inkomen en wonen zijn niet gekoppeld. Open beide bestanden.',
    );
  }
  // 6. Income and housing through the main breadwinner.
  if (incomeLink && householdIncome) {
    await linker.run(
      'Inkomen koppelen',
      `CREATE OR REPLACE TEMP TABLE link_breadwinners AS
       SELECT k.* FROM ${select(incomeLink, { personSource: 'key', personKey: 'key', breadwinnerSource: 'key', breadwinnerKey: 'key' })} k
       SEMI JOIN link_residents r ON r.personSource = k.personSource AND r.personKey = k.personKey`,
      ['incomeLink'],
    );
    await linker.run(
      'Huishoudinkomen koppelen',
      `CREATE OR REPLACE TEMP TABLE link_income AS
       SELECT i.* REPLACE (TRY_CAST(i.disposableIncome AS BIGINT) AS disposableIncome) FROM ` +
        select(householdIncome, {
          breadwinnerSource: 'key',
          breadwinnerKey: 'key',
          disposableIncome: 'integer',
          tenure: 'text',
          mainIncomeSource: 'text',
          benefitType: 'text',
        }) +
        ` i
       SEMI JOIN (SELECT DISTINCT breadwinnerSource, breadwinnerKey FROM link_breadwinners) b
         ON b.breadwinnerSource = i.breadwinnerSource AND b.breadwinnerKey = i.breadwinnerKey`,
      ['householdIncome'],
    );
  } else {
    await session.query(
      'CREATE OR REPLACE TEMP TABLE link_breadwinners (personSource VARCHAR, personKey VARCHAR, breadwinnerSource VARCHAR, breadwinnerKey VARCHAR)',
    );
    await session.query(
      'CREATE OR REPLACE TEMP TABLE link_income (breadwinnerSource VARCHAR, breadwinnerKey VARCHAR, disposableIncome BIGINT, ' +
        'tenure VARCHAR, mainIncomeSource VARCHAR, benefitType VARCHAR)',
    );
  }

  // 7. Education of the residents.
  if (education) {
    await linker.run(
      'Opleiding koppelen',
      `CREATE OR REPLACE TEMP TABLE link_education AS
       SELECT e.* FROM ${select(education, { personSource: 'key', personKey: 'key', educationCode: 'text' })} e
       SEMI JOIN link_residents r ON r.personSource = e.personSource AND r.personKey = e.personKey`,
      ['education'],
    );
  } else {
    await session.query('CREATE OR REPLACE TEMP TABLE link_education (personSource VARCHAR, personKey VARCHAR, educationCode VARCHAR)');
  }

  // 8. Care valid on the reference date, per resident.
  const care: [string, Input<'youthHelp'> | Input<'youthProtection'> | Input<'wmo'> | undefined, 'youthHelp' | 'youthProtection' | 'wmo'][] = [
    ['youth_help', youthHelp, 'youthHelp'],
    ['youth_protection', youthProtection, 'youthProtection'],
    ['wmo', wmo, 'wmo'],
  ];
  const careSelects = care.map(([name, input]) =>
    input
      ? `SELECT personSource, personKey, '${name}' AS care FROM ` +
        select(input as Input<'wmo'>, { personSource: 'key', personKey: 'key' }, validOn(input as Input<'wmo'>, 'spellBegin', 'spellEnd', ref))
      : `SELECT NULL::VARCHAR AS personSource, NULL::VARCHAR AS personKey, '${name}' AS care WHERE false`,
  );
  await linker.run(
    'Zorg op de peildatum koppelen',
    `CREATE OR REPLACE TEMP TABLE link_care AS
     SELECT DISTINCT c.* FROM (${careSelects.join(' UNION ALL ')}) c SEMI JOIN link_residents r ` +
      `ON r.personSource = c.personSource AND r.personKey = c.personKey`,
    care.map(([, , kind]) => kind).filter((kind) => inputs[kind]),
  );
}
