// One call for the IPC, the CLI and the export: a stored clustering run described as its published cluster table,
// what stands out per cluster and the persona cards.
import type { CheckedTable } from '../../disclosure/checked-table';
import type { RuleSet } from '../../disclosure/rule-set';
import type { QuerySession } from '../cross-table';
import { readClusterProfileData, type ClusterRunRef } from './cluster-data';
import { clusterProfile, clusterTable } from './cluster-table';
import { personaCards, type PersonaCard } from './persona';
import { standOutTable, whatStandsOut, type StandOutTrait } from './what-stands-out';

export interface ClusterDescription {
  table: CheckedTable;
  standsOut: { cluster: number; traits: StandOutTrait[]; table: CheckedTable }[];
  personas: PersonaCard[];
}

/** Everything published about the clusters of `run`; the raw counts behind it stay here. */
export async function describeClusters(session: QuerySession, run: ClusterRunRef, rules: RuleSet): Promise<ClusterDescription> {
  const data = await readClusterProfileData(session, run);
  const profile = clusterProfile(data, rules);
  const standOut = whatStandsOut(data, profile.columns, rules);
  return {
    table: clusterTable(data, rules, profile),
    standsOut: standOut.map((entry) => {
      const units = data.clusters.find((cluster) => cluster.cluster === entry.cluster)?.units ?? 0;
      return { cluster: entry.cluster, traits: entry.traits, table: standOutTable(entry, data, units, rules) };
    }),
    personas: personaCards(profile, standOut, rules),
  };
}
