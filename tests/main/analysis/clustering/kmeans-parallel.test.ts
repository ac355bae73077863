// Starts spread over worker threads give exactly kmeans()'s result.
import { describe, expect, it } from 'vitest';
import { kmeans } from '../../../../src-main/analysis/clustering/kmeans';
import { kmeansParallel } from '../../../../src-main/analysis/clustering/kmeans-parallel';
import { blobs } from './datasets';

describe('kmeansParallel', () => {
  it('matches kmeans() start for start, and leaves the input alone', async () => {
    const { data, n, d } = blobs(3000, 5, 4, 2, 8);
    const copy = data.slice();
    const progress: number[] = [];
    const parallel = await kmeansParallel(data, n, d, 4, { seed: 5, starts: 4, threads: 2, onProgress: (p) => p.finished && progress.push(p.start) });
    const serial = kmeans(data, n, d, 4, { seed: 5, starts: 4 });
    expect(Array.from(parallel.startInertias)).toEqual(Array.from(serial.startInertias));
    expect(parallel.bestStart).toBe(serial.bestStart);
    expect(Array.from(parallel.labels)).toEqual(Array.from(serial.labels));
    expect(Array.from(parallel.centres)).toEqual(Array.from(serial.centres));
    expect(progress.sort()).toEqual([0, 1, 2, 3]);
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
