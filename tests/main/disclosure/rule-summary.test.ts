// The Dutch summary of the rules actually used, for report pages, CSV comment lines and the output log.
import { describe, expect, it } from 'vitest';
import { ruleSummary, ruleSummaryLines } from '../../../src-main/disclosure/rule-summary';
import { DEFAULT_RULE_SET, ruleSetDigest, type RuleSet } from '../../../src-main/disclosure/rule-set';

/** Every number differs from the defaults and from the others where it can, so each must come from its own field. */
const STRICT: RuleSet = {
  version: 1,
  name: 'Gemeente Tilburg streng',
  threshold: 15,
  statisticThreshold: 20,
  zeroCells: 'allow',
  dominance: { n: 3, k: 0.75 },
  pPercent: 0.125,
  groupShare: 0.8,
  clusterMinimum: 25,
  residualDegreesOfFreedom: 30,
  protectionLevel: 8,
  roundingBase: 10,
};

describe('ruleSummary', () => {
  it('states the real numbers of a non-default rule set in one line', () => {
    const digest = ruleSetDigest(STRICT).slice(0, 12);
    expect(ruleSummary(STRICT)).toBe(
      `Regelset Gemeente Tilburg streng (SHA-256 ${digest}): drempel 15, nulcellen toegestaan, ` +
        'statistieken over ten minste 20 eenheden, dominantie 3 grootste ≥ 75 %, p%-regel 12,5 %, ' +
        'groepsonthulling vanaf 80 %, clusters vanaf 25 huishoudens, modellen met ten minste 30 vrijheidsgraden, ' +
        'beschermingsniveau 8, afronding op 10.',
    );
  });

  it('states the defaults, and changes with every field (the digest included)', () => {
    const summary = ruleSummary(DEFAULT_RULE_SET);
    expect(summary).toContain(`(SHA-256 ${ruleSetDigest(DEFAULT_RULE_SET).slice(0, 12)})`);
    expect(summary).toContain('drempel 10, nulcellen ter beoordeling, statistieken over ten minste 10 eenheden, dominantie 2 grootste ≥ 90 %, p%-regel 10 %');
    expect(ruleSummary({ ...DEFAULT_RULE_SET, pPercent: 0.07 })).toContain('p%-regel 7 %');
    expect(ruleSummary({ ...DEFAULT_RULE_SET, threshold: 1000 })).toContain('drempel 1.000,');
    expect(ruleSummary({ ...DEFAULT_RULE_SET, threshold: 11 })).not.toBe(summary);
  });

  it('keeps the line free of ";" and line breaks, whatever the rule set is called', () => {
    const summary = ruleSummary({ ...STRICT, name: 'Regels; versie 2\r\nmet\tnieuwe regel\u2028en meer' });
    expect(summary).toMatch(/^Regelset Regels, versie 2 met nieuwe regel en meer \(SHA-256 [0-9a-f]{12}\): /);
    expect(summary).not.toMatch(/[;\r\n\u2028\u2029\t]/);
    expect(ruleSummary(DEFAULT_RULE_SET)).not.toMatch(/[;\r\n]/);
  });
});

describe('ruleSummaryLines', () => {
  it('gives a few short lines with the same numbers', () => {
    const lines = ruleSummaryLines(STRICT);
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.length).toBeLessThanOrEqual(8);
    for (const line of lines) {
      expect(line.length).toBeLessThanOrEqual(110);
      expect(line).not.toMatch(/[;\r\n]/);
    }
    expect(lines[0]).toBe(`Regelset Gemeente Tilburg streng (SHA-256 ${ruleSetDigest(STRICT).slice(0, 12)})`);
    const text = lines.join('\n');
    for (const fact of [
      'drempel 15',
      'nulcellen toegestaan',
      'ten minste 20 eenheden',
      'ten minste 30 vrijheidsgraden',
      'dominantie 3 grootste ≥ 75 %',
      'p%-regel 12,5 %',
      'Groepsonthulling vanaf 80 %',
      'clusters vanaf 25 huishoudens',
      'beschermingsniveau 8',
      'afronding op 10',
    ]) {
      expect(text).toContain(fact);
    }
  });
});
