// Links the extracts at the reference date inside one locked DuckDB session and builds the analysis table
// of households in the municipality; each national file is scanned once, filtered while it is read.
import type { LockedSession } from '../engine/locked-session';
import { UserFacingError } from '../common/errors';
import { describePreparedSource, type Input, type Inputs, type PreparedSource } from './link-inputs';
import type { LinkCount, LinkReport, LinkStep } from './link-report';
import { select, validOn } from './link-sql';
import type { InputKind, Study } from './study-file';

import { ANALYSIS_TABLE } from './analysis-table-name';

export { ANALYSIS_TABLE };
const UNKNOWN_INCOME = 9_999_999_999;

export interface LinkProgress {
  step: number;
  steps: number;
  label: string;
}

export interface LinkOptions {
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: LinkProgress) => void) | undefined;
}

class Linker {
  private readonly counts = new Map<string, LinkCount[]>();
  private readonly pending: { stepId: string; id: string; label: string; sql: string }[] = [];
  private step = 0;

  constructor(
    private readonly session: LockedSession,
    private readonly study: Study,
    private readonly inputs: Inputs,
    private readonly options: LinkOptions,
    private readonly totalSteps: number,
  ) {}

  /** The bound values a statement names: the reference date, the municipality, the input paths. */
  private parameters(sql: string): Record<string, string> {
    const values: Record<string, string> = { reference: this.study.referenceDate, municipality: this.study.municipality.code };
    for (const input of Object.values(this.inputs)) Object.assign(values, input.parameters);
    return Object.fromEntries(Object.entries(values).filter(([name]) => new RegExp(`\\$${name}\\b`).test(sql)));
  }

  /** Runs one statement as a step: progress before, cancel honoured before and during. */
  async run(label: string, sql: string, kinds: InputKind[]): Promise<void> {
    this.options.signal?.throwIfAborted();
    this.step += 1;
    this.options.onProgress?.({ step: this.step, steps: this.totalSteps, label });
    const onAbort = () => this.session.interrupt();
    this.options.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      await this.session.query(sql, this.parameters(sql));
    } catch (error) {
      this.options.signal?.throwIfAborted();
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
      const files = kinds
        .map((kind) => this.inputs[kind]?.name)
        .filter(Boolean)
        .join(', ');
      throw new UserFacingError(`${label} is mislukt${files ? ` (${files})` : ''}: ${message}`);
    } finally {
      this.options.signal?.removeEventListener('abort', onAbort);
    }
  }

  /** Registers a count of the report; all are taken together, in one statement, when the linking is done. */
  count(stepId: string, id: string, label: string, sql: string): void {
    this.pending.push({ stepId, id, label, sql });
  }

  async report(steps: { id: string; label: string }[]): Promise<LinkReport> {
    const columns = this.pending.map((count, index) => `(${count.sql}) AS c${index}`);
    const [row] = columns.length > 0 ? await this.session.query(`SELECT ${columns.join(', ')}`) : [{}];
    for (const [index, count] of this.pending.entries()) {
      const list = this.counts.get(count.stepId) ?? [];
      list.push({ id: count.id, label: count.label, count: Number(row?.[`c${index}`] ?? 0) });
      this.counts.set(count.stepId, list);
    }
    const out: LinkStep[] = steps.map((step) => ({ ...step, counts: this.counts.get(step.id) ?? [] }));
    return { referenceDate: this.study.referenceDate, municipality: this.study.municipality.code, steps: out };
  }
}

export const LINK_STEPS = [
  { id: 'municipality', label: 'Adressen in de gemeente' },
  { id: 'clients', label: 'Klantenbestand' },
  { id: 'residents', label: 'Inwoners op de peildatum' },
  { id: 'persons', label: 'Persoonsregister' },
  { id: 'households', label: 'Huishoudens op de peildatum' },
  { id: 'income', label: 'Inkomen en wonen' },
  { id: 'education', label: 'Opleiding' },
  { id: 'care', label: 'Jeugdhulp, jeugdbescherming en Wmo' },
  { id: 'table', label: 'Analysetabel' },
] as const;

