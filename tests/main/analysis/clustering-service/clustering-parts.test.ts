// The clustering service's parts on small hand-made inputs: request defaults, packing, progress, publishing, reference files, stored assignments.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChooseKResult } from '../../../../src-main/analysis/clustering/choose-k';
import { storeAssignments } from '../../../../src-main/analysis/clustering-service/assignments';
import { clusteringRequestSchema, clusterRowsSql, DEFAULT_CANDIDATE_IDS } from '../../../../src-main/analysis/clustering-service/cluster-features';
import {
  clustersTable,
  publishClustering,
  publishedClusteringSchema,
  type FinishedRun,
} from '../../../../src-main/analysis/clustering-service/clustering-result';
import { compareWithReference, parseReferenceLabelling } from '../../../../src-main/analysis/clustering-service/external-validation';
import { formatClustering } from '../../../../src-main/analysis/clustering-service/format-clustering';
import { packRows, unpackRows } from '../../../../src-main/analysis/clustering-service/packed-rows';
import { runChooseKInWorker } from '../../../../src-main/analysis/clustering-service/run-clustering';
import { progressFraction } from '../../../../src-main/analysis/clustering-service/worker-protocol';
import { openLockedSession, type LockedSession } from '../../../../src-main/engine/locked-session';
import { DEFAULT_RULE_SET } from '../../../../src-main/disclosure/rule-set';

const rules = DEFAULT_RULE_SET;

describe('the clustering request', () => {
  it('fills in the defaults: client households, features and algorithm left to the data, 2..8, 50 resamples, seed 2017', () => {
    const request = clusteringRequestSchema.parse({});
    expect(request.population.id).toBe('klanthuishoudens');
    expect(request.features).toBeUndefined();
    expect(request.algorithm).toBeUndefined();
    expect(request).toMatchObject({ kRange: [2, 8], resamples: 50, seed: 2017 });
  });

  it('offers one form of every household trait as a default candidate: finer forms, no client duration', () => {
    expect(DEFAULT_CANDIDATE_IDS).toContain('income_source');
    expect(DEFAULT_CANDIDATE_IDS).toContain('reference_age_years');
    expect(DEFAULT_CANDIDATE_IDS).toContain('care');
    for (const coarser of ['benefit_type', 'reference_age', 'youth_help', 'youth_protection', 'wmo', 'client_duration']) {
      expect(DEFAULT_CANDIDATE_IDS).not.toContain(coarser);
    }
  });

  it('refuses fewer than 50 resamples, an upside-down k range, an unknown or repeated feature, and extra fields', () => {
    expect(clusteringRequestSchema.safeParse({ resamples: 49 }).success).toBe(false);
    expect(clusteringRequestSchema.safeParse({ kRange: [5, 3] }).success).toBe(false);
    expect(clusteringRequestSchema.safeParse({ features: [{ id: 'shoe_size' }] }).success).toBe(false);
    expect(clusteringRequestSchema.safeParse({ features: [{ id: 'tenure' }, { id: 'tenure', weight: 2 }] }).success).toBe(false);
    expect(clusteringRequestSchema.safeParse({ referenceFile: '/tmp/x.csv' }).success).toBe(false);
  });

  it('reads text keys and typed feature columns of the population, in a fixed order', () => {
    const sql = clusterRowsSql(clusteringRequestSchema.parse({}).population, [{ id: 'care' }, { id: 'disposable_income' }]);
    expect(sql).toContain('household_key::VARCHAR AS household_key');
    expect(sql).toMatch(/::VARCHAR AS "f_care"/);
    expect(sql).toMatch(/\(disposable_income\)::DOUBLE AS "f_disposable_income"/);
    expect(sql).toContain('WHERE (coalesce(client, false)) ORDER BY household_key, household_start');
  });
});

