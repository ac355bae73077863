// The seed study's planted clusters as the cluster-profile tests hold them: the seed table in the app's labels (modal
// values, incomes, persona title words), a study's publication with each found cluster matched to the planted cluster
// it overlaps most, and where a published profile departs from the seed table.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { VARIES_TEXT } from '../../../../../src-main/analysis/profiles/cluster-table';
import { hasValue } from '../../../../../src-main/disclosure/checked-table';
import type { ClusterPublication, StudyPublication } from '../../../../../src-main/publication/study-publication';
import type { StudyFixture } from '../../../support/study-fixture';

/** The seed table (seed-study.md) in the app's labels; null: the seed says "varies". */
export const SEED: Record<number, Record<string, string | null>> = {
  1: {
    'benefit-type': 'Geen uitkering',
    'education-level': 'Middelbaar',
    tenure: 'Koopwoning',
    'household-composition': 'Paar',
    'has-children': 'Zonder kinderen',
    care: 'Geen jeugdzorg of Wmo',
  },
  2: {
    'benefit-type': 'Werkloosheidsuitkering (WW)',
    'education-level': 'Hoog',
    tenure: null,
    'household-composition': 'Paar',
    'has-children': 'Met kinderen',
    care: 'Jeugdzorg',
  },
  3: {
    'benefit-type': 'Bijstand',
    'education-level': 'Laag',
    tenure: 'Huur met huurtoeslag',
    'household-composition': 'Eenouderhuishouden',
    'has-children': 'Met kinderen',
    'youngest-child': 'Jonger dan 10 jaar',
    care: 'Jeugdzorg',
  },
  // The seed's "rented": with or without allowance.
  4: {
    'benefit-type': 'Arbeidsongeschiktheidsuitkering',
    'education-level': 'Laag',
    tenure: 'Huur',
    'household-composition': 'Paar',
    'has-children': 'Met kinderen',
    care: 'Wmo-ondersteuning',
  },
  5: {
    'benefit-type': 'Bijstand',
    'education-level': 'Laag',
    tenure: 'Huur met huurtoeslag',
    'household-composition': 'Alleenstaande',
    'has-children': 'Zonder kinderen',
    care: 'Geen jeugdzorg of Wmo',
  },
};
/** The seed's disposable income per cluster; cluster 4's varies. */
export const SEED_INCOME: Record<number, number | null> = { 1: 22_000, 2: 18_000, 3: 14_000, 4: null, 5: 14_000 };
/** Words a persona title of each planted cluster should hold. */
export const TITLE_WORDS: Record<number, RegExp> = {
  1: /stel|zonder uitkering/i,
  2: /gezin|WW/i,
  3: /eenouderhuishouden|bijstand/i,
  4: /gezin|arbeidsongeschiktheid/i,
  5: /alleenstaande|bijstand/i,
};

export interface Described {
  study: StudyFixture;
  publication: StudyPublication;
  clusters: ClusterPublication;
  /** Found cluster -> the planted cluster it overlaps most. */
  planted: Map<number, number>;
}

/** The chosen clustering's labels against the world's ground truth. */
async function plantedClusters(study: StudyFixture): Promise<Map<number, number>> {
  const truth = (await readFile(join(study.world, 'ground-truth', 'clusters.csv'), 'utf8')).trim().split('\n').slice(1);
  const truthOf = new Map(truth.map((line) => line.split(',')).map(([key, start, cluster]) => [`${key}|${start}`, Number(cluster)]));
  const rows = await study.session.clustering.withChosenLabels((session, ref) =>
    session.query(
      `SELECT household_key::VARCHAR AS key, household_start::VARCHAR AS start, ` +
        `cluster FROM cluster_assignments WHERE run_id = '${ref.runId}' AND k = ${ref.k}`,
    ),
  );
  const overlap = new Map<string, number>();
  for (const row of rows) {
    const pair = `${Number(row.cluster)}>${truthOf.get(`${String(row.key)}|${String(row.start)}`) ?? 0}`;
    overlap.set(pair, (overlap.get(pair) ?? 0) + 1);
  }
  const planted = new Map<number, number>();
  for (const [pair, units] of overlap) {
    const [found, truthCluster] = pair.split('>').map(Number) as [number, number];
    const best = planted.get(found);
    if (best === undefined || (overlap.get(`${found}>${best}`) ?? 0) < units) planted.set(found, truthCluster);
  }
  return planted;
}

export async function describeStudy(study: StudyFixture): Promise<Described> {
  const publication = await study.session.publication('suppression');
  if (!publication.clusters) throw new Error(`The clusters were not published: ${publication.refusals.join(' ')}`);
  return { study, publication, clusters: publication.clusters, planted: await plantedClusters(study) };
}

export function columnOf(described: Described, plantedCluster: number): number {
  const found = [...described.planted].find(([, truth]) => truth === plantedCluster)?.[0];
  const index = described.clusters.profile.columns.findIndex((column) => column.cluster === found);
  if (index < 0) throw new Error(`No found cluster matches planted cluster ${plantedCluster}.`);
  return index;
}

/**
 * Where the published profile departs from the seed table: a modal category the seed does not name, "varieert" where
 * the seed names one, or a printed text naming another category. A cell hidden by protection is no departure (its
 * decision, kept in the main process, still has to be the seed's); the hidden ones are returned apart.
 */
export function seedDepartures(described: Described): { departures: string[]; hidden: string[] } {
  const departures: string[] = [];
  const hidden: string[] = [];
  const { profile } = described.clusters;
  for (const [plantedCluster, expected] of Object.entries(SEED)) {
    const column = columnOf(described, Number(plantedCluster));
    for (const [rowId, label] of Object.entries(expected)) {
      const cell = profile.rows.find((row) => row.id === rowId)!.cells[column]!;
      const text = 'text' in cell.cell ? cell.cell.text : undefined;
      const where = `planted ${plantedCluster} ${rowId}`;
      if (label === null) {
        if (!(cell.varies || cell.modal !== undefined)) departures.push(`${where}: seed varieert, found ${cell.cell.status}`);
        continue;
      }
      if (cell.varies || !cell.modal?.label.startsWith(label)) {
        departures.push(`${where}: seed ${label}, found ${cell.varies ? VARIES_TEXT : (cell.modal?.label ?? cell.cell.status)}`);
        continue;
      }
      if (cell.cell.status === 'suppressed') hidden.push(where);
      else if (!text?.startsWith(label)) departures.push(`${where}: seed ${label}, printed ${text ?? cell.cell.status}`);
    }
    const income = profile.rows.find((row) => row.id === 'disposable-income')!.cells[column]!;
    const seedIncome = SEED_INCOME[Number(plantedCluster)];
    // The seed's "varies" for an income is a spread the generator plants loosely: only a seed median is checked.
    if (seedIncome !== null && seedIncome !== undefined && !(hasValue(income.cell) && !income.varies && Math.abs(income.cell.value - seedIncome) <= 1500)) {
      departures.push(`planted ${plantedCluster} income: seed EUR ${seedIncome}, found ${'text' in income.cell ? income.cell.text : income.cell.status}`);
    }
  }
  return { departures, hidden };
}