/** The target of a link run: the reference date and the municipality (what a study file adds to its inputs). */
export type LinkTarget = Pick<Study, 'referenceDate' | 'municipality'>;

/**
 * Builds `analysis_households` in the session from sources the study engine reads (its open files, in
 * the app and headless alike): one row per household of persons living in the municipality on the
 * reference date. Intermediate tables are small (residents, their households); the big files are only
 * ever scanned, filtered by date and semi-joined on the residents while read.
 */
export async function linkPreparedSources(
  session: LockedSession,
  target: LinkTarget,
  sources: readonly PreparedSource[],
  options: LinkOptions = {},
): Promise<LinkReport> {
  const inputs: Inputs = {};
  const year = Number(target.referenceDate.slice(0, 4));
  for (const source of sources) {
    if ((inputs as Record<string, unknown>)[source.kind])
      throw new UserFacingError(
        `Twee geopende bestanden zijn allebei een tabel van de soort ${source.kind} (${source.name}); geef een van beide op de pagina Data een andere soort.`,
      );
    (inputs as Record<string, unknown>)[source.kind] = await describePreparedSource(session, source, year);
  }
  return linkInputs(session, { ...target, name: 'app', version: 1, openEndDate: '20501231', inputs: [] }, inputs, options);
}

async function linkInputs(session: LockedSession, study: Study, inputs: Inputs, options: LinkOptions): Promise<LinkReport> {
  const { persons, households, addresses, addressRegions, householdIncome, incomeLink, education, youthHelp, youthProtection, wmo, clients } = inputs;
  if (!persons || !households || !addresses || !addressRegions)
    throw new UserFacingError('De studie heeft invoerbestanden nodig van de soorten persons, households, addresses en addressRegions.');
  const linker = new Linker(session, study, inputs, options, 10);
  const ref = study.referenceDate;
  try {
    // 1. Address objects in the municipality.
    await linker.run(
      'Adressen in de gemeente selecteren',
      `CREATE OR REPLACE TEMP TABLE link_region AS SELECT DISTINCT addressSource, addressKey
       FROM ${select(addressRegions, { addressSource: 'key', addressKey: 'key', municipality: 'text' })} WHERE municipality = $municipality`,
      ['addressRegions'],
    );
    linker.count('municipality', 'addressObjects', 'Adresobjecten in de gemeente', 'SELECT count(*) FROM link_region');

    // 2. Client periods valid on the reference date.
    if (clients) {
      await linker.run(
        'Klantperioden op de peildatum',
        `CREATE OR REPLACE TEMP TABLE link_client_rows AS
         SELECT *, begin <= $reference AND "end" >= $reference AS valid FROM (SELECT personSource, personKey, clientBegin AS begin, clientEnd AS "end"
           FROM ${select(clients, { personSource: 'key', personKey: 'key', clientBegin: 'date', clientEnd: 'date' })})`,
        ['clients'],
      );
      linker.count('clients', 'rows', 'Regels in het klantenbestand', 'SELECT count(*) FROM link_client_rows');
      linker.count('clients', 'notValid', 'Klantperiode niet op de peildatum', 'SELECT count(*) FROM link_client_rows WHERE NOT valid');
      linker.count('clients', 'validRows', 'Regels met een klantperiode op de peildatum', 'SELECT count(*) FROM link_client_rows WHERE valid');
      linker.count('clients', 'badPeriod', 'Einddatum vóór begindatum', 'SELECT count(*) FROM link_client_rows WHERE "end" < begin');
      await session.query(`CREATE OR REPLACE TEMP TABLE link_clients AS
        SELECT personSource, personKey, max(strptime("end", '%Y%m%d')::DATE - strptime(begin, '%Y%m%d')::DATE + 1) AS clientDays
        FROM link_client_rows WHERE valid AND "end" >= begin GROUP BY ALL`);
      linker.count('clients', 'validPersons', 'Klanten met een periode op de peildatum', 'SELECT count(*) FROM link_clients');
    } else {
      await session.query('CREATE OR REPLACE TEMP TABLE link_clients (personSource VARCHAR, personKey VARCHAR, clientDays BIGINT)');
    }

    // 3. The address history, read once: persons living in the municipality on the reference date.
    //    (Where clients outside it live is read from the household spells in step 5, not from a
    //    second pass over this, the largest file.)
    await linker.run(
      'Adressen op de peildatum koppelen',
      `CREATE OR REPLACE TEMP TABLE link_addresses AS
       SELECT a.personSource, a.personKey FROM ${select(addresses, { personSource: 'key', personKey: 'key', addressSource: 'key', addressKey: 'key' }, validOn(addresses, 'spellBegin', 'spellEnd', ref))} a
       JOIN link_region r ON r.addressSource = a.addressSource AND r.addressKey = a.addressKey`,
      ['addresses'],
    );
    await session.query(`CREATE OR REPLACE TEMP TABLE link_residents AS SELECT DISTINCT personSource, personKey FROM link_addresses`);
    linker.count('residents', 'residents', 'Personen met een adres in de gemeente op de peildatum', 'SELECT count(*) FROM link_residents');
    linker.count(
      'residents',
      'severalAddresses',
      'Personen met meer dan één adres op de peildatum',
      `SELECT count(*) FROM (SELECT personKey FROM link_addresses GROUP BY personSource, personKey HAVING count(*) > 1)`,
    );
    // 4. The person register: birth and migration background of residents; client keys that are unknown.
    await linker.run(
      'Persoonsregister koppelen',
      `CREATE OR REPLACE TEMP TABLE link_persons AS
       SELECT p.personSource, p.personKey, TRY_CAST(p.birthYear AS INTEGER) AS birthYear, TRY_CAST(p.birthMonth AS INTEGER) AS birthMonth, p.generation
       FROM ${select(persons, { personSource: 'key', personKey: 'key', birthYear: 'integer', birthMonth: 'integer', generation: 'text' })} p
       SEMI JOIN (SELECT personSource, personKey FROM link_residents UNION SELECT personSource, personKey FROM link_clients) k
         ON k.personSource = p.personSource AND k.personKey = p.personKey`,
      ['persons'],
    );
    linker.count(
      'persons',
      'found',
      'Inwoners gevonden in het persoonsregister',
      'SELECT count(*) FROM link_residents SEMI JOIN link_persons USING (personSource, personKey)',
    );
    linker.count(
      'persons',
      'notFound',
      'Inwoners niet in het persoonsregister',
      'SELECT count(*) FROM link_residents ANTI JOIN link_persons USING (personSource, personKey)',
    );
    if (clients) {
      linker.count(
        'clients',
        'notInRegister',
        'Klantsleutels niet in het persoonsregister',
        'SELECT count(*) FROM link_clients ANTI JOIN link_persons USING (personSource, personKey)',
      );
    }

    // 5. Household spells valid on the reference date.
    await linker.run(
      'Huishoudens op de peildatum koppelen',
      `CREATE OR REPLACE TEMP TABLE link_spells AS
       SELECT h.* REPLACE (TRY_CAST(h.householdSize AS INTEGER) AS householdSize, TRY_CAST(h.childCount AS INTEGER) AS childCount,
         TRY_CAST(h.youngestChildBirthYear AS INTEGER) AS youngestChildBirthYear, TRY_CAST(h.youngestChildBirthMonth AS INTEGER) AS youngestChildBirthMonth)
       FROM ${select(
         households,
         {
           personSource: 'key',
           personKey: 'key',
           householdKey: 'key',
           spellBegin: 'date',
           householdType: 'text',
           householdPosition: 'text',
           referencePerson: 'text',
           householdSize: 'integer',
           childCount: 'integer',
           youngestChildBirthYear: 'integer',
           youngestChildBirthMonth: 'integer',
         },
         validOn(households, 'spellBegin', 'spellEnd', ref),
       )} h SEMI JOIN (SELECT personSource, personKey FROM link_residents UNION SELECT personSource, personKey FROM link_clients) k
         ON k.personSource = h.personSource AND k.personKey = h.personKey`,
      ['households'],
    );
    await session.query('CREATE OR REPLACE TEMP TABLE link_members AS SELECT * FROM link_spells SEMI JOIN link_residents USING (personSource, personKey)');
    if (clients) {
      linker.count(
        'clients',
        'livingInMunicipality',
        'Klanten die op de peildatum in de gemeente wonen',
        'SELECT count(*) FROM link_clients SEMI JOIN link_residents USING (personSource, personKey)',
      );
      linker.count(
        'clients',
        'livingElsewhere',
        'Klanten die op de peildatum elders wonen',
        `SELECT count(*) FROM (SELECT * FROM link_clients ANTI JOIN link_residents USING (personSource, personKey)) c
        SEMI JOIN link_spells USING (personSource, personKey)`,
      );
      linker.count(
        'clients',
        'notRegistered',
        'Klanten zonder adres of huishouden op de peildatum',
        `SELECT count(*) FROM (SELECT * FROM link_clients ANTI JOIN link_residents USING (personSource, personKey)) c
        ANTI JOIN link_spells USING (personSource, personKey)`,
      );
    }
    linker.count(
      'households',
      'residentsWithHousehold',
      'Inwoners met een huishouden op de peildatum',
      'SELECT count(DISTINCT (personSource, personKey)) FROM link_members',
    );
    linker.count(
      'households',
      'residentsWithoutHousehold',
      'Inwoners zonder huishouden op de peildatum',
      'SELECT count(*) FROM link_residents ANTI JOIN link_members USING (personSource, personKey)',
    );
    linker.count(
      'households',
      'severalHouseholds',
      'Inwoners in meer dan één huishouden op de peildatum',
      'SELECT count(*) FROM (SELECT 1 FROM link_members GROUP BY personSource, personKey HAVING count(*) > 1)',
    );
    linker.count('households', 'households', 'Huishoudens', 'SELECT count(*) FROM (SELECT DISTINCT householdKey, spellBegin FROM link_members)');
    linker.count(
      'households',
      'incomplete',
      'Huishoudens met leden buiten de gemeente',
      `SELECT count(*) FROM (
      SELECT householdKey, spellBegin FROM link_members GROUP BY ALL HAVING count(*) < max(householdSize))`,
    );

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
         SELECT i.* REPLACE (TRY_CAST(i.disposableIncome AS BIGINT) AS disposableIncome) FROM ${select(householdIncome, { breadwinnerSource: 'key', breadwinnerKey: 'key', disposableIncome: 'integer', tenure: 'text', mainIncomeSource: 'text', benefitType: 'text' })} i
         SEMI JOIN (SELECT DISTINCT breadwinnerSource, breadwinnerKey FROM link_breadwinners) b
           ON b.breadwinnerSource = i.breadwinnerSource AND b.breadwinnerKey = i.breadwinnerKey`,
        ['householdIncome'],
      );
    } else {
      await session.query(
        'CREATE OR REPLACE TEMP TABLE link_breadwinners (personSource VARCHAR, personKey VARCHAR, breadwinnerSource VARCHAR, breadwinnerKey VARCHAR)',
      );
      await session.query(
        'CREATE OR REPLACE TEMP TABLE link_income (breadwinnerSource VARCHAR, breadwinnerKey VARCHAR, disposableIncome BIGINT, tenure VARCHAR, mainIncomeSource VARCHAR, benefitType VARCHAR)',
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
    const care: [string, Input<'youthHelp'> | Input<'youthProtection'> | Input<'wmo'> | undefined, InputKind][] = [
      ['youth_help', youthHelp, 'youthHelp'],
      ['youth_protection', youthProtection, 'youthProtection'],
      ['wmo', wmo, 'wmo'],
    ];
    const careSelects = care.map(([name, input]) =>
      input
        ? `SELECT personSource, personKey, '${name}' AS care FROM ${select(input as Input<'wmo'>, { personSource: 'key', personKey: 'key' }, validOn(input as Input<'wmo'>, 'spellBegin', 'spellEnd', ref))}`
        : `SELECT NULL::VARCHAR AS personSource, NULL::VARCHAR AS personKey, '${name}' AS care WHERE false`,
    );
    await linker.run(
      'Zorg op de peildatum koppelen',
      `CREATE OR REPLACE TEMP TABLE link_care AS
       SELECT DISTINCT c.* FROM (${careSelects.join(' UNION ALL ')}) c SEMI JOIN link_residents r ON r.personSource = c.personSource AND r.personKey = c.personKey`,
      care.map(([, , kind]) => kind).filter((kind) => inputs[kind]),
    );

    // 9. The analysis table.
    const [year, month] = [Number(ref.slice(0, 4)), Number(ref.slice(4, 6))];
    const age = (y: string, m: string) => `(${year} - ${y} - CASE WHEN ${month} < coalesce(${m}, 1) THEN 1 ELSE 0 END)`;
    await linker.run(
      'Analysetabel opbouwen',
      `CREATE OR REPLACE TEMP TABLE ${ANALYSIS_TABLE}_next AS
       WITH care AS (
         SELECT personSource, personKey, bool_or(care = 'youth_help') AS youthHelp, bool_or(care = 'youth_protection') AS youthProtection, bool_or(care = 'wmo') AS wmo
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
    await session.query(`CREATE OR REPLACE TEMP TABLE ${ANALYSIS_TABLE} AS SELECT * FROM ${ANALYSIS_TABLE}_next`);
    await session.query(`DROP TABLE ${ANALYSIS_TABLE}_next`);
    linker.count('income', 'withIncome', 'Huishoudens met een inkomensregel', `SELECT count(*) FROM ${ANALYSIS_TABLE} WHERE has_income_record`);
    linker.count('income', 'withoutIncome', 'Huishoudens zonder inkomensregel', `SELECT count(*) FROM ${ANALYSIS_TABLE} WHERE NOT has_income_record`);
    linker.count(
      'income',
      'unknownIncome',
      'Huishoudens met onbekend inkomen',
      `SELECT count(*) FROM ${ANALYSIS_TABLE} WHERE has_income_record AND disposable_income IS NULL`,
    );
    linker.count(
      'education',
      'known',
      'Huishoudens met een bekend opleidingsniveau',
      `SELECT count(*) FROM ${ANALYSIS_TABLE} WHERE education_level IS NOT NULL`,
    );
    linker.count('education', 'unknown', 'Huishoudens zonder bekend opleidingsniveau', `SELECT count(*) FROM ${ANALYSIS_TABLE} WHERE education_level IS NULL`);
    linker.count('care', 'youthHelp', 'Huishoudens met jeugdhulp op de peildatum', `SELECT count(*) FROM ${ANALYSIS_TABLE} WHERE youth_help`);
    linker.count(
      'care',
      'youthProtection',
      'Huishoudens met jeugdbescherming op de peildatum',
      `SELECT count(*) FROM ${ANALYSIS_TABLE} WHERE youth_protection`,
    );
    linker.count('care', 'wmo', 'Huishoudens met Wmo-ondersteuning op de peildatum', `SELECT count(*) FROM ${ANALYSIS_TABLE} WHERE wmo`);
    linker.count('table', 'households', 'Huishoudens in de analysetabel', `SELECT count(*) FROM ${ANALYSIS_TABLE}`);
    linker.count('table', 'clientHouseholds', 'Klanthuishoudens', `SELECT count(*) FROM ${ANALYSIS_TABLE} WHERE client`);
    linker.count('table', 'persons', 'Personen in deze huishoudens', `SELECT sum(members_found) FROM ${ANALYSIS_TABLE}`);
    return await linker.report([...LINK_STEPS]);
  } finally {
    for (const table of [
      'link_region',
      'link_client_rows',
      'link_clients',
      'link_addresses',
      'link_residents',
      'link_persons',
      'link_spells',
      'link_members',
      'link_breadwinners',
      'link_income',
      'link_education',
      'link_care',
      `${ANALYSIS_TABLE}_next`,
    ]) {
      await session.query(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
    }
  }
}
