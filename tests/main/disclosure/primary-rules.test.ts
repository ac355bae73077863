// The primary disclosure rules on small hand-computed cells, and the rule set an institution may change.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  countStatus,
  extremeStatus,
  groupStatus,
  magnitudeStatus,
  modelStatus,
  shareStatus,
  statisticStatus,
} from '../../../src-main/disclosure/primary-rules';
import { publishCount } from '../../../src-main/disclosure/published-count';
import { DEFAULT_RULE_SET, loadRuleSet, ruleSetDigest, ruleSetSchema, type RuleSet } from '../../../src-main/disclosure/rule-set';
import { tempFolder } from '../support/temp-folder';

const rules = DEFAULT_RULE_SET;
/** Ten contributors: the smallest table the threshold lets through, so only the dominance rules decide. */
const tenWith = (...largest: number[]) => [...largest, ...Array<number>(10 - largest.length).fill(1)];

describe('count rule', () => {
  it('blocks 1 to 9 units, lets 10 through and sends a zero for review', () => {
    expect(countStatus(9, rules)).toEqual({ status: 'blocked', rule: 'threshold' });
    expect(countStatus(10, rules)).toEqual({ status: 'safe' });
    expect(countStatus(0, rules)).toEqual({ status: 'review', reason: 'zero' });
    expect(countStatus(0, { ...rules, zeroCells: 'allow' })).toEqual({ status: 'safe' });
  });

  it('never publishes a blocked count', () => {
    expect(publishCount(3)).toEqual({ below: 10 });
    expect(publishCount(11)).toBe(11);
    expect(publishCount(0)).toBe(0);
    expect(publishCount(12, { ...rules, threshold: 15 })).toEqual({ below: 15 });
  });
});

describe('shares and statistics', () => {
  it('need the threshold in numerator and denominator', () => {
    expect(shareStatus(5, 191, rules)).toEqual({ status: 'blocked', rule: 'threshold' });
    expect(shareStatus(12, 9, rules)).toEqual({ status: 'blocked', rule: 'threshold' });
    expect(shareStatus(12, 191, rules)).toEqual({ status: 'safe' });
  });

  it('compute means and medians over enough units, and never give minima or maxima', () => {
    expect(statisticStatus(9, rules)).toEqual({ status: 'blocked', rule: 'statistic-threshold' });
    expect(statisticStatus(10, rules)).toEqual({ status: 'safe' });
    expect(extremeStatus()).toEqual({ status: 'blocked', rule: 'min-max' });
    expect(modelStatus(9, rules)).toEqual({ status: 'blocked', rule: 'degrees-of-freedom' });
  });
});

describe('magnitude rules (incomes)', () => {
  it('block a cell with too few contributors', () => {
    expect(magnitudeStatus([30_000, 20_000, 10_000], rules)).toEqual({ status: 'blocked', rule: 'threshold' });
  });

  it('apply NK (2, 90 %): the two largest may not make up 90 % of the total', () => {
    // 100 + 95 of 203 = 96 %: dominated.
    expect(magnitudeStatus(tenWith(100, 95), rules)).toEqual({ status: 'blocked', rule: 'dominance' });
    // 50 + 40 of 98 = 92 %: still dominated; 40 + 30 of 77 = 91 %: dominated.
    expect(magnitudeStatus(tenWith(50, 40), rules)).toEqual({ status: 'blocked', rule: 'dominance' });
    expect(magnitudeStatus(tenWith(40, 30, 0), rules)).toMatchObject({ status: 'blocked' });
    // 20 + 20 of 48 = 83 %: not dominated, and (48 - 20 - 20) / 20 = 40 % >= 10 %: safe.
    expect(magnitudeStatus(tenWith(20, 20), rules)).toEqual({ status: 'safe' });
  });

  it('apply the p% rule (10 %) where NK lets a cell through', () => {
    // 100 + 40 of 148 = 95 % under NK (2, 0.96); remainder 8 is 8 % of the largest: p% blocks.
    const lenient: RuleSet = { ...rules, dominance: { n: 2, k: 0.96 } };
    expect(magnitudeStatus(tenWith(100, 40), lenient)).toEqual({ status: 'blocked', rule: 'p-percent' });
    // Remainder 12 of largest 100: 12 % >= 10 %: safe.
    expect(magnitudeStatus(tenWith(100, 40, 5), lenient)).toEqual({ status: 'safe' });
  });

  it('take contributions in any order and as absolute values', () => {
    expect(magnitudeStatus([1, 1, 1, 1, 1, 1, 1, 1, -95, 100], rules)).toEqual({ status: 'blocked', rule: 'dominance' });
  });
});

describe('group disclosure', () => {
  it('sends a group for review when one category holds 90 % of its units', () => {
    expect(groupStatus([27, 3], rules)).toEqual({ status: 'review', reason: 'group-disclosure' });
    expect(groupStatus([26, 4], rules)).toEqual({ status: 'safe' });
  });
});

describe('rule set', () => {
  it('loads an institution file, records a stable digest, and rejects a file with a rule missing or wrong', async () => {
    const folder = await tempFolder();
    const path = join(folder, 'regels.json');
    await writeFile(path, JSON.stringify({ ...rules, name: 'CBS Remote Access', threshold: 15 }));
    const loaded = await loadRuleSet(path);
    expect(loaded.threshold).toBe(15);
    expect(ruleSetDigest(loaded)).toMatch(/^[0-9a-f]{64}$/);
    expect(ruleSetDigest({ ...loaded })).toBe(ruleSetDigest(loaded));
    expect(ruleSetDigest(loaded)).not.toBe(ruleSetDigest(rules));
    await writeFile(path, JSON.stringify({ ...rules, pPercent: undefined }));
    await expect(loadRuleSet(path)).rejects.toThrow(/pPercent/);
    await writeFile(path, JSON.stringify({ ...rules, dominance: { n: 2, k: 90 } }));
    await expect(loadRuleSet(path)).rejects.toThrow(/dominance\.k/);
    await expect(loadRuleSet(join(folder, 'none.json'))).rejects.toThrow(/De regelset .*none\.json bestaat niet/);
  });
});

describe('secondary protection settings', () => {
  it('default to a protection level of 10 and rounding base 10, and keep the base at least the protection level', () => {
    expect(DEFAULT_RULE_SET).toMatchObject({ protectionLevel: 10, roundingBase: 10 });
    expect(ruleSetSchema.safeParse(DEFAULT_RULE_SET).success).toBe(true);
    expect(ruleSetSchema.safeParse({ ...rules, protectionLevel: 5, roundingBase: 5 }).success).toBe(true);
    const tooSmall = ruleSetSchema.safeParse({ ...rules, roundingBase: 5 });
    expect(tooSmall.success).toBe(false);
    expect(tooSmall.error?.issues[0]?.path).toEqual(['roundingBase']);
    expect(ruleSetSchema.safeParse({ ...rules, roundingBase: 7 }).success).toBe(false);
    expect(ruleSetSchema.safeParse({ ...rules, protectionLevel: 0 }).success).toBe(false);
  });
});
