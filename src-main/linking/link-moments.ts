// The moment each linked household is measured at (after step 5): the reference date, or, when the study measures at
// the start of the client period, the earliest start of a client period that runs on the reference date among the
// household's members (client households only; every other household stays at the reference date). Care and the
// catalogue features read link_moments; composition, ages, income and the client's duration stay at the reference date.
import { sqlDate, type ReferenceDate } from '../common/reference-date';
import type { LockedSession } from '../engine/locked-session';
import type { Linker } from './linker';
import { MOMENT_MEASURES, type ReferenceMoment } from './reference-moment';

/** The earliest moment and the latest (the reference date): the range a national file is reduced to while it is read. */
export interface MomentRange {
  earliest: ReferenceDate;
  latest: ReferenceDate;
  /** Whether households are measured at moments of their own (else every one at the reference date). */
  perHousehold: boolean;
}

/** Builds link_moments (householdKey, householdStart, personSource, personKey, moment as YYYYMMDD) for every member. */
export async function linkMoments(linker: Linker, session: LockedSession, ref: ReferenceDate, moment: ReferenceMoment): Promise<MomentRange> {
  const start = moment === 'clientStart' ? 'least(min(c.clientStart), $reference)' : '$reference';
  await session.query(
    `CREATE OR REPLACE TEMP TABLE link_moments AS
     WITH households AS (
       SELECT m.householdKey, m.spellBegin, ${start} AS moment
       FROM link_members m LEFT JOIN link_clients c USING (personSource, personKey) GROUP BY ALL
     )
     SELECT m.householdKey, m.spellBegin AS householdStart, m.personSource, m.personKey, h.moment
     FROM link_members m JOIN households h USING (householdKey, spellBegin)`,
    { reference: ref },
  );
  if (moment === 'clientStart') {
    linker.note(
      'Meetmoment: klanthuishoudens zijn gemeten bij de start van de klantperiode (de vroegste start onder de leden), ' +
        `alle andere huishoudens op de peildatum. Op dat moment gemeten: ${MOMENT_MEASURES}; samenstelling, leeftijden, inkomen ` +
        'en de duur als klant gelden op de peildatum. Waar een kenmerk "peildatum" noemt, is dat voor een klanthuishouden zijn meetmoment.',
    );
    const measured = `SELECT DISTINCT householdKey, householdStart, moment FROM link_moments WHERE moment <> ${sqlDate(ref)}`;
    linker.count('households', 'measuredAtClientStart', 'Klanthuishoudens gemeten bij de start van de klantperiode', `SELECT count(*) FROM (${measured})`);
    linker.count(
      'households',
      'clientStartOverYear',
      'waarvan de klantperiode meer dan een jaar voor de peildatum begon',
      `SELECT count(*) FROM (${measured}) WHERE strptime(moment, '%Y%m%d') < strptime(${sqlDate(ref)}, '%Y%m%d') - INTERVAL 1 YEAR`,
    );
  }
  if (moment !== 'clientStart') return { earliest: ref, latest: ref, perHousehold: false };
  const rows = await session.query(`SELECT min(moment) AS earliest FROM link_moments`);
  const earliest = (typeof rows[0]?.earliest === 'string' ? rows[0].earliest : ref) as ReferenceDate;
  return { earliest, latest: ref, perHousehold: true };
}
