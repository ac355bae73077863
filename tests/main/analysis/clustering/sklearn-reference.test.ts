// Best-of-10 inertia on a fixed dataset within 0.5 % of scikit-learn's (see tests/fixtures/sklearn/make-kmeans-reference.py).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kmeans } from '../../../../src-main/analysis/clustering/kmeans/index';

const folder = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'sklearn');

interface Reference {
  rows: number;
  columns: number;
  k: number;
  nInit: number;
  inertia: number;
}

describe('k-means against scikit-learn', () => {
  it('best of 10 starts is within 0.5 % of scikit-learn KMeans(n_init=10) inertia', () => {
    const reference = JSON.parse(readFileSync(join(folder, 'kmeans-reference.json'), 'utf8')) as Reference;
    const lines = readFileSync(join(folder, 'kmeans-blobs.csv'), 'utf8').trim().split('\n').slice(1);
    expect(lines).toHaveLength(reference.rows);
    const data = Float64Array.from(lines.flatMap((line) => line.split(',').map(Number)));
    for (const seed of [0, 1]) {
      const result = kmeans(data, reference.rows, reference.columns, reference.k, { starts: reference.nInit, seed });
      expect(Math.abs(result.inertia - reference.inertia) / reference.inertia).toBeLessThan(0.005);
    }
  });
});