describe('packed rows', () => {
  it('round-trip mixed rows with unknowns through typed arrays, leaving the input alone', () => {
    const specs = [
      { id: 'a', kind: 'categorical' },
      { id: 'x', kind: 'numeric' },
      { id: 'b', kind: 'categorical' },
    ] as const;
    const rows = [
      ['ja', 1.5, null],
      [null, null, '3'],
      ['nee', -2, '3'],
    ];
    const copy = structuredClone(rows);
    const packed = packRows(rows, [...specs]);
    expect(packed.numeric).toEqual(new Float64Array([1.5, Number.NaN, -2]));
    expect(Array.from(packed.codes)).toEqual([0, -1, -1, 0, 1, 0]);
    expect(unpackRows(packed)).toEqual(rows);
    expect(rows).toEqual(copy);
  });
});

describe('the clustering worker', () => {
  it('returns an error from inside the worker as a value', async () => {
    const outcome = await runChooseKInWorker(packRows([[], [], []], []), { algorithm: 'kmeans', kRange: [2, 2], resamples: 1, seed: 1 });
    expect(outcome).toEqual({ status: 'failed', message: 'Clustering needs at least one feature.' });
  });

  it('does not start when already cancelled', async () => {
    const outcome = await runChooseKInWorker(packRows([['a'], ['b'], ['a']], [{ id: 'a', kind: 'categorical' }]), {
      algorithm: 'kmeans',
      kRange: [2, 2],
      resamples: 1,
      seed: 1,
      signal: AbortSignal.abort(),
    });
    expect(outcome).toEqual({ status: 'cancelled' });
  });
});

describe('progress', () => {
  it('counts the full clustering and every resample of every k, then the gap references at every k and k = 1', () => {
    // k = 2..3, 4 resamples, 2 references: 2 x 5 clusterings, then 2 x 3.
    expect(progressFraction([2, 3], 4, 2, 2, 'cluster', 0)).toBeCloseTo(1 / 16);
    expect(progressFraction([2, 3], 4, 2, 2, 'resample', 4)).toBeCloseTo(5 / 16);
    expect(progressFraction([2, 3], 4, 2, 3, 'resample', 4)).toBeCloseTo(10 / 16);
    expect(progressFraction([2, 3], 4, 2, 3, 'reference', 1)).toBeCloseTo(13 / 16);
    expect(progressFraction([2, 3], 4, 2, 3, 'reference', 2)).toBe(1);
  });
});

/** A made-up run: 3 clusters of 40, 25 and 6 households at k = 3, and k = 2. */
function madeUpRun(): FinishedRun {
  const labels3 = Int32Array.from({ length: 71 }, (_, i) => (i < 40 ? 0 : i < 65 ? 1 : 2));
  const labels2 = Int32Array.from({ length: 71 }, (_, i) => (i < 40 ? 0 : 1));
  const result: ChooseKResult = {
    algorithm: 'kmeans',
    evaluations: [
      {
        k: 2,
        labels: labels2,
        withinError: 120.456,
        silhouette: 0.31234,
        silhouetteSd: 0.0123,
        calinskiHarabasz: 40.04,
        gap: 0.21,
        gapSe: 0.004,
        jaccard: new Float64Array([0.9, 0.8]),
        allStable: true,
      },
      {
        k: 3,
        labels: labels3,
        withinError: 90.1,
        silhouette: 0.4,
        silhouetteSd: 0.02,
        calinskiHarabasz: 50,
        gap: 0.35,
        gapSe: 0.005,
        jaccard: new Float64Array([0.95, 0.85, 0.61]),
        allStable: false,
      },
    ],
    recommendedK: 3,
    defensible: [3],
    gapAtOne: { gap: 0, se: 0.003 },
    reason: 'k = 3: hoogste gemiddelde silhouet (0,40).',
  };
  return {
    runId: 'test',
    request: { ...clusteringRequestSchema.parse({ kRange: [2, 3] }), features: [{ id: 'tenure', weight: 1 }], algorithm: 'kmeans' },
    n: 71,
    result,
  };
}

