// Steps 6-8 of a link: income and housing through the main breadwinner, the education of the residents, and care
// (youth help, youth protection, Wmo) valid on each household's moment (link-moments.ts). A missing input gives an empty table, not an error.
import type { LockedSession } from '../engine/locked-session';
import type { Input, Inputs } from './link-inputs';
import { select, validBetween } from './link-sql';
import type { MomentRange } from './link-moments';
import type { Linker } from './linker';

/** Builds link_breadwinners, link_income, link_education and link_care for the residents. */
export async function linkFacts(linker: Linker, session: LockedSession, inputs: Inputs, moments: MomentRange): Promise<void> {
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

  // 8. Care valid on the household's moment (the reference date unless the study measures at the client's start), per member.
  const care: [string, Input<'youthHelp'> | Input<'youthProtection'> | Input<'wmo'> | undefined, 'youthHelp' | 'youthProtection' | 'wmo'][] = [
    ['youth_help', youthHelp, 'youthHelp'],
    ['youth_protection', youthProtection, 'youthProtection'],
    ['wmo', wmo, 'wmo'],
  ];
  // The national files are reduced to the range of the moments while read; each spell then counts at its household's moment.
  const careSelects = care.map(([name, input]) =>
    input
      ? `SELECT personSource, personKey, spellBegin, spellEnd, '${name}' AS care FROM ` +
        select(
          input as Input<'wmo'>,
          { personSource: 'key', personKey: 'key', spellBegin: 'date', spellEnd: 'date' },
          validBetween(input as Input<'wmo'>, 'spellBegin', 'spellEnd', moments.earliest, moments.latest),
        )
      : `SELECT NULL::VARCHAR AS personSource, NULL::VARCHAR AS personKey, NULL::VARCHAR AS spellBegin, NULL::VARCHAR AS spellEnd, ` +
        `'${name}' AS care WHERE false`,
  );
  await linker.run(
    moments.perHousehold ? 'Zorg op het meetmoment koppelen' : 'Zorg op de peildatum koppelen',
    `CREATE OR REPLACE TEMP TABLE link_care AS
     SELECT DISTINCT c.personSource, c.personKey, c.care FROM (${careSelects.join(' UNION ALL ')}) c JOIN link_moments m ` +
      `ON m.personSource = c.personSource AND m.personKey = c.personKey AND c.spellBegin <= m.moment AND c.spellEnd >= m.moment`,
    care.map(([, , kind]) => kind).filter((kind) => inputs[kind]),
  );
}
