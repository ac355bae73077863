// The auditor on tiny packages whose answers are worked out by hand, for figures other than exact counts: rounded counts,
// a difference of two shares, statistics and amounts. Exact counts, shares, nesting and records: hand-packages.test.ts.
import { describe, expect, it } from 'vitest';
import { audit, cell } from './hand-audit';
import { CLIENT_POPULATIONS, count, countColumn, countFigure, ONE_POPULATION, singleFeatureFamily } from './package-fixtures';

describe('rounded counts', () => {
  const table = countColumn('type', 'type', ['a', 'b', 'c'], 'alle', ['30', 'x', '60', '100']);
  const family = singleFeatureFamily('type', ['a', 'b', 'c']);

  it('exact counts pin b = 100 - 30 - 60 = 10 (not small: passes), one less in the total pins 9 and fails', async () => {
    expect(cell(await audit({ families: [family], populations: ONE_POPULATION, outputs: [table] }), 'b / Aantal')).toMatchObject({
      lower: 10,
      upper: 10,
      pass: true,
    });
    const smaller = countColumn('type', 'type', ['a', 'b', 'c'], 'alle', ['30', 'x', '60', '99']);
    expect(cell(await audit({ families: [family], populations: ONE_POPULATION, outputs: [smaller] }), 'b / Aantal')).toMatchObject({
      lower: 9,
      upper: 9,
      pass: false,
    });
  });

  it('base 10 (each count within 5): b in [95 - 35 - 65, 105 - 25 - 55] = [0, 25], passes', async () => {
    const report = await audit({ families: [family], populations: ONE_POPULATION, counts: { method: 'rounded', base: 10 }, outputs: [table] });
    expect(cell(report, 'b / Aantal')).toMatchObject({ lower: 0, upper: 25, pass: true });
    expect(report.pass).toBe(true);
  });

  it('a share computed from the rounded counts narrows nothing: b keeps [0, 25]', async () => {
    // "a = 30,0 %" is 30 of 100 as printed; the true a and total may be 27 and 97 (27,8 %). Read as a share of the
    // true counts it would put a in [29, 31] and b in [0, 21].
    const share = {
      id: 'aandeel',
      rowHeader: 'Type',
      columns: ['%'],
      rows: [{ label: 'a', fields: ['30,0'] }],
      cells: [
        {
          row: 0,
          column: 0,
          figure: { kind: 'share' as const, numerator: count('type', 'type', ['a'], 'alle'), denominator: count('type', 'type', null, 'alle') },
        },
      ],
    };
    const report = await audit({ families: [family], populations: ONE_POPULATION, counts: { method: 'rounded', base: 10 }, outputs: [table, share] });
    expect(cell(report, 'b / Aantal')).toMatchObject({ lower: 0, upper: 25, pass: true });
  });

  it('base 2 (each count within 1): b in [99 - 31 - 61, 101 - 29 - 59] = [7, 13], fails', async () => {
    const report = await audit({ families: [family], populations: ONE_POPULATION, counts: { method: 'rounded', base: 2 }, outputs: [table] });
    expect(cell(report, 'b / Aantal')).toMatchObject({ lower: 7, upper: 13, pass: false });
    expect(report.pass).toBe(false);
  });
});

