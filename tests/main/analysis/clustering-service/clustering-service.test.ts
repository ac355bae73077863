// The clustering service on the demo world, through the worker thread: the planted k and clusters, progress, cancel, disclosure, stored assignments.
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clusteringRequestSchema, type ClusteringRequestSpec } from '../../../../src-main/analysis/clustering-service/cluster-features';
import { chooseClusteringK, runClustering, validateRun, type ClusteringOutcome } from '../../../../src-main/analysis/clustering-service/clustering-service';
import { publishedClusteringSchema } from '../../../../src-main/analysis/clustering-service/clustering-result';
import { formatClustering } from '../../../../src-main/analysis/clustering-service/format-clustering';
import type { ClusteringProgress } from '../../../../src-main/analysis/clustering-service/worker-protocol';
import { hasValue } from '../../../../src-main/disclosure/checked-table';
import { DEFAULT_RULE_SET } from '../../../../src-main/disclosure/rule-set';
import { demoStudy } from '../../../../src-main/linking/demo-study';
import { runStudy, type StudySession } from '../../../../src-main/linking/run-study';
import { generateWorld } from '../../synthetic/support/demo-world';
import { SEED_TABLE_FEATURES } from '../../support/study-fixture';

const rules = DEFAULT_RULE_SET;
let session: StudySession;
let folder: string;
/** The default request (client households, the default features and algorithm, k 2..8, 50 resamples, seed 2017), run once for several tests. */
let defaults: { outcome: ClusteringOutcome; progress: ClusteringProgress[]; seconds: number };

beforeAll(async () => {
  ({ folder } = await generateWorld());
  ({ session } = await runStudy(demoStudy({ folder })));
  const progress: ClusteringProgress[] = [];
  const started = performance.now();
  const outcome = await runClustering(session, clusteringRequestSchema.parse({}), { rules, runId: 'standaard', onProgress: (step) => progress.push(step) });
  defaults = { outcome, progress, seconds: (performance.now() - started) / 1000 };
}, 60_000);
afterAll(() => session?.close());

function done(outcome: ClusteringOutcome) {
  if (outcome.status !== 'done') throw new Error(`Expected a finished run, got ${JSON.stringify(outcome)}`);
  return outcome;
}

