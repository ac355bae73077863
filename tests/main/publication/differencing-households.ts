// The households of the differencing tests: 60 households (the even ones clients) written into a session's
// analysis_households, their keys and features, exports of their clients into a DifferencingStore, and the findings of a
// new population against such a store.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_RULE_SET } from '../../../src-main/disclosure/rule-set';
import type { LockedSession } from '../../../src-main/engine/locked-session';
import { differencingFindings, type CandidatePopulation, type FindingCounters } from '../../../src-main/publication/differencing-findings';
import type { DifferencingStore } from '../../../src-main/publication/differencing-store';
import { earlierPopulations } from '../../../src-main/publication/stored-exports';
import { fingerprintPopulation, type FeatureSpec, type PopulationFingerprint } from '../../../src-main/publication/unit-fingerprints';
import { predicatePopulation, type UnitPopulation } from '../../../src-main/publication/unit-populations';

/** The threshold of the default rules: a population differing from an earlier one by fewer units is a finding. */
export const THRESHOLD = DEFAULT_RULE_SET.threshold;
const HOUSEHOLDS = 60;
/** Ten-digit keys as CBS writes them (text with leading digits); start dates vary per household. */
export const KEYS = Array.from({ length: HOUSEHOLDS }, (_, i) => `7${String(i).padStart(9, '0')}`);
export const STARTS = Array.from({ length: HOUSEHOLDS }, (_, i) => `201501${String((i % 28) + 1).padStart(2, '0')}`);
export const FEATURES: FeatureSpec[] = [
  { id: 'disposable_income', label: 'Besteedbaar inkomen', sql: 'disposable_income' },
  { id: 'household_type', label: 'Type huishouden', sql: 'household_type' },
  { id: 'education_level', label: 'Opleidingsniveau', sql: 'education_level' },
];
export const CLIENTS: UnitPopulation = predicatePopulation('coalesce(client, false)');
export const EXPORTED_AT = new Date('2025-12-03T11:00:00.000Z');

/** A population of a new export, `id`, with its fingerprint and the outputs that show it. */
export function candidate(id: string, fingerprint: PopulationFingerprint, outputIds = [`${id}-tabel`]): CandidatePopulation {
  return { id, label: `Populatie ${id}`, outputIds, fingerprint };
}

/** Every file below `folder`, with its path. */
export async function allFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/** The helpers that query the test file's session: `session` gives the current one (a test may open a new one). */
export function householdHelpers(session: () => LockedSession) {
  /** 60 households, the even ones clients (30), with an income (unknown for every 13th), a type and an education level. */
  async function buildTable(changes: readonly string[] = []): Promise<void> {
    await session().query(`CREATE OR REPLACE TEMP TABLE analysis_households AS
      SELECT '7' || lpad(i::VARCHAR, 9, '0') AS household_key, '201501' || lpad(((i % 28) + 1)::VARCHAR, 2, '0') AS household_start,
        i % 2 = 0 AS client,
        CASE WHEN i % 13 = 0 THEN NULL ELSE 12000 + i * 311 END::DOUBLE AS disposable_income,
        ((i % 8) + 1)::VARCHAR AS household_type,
        CASE i % 3 WHEN 0 THEN 'low' WHEN 1 THEN 'middle' ELSE 'high' END AS education_level
      FROM range(${HOUSEHOLDS}) t(i)`);
    for (const change of changes) await session().query(change);
  }

  /** Stores one export of the clients population of the current table, under `studyName`. */
  async function exportClients(
    store: DifferencingStore,
    studyName: string,
    population: UnitPopulation = CLIENTS,
    exportedAt = EXPORTED_AT,
  ): Promise<PopulationFingerprint> {
    const fingerprint = await fingerprintPopulation(session(), population, FEATURES, await store.salt());
    await store.addExport({
      title: 'Klanten in Gilze en Rijen',
      studyName,
      exportFolder: '/exports/groepsbeeld-1',
      exportedAt,
      populations: [{ id: 'klanthuishoudens', label: 'Klanthuishoudens', outputIds: ['inkomen-klanten', 'type-klanten'], fingerprint }],
    });
    return fingerprint;
  }

  /** The findings of a new population ("nieuw") with `fingerprint` against every export in `store`. */
  async function findingsAgainstStore(store: DifferencingStore, fingerprint: PopulationFingerprint, counters?: FindingCounters) {
    return differencingFindings(candidate('nieuw', fingerprint), earlierPopulations(await store.listExports()), THRESHOLD, counters);
  }

  return { buildTable, exportClients, findingsAgainstStore };
}