describe('a difference of two shares', () => {
  // Clients: A hidden (4 of 191); all households: A = 2269 of 11346 (19,998 %). The difference -17,9 %-punt is the
  // difference of the two printed (rounded) shares, so the true one lies in [-18,0; -17,8]: the clients' share in
  // [1,998; 2,198] %, and A in [3,82; 4,20]: 4.
  const family = singleFeatureFamily('type', ['A', 'B']);
  const share = (population: string) => ({
    kind: 'share' as const,
    numerator: count('type', 'type', ['A'], population),
    denominator: count('type', 'type', null, population),
  });
  const comparison = (withDifference: boolean) => ({
    id: 'vergelijking',
    rowHeader: 'Type',
    columns: ['Klanten', 'Klanten %', 'Alle', 'Alle %', 'Verschil'],
    rows: [
      { label: 'A', fields: ['x', 'x', '2269', '20,0', withDifference ? '-17,9' : 'x'] },
      { label: 'B', fields: ['x', 'x', '9077', '80,0', withDifference ? '17,9' : 'x'] },
      { label: 'Totaal', fields: ['191', '100,0', '11346', '100,0', ''] },
    ],
    cells: [
      { row: 0, column: 0, figure: countFigure(count('type', 'type', ['A'], 'klanten')) },
      { row: 0, column: 1, figure: share('klanten') },
      { row: 0, column: 2, figure: countFigure(count('type', 'type', ['A'], 'alle')) },
      { row: 0, column: 3, figure: share('alle') },
      { row: 0, column: 4, figure: { kind: 'difference' as const, minuend: share('klanten'), subtrahend: share('alle') } },
      { row: 1, column: 0, figure: countFigure(count('type', 'type', ['B'], 'klanten')) },
      { row: 1, column: 2, figure: countFigure(count('type', 'type', ['B'], 'alle')) },
      { row: 2, column: 0, figure: countFigure(count('type', 'type', null, 'klanten')) },
      { row: 2, column: 2, figure: countFigure(count('type', 'type', null, 'alle')) },
    ],
  });

  it('pins the hidden count once both denominators are printed', async () => {
    const without = await audit({ families: [family], populations: CLIENT_POPULATIONS, outputs: [comparison(false)] });
    expect(cell(without, 'A / Klanten')).toMatchObject({ lower: 0, upper: 191, pass: true });
    const report = await audit({ families: [family], populations: CLIENT_POPULATIONS, outputs: [comparison(true)] });
    expect(cell(report, 'A / Klanten')).toMatchObject({ lower: 4, upper: 4, pass: false });
    expect(cell(report, 'A / Klanten %')).toMatchObject({ lower: 4, upper: 4, pass: false });
  });

  it('reads a printed difference as the difference of the printed shares (within 0,1, not 0,05)', async () => {
    // 251 of 2500 is 10,04 % (printed 10,0); 753 of 5000 is 15,06 % (printed 15,1); printed difference 10,0 - 15,1 =
    // -5,1, while the true one is -5,02: outside -5,1 ± 0,05, so reading it that way would call the package contradictory.
    const visible = {
      id: 'vergelijking',
      rowHeader: 'Type',
      columns: ['Klanten', 'Klanten %', 'Alle', 'Alle %', 'Verschil'],
      rows: [
        { label: 'A', fields: ['251', '10,0', '753', '15,1', '-5,1'] },
        { label: 'Totaal', fields: ['2500', '', '5000', '', ''] },
      ],
      cells: [
        { row: 0, column: 0, figure: countFigure(count('type', 'type', ['A'], 'klanten')) },
        { row: 0, column: 1, figure: share('klanten') },
        { row: 0, column: 2, figure: countFigure(count('type', 'type', ['A'], 'alle')) },
        { row: 0, column: 3, figure: share('alle') },
        { row: 0, column: 4, figure: { kind: 'difference' as const, minuend: share('klanten'), subtrahend: share('alle') } },
        { row: 1, column: 0, figure: countFigure(count('type', 'type', null, 'klanten')) },
        { row: 1, column: 2, figure: countFigure(count('type', 'type', null, 'alle')) },
      ],
    };
    const report = await audit({ families: [family], populations: CLIENT_POPULATIONS, outputs: [visible] });
    expect(report.groups[0]).toMatchObject({ audited: true, findings: [] });
    expect(report.pass).toBe(true);
  });

  it('records a finding, and leaves it out, when a denominator is not pinned', async () => {
    const output = comparison(true);
    const hiddenTotal = { ...output, rows: output.rows.map((row, index) => (index === 2 ? { ...row, fields: ['x', '', '11346', '100,0', ''] } : row)) };
    const report = await audit({ families: [family], populations: CLIENT_POPULATIONS, outputs: [hiddenTotal] });
    expect(report.packages[0]?.findings).toEqual([
      expect.objectContaining({
        severity: 'warning',
        output: 'vergelijking',
        row: 0,
        column: 4,
        message: expect.stringContaining('noemers die niet vastliggen'),
      }),
    ]);
    expect(cell(report, 'A / Klanten').upper).toBeGreaterThan(10);
  });
});

