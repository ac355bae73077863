// Rows split over helper threads give exactly kmeans()'s result; one team serves many runs; abort works.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kmeans } from '../../../../../src-main/analysis/clustering/kmeans/index';
import { kmeansParallel } from '../../../../../src-main/analysis/clustering/kmeans/parallel';
import { KMeansTeam } from '../../../../../src-main/analysis/clustering/kmeans/team';
import { blobs } from '../datasets';

// Large enough (several blocks of 4,096 rows per thread) that the helpers really take rows.
const large = blobs(20_000, 6, 4, 2, 8);

describe('kmeansParallel', () => {
  it('matches kmeans() start for start, and leaves the input alone', async () => {
    const { data, n, d } = large;
    const copy = data.slice();
    const progress: number[] = [];
    const parallel = await kmeansParallel(data, n, d, 4, { seed: 5, starts: 3, threads: 2, onProgress: (p) => p.finished && progress.push(p.start) });
    const serial = kmeans(data, n, d, 4, { seed: 5, starts: 3 });
    expect(Array.from(parallel.startInertias)).toEqual(Array.from(serial.startInertias));
    expect(parallel.bestStart).toBe(serial.bestStart);
    expect(Array.from(parallel.labels)).toEqual(Array.from(serial.labels));
    expect(Array.from(parallel.centres)).toEqual(Array.from(serial.centres));
    expect(Array.from(parallel.sizes)).toEqual(Array.from(serial.sizes));
    expect(progress).toEqual([0, 1, 2]);
    expect(data).toEqual(copy);
  });

  it('rejects when aborted', async () => {
    const { data, n, d } = blobs(2000, 5, 4, 2, 9);
    const controller = new AbortController();
    const running = kmeansParallel(data, n, d, 4, { starts: 4, threads: 2, signal: controller.signal });
    controller.abort(new Error('cancelled by the user'));
    await expect(running).rejects.toThrow('cancelled by the user');
  });
});

describe('KMeansTeam', () => {
  let team: KMeansTeam;
  beforeAll(async () => {
    team = await KMeansTeam.start(2);
  });
  afterAll(async () => {
    await team.close();
  });

  it('serves several runs, including initial centres and a small run it keeps on the calling thread', () => {
    const { data, n, d } = large;
    for (const k of [2, 5]) {
      const alone = kmeans(data, n, d, k, { seed: k, starts: 2 });
      const together = kmeans(data, n, d, k, { seed: k, starts: 2, team });
      expect(together.inertia).toBe(alone.inertia);
      expect(Array.from(together.labels)).toEqual(Array.from(alone.labels));
    }
    const initialCentres = [Array.from(data.subarray(0, d)), Array.from(data.subarray(d, 2 * d)), Array.from(data.subarray(2 * d, 3 * d))];
    expect(kmeans(data, n, d, 3, { initialCentres, team }).centres).toEqual(kmeans(data, n, d, 3, { initialCentres }).centres);
    const small = blobs(500, 3, 3, 5, 2);
    expect(kmeans(small.data, small.n, small.d, 3, { seed: 1, team }).labels).toEqual(kmeans(small.data, small.n, small.d, 3, { seed: 1 }).labels);
  });

  it('stops between passes when aborted, and serves the next run afterwards', () => {
    const { data, n, d } = large;
    const controller = new AbortController();
    const run = () =>
      kmeans(data, n, d, 4, {
        starts: 5,
        team,
        signal: controller.signal,
        onProgress: (p) => {
          if (p.start === 1) controller.abort(new Error('cancelled by the user'));
        },
      });
    expect(run).toThrow('cancelled by the user');
    expect(kmeans(data, n, d, 4, { seed: 3, starts: 1, team }).inertia).toBe(kmeans(data, n, d, 4, { seed: 3, starts: 1 }).inertia);
  });
});
