// Prints the README's table of the clustering defaults on generated worlds: per world (planted structure and seed) and
// algorithm the advised k, the other defensible k, and the ARI against the planted groups at the advised and the
// planted k. Same features, seed (2017) and 50 resamples as the app's default request. Run: npx tsx tests/tools/planted-worlds-table.ts
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clusterFeatureById, clusterRowsSql, featureColumn } from '../../src-main/analysis/clustering-service/cluster-features';
import { defaultFeatureChoice, featureCoverage } from '../../src-main/analysis/clustering-service/default-features';
import { chooseK, type ChooseKAlgorithm } from '../../src-main/analysis/clustering/choose-k';
import type { MixedRow } from '../../src-main/analysis/clustering/mixed-table';
import { adjustedRandIndex } from '../../src-main/analysis/clustering/quality';
import { CLIENT_HOUSEHOLDS } from '../../src-main/analysis/population';
import { demoStudy } from '../../src-main/linking/demo-study';
import { runStudy } from '../../src-main/linking/run-study';
import { writeWorldCsv } from '../../src-main/synthetic/generate-world';
import type { PlantedStructure } from '../../src-main/synthetic/planted-structures';

const WORLDS: [PlantedStructure, number][] = [
  ['pilot', 2017],
  ['pilot', 99],
  ['three', 31],
  ['three', 8],
  ['four', 41],
  ['four', 7],
  ['six', 61],
  ['six', 5],
];
const ALGORITHMS: ChooseKAlgorithm[] = ['pam', 'kprototypes', 'kmeans'];
const SEED = 2017;

const lines = [
  '| wereld | seed | klanthuishoudens | algoritme | advies k | ook verdedigbaar | ARI bij advies | ARI bij geplante k |',
  '|---|---|---|---|---|---|---|---|',
];
for (const [planted, seed] of WORLDS) {
  const folder = await mkdtemp(join(tmpdir(), `groepsbeeld-table-${planted}-`));
  await writeWorldCsv(folder, { seed, scale: 1, planted });
  const { session } = await runStudy(demoStudy({ folder }));
  const csv = await readFile(join(folder, 'ground-truth', 'clusters.csv'), 'utf8');
  const truthOf = new Map(
    csv
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => {
        const [key, start, cluster] = line.split(',');
        return [`${key},${start}`, Number(cluster)] as const;
      }),
  );
  const plantedK = new Set(truthOf.values()).size;
  const features = defaultFeatureChoice((await featureCoverage(session, CLIENT_HOUSEHOLDS)).features);
  const result = await session.query(clusterRowsSql(CLIENT_HOUSEHOLDS, features));
  const specs = features.map(({ id }) => ({ id, kind: clusterFeatureById(id).kind, weight: 1 }));
  const rows: MixedRow[] = result.map((row) =>
    specs.map((spec) => {
      const value = row[featureColumn(spec.id)];
      if (value === null || value === undefined) return null;
      return spec.kind === 'numeric' ? Number(value) : String(value);
    }),
  );
  const truth = result.map((row) => truthOf.get(`${String(row.household_key)},${String(row.household_start)}`) ?? -1);
  for (const algorithm of ALGORITHMS) {
    const advice = chooseK(rows, specs, { algorithm, seed: SEED, resamples: 50 });
    const ari = (k: number) => adjustedRandIndex(advice.evaluations.find((evaluation) => evaluation.k === k)!.labels, truth).toFixed(2);
    const others = advice.defensible.filter((k) => k !== advice.recommendedK).join(', ') || '-';
    const world = `${planted} (${plantedK} groepen) | ${seed} | ${rows.length}`;
    lines.push(`| ${world} | ${algorithm} | ${advice.recommendedK} | ${others} | ${ari(advice.recommendedK)} | ${ari(plantedK)} |`);
    console.error(lines.at(-1));
  }
  session.close();
  await rm(folder, { recursive: true, force: true });
}
console.log(lines.join('\n'));