describe('statistics and amounts', () => {
  const family = singleFeatureFamily('type', ['A', 'B']);
  const inputs = [
    count('type', 'type', ['A'], 'klanten'),
    count('type', 'type', ['A'], 'alle'),
    count('type', 'type', null, 'klanten'),
    count('type', 'type', null, 'alle'),
  ];
  const table = (clientsA: string) => ({
    id: 'toets',
    rowHeader: 'Type',
    columns: ['Klanten', 'Alle', 'Residu', 'Mediaan inkomen'],
    rows: [
      { label: 'A', fields: [clientsA, '2269', '3,1', 'EUR 14.000'] },
      { label: 'Totaal', fields: ['191', '11346', '', ''] },
    ],
    cells: [
      { row: 0, column: 0, figure: countFigure(count('type', 'type', ['A'], 'klanten')) },
      { row: 0, column: 1, figure: countFigure(count('type', 'type', ['A'], 'alle')) },
      { row: 0, column: 2, figure: { kind: 'residual' as const, inputs } },
      {
        row: 0,
        column: 3,
        figure: {
          kind: 'amount' as const,
          feature: 'inkomen',
          statistic: 'median' as const,
          population: 'klanten',
          units: count('type', 'type', ['A'], 'klanten'),
        },
      },
      { row: 1, column: 0, figure: countFigure(count('type', 'type', null, 'klanten')) },
      { row: 1, column: 1, figure: countFigure(count('type', 'type', null, 'alle')) },
    ],
    notes: [{ kind: 'pValue' as const, inputs }],
  });

  it('passes when every input is printed', async () => {
    const report = await audit({ families: [family], populations: CLIENT_POPULATIONS, outputs: [table('40')] });
    expect(report.packages[0]?.findings).toEqual([]);
    expect(report.pass).toBe(true);
  });

  it('fails a residual and a p-value whose input count is hidden, and warns of an amount over units not printed', async () => {
    const report = await audit({ families: [family], populations: CLIENT_POPULATIONS, outputs: [table('x')] });
    const messages = (severity: string) =>
      (report.packages[0]?.findings ?? []).filter((finding) => finding.severity === severity).map((finding) => `${finding.label}: ${finding.message}`);
    expect(messages('fail').sort()).toEqual([
      expect.stringMatching(/^A \/ Residu: Dit residu hangt af van een telling die niet gepubliceerd is \(de aanvaller weet alleen \[0, 191\]\)/),
      expect.stringMatching(/^toelichting 1: Deze p-waarde hangt af van een telling die niet gepubliceerd is/),
    ]);
    // The units of a statistic are checked where it is made; the package need not print them, so only a warning.
    expect(messages('warning')).toEqual([expect.stringMatching(/^A \/ Mediaan inkomen: Het aantal eenheden .* staat niet in het pakket \(\[0, 191\]\)/)]);
    expect(report.pass).toBe(false);
  });

  it('fails an amount computed over fewer units than the threshold, and a printed small count', async () => {
    const report = await audit({ families: [family], populations: CLIENT_POPULATIONS, outputs: [table('8')] });
    expect(report.packages[0]?.findings).toEqual([
      expect.objectContaining({ severity: 'fail', label: 'A / Klanten', message: 'Deze telling staat er als 8: minstens 1 en minder dan de drempel 10.' }),
      expect.objectContaining({ severity: 'fail', message: 'Dit bedrag is berekend over 8 eenheden, minder dan de drempel 10.' }),
    ]);
    // The printed 8 is itself a certainly small cell the attacker knows exactly.
    expect(report.groups[0]?.findings).toEqual([
      expect.objectContaining({
        severity: 'fail',
        message: expect.stringContaining('Zeker kleine groep: type: type = A, in Klanthuishoudens ligt voor de aanvaller in [8, 8]'),
      }),
    ]);
  });
});
