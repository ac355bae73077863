// The differencing guard for one export: the populations its outputs describe, fingerprinted by their households
// (salted hashes, never keys) and compared with every earlier export of this app and the CLI, whatever the study is called.
import type { QuerySession } from '../analysis/cross-table';
import { fingerprintPopulation, type FeatureSpec, type PopulationFingerprint } from '../publication/unit-fingerprints';
import { clusterPopulation, predicatePopulation, type UnitPopulation } from '../publication/unit-populations';
import { differencingFindings, type DifferencingFinding } from '../publication/differencing-findings';
import type { DifferencingStore } from '../publication/differencing-store';
import { earlierPopulations } from '../publication/stored-exports';
import { ALL_ID, CLIENTS_ID, type PopulationModel } from '../publication/population-atoms';

export interface ExportedPopulation {
  id: string;
  label: string;
  outputIds: string[];
  fingerprint: PopulationFingerprint;
}

export interface DifferencingCheck {
  populations: ExportedPopulation[];
  findings: DifferencingFinding[];
  /** Folders of earlier exports (for the joint audit of packages of the same data). */
  earlierFolders: string[];
}

function unitsOf(model: PopulationModel, id: string): UnitPopulation {
  if (id === ALL_ID) return predicatePopulation('true');
  if (id === CLIENTS_ID) return predicatePopulation('coalesce(client, false)');
  const population = model.populations.find((candidate) => candidate.id === id);
  if (!population?.cluster || !model.clustering) throw new Error(`Population ${id} cannot be fingerprinted.`);
  return clusterPopulation(model.clustering.runId, model.clustering.k, population.cluster);
}

/** Fingerprints the populations (id -> the outputs describing it) and compares them with the store's earlier exports. */
export async function checkDifferencing(
  session: QuerySession,
  store: DifferencingStore,
  model: PopulationModel,
  outputsByPopulation: ReadonlyMap<string, readonly string[]>,
  features: readonly FeatureSpec[],
  threshold: number,
): Promise<DifferencingCheck> {
  const salt = await store.salt();
  const populations: ExportedPopulation[] = [];
  for (const [id, outputIds] of outputsByPopulation) {
    const label = model.populations.find((population) => population.id === id)?.label ?? id;
    populations.push({ id, label, outputIds: [...outputIds], fingerprint: await fingerprintPopulation(session, unitsOf(model, id), features, salt) });
  }
  const exports = await store.listExports();
  const earlier = earlierPopulations(exports);
  const findings = populations.flatMap((population) => differencingFindings(population, earlier, threshold));
  return { populations, findings, earlierFolders: exports.map((entry) => entry.exportFolder) };
}
