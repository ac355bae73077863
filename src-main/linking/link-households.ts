// Links the extracts at the reference date inside one locked DuckDB session and builds the analysis table of
// households in the municipality; each national file is scanned once, filtered while it is read. The steps live in
// link-population.ts (1-5), link-facts.ts (6-8) and analysis-table.ts (9); linker.ts runs them.
import { referenceYear } from '../common/reference-date';
import { UserFacingError } from '../common/errors';
import type { LockedSession } from '../engine/locked-session';
import { ANALYSIS_TABLE, ANALYSIS_TABLE_BUILD } from './analysis-table-name';
import { buildAnalysisTable } from './analysis-table';
import { linkFacts } from './link-facts';
import { linkMoments } from './link-moments';
import { inputOf } from '../catalogue/feature-columns';
import { linkFeatures } from '../catalogue/link-features';
import { studyCatalogue } from '../catalogue/study-catalogue';
import { describePreparedSource, type Input, type Inputs, type LinkTables, type PreparedSource } from './link-inputs';
import { linkPopulation } from './link-population';
import type { LinkReport } from './link-report';
import { Linker, type LinkOptions } from './linker';
import type { InputKind, Study } from './study-file';

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
export type LinkTarget = Pick<Study, 'referenceDate' | 'municipality'> & Partial<Pick<Study, 'openEndDate' | 'features' | 'referenceMoment'>>;

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
  const tables: Input<InputKind>[] = [];
  const year = referenceYear(target.referenceDate);
  for (const source of sources) {
    if (source.kind !== 'unknown' && (inputs as Record<string, unknown>)[source.kind])
      throw new UserFacingError(
        `Twee geopende bestanden zijn allebei een tabel van de soort ${source.kind} (${source.name}); geef een van beide op de pagina Data een andere soort.`,
      );
    const input = await describePreparedSource(session, source, year);
    tables.push(input);
    if (source.kind !== 'unknown') (inputs as Record<string, unknown>)[source.kind] = input;
  }
  const study = { openEndDate: '20501231', features: [], referenceMoment: 'referenceDate' as const, ...target, name: 'app', version: 1 as const, inputs: [] };
  return linkInputs(session, study, inputs, tables, options);
}

async function linkInputs(session: LockedSession, study: Study, inputs: Inputs, tables: LinkTables, options: LinkOptions): Promise<LinkReport> {
  const { persons, households, addresses, addressRegions } = inputs;
  if (!persons || !households || !addresses || !addressRegions)
    throw new UserFacingError('De studie heeft invoerbestanden nodig van de soorten persons, households, addresses en addressRegions.');
  const catalogue = studyCatalogue(study.features ?? []);
  const computable = catalogue.filter((entry) => inputOf(entry.definition, tables) !== undefined).length;
  const linker = new Linker(session, study, tables, options, 10 + computable);
  const ref = study.referenceDate;
  try {
    await linkPopulation(linker, session, { ...inputs, persons, households, addresses, addressRegions }, ref);
    const moments = await linkMoments(linker, session, ref, study.referenceMoment);
    await linkFacts(linker, session, inputs, moments);
    await buildAnalysisTable(linker, ref);
    const linked = await linkFeatures(linker, session, tables, catalogue, {
      moments,
      openEndDate: study.openEndDate,
      municipality: study.municipality.code,
    });
    const report = { ...(await linker.report([...LINK_STEPS])), features: linked.features };
    // Only now, with every step and count done, does the new table replace the last link's.
    await session.query(`DROP TABLE IF EXISTS ${ANALYSIS_TABLE}`);
    await session.query(`ALTER TABLE ${ANALYSIS_TABLE_BUILD} RENAME TO ${ANALYSIS_TABLE}`);
    return report;
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
      'link_moments',
      'link_breadwinners',
      'link_income',
      'link_education',
      'link_care',
      ANALYSIS_TABLE_BUILD,
      `${ANALYSIS_TABLE_BUILD}_next`,
    ]) {
      await session.query(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
    }
  }
}
