// The seeded generator: repeatable, in range, and different streams for different seeds.
import { describe, expect, it } from 'vitest';
import { deriveSeed, SeededRandom } from '../../../../src-main/analysis/clustering/seeded-random';

describe('SeededRandom', () => {
  it('repeats for a seed and differs between seeds', () => {
    const draw = (seed: number) => {
      const random = new SeededRandom(seed);
      return Array.from({ length: 5 }, () => random.nextUint32());
    };
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
    expect(draw(1)).not.toEqual(draw(1 + 2 ** 32));
    expect(deriveSeed(0, 0)).not.toBe(deriveSeed(0, 1));
  });

  it('uniform is in [0, 1) with mean about 1/2, int in range', () => {
    const random = new SeededRandom(42);
    const draws = Array.from({ length: 20_000 }, () => random.uniform());
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    expect(draws.reduce((sum, u) => sum + u, 0) / draws.length).toBeCloseTo(0.5, 2);
    const counts = new Array<number>(3).fill(0);
    for (let i = 0; i < 3000; i++) counts[random.int(3)]!++;
    expect(Math.min(...counts)).toBeGreaterThan(900);
    expect(() => random.int(0)).toThrow(/positive integer/);
  });
});
