// The WebAssembly SIMD distances are bit for bit the JavaScript ones, so k-means gives the same clusters with either.
import { describe, expect, it } from 'vitest';
import { kmeans } from '../../../../../src-main/analysis/clustering/kmeans/index';
import { simdAvailable } from '../../../../../src-main/analysis/clustering/kmeans/distance';
import { createHeap } from '../../../../../src-main/analysis/clustering/kmeans/heap';
import { squaredDistance, squaredDistanceBelow } from '../../../../../src-main/analysis/clustering/kmeans/state';
import { SeededRandom } from '../../../../../src-main/analysis/clustering/seeded-random';
import { blobs, uniform } from '../datasets';

describe('SIMD distance kernel', () => {
  it('is available on this Node', () => {
    expect(simdAvailable()).toBe(true);
  });

  it('equals squaredDistance and squaredDistanceBelow bit for bit, for every width and limit', () => {
    const random = new SeededRandom(4);
    const heap = createHeap(64 * 64 * 8);
    expect(heap.kernel.simd).toBe(true);
    const values = heap.float64(64 * 64);
    for (let i = 0; i < values.length; i++) values[i] = random.normal() * 10 ** (random.int(7) - 3);
    for (let d = 1; d <= 40; d++) {
      for (let pair = 0; pair < 20; pair++) {
        const a = random.int(60) * d;
        const b = random.int(60) * d;
        const exact = squaredDistance(values, a, values, b, d);
        expect(heap.kernel.distance(values.byteOffset + a * 8, values.byteOffset + b * 8, d)).toBe(exact);
        for (const limit of [0, exact / 3, exact / 2, exact, Infinity]) {
          expect(heap.kernel.distanceBelow(values.byteOffset + a * 8, values.byteOffset + b * 8, d, limit)).toBe(
            squaredDistanceBelow(values, a, values, b, d, limit),
          );
        }
      }
    }
  });

  it.each([
    ['30-D blobs, k=5', blobs(9000, 30, 5, 3, 4), 5],
    ['uniform noise 7-D, k=7', uniform(9000, 7, 3), 7],
  ] as const)('%s: k-means gives the same result with the SIMD and the JavaScript kernel', (_name, { data, n, d }, k) => {
    const simd = kmeans(data, n, d, k, { seed: 2, starts: 3 });
    const scalar = kmeans(data, n, d, k, { seed: 2, starts: 3, kernel: 'scalar' });
    expect(Array.from(simd.startInertias)).toEqual(Array.from(scalar.startInertias));
    expect(Array.from(simd.labels)).toEqual(Array.from(scalar.labels));
    expect(Array.from(simd.centres)).toEqual(Array.from(scalar.centres));
  });
});