describe('the clustering service on the demo world', () => {
  it('recommends the planted k = 5 with the defaults, and its clusters match the ground truth (ARI >= 0.8)', async () => {
    const { run, published } = done(defaults.outcome);
    console.info(`default run through the worker: ${defaults.seconds.toFixed(1)} s`);
    expect(run.n).toBe(191);
    expect(published.recommendedK).toBe(5);
    expect(published.chosenK).toBe(5);
    expect(published.reason).toMatch(/^k = 5: /);
    expect(published.quality.rows.map((row) => row.id)).toEqual(['k-2', 'k-3', 'k-4', 'k-5', 'k-6', 'k-7', 'k-8']);
    const validation = await validateRun(run, join(folder, 'ground-truth', 'clusters.csv'), rules);
    if (!validation.ok) throw new Error(validation.message);
    console.info(`ARI ${validation.validation.adjustedRandIndex.toFixed(3)}, NMI ${validation.validation.normalizedMutualInformation.toFixed(3)}`);
    expect(validation.validation.adjustedRandIndex).toBeGreaterThanOrEqual(0.8);
    expect(validation.validation.matched).toBe(191);
    expect(validation.validation.referenceClusters).toBe(5);
    const text = formatClustering(published, { validation: validation.validation });
    expect(text).toContain('Advies: k = 5');
    expect(text).toMatch(/ARI 0,\d{3}, NMI 0,\d{3}/);
  });

  it('reports progress in order, for every k and every resample, then every gap reference, ending at fraction 1', () => {
    const { progress } = defaults;
    expect(progress[0]!.phase).toBe('reading');
    expect(progress.at(-1)!.phase).toBe('storing');
    const steps = progress.filter((step) => step.phase === 'cluster' || step.phase === 'resample');
    expect(steps).toHaveLength(7 * 51);
    for (let k = 2; k <= 8; k++) {
      const ofK = steps.slice((k - 2) * 51, (k - 1) * 51);
      expect(ofK.map((step) => [step.k, step.phase, step.resample])).toEqual([
        [k, 'cluster', 0],
        ...Array.from({ length: 50 }, (_, b) => [k, 'resample', b + 1]),
      ]);
    }
    const references = progress.filter((step) => step.phase === 'reference');
    expect(references.map((step) => step.resample)).toEqual(Array.from({ length: 10 }, (_, b) => b + 1));
    const fractions = progress.map((step) => step.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(references.at(-1)!.fraction).toBe(1);
  });

  it('keeps one row per client household in cluster_assignments, for the chosen k', async () => {
    const rows = await session.query(
      `SELECT count(*)::INTEGER AS rows, count(DISTINCT (household_key, household_start))::INTEGER AS households, ` +
        `min(cluster) AS low, max(cluster) AS high, min(k) AS k
       FROM cluster_assignments WHERE run_id = 'standaard'`,
    );
    expect(rows[0]).toEqual({ rows: 191, households: 191, low: 1, high: 5, k: 5 });
    const [outside] = await session.query(
      `SELECT count(*)::INTEGER AS missing FROM analysis_households a ANTI JOIN cluster_assignments c USING (household_key, household_start) WHERE a.client`,
    );
    expect(outside!.missing).toBe(0);
  });

  it('cancels mid-run quickly: the outcome is "cancelled" and the worker has stopped', async () => {
    const controller = new AbortController();
    let worker: Worker | undefined;
    let exited = false;
    let abortedAt = 0;
    const outcome = await runClustering(session, clusteringRequestSchema.parse({}), {
      rules,
      signal: controller.signal,
      onWorkerStarted: (started) => {
        worker = started;
        started.once('exit', () => (exited = true));
      },
      onProgress: (step) => {
        if (step.k === 3 && step.phase === 'resample' && step.resample === 10 && abortedAt === 0) {
          abortedAt = performance.now();
          controller.abort();
        }
      },
    });
    const stoppedAfter = performance.now() - abortedAt;
    console.info(`cancel answered after ${stoppedAfter.toFixed(0)} ms`);
    expect(outcome).toEqual({ status: 'cancelled' });
    expect(abortedAt).toBeGreaterThan(0);
    expect(stoppedAfter).toBeLessThan(1000);
    expect(worker).toBeDefined();
    expect(exited).toBe(true);
    expect(worker!.threadId).toBe(-1);
  });

  it('publishes no household key and no cluster size below the threshold, even for a tiny population', async () => {
    // Single-parent client households, at k = 8: clusters of a few households are certain. Not about the
    // defaults, so 10 resamples (below the request schema's minimum of 50) keep the test short.
    const request: ClusteringRequestSpec = {
      ...clusteringRequestSchema.parse({
        population: {
          id: 'eenouder-klanten',
          label: 'Eenouderhuishoudens (klanten)',
          clientsOnly: true,
          filters: [{ feature: 'household_type', codes: ['6'] }],
        },
        // Fixed, so that the sizes this test is about do not move with the defaults.
        algorithm: 'kmeans',
        features: SEED_TABLE_FEATURES,
      }),
      resamples: 10,
    };
    const first = done(await runClustering(session, request, { rules, runId: 'klein' }));
    // At k = 2 one cluster is below 10: both sizes are hidden, as the total is published.
    const two = done(await chooseClusteringK(session, first.run, 2, rules));
    expect(two.published.clusters.rows.map((row) => row.cells[0]!.status)).toEqual(['suppressed', 'suppressed']);
    const { run, published } = done(await chooseClusteringK(session, first.run, 8, rules));
    expect(run.n).toBeGreaterThan(8);
    const sizes = published.clusters.rows.map((row) => row.cells[0]!);
    expect(sizes.some((cell) => cell.status === 'suppressed')).toBe(true);
    for (const table of [published.quality, published.clusters]) {
      table.columns.forEach((column, c) => {
        if (column.format !== 'count') return;
        for (const row of table.rows) {
          const cell = row.cells[c]!;
          if (hasValue(cell)) expect(cell.value).toBeGreaterThanOrEqual(rules.threshold);
        }
      });
    }
    expect(published.clusters.notes.join(' ')).toMatch(/minder dan 10 huishoudens/);
    const json = JSON.stringify(publishedClusteringSchema.parse(published));
    for (let i = 0; i < run.n; i++) {
      expect(json).not.toContain(`"${run.keys.householdKey[i]}"`);
      expect(json).not.toContain(run.keys.householdStart[i]);
    }
    expect(json).not.toMatch(/household_key|labels/);
    expect(formatClustering(published, {})).toMatch(/Cluster \d +x /);
    const [stored] = await session.query(`SELECT count(*)::INTEGER AS rows FROM cluster_assignments WHERE run_id = 'klein' AND k = 8`);
    expect(stored!.rows).toBe(run.n);
  });

  it('answers a k range the population cannot hold with a message, without starting a worker', async () => {
    const request: ClusteringRequestSpec = {
      ...clusteringRequestSchema.parse({
        population: {
          id: 'eenouder-klanten',
          label: 'Eenouderhuishoudens (klanten)',
          clientsOnly: true,
          filters: [{ feature: 'household_type', codes: ['6'] }],
        },
      }),
      // Above the schema's 20, so that it exceeds the 29 households; the service must check it itself.
      kRange: [2, 40],
    };
    let started = false;
    const outcome = await runClustering(session, request, { rules, onWorkerStarted: () => (started = true) });
    expect(outcome).toEqual({
      status: 'failed',
      message: expect.stringMatching(/^Eenouderhuishoudens \(klanten\): te weinig huishoudens om tot 40 clusters te proberen/),
    });
    expect(started).toBe(false);
  });
});
