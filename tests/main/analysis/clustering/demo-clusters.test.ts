// The demo world's five planted client clusters are found again (ARI >= 0.8) from the analysis table, as the acceptance asks.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { featureById } from '../../../../src-main/analysis/features';
import { chooseK } from '../../../../src-main/analysis/clustering/choose-k';
import { encodeMixed } from '../../../../src-main/analysis/clustering/encoding';
import { gowerMatrix } from '../../../../src-main/analysis/clustering/gower-distance';
import { pam } from '../../../../src-main/analysis/clustering/gower-pam';
import { kmeans } from '../../../../src-main/analysis/clustering/kmeans/index';
import { kprototypes } from '../../../../src-main/analysis/clustering/kprototypes';
import { readMixedTable, type FeatureSpec, type MixedRow } from '../../../../src-main/analysis/clustering/mixed-table';
import { adjustedRandIndex } from '../../../../src-main/analysis/clustering/quality';
import { demoStudy } from '../../../../src-main/linking/demo-study';
import { ANALYSIS_TABLE } from '../../../../src-main/linking/analysis-table-name';
import { runStudy, type StudySession } from '../../../../src-main/linking/run-study';
import { generateWorld } from '../../synthetic/support/demo-world';

/** The rows of the seed study's cluster table, each as a feature: [id, kind, SQL over the analysis table]. */
const SHARED: [string, 'numeric' | 'categorical', string][] = [
  ['benefit_type', 'categorical', 'benefit_type'],
  ['disposable_income', 'numeric', 'disposable_income'],
  ['education_level', 'categorical', 'education_level'],
  ['tenure', 'categorical', 'tenure'],
  ['household_type', 'categorical', 'household_type'],
  ['youngest_child_age', 'categorical', featureById('youngest_child_age').sql],
  ['reference_age', 'numeric', 'reference_age'],
  ['migration_background', 'categorical', featureById('migration_background').sql],
];
/** Care as three yes/no flags and the number of children as an amount. */
const SEPARATE_CARE: typeof SHARED = [
  ...SHARED,
  ['children', 'numeric', 'children'],
  ['youth_help', 'categorical', featureById('youth_help').sql],
  ['youth_protection', 'categorical', featureById('youth_protection').sql],
  ['wmo', 'categorical', featureById('wmo').sql],
];
/** Care as the seed table's one row (none / youth care / WMO / both) and children in the app's bands. */
const ONE_CARE_ROW: typeof SHARED = [
  ...SHARED,
  ['children', 'categorical', featureById('children').sql],
  [
    'care',
    'categorical',
    "CASE WHEN (youth_help OR youth_protection) AND wmo THEN 'beide' WHEN youth_help OR youth_protection THEN 'jeugd' WHEN wmo THEN 'wmo' ELSE 'geen' END",
  ],
];

let session: StudySession;
let planted: Map<string, number>;
const tables = new Map<typeof SHARED, { rows: MixedRow[]; specs: FeatureSpec[]; truth: number[] }>();

beforeAll(async () => {
  const { folder } = await generateWorld();
  ({ session } = await runStudy(demoStudy({ folder })));
  const csv = await readFile(join(folder, 'ground-truth', 'clusters.csv'), 'utf8');
  planted = new Map(
    csv
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => {
        const [key, start, cluster] = line.split(',');
        return [`${key},${start}`, Number(cluster)];
      }),
  );
  for (const features of [SEPARATE_CARE, ONE_CARE_ROW]) {
    const columns = features.map(([id, , sql]) => `${sql} AS ${id}`).join(', ');
    const result = await session.query(
      `SELECT household_key, household_start, ${columns} FROM ${ANALYSIS_TABLE} WHERE client ORDER BY household_key, household_start`,
    );
    tables.set(features, {
      rows: result.map((row) => features.map(([id]) => (row[id] ?? null) as MixedRow[number])),
      specs: features.map(([id, kind]) => ({ id, kind })),
      truth: result.map((row) => planted.get(`${String(row.household_key)},${String(row.household_start)}`) ?? -1),
    });
  }
}, 60_000);
afterAll(() => session?.close());

describe('clustering the demo world’s client households', () => {
  it('joins every client household to its planted cluster', () => {
    for (const { truth } of tables.values()) {
      expect(truth).toHaveLength(191);
      expect(truth.every((cluster) => cluster >= 1 && cluster <= 5)).toBe(true);
    }
  });

  it('k-prototypes (lambda estimated, 10 starts), care as three flags: ARI >= 0.8', () => {
    const { rows, specs, truth } = tables.get(SEPARATE_CARE)!;
    const result = kprototypes(readMixedTable(rows, specs), 5, { seed: 1 });
    expect(adjustedRandIndex(result.labels, truth)).toBeGreaterThanOrEqual(0.8); // seen: 0.840
  });

  it('k-means on the balanced one-hot encoding (50 starts), care as one row: ARI >= 0.8', () => {
    const { rows, specs, truth } = tables.get(ONE_CARE_ROW)!;
    const encoding = encodeMixed(rows, specs);
    const result = kmeans(encoding.data, encoding.n, encoding.d, 5, { seed: 1, starts: 50 });
    expect(adjustedRandIndex(result.labels, truth)).toBeGreaterThanOrEqual(0.8); // seen: 0.880
  });

  it('PAM on Gower distances, care as one row: ARI >= 0.8', () => {
    const { rows, specs, truth } = tables.get(ONE_CARE_ROW)!;
    const result = pam(gowerMatrix(rows, specs), 5);
    expect(adjustedRandIndex(result.labels, truth)).toBeGreaterThanOrEqual(0.8); // seen: 0.833
  });

  it('choosing k with PAM on Gower distances (the default at this size) advises the planted 5, and its clusters reach ARI >= 0.8', () => {
    const { rows, specs, truth } = tables.get(ONE_CARE_ROW)!;
    const result = chooseK(rows, specs, { algorithm: 'pam', seed: 1 });
    expect(result.recommendedK).toBe(5);
    expect(result.reason).toMatch(/^k = 5: aangewezen door silhouet en gap-statistiek/);
    const chosen = result.evaluations.find((evaluation) => evaluation.k === 5)!;
    expect(adjustedRandIndex(chosen.labels, truth)).toBeGreaterThanOrEqual(0.8);
  });
});
