-- The municipality cut and household roll-up written by hand in bare DuckDB, as an analyst would:
-- the baseline the app's linking is measured against (same files, same joins, same output rows).
-- Placeholders {persons} etc. are file paths substituted by the benchmark (its own temp files).
CREATE TABLE baseline_households AS
WITH region AS (
  SELECT SOORTOBJECTNUMMER, RINOBJECTNUMMER FROM {addressRegions} WHERE gem2017 = '0784'
), clients AS (
  SELECT RINPERSOONS, RINPERSOON, max(strptime(EINDDATUM, '%Y%m%d')::DATE - strptime(STARTDATUM, '%Y%m%d')::DATE + 1) AS days
  FROM {clients} WHERE STARTDATUM <= '20171231' AND EINDDATUM >= '20171231' AND EINDDATUM >= STARTDATUM GROUP BY ALL
), residents AS (
  SELECT DISTINCT a.RINPERSOONS, a.RINPERSOON FROM {addresses} a JOIN region r USING (SOORTOBJECTNUMMER, RINOBJECTNUMMER)
  WHERE a.GBADATUMAANVANGADRESHOUDING <= '20171231' AND a.GBADATUMEINDEADRESHOUDING >= '20171231'
), members AS (
  SELECT h.* FROM {households} h SEMI JOIN residents USING (RINPERSOONS, RINPERSOON)
  WHERE h.DATUMAANVANGHH <= '20171231' AND h.DATUMEINDEHH >= '20171231'
), persons AS (
  SELECT p.* FROM {persons} p SEMI JOIN residents USING (RINPERSOONS, RINPERSOON)
), education AS (
  SELECT e.* FROM {education} e SEMI JOIN residents USING (RINPERSOONS, RINPERSOON)
), breadwinner AS (
  SELECT k.* FROM {incomeLink} k SEMI JOIN residents USING (RINPERSOONS, RINPERSOON)
), income AS (
  SELECT i.* FROM {householdIncome} i SEMI JOIN (SELECT DISTINCT RINPERSOONSHKW, RINPERSOONHKW FROM breadwinner) b USING (RINPERSOONSHKW, RINPERSOONHKW)
), care AS (
  SELECT RINPERSOONS, RINPERSOON, 'youth_help' AS care FROM {youthHelp} WHERE JGDHGELDIGHEIDBEGINDATUM <= '20171231' AND JGDHGELDIGHEIDEINDDATUM >= '20171231'
  UNION ALL SELECT RINPERSOONS, RINPERSOON, 'youth_protection' FROM {youthProtection} WHERE JGDBGELDIGHEIDBEGINDATUM <= '20171231' AND JGDBGELDIGHEIDEINDDATUM >= '20171231'
  UNION ALL SELECT RINPERSOONS, RINPERSOON, 'wmo' FROM {wmo} WHERE WMODATUMAANVANG <= '20171231' AND WMODATUMEINDE >= '20171231'
), member AS (
  SELECT m.*, p.GBAGEBOORTEJAAR::INTEGER AS birth_year, p.GBAGEBOORTEMAAND::INTEGER AS birth_month, p.GBAGENERATIE,
    e.OPLNIVSOI2021AGG4HBMETNIRWO AS education_code, b.RINPERSOONSHKW, b.RINPERSOONHKW, c.days,
    EXISTS (SELECT 1 FROM care x WHERE x.RINPERSOON = m.RINPERSOON AND x.care = 'youth_help') AS youth_help,
    EXISTS (SELECT 1 FROM care x WHERE x.RINPERSOON = m.RINPERSOON AND x.care = 'youth_protection') AS youth_protection,
    EXISTS (SELECT 1 FROM care x WHERE x.RINPERSOON = m.RINPERSOON AND x.care = 'wmo') AS wmo
  FROM members m LEFT JOIN persons p USING (RINPERSOONS, RINPERSOON) LEFT JOIN education e USING (RINPERSOONS, RINPERSOON)
  LEFT JOIN breadwinner b USING (RINPERSOONS, RINPERSOON) LEFT JOIN clients c USING (RINPERSOONS, RINPERSOON)
), household AS (
  SELECT HUISHOUDNR, DATUMAANVANGHH, any_value(TYPHH) AS household_type, max(AANTALPERSHH::INTEGER) AS size,
    max(AANTALKINDHH::INTEGER) AS children,
    max(CASE WHEN REFPERSOONHH = '1' THEN 2017 - birth_year - CASE WHEN 12 < coalesce(birth_month, 1) THEN 1 ELSE 0 END END) AS reference_age,
    bool_or(GBAGENERATIE IN ('1', '2')) AS migration_background,
    max(CASE WHEN PLHH <> '1' AND left(education_code, 1) IN ('1', '2', '3') THEN left(education_code, 1)::INTEGER END) AS education_rank,
    arg_max(RINPERSOONHKW, CASE WHEN REFPERSOONHH = '1' THEN 1 ELSE 0 END) AS hkw,
    bool_or(youth_help) AS youth_help, bool_or(youth_protection) AS youth_protection, bool_or(wmo) AS wmo,
    bool_or(days IS NOT NULL) AS client, max(days) AS client_days
  FROM member GROUP BY HUISHOUDNR, DATUMAANVANGHH
)
SELECT h.*, i.INHBBIHJ AS income_source, i.INHUAFTYP AS benefit_type,
  CASE WHEN i.INHBESTINKH::BIGINT = 9999999999 THEN NULL ELSE i.INHBESTINKH::BIGINT END AS disposable_income,
  CASE WHEN i.INHEHALGR IN ('1', '2', '3', '8') THEN i.INHEHALGR END AS tenure
FROM household h LEFT JOIN income i ON i.RINPERSOONHKW = h.hkw;
