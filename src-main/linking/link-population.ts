// Steps 1-5 of a link: the address objects of the municipality, the client periods on the reference date, the
// residents (the address history read once), their person records, and the household spells of residents and clients.
import { UserFacingError } from '../common/errors';
import type { LockedSession } from '../engine/locked-session';
import type { ReferenceDate } from '../common/reference-date';
import type { Input, Inputs } from './link-inputs';
import { select, validOn } from './link-sql';
import type { Linker } from './linker';

/** The inputs every link needs. */
export interface PopulationInputs {
  persons: Input<'persons'>;
  households: Input<'households'>;
  addresses: Input<'addresses'>;
  addressRegions: Input<'addressRegions'>;
}

/** The nearest codes the region file does have, when the study's municipality has no address object in it. */
async function refuseAbsentMunicipality(session: LockedSession, regions: Input<'addressRegions'>, municipality: string): Promise<void> {
  const [found] = await session.query('SELECT count(*) AS n FROM link_region');
  if (Number(found?.n) > 0) return;
  const codes = await session.query(
    `SELECT municipality AS code FROM (SELECT DISTINCT municipality FROM ${select(regions, { municipality: 'text' })} WHERE municipality IS NOT NULL)
     ORDER BY abs(coalesce(TRY_CAST(municipality AS INTEGER), 100000) - TRY_CAST($municipality AS INTEGER)), municipality LIMIT 5`,
    { ...regions.parameters, municipality },
  );
  const nearest = codes.map((row) => String(row.code));
  throw new UserFacingError(
    `De gemeentecode ${municipality} komt niet voor in kolom ${regions.columns.municipality} van ${regions.name}` +
      (nearest.length > 0 ? `; de dichtstbijzijnde codes in dat bestand zijn ${nearest.join(', ')}.` : '; die kolom is leeg.') +
      ' Kies een gemeente die in het bestand staat, of een regiobestand van het jaar van de peildatum.',
  );
}

/** Builds link_region, link_clients, link_residents, link_persons, link_spells and link_members, with their counts. */
export async function linkPopulation(linker: Linker, session: LockedSession, inputs: PopulationInputs & Inputs, ref: ReferenceDate): Promise<void> {
  const { persons, households, addresses, addressRegions, clients } = inputs;
  // 1. Address objects in the municipality; a code the region file does not have is an error naming the nearest ones.
  await linker.run(
    'Adressen in de gemeente selecteren',
    `CREATE OR REPLACE TEMP TABLE link_region AS SELECT DISTINCT addressSource, addressKey
     FROM ${select(addressRegions, { addressSource: 'key', addressKey: 'key', municipality: 'text' })} WHERE municipality = $municipality`,
    ['addressRegions'],
  );
  await refuseAbsentMunicipality(session, addressRegions, linker.municipality);
  linker.count('municipality', 'addressObjects', 'Adresobjecten in de gemeente', 'SELECT count(*) FROM link_region');

  // 2. Client periods valid on the reference date, their duration counted up to it; an end that is blank, 0,
  //    99999999 or the study's open end means the period is still open.
  if (clients) {
    await linker.run(
      'Klantperioden op de peildatum',
      `CREATE OR REPLACE TEMP TABLE link_client_rows AS
       SELECT *, NOT unreadable AND begin <= $reference AND (open OR "end" >= $reference) AS valid
       FROM (
         SELECT *, beginDate IS NULL OR (NOT open AND endDate IS NULL) AS unreadable
         FROM (
           SELECT *, try_strptime(begin, '%Y%m%d')::DATE AS beginDate, try_strptime("end", '%Y%m%d')::DATE AS endDate,
             "end" IS NULL OR trim("end") IN ('', '0', '00000000', '99999999') OR "end" = $openEnd AS open
           FROM (SELECT personSource, personKey, trim(clientBegin) AS begin, clientEnd AS "end"
             FROM ${select(clients, { personSource: 'key', personKey: 'key', clientBegin: 'date', clientEnd: 'date' })})
         )
       )`,
      ['clients'],
    );
    linker.count('clients', 'rows', 'Regels in het klantenbestand', 'SELECT count(*) FROM link_client_rows');
    linker.count('clients', 'notValid', 'Klantperiode niet op de peildatum', 'SELECT count(*) FROM link_client_rows WHERE NOT valid');
    linker.count('clients', 'validRows', 'Regels met een klantperiode op de peildatum', 'SELECT count(*) FROM link_client_rows WHERE valid');
    linker.count('clients', 'openPeriods', 'Regels zonder einddatum (periode loopt nog)', 'SELECT count(*) FROM link_client_rows WHERE open');
    linker.count('clients', 'unreadableDates', 'Regels met een onleesbare datum', 'SELECT count(*) FROM link_client_rows WHERE unreadable');
    linker.count(
      'clients',
      'badPeriod',
      'Einddatum vóór begindatum',
      'SELECT count(*) FROM link_client_rows WHERE NOT open AND NOT unreadable AND endDate < beginDate',
    );
    await session.query(
      `CREATE OR REPLACE TEMP TABLE link_clients AS
      SELECT personSource, personKey, max(strptime($reference, '%Y%m%d')::DATE - beginDate + 1) AS clientDays,
        strftime(min(beginDate), '%Y%m%d') AS clientStart
      FROM link_client_rows WHERE valid GROUP BY ALL`,
      { reference: linker.referenceDate },
    );
    linker.count('clients', 'validPersons', 'Klanten met een periode op de peildatum', 'SELECT count(*) FROM link_clients');
  } else {
    await session.query('CREATE OR REPLACE TEMP TABLE link_clients (personSource VARCHAR, personKey VARCHAR, clientDays BIGINT, clientStart VARCHAR)');
  }

  // 3. The address history, read once: persons living in the municipality on the reference date.
  //    (Where clients outside it live is read from the household spells in step 5, not from a
  //    second pass over this, the largest file.)
  await linker.run(
    'Adressen op de peildatum koppelen',
    `CREATE OR REPLACE TEMP TABLE link_addresses AS
     SELECT a.personSource, a.personKey, a.addressSource, a.addressKey FROM ` +
      select(addresses, { personSource: 'key', personKey: 'key', addressSource: 'key', addressKey: 'key' }, validOn(addresses, 'spellBegin', 'spellEnd', ref)) +
      ` a
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
}
