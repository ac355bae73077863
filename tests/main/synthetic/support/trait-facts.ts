// Recomputes the planted traits of Gilze en Rijen's households from the written CSVs alone (as an analyst would),
// for the trait tests: members on the reference date, their flags, and the counts per cluster and for residents.
import type { LoadedWorld } from './demo-world';

export const REF = "'20171231'";
export const WINDOW_AFTER = "'20131231'";
export const GROUPS = ['residents', '1', '2', '3', '4', '5'] as const;

/** A spell counts in the window when it begins by the reference date and ends in 2014 or later, or is open (blank). */
const inWindow = (begin: string, end: string) => `(${begin} <= ${REF} AND (${end} IS NULL OR ${end} > ${WINDOW_AFTER}))`;
const onReference = (begin: string, end: string) => `(${begin} <= ${REF} AND (${end} IS NULL OR ${end} >= ${REF}))`;
const eventInWindow = (day: string) => `(${day} > ${WINDOW_AFTER} AND ${day} <= ${REF})`;

export interface GroupCounts {
  households: number;
  withTeenager: number;
  withSchoolChild: number;
  withPerson16to22: number;
  withMother: number;
  debt4y: number;
  halt4y: number;
  specialEducation: number;
  earlySchoolLeaving4y: number;
  motherFirstChildAgeAtMost25: number;
}

/**
 * Creates `members` (residents' household spells on the reference date with age and sex), `member_traits` and
 * `trait_facts` (one row per household: group, eligibility, the four traits, the mother's age at her first child).
 */
export async function createTraitFacts(world: LoadedWorld): Promise<void> {
  const s = world.session;
  await s.query(`CREATE TABLE members AS
    SELECT h.HUISHOUDNR, h.DATUMAANVANGHH, h.RINPERSOON, h.PLHH, p.GBAGEBOORTEJAAR::INTEGER AS birth_year,
      2017 - p.GBAGEBOORTEJAAR::INTEGER AS age, p.GBAGESLACHT AS sex
    FROM households h JOIN persons p USING (RINPERSOON)
    WHERE h.DATUMAANVANGHH <= ${REF} AND h.DATUMEINDEHH >= ${REF} AND h.RINPERSOON IN (
      SELECT a.RINPERSOON FROM addresses a JOIN addressRegions r USING (SOORTOBJECTNUMMER, RINOBJECTNUMMER)
      WHERE r.gem2017 = '0784' AND a.GBADATUMAANVANGADRESHOUDING <= ${REF} AND a.GBADATUMEINDEADRESHOUDING >= ${REF})`);
  await s.query(`CREATE TABLE member_traits AS SELECT m.*,
      EXISTS (SELECT 1 FROM debtRestructuring d WHERE d.RINPERSOON = m.RINPERSOON AND ${inWindow('d.WSNPDATUMAANVANG', 'd.WSNPDATUMEINDE')}) AS debt,
      EXISTS (SELECT 1 FROM halt e WHERE e.RINPERSOON = m.RINPERSOON AND ${eventInWindow('e.HALTDATUM')}) AS halt,
      EXISTS (SELECT 1 FROM schoolEnrolment o WHERE o.RINPERSOON = m.RINPERSOON AND o.ONDSOORT IN ('SBAO', 'SO', 'VSO')
              AND ${onReference('o.ONDDATUMAANVANG', 'o.ONDDATUMEINDE')}) AS special,
      EXISTS (SELECT 1 FROM earlySchoolLeaving v WHERE v.RINPERSOON = m.RINPERSOON AND ${eventInWindow('v.VSVDATUM')}) AS leaving,
      (SELECT min(c.GBAGEBOORTEJAAR::INTEGER) FROM parentChild k JOIN persons c ON c.RINPERSOON = k.RINPERSOON
        WHERE k.RINPERSOONMa = m.RINPERSOON) - m.birth_year AS first_child_age
    FROM members m`);
  await s.query(`CREATE TABLE trait_facts AS
    SELECT t.HUISHOUDNR, t.DATUMAANVANGHH, coalesce(any_value(p.CLUSTER), 'residents') AS grp,
      bool_or(age BETWEEN 12 AND 17) AS with_teenager, bool_or(age BETWEEN 4 AND 17) AS with_school_child,
      bool_or(age BETWEEN 16 AND 22) AS with_16_22,
      bool_or(debt) AS debt, bool_or(halt) AS halt, bool_or(special) AS special, bool_or(leaving) AS leaving,
      min(first_child_age) FILTER (WHERE PLHH <> '1') AS mother_age
    FROM member_traits t LEFT JOIN planted p USING (HUISHOUDNR, DATUMAANVANGHH) GROUP BY t.HUISHOUDNR, t.DATUMAANVANGHH`);
}

/** The counts of trait_facts per group, named as expected.json names them. */
export async function groupCounts(world: LoadedWorld): Promise<Record<string, GroupCounts>> {
  const rows = await world.session.query(`SELECT grp, count(*) AS households,
      count(*) FILTER (WHERE with_teenager) AS withTeenager, count(*) FILTER (WHERE with_school_child) AS withSchoolChild,
      count(*) FILTER (WHERE with_16_22) AS withPerson16to22, count(mother_age) AS withMother,
      count(*) FILTER (WHERE debt) AS debt4y, count(*) FILTER (WHERE halt) AS halt4y,
      count(*) FILTER (WHERE special) AS specialEducation, count(*) FILTER (WHERE leaving) AS earlySchoolLeaving4y,
      count(*) FILTER (WHERE mother_age <= 25) AS motherFirstChildAgeAtMost25
    FROM trait_facts GROUP BY grp`);
  return Object.fromEntries(
    rows.map((row) => {
      const { grp, ...counts } = row;
      return [String(grp), Object.fromEntries(Object.entries(counts).map(([key, value]) => [key, Number(value)])) as unknown as GroupCounts];
    }),
  );
}