describe('publishing a run', () => {
  it('shows model statistics with their decimals, and hides a cluster below the minimum with enough others that the total does not give it away', () => {
    const table = clustersTable(madeUpRun(), 3, rules);
    expect(table.rows.map((row) => row.cells[0])).toEqual([{ status: 'safe', value: 40, decimals: 0 }, { status: 'suppressed' }, { status: 'suppressed' }]);
    expect(table.rows.map((row) => row.cells[1])).toEqual([0.95, 0.85, 0.61].map((value) => ({ status: 'safe', value, decimals: 3 })));
    expect(table.population.units).toBe(71);
    // One note whatever hid a size: naming the small cluster would tell which hidden size is the small one.
    expect(table.notes).toEqual([
      'Ten minste één cluster telt minder dan 10 huishoudens: deze indeling wordt niet gepubliceerd ' +
        "(geen clustertabel of persona's). Kies een andere k of andere kenmerken.",
    ]);
    expect(table.notes.join(' ')).not.toMatch(/[Cc]luster \d/);
  });

  it('uses the cluster minimum when it is above the threshold', () => {
    const table = clustersTable(madeUpRun(), 3, { ...rules, clusterMinimum: 30 });
    expect(table.rows[0]!.cells[0]).toEqual({ status: 'safe', value: 40, decimals: 0 });
    expect(table.rows.slice(1).every((row) => row.cells[0]!.status === 'suppressed')).toBe(true);
    expect(table.notes.join(' ')).toMatch(/minder dan 30 huishoudens/);
  });

  it("shows the sizes the study's publication gives, when it gives them", () => {
    const ledgerSizes = [
      { status: 'safe' as const, value: 40, decimals: 0, format: 'count' as const },
      { status: 'suppressed' as const },
      { status: 'suppressed' as const },
    ];
    const table = clustersTable(madeUpRun(), 3, rules, ledgerSizes);
    expect(table.rows.map((row) => row.cells[0])).toEqual(ledgerSizes);
    expect(() => clustersTable(madeUpRun(), 4, rules)).toThrow(/no clustering with k = 4/);
  });

  it('publishes a quality row per k with the smallest size under the count rule, and passes the strict schema', () => {
    const published = publishedClusteringSchema.parse(publishClustering(madeUpRun(), rules));
    expect(published.chosenK).toBe(3);
    expect(published.quality.rows.map((row) => row.label)).toEqual(['k = 2', 'k = 3 (advies)']);
    expect(published.quality.rows[0]!.cells).toEqual([
      { status: 'safe', value: 120.46, decimals: 2 },
      { status: 'safe', value: 0.312, decimals: 3 },
      { status: 'safe', value: 0.012, decimals: 3 },
      { status: 'safe', value: 40, decimals: 1 },
      { status: 'safe', value: 0.21, decimals: 3 },
      { status: 'safe', value: 0.8, decimals: 3 },
      { status: 'safe', value: 0.85, decimals: 3 },
      { status: 'safe', value: 31, decimals: 0 },
    ]);
    expect(published.quality.rows[1]!.cells[7]).toEqual({ status: 'suppressed' });
    expect(published.defensible).toEqual([3]);
    expect(publishClustering(madeUpRun(), rules, 2).clusters.rows.map((row) => row.cells[0])).toEqual([
      { status: 'safe', value: 40, decimals: 0 },
      { status: 'safe', value: 31, decimals: 0 },
    ]);
    const text = formatClustering(published, {});
    expect(text).toContain('Clustering van Klanthuishoudens (71 huishoudens)');
    expect(text).toContain('Advies: k = 3: hoogste gemiddelde silhouet (0,40).');
    expect(text).toMatch(/k = 2 +120,46 +0,312 +0,012 +40,0 +0,210 +0,800 +0,850 +31\n/);
    expect(text).toMatch(/k = 3 \(advies\) +90,10 +0,400 +0,020 +50,0 +0,350 +0,610 +0,803 +x\n/);
    expect(text).toMatch(/Cluster 3 +x +0,610/);
    expect(text).toMatch(/Cluster 2 +x +0,850/);
    expect(text).not.toMatch(/< 10/);
  });
});

