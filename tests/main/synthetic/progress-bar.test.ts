// The progress line's format, the terminal throttle, and the one-line-per-10-% log mode.
import { describe, expect, it } from 'vitest';
import { createProgressReporter, formatCount, formatElapsed, formatProgressLine } from '../../../src-main/synthetic/progress-bar';

function recorder(isTTY: boolean) {
  const written: string[] = [];
  let time = 0;
  const reporter = createProgressReporter({ write: (text: string) => written.push(text), isTTY }, () => time);
  return { written, reporter, advance: (ms: number) => (time += ms) };
}

describe('formatProgressLine', () => {
  it('draws the bar, percentage, persons with Dutch thousands separators and elapsed time', () => {
    expect(formatProgressLine({ fraction: 0.45, persons: 512_340, elapsedMs: 12_400 })).toBe('[#####-----]  45 %  512.340 personen  12 s');
    expect(formatProgressLine({ fraction: 0, persons: 0, elapsedMs: 0 })).toBe('[----------]   0 %  0 personen  0 s');
    expect(formatProgressLine({ fraction: 1, persons: 17_012_345, elapsedMs: 3_725_000 })).toBe('[##########] 100 %  17.012.345 personen  1 u 02 min');
  });

  it('clamps fractions outside 0..1 and never shows 100 % before the end', () => {
    expect(formatProgressLine({ fraction: 1.3, persons: 1, elapsedMs: 0 })).toMatch(/^\[##########\] 100 %/);
    expect(formatProgressLine({ fraction: -0.2, persons: 1, elapsedMs: 0 })).toMatch(/^\[----------\] {3}0 %/);
    expect(formatProgressLine({ fraction: 0.999, persons: 1, elapsedMs: 0 })).toMatch(/ {2}99 %/);
  });

  it('formats counts and durations', () => {
    expect([999, 1000, 1_234_567].map(formatCount)).toEqual(['999', '1.000', '1.234.567']);
    expect([59_999, 60_000, 245_000, 3_600_000].map(formatElapsed)).toEqual(['59 s', '1 min 00 s', '4 min 05 s', '1 u 00 min']);
  });
});

describe('createProgressReporter', () => {
  it('on a terminal redraws one line with \\r at most five times a second and ends with a newline', () => {
    const { written, reporter, advance } = recorder(true);
    reporter.update(0.1, 100);
    advance(50);
    reporter.update(0.2, 200);
    advance(200);
    reporter.update(0.3, 300);
    reporter.finish(true);
    expect(written).toHaveLength(4);
    expect(written.slice(0, 3).every((text) => text.startsWith('\r') && !text.includes('\n'))).toBe(true);
    expect(written[1]).toContain(' 30 %');
    expect(written[2]).toContain('100 %');
    expect(written[3]).toBe('\n');
  });

  it('pads a shorter redraw so no characters of the previous line remain', () => {
    const { written, reporter, advance } = recorder(true);
    reporter.update(0.5, 1_000_000);
    advance(1000);
    reporter.update(0.6, 5);
    expect(written[1]!.length).toBe(written[0]!.length);
  });

  it('in a log prints one plain line per 10 % step, and 100 % at the end', () => {
    const { written, reporter } = recorder(false);
    for (let step = 0; step <= 40; step++) reporter.update(step / 40, step * 10);
    reporter.finish(true);
    expect(written.map((line) => line.match(/(\d+) %/)![1])).toEqual(['0', '10', '20', '30', '40', '50', '60', '70', '80', '90', '100']);
    expect(written.every((line) => line.endsWith('\n') && !line.includes('\r'))).toBe(true);
  });

  it('after an abort keeps the last state and ignores further updates', () => {
    const { written, reporter } = recorder(false);
    reporter.update(0.35, 10);
    reporter.finish(false);
    reporter.update(0.9, 20);
    reporter.finish(true);
    expect(written).toEqual(['[####------]  35 %  10 personen  0 s\n']);
  });
});
