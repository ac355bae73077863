// The generator's building blocks: calendar arithmetic, seeded randomness, register keys, the world plan.
import { describe, expect, it } from 'vitest';
import { ageOn, civilOf, dayOf, parseYyyymmdd, yyyymmdd } from '../../../src-main/common/calendar';
import { personKey } from '../../../src-main/synthetic/keys';
import { Random } from '../../../src-main/synthetic/random';
import { HOUSEHOLDS_PER_SCALE_UNIT, planWorld } from '../../../src-main/synthetic/world-plan';

describe('calendar', () => {
  it('knows the epoch, leap days and the reference date', () => {
    expect(dayOf(1970, 1, 1)).toBe(0);
    expect(yyyymmdd(dayOf(2017, 12, 31))).toBe('20171231');
    expect(yyyymmdd(dayOf(2016, 2, 28) + 1)).toBe('20160229');
    expect(yyyymmdd(dayOf(2017, 2, 28) + 1)).toBe('20170301');
    expect(yyyymmdd(dayOf(2000, 2, 28) + 1)).toBe('20000229');
    expect(yyyymmdd(dayOf(1900, 2, 28) + 1)).toBe('19000301');
  });

  it('round-trips every day from 1900 to 2060 and agrees with Date', () => {
    for (let day = dayOf(1900, 1, 1); day <= dayOf(2060, 12, 31); day += 1) {
      const { year, month, day: d } = civilOf(day);
      expect(dayOf(year, month, d)).toBe(day);
      if (day % 997 === 0) expect(new Date(day * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '')).toBe(yyyymmdd(day));
    }
    expect(parseYyyymmdd('20171231')).toBe(dayOf(2017, 12, 31));
    expect(() => parseYyyymmdd('2017-12-31')).toThrow(/not a YYYYMMDD/);
  });

  it('computes ages in whole years', () => {
    expect(ageOn(1980, 12, dayOf(2017, 12, 31))).toBe(37);
    expect(ageOn(1981, 1, dayOf(2017, 12, 31))).toBe(36);
  });
});

describe('Random', () => {
  it('repeats exactly for the same seed and path, and differs for another', () => {
    const draw = (random: Random) => Array.from({ length: 5 }, () => random.nextUint32());
    expect(draw(Random.stream(1, 'household', '0784', 3))).toEqual(draw(Random.stream(1, 'household', '0784', 3)));
    expect(draw(Random.stream(1, 'household', '0784', 3))).not.toEqual(draw(Random.stream(1, 'household', '0784', 4)));
    expect(draw(Random.stream(1, 'household', '0784', 3))).not.toEqual(draw(Random.stream(2, 'household', '0784', 3)));
  });

  it('draws uniform, normal and weighted values with the right moments', () => {
    const random = new Random(42);
    const n = 100_000;
    let sum = 0;
    let sumSquares = 0;
    let heads = 0;
    const picks = { a: 0, b: 0 };
    for (let i = 0; i < n; i++) {
      const x = random.normal(10, 2);
      sum += x;
      sumSquares += x * x;
      if (random.chance(0.3)) heads += 1;
      picks[
        random.pick([
          ['a', 1],
          ['b', 3],
        ] as const)
      ] += 1;
      const k = random.int(1, 6);
      expect(k >= 1 && k <= 6).toBe(true);
    }
    const mean = sum / n;
    expect(mean).toBeCloseTo(10, 1);
    expect(Math.sqrt(sumSquares / n - mean * mean)).toBeCloseTo(2, 1);
    expect(heads / n).toBeCloseTo(0.3, 2);
    expect(picks.b / n).toBeCloseTo(0.75, 2);
  });
});

describe('personKey', () => {
  it('gives unique 9-digit text keys, some with leading zeros', () => {
    const keys = new Set<string>();
    for (let n = 1; n <= 200_000; n++) keys.add(personKey(n));
    expect(keys.size).toBe(200_000);
    expect([...keys].every((key) => /^\d{9}$/.test(key))).toBe(true);
    expect([...keys].filter((key) => key.startsWith('0')).length / keys.size).toBeCloseTo(0.1, 1);
  });
});

describe('planWorld', () => {
  it('puts the same demo municipalities first at every scale', () => {
    const demo = planWorld(1);
    const bigger = planWorld(10);
    expect(demo.map((m) => m.code)).toEqual(['0784', '0758', '0826', '0766', '0855', '0785']);
    expect(bigger.slice(0, demo.length)).toEqual(demo);
    const extra = bigger.slice(demo.length).reduce((sum, m) => sum + m.households, 0);
    expect(extra).toBe(9 * HOUSEHOLDS_PER_SCALE_UNIT);
  });

  it('gives every municipality its own address objects and a unique code', () => {
    const plan = planWorld(30);
    expect(new Set(plan.map((m) => m.code)).size).toBe(plan.length);
    for (let i = 1; i < plan.length; i++) expect(plan[i]!.firstObject).toBe(plan[i - 1]!.firstObject + plan[i - 1]!.objectCount);
    for (const m of plan) expect(m.objectCount).toBeGreaterThan(m.households);
  });

  it('refuses a scale below 1', () => {
    expect(() => planWorld(0.5)).toThrow(/at least 1/);
    expect(() => planWorld(Number.NaN)).toThrow(/at least 1/);
  });
});