describe('a reference labelling', () => {
  const csv = 'HUISHOUDNR,DATUMAANVANGHH,CLUSTER\n01,20170101,1\n02,20170101,1\n03,20170101,2\n04,20170101,2\n';
  const keys = { householdKey: ['01', '02', '03', '04', '05'], householdStart: ['20170101', '20170101', '20170101', '20170101', '20170101'] };

  it('gives ARI and NMI over the matched households and counts the rest under the count rule', () => {
    const parsed = parseReferenceLabelling(csv, 'clusters.csv');
    if (!parsed.ok) throw new Error(parsed.message);
    const outcome = compareWithReference(keys, [1, 1, 0, 0, 0], parsed.reference, rules);
    expect(outcome).toEqual({
      ok: true,
      validation: { adjustedRandIndex: 1, normalizedMutualInformation: 1, matched: { below: 10 }, unmatched: { below: 10 }, referenceClusters: 2 },
    });
  });

  it('says which line is wrong, and when nothing matches', () => {
    expect(parseReferenceLabelling('h\n01,20170101\n', 'ref.csv')).toEqual({ ok: false, message: expect.stringMatching(/ref\.csv, regel 2/) });
    expect(parseReferenceLabelling('h\n01,x,1\n01,x,2\n', 'ref.csv')).toEqual({ ok: false, message: expect.stringMatching(/staat er twee keer in/) });
    expect(compareWithReference(keys, [0, 0, 0, 0, 0], new Map([['99\u0000x', '1']]), rules)).toEqual({
      ok: false,
      message: expect.stringMatching(/komt overeen met 0 van de 5/),
    });
  });
});

describe('storeAssignments', () => {
  let session: LockedSession;
  const keys = { householdKey: ['a', 'b', "c'd"], householdStart: ['20170101', '20170101', '20170202'] };
  beforeAll(async () => {
    session = await openLockedSession({ readableFiles: [] });
    await session.query(
      `CREATE TEMP TABLE analysis_households AS SELECT * FROM (VALUES ('a', '20170101', 1), ('b', '20170101', 2), ('c''d', '20170202', 3), ` +
        `('e', '20170101', 4)) t(household_key, household_start, size)`,
    );
  });
  afterAll(() => session?.close());

  it('keeps one row per household with clusters 1..k, and replaces an earlier labelling of the same run and k', async () => {
    expect(await storeAssignments(session, 'r1', 2, keys, [0, 1, 1])).toEqual({ ok: true, rows: 3 });
    expect(await storeAssignments(session, 'r1', 2, keys, [1, 0, 0])).toEqual({ ok: true, rows: 3 });
    expect(await storeAssignments(session, 'r1', 3, keys, [0, 1, 2])).toEqual({ ok: true, rows: 3 });
    const rows = await session.query(
      `SELECT household_key, household_start, k, cluster FROM cluster_assignments WHERE run_id = 'r1' ORDER BY k, household_key`,
    );
    expect(rows).toEqual([
      { household_key: 'a', household_start: '20170101', k: 2, cluster: 2 },
      { household_key: 'b', household_start: '20170101', k: 2, cluster: 1 },
      { household_key: "c'd", household_start: '20170202', k: 2, cluster: 1 },
      { household_key: 'a', household_start: '20170101', k: 3, cluster: 1 },
      { household_key: 'b', household_start: '20170101', k: 3, cluster: 2 },
      { household_key: "c'd", household_start: '20170202', k: 3, cluster: 3 },
    ]);
  });

  it('writes nothing when a household is not in the analysis table or a label is out of range', async () => {
    const unknown = { householdKey: ['a', 'zz'], householdStart: ['20170101', '20170101'] };
    expect(await storeAssignments(session, 'r2', 2, unknown, [0, 1])).toEqual({
      ok: false,
      message: expect.stringMatching(/2 huishoudens zijn geclusterd, maar er zijn er 1 gevonden/),
    });
    expect(await storeAssignments(session, 'r2', 2, keys, [0, 1, 2])).toEqual({ ok: false, message: expect.stringMatching(/label 2, buiten 0\.\.1/) });
    expect(await session.query(`SELECT * FROM cluster_assignments WHERE run_id = 'r2'`)).toEqual([]);
  });
});
