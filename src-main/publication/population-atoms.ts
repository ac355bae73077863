// The households of the analysis table split into population atoms (non-clients; clients, per cluster of the chosen
// clustering), and the published populations as unions of atoms: all households, client households, each cluster.
import { ASSIGNMENTS_TABLE } from '../analysis/clustering-service/assignments';
import { ALL_HOUSEHOLDS, CLIENT_HOUSEHOLDS, type Population } from '../analysis/population';
import { ANALYSIS_TABLE } from '../linking/analysis-table-name';
import { sqlString } from '../engine/sql';

export interface PopulationAtom {
  id: string;
  label: string;
}

export interface PublishedPopulation {
  id: string;
  label: string;
  atoms: readonly string[];
  /** The cluster number when the population is one cluster. */
  cluster?: number;
}

/** The clustering the publication describes: its stored labelling, k, who was clustered, and a short fingerprint of its settings. */
export interface PublishedClusteringRef {
  runId: string;
  k: number;
  population: Population;
  /** Stable for the same settings and data (ids of cluster populations carry it, so two clusterings never share an id). */
  fingerprint: string;
}

export interface PopulationModel {
  atoms: readonly PopulationAtom[];
  populations: readonly PublishedPopulation[];
  /** The FROM clause: the analysis table as `a`, joined with the chosen labelling as `c` when there is one. */
  from: string;
  /** The atom id of a household of the FROM clause. */
  atomSql: string;
  clustering: PublishedClusteringRef | null;
}

export const CLIENTS_ID = CLIENT_HOUSEHOLDS.id;
export const ALL_ID = ALL_HOUSEHOLDS.id;

export function clusterPopulationId(clustering: Pick<PublishedClusteringRef, 'fingerprint'>, cluster: number): string {
  return `cluster-${clustering.fingerprint}-${cluster}`;
}

/** Whether the clustered households are exactly the client households (the usual case). */
function clustersAllClients(population: Population): boolean {
  return population.clientsOnly && population.filters.length === 0;
}

export function populationModel(clustering: PublishedClusteringRef | null): PopulationModel {
  const client = 'coalesce(a.client, false)';
  if (!clustering) {
    return {
      atoms: [
        { id: 'niet-klant', label: 'Overige huishoudens' },
        { id: 'klant', label: 'Klanthuishoudens' },
      ],
      populations: [
        { id: ALL_ID, label: ALL_HOUSEHOLDS.label, atoms: ['niet-klant', 'klant'] },
        { id: CLIENTS_ID, label: CLIENT_HOUSEHOLDS.label, atoms: ['klant'] },
      ],
      from: `${ANALYSIS_TABLE} a`,
      atomSql: `CASE WHEN ${client} THEN 'klant' ELSE 'niet-klant' END`,
      clustering: null,
    };
  }
  const { fingerprint, k } = clustering;
  const clusters = Array.from({ length: k }, (_, index) => index + 1);
  const everyClient = clustersAllClients(clustering.population);
  const clusterAtom = (cluster: number, isClient: boolean) => `${isClient ? 'klant' : 'niet-klant'}-${fingerprint}-c${cluster}`;
  const atoms: PopulationAtom[] = [{ id: 'niet-klant', label: 'Overige huishoudens' }];
  if (!everyClient) atoms.push({ id: 'klant', label: 'Klanthuishoudens buiten de clustering' });
  for (const cluster of clusters) {
    atoms.push({ id: clusterAtom(cluster, true), label: `Cluster ${cluster} (klanten)` });
    if (!clustering.population.clientsOnly) atoms.push({ id: clusterAtom(cluster, false), label: `Cluster ${cluster} (geen klant)` });
  }
  const clientAtoms = atoms.filter((atom) => atom.id === 'klant' || atom.id.startsWith('klant-')).map((atom) => atom.id);
  const populations: PublishedPopulation[] = [
    { id: ALL_ID, label: ALL_HOUSEHOLDS.label, atoms: atoms.map((atom) => atom.id) },
    { id: CLIENTS_ID, label: CLIENT_HOUSEHOLDS.label, atoms: clientAtoms },
  ];
  if (!everyClient) {
    const clustered = atoms.filter((atom) => /-c\d+$/.test(atom.id)).map((atom) => atom.id);
    populations.push({ id: `${clustering.population.id}-${fingerprint}`, label: clustering.population.label, atoms: clustered });
  }
  for (const cluster of clusters) {
    populations.push({
      id: clusterPopulationId(clustering, cluster),
      label: `Cluster ${cluster}`,
      atoms: atoms.filter((atom) => atom.id.endsWith(`-${fingerprint}-c${cluster}`)).map((atom) => atom.id),
      cluster,
    });
  }
  // A household outside the clustered population has no row in the labelling; one inside always has one.
  return {
    atoms,
    populations,
    from: `${ANALYSIS_TABLE} a LEFT JOIN ${ASSIGNMENTS_TABLE} c ON c.household_key = a.household_key AND c.household_start = a.household_start
      AND c.run_id = ${sqlString(clustering.runId)} AND c.k = ${clustering.k}`,
    atomSql: `CASE WHEN c.cluster IS NULL THEN (CASE WHEN ${client} THEN 'klant' ELSE 'niet-klant' END)
      ELSE (CASE WHEN ${client} THEN 'klant' ELSE 'niet-klant' END) || '-' || ${sqlString(fingerprint)} || '-c' || c.cluster END`,
    clustering,
  };
}

export function populationById(model: PopulationModel, id: string): PublishedPopulation {
  const population = model.populations.find((candidate) => candidate.id === id);
  if (!population) throw new Error(`The publication has no population ${id}.`);
  return population;
}
