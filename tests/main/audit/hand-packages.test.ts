// The auditor on tiny packages whose answers are worked out by hand: subtraction, shares, nesting, records, a share as a
// lower bound, and a small group only a linear program finds. Rounded counts, differences and statistics:
// hand-packages-derived.test.ts.
import { describe, expect, it } from 'vitest';
import type { FamilyDefinition } from '../../../src-main/publication/definitions-file';
import { audit, cell } from './hand-audit';
import { CLIENT_POPULATIONS, count, countColumn, countFigure, ONE_POPULATION, singleFeatureFamily, type FixtureOutput } from './package-fixtures';

const TYPE = singleFeatureFamily('type', ['a', 'b', 'c', 'd']);

describe('a 1-D table with its total', () => {
  it('fails when the one hidden cell is the total minus the others: 101 - 30 - 12 - 55 = 4', async () => {
    const report = await audit({
      families: [TYPE],
      populations: ONE_POPULATION,
      outputs: [countColumn('type', 'type', ['a', 'b', 'c', 'd'], 'alle', ['x', '30', '12', '55', '101'])],
    });
    expect(cell(report, 'a / Aantal')).toMatchObject({ lower: 4, upper: 4, integerVerified: true, pass: false });
    expect(report.pass).toBe(false);
    expect(report.packages[0]?.pass).toBe(false);
  });

  it('passes with a second hidden cell: a + c = 16, each in [0, 16], wider than the protection level 10', async () => {
    const report = await audit({
      families: [TYPE],
      populations: ONE_POPULATION,
      outputs: [countColumn('type', 'type', ['a', 'b', 'c', 'd'], 'alle', ['x', '30', 'x', '55', '101'])],
    });
    expect(cell(report, 'a / Aantal')).toMatchObject({ lower: 0, upper: 16, integerVerified: true, pass: true });
    expect(cell(report, 'c / Aantal')).toMatchObject({ lower: 0, upper: 16, pass: true });
    expect(report.pass).toBe(true);
    expect(report.groups[0]?.findings).toEqual([]);
  });

  it('fails a second hidden cell that leaves too little room: a + c = 8, so a in [0, 8]', async () => {
    const report = await audit({
      families: [TYPE],
      populations: ONE_POPULATION,
      outputs: [countColumn('type', 'type', ['a', 'b', 'c', 'd'], 'alle', ['x', '30', 'x', '55', '93'])],
    });
    expect(cell(report, 'a / Aantal')).toMatchObject({ lower: 0, upper: 8, pass: false });
    expect(report.pass).toBe(false);
  });
});

describe('a share printed elsewhere', () => {
  // Clients by type: A (32) and B (4) hidden, C = 155, total 191. Alone: A + B = 36, each in [0, 36].
  const shareFamily = singleFeatureFamily('type', ['A', 'B', 'C']);
  const counts = countColumn('klanten-type', 'type', ['A', 'B', 'C'], 'klanten', ['x', 'x', '155', '191']);
  const profile = {
    id: 'profiel',
    rowHeader: 'Kenmerk',
    columns: ['Klanten'],
    rows: [{ label: 'Meest voorkomend type', fields: ['A 16,8 %'] }],
    cells: [
      {
        row: 0,
        column: 0,
        figure: { kind: 'share' as const, numerator: count('type', 'type', ['A'], 'klanten'), denominator: count('type', 'type', null, 'klanten') },
      },
    ],
  };

  it('passes without the share', async () => {
    const report = await audit({ families: [shareFamily], populations: CLIENT_POPULATIONS, outputs: [counts] });
    expect(cell(report, 'B / Aantal')).toMatchObject({ lower: 0, upper: 36, pass: true });
    expect(report.pass).toBe(true);
  });

  it('fails with it: 16,8 % of 191 lies in [31,99; 32,18], so A = 32 and B = 191 - 155 - 32 = 4', async () => {
    const report = await audit({ families: [shareFamily], populations: CLIENT_POPULATIONS, outputs: [counts, profile] });
    // A is pinned too, but 32 is not a small count: only B fails.
    expect(cell(report, 'A / Aantal')).toMatchObject({ lower: 32, upper: 32, pass: true });
    expect(cell(report, 'B / Aantal')).toMatchObject({ lower: 4, upper: 4, pass: false });
    expect(report.pass).toBe(false);
  });
});

describe('two features of one family that nest', () => {
  // Household type 1..6 and composition: 'paar' is types 2..5.
  const household: FamilyDefinition = {
    id: 'huishouden',
    features: ['type', 'samenstelling'],
    categories: [
      ['1', '2', '3', '4', '5', '6'].map((code) => ({ code, label: `type ${code}` })),
      [
        { code: 'alleen', label: 'Alleenstaand' },
        { code: 'paar', label: 'Paar' },
        { code: 'eenouder', label: 'Eenouder' },
      ],
    ],
    atoms: [
      ['1', 'alleen'],
      ['2', 'paar'],
      ['3', 'paar'],
      ['4', 'paar'],
      ['5', 'paar'],
      ['6', 'eenouder'],
    ],
  };
  const types = {
    id: 'type',
    rowHeader: 'Huishoudtype',
    columns: ['Aantal'],
    rows: ['1', '2', '3', '4', '5', '6', 'Totaal'].map((label, index) => ({ label, fields: [['40', '25', 'x', '30', '21', 'x', '145'][index] as string] })),
    cells: [['1'], ['2'], ['3'], ['4'], ['5'], ['6'], null].map((codes, row) => ({
      row,
      column: 0,
      figure: countFigure(count('huishouden', 'type', codes, 'alle')),
    })),
  };
  const composition = {
    id: 'samenstelling',
    rowHeader: 'Samenstelling',
    columns: ['Aantal'],
    rows: ['Alleenstaand', 'Paar', 'Eenouder'].map((label, index) => ({ label, fields: [['40', '80', '25'][index] as string] })),
    cells: [['alleen'], ['paar'], ['eenouder']].map((codes, row) => ({
      row,
      column: 0,
      figure: countFigure(count('huishouden', 'samenstelling', codes, 'alle')),
    })),
  };

  it('passes on the type table alone: types 3 and 6 share 145 - 116 = 29', async () => {
    const report = await audit({ families: [household], populations: ONE_POPULATION, outputs: [types] });
    expect(cell(report, '3 / Aantal')).toMatchObject({ lower: 0, upper: 29, pass: true });
    expect(report.pass).toBe(true);
  });

  it('fails with the composition table: type 3 = paar - types 2, 4, 5 = 80 - 76 = 4', async () => {
    const report = await audit({ families: [household], populations: ONE_POPULATION, outputs: [types, composition] });
    expect(cell(report, '3 / Aantal')).toMatchObject({ lower: 4, upper: 4, integerVerified: true, pass: false });
    expect(cell(report, '6 / Aantal')).toMatchObject({ lower: 25, upper: 25, pass: true });
    expect(report.pass).toBe(false);
  });
});

describe('a record family (the link report)', () => {
  const recordFamilies = [
    {
      id: 'koppeling',
      cells: [
        { id: 'totaal', label: 'Klantregels' },
        { id: 'gekoppeld', label: 'Gekoppeld' },
        { id: 'niet-gevonden', label: 'Niet gevonden' },
        { id: 'buiten', label: 'Buiten de gemeente' },
        { id: 'personen', label: 'Gekoppelde personen' },
      ],
      relations: [
        { kind: 'sum' as const, total: 'totaal', parts: ['gekoppeld', 'niet-gevonden', 'buiten'] },
        { kind: 'atMost' as const, part: 'personen', whole: 'gekoppeld' },
      ],
    },
  ];
  const report = (fields: readonly string[]) => ({
    id: 'koppelrapport',
    rowHeader: 'Stap',
    columns: ['Aantal'],
    rows: ['Klantregels', 'Gekoppeld', 'Niet gevonden', 'Buiten de gemeente'].map((label, index) => ({ label, fields: [fields[index] as string] })),
    cells: ['totaal', 'gekoppeld', 'niet-gevonden', 'buiten'].map((id, row) => ({
      row,
      column: 0,
      figure: { kind: 'record' as const, family: 'koppeling', cell: id },
    })),
  });

  it('fails when total - a - b gives the hidden cell: 200 - 180 - 15 = 5', async () => {
    const result = await audit({ families: [], populations: ONE_POPULATION, recordFamilies, outputs: [report(['200', '180', '15', 'x'])] });
    expect(cell(result, 'Buiten de gemeente / Aantal')).toMatchObject({ lower: 5, upper: 5, pass: false });
    expect(result.pass).toBe(false);
  });

  it('accepts "< 10" where it concedes no more than [0, 9], and fails two "< 10" cells that add up to 12', async () => {
    const loose = await audit({ families: [], populations: ONE_POPULATION, recordFamilies, outputs: [report(['200', '180', '< 10', 'x'])] });
    // buiten = 20 - niet-gevonden, niet-gevonden in [0, 9]: buiten in [11, 20] (not small), niet-gevonden keeps [0, 9].
    expect(cell(loose, 'Niet gevonden / Aantal')).toMatchObject({ lower: 0, upper: 9, pass: true });
    expect(cell(loose, 'Buiten de gemeente / Aantal')).toMatchObject({ lower: 11, upper: 20, pass: true });
    expect(loose.pass).toBe(true);
    const tight = await audit({ families: [], populations: ONE_POPULATION, recordFamilies, outputs: [report(['200', '188', '< 10', '< 10'])] });
    // Both are at most 9 and add up to 12: each in [3, 9], narrower than the [0, 9] the print concedes.
    expect(cell(tight, 'Niet gevonden / Aantal')).toMatchObject({ lower: 3, upper: 9, pass: false });
    expect(tight.pass).toBe(false);
  });
});

describe('a share printed only as a lower bound ("90 % of meer")', () => {
  const family = singleFeatureFamily('jeugdhulp', ['ja', 'nee']);
  const output = (total: string) => ({
    id: 'jeugdhulp',
    rowHeader: 'Jeugdhulp',
    columns: ['Aantal', 'Aandeel'],
    rows: [
      { label: 'Ja', fields: ['x', ''] },
      { label: 'Nee', fields: ['x', '90 % of meer'] },
      { label: 'Totaal', fields: [total, ''] },
    ],
    cells: [
      { row: 0, column: 0, figure: countFigure(count('jeugdhulp', 'jeugdhulp', ['ja'], 'alle')) },
      { row: 1, column: 0, figure: countFigure(count('jeugdhulp', 'jeugdhulp', ['nee'], 'alle')) },
      {
        row: 1,
        column: 1,
        figure: {
          kind: 'shareAtLeast' as const,
          numerator: count('jeugdhulp', 'jeugdhulp', ['nee'], 'alle'),
          denominator: count('jeugdhulp', 'jeugdhulp', null, 'alle'),
          floor: 90,
        },
      },
      { row: 2, column: 0, figure: countFigure(count('jeugdhulp', 'jeugdhulp', null, 'alle')) },
    ],
  });

  it('passes in a large population: nee >= 180 of 200 leaves ja in [0, 20]', async () => {
    const report = await audit({ families: [family], populations: ONE_POPULATION, outputs: [output('200')] });
    expect(cell(report, 'Ja / Aantal')).toMatchObject({ lower: 0, upper: 20, pass: true });
    expect(report.pass).toBe(true);
  });

  it('fails in a small one: nee >= 27 of 30 leaves ja in [0, 3]', async () => {
    const report = await audit({ families: [family], populations: ONE_POPULATION, outputs: [output('30')] });
    expect(cell(report, 'Ja / Aantal')).toMatchObject({ lower: 0, upper: 3, pass: false });
    expect(cell(report, 'Nee / Aantal')).toMatchObject({ lower: 27, upper: 30, pass: true });
  });
});

describe('a small group only a linear program finds', () => {
  // a + b = 30, b + c = 30, a + c = 4. Each line alone leaves a and c in [0, 4] and b in [26, 30]; only the three
  // together (their sum is 32) pin a = c = 2 and b = 28: the package says that two groups of 2 exist.
  const pairs: FixtureOutput = {
    id: 'paren',
    rowHeader: 'Type',
    columns: ['Aantal'],
    rows: [
      { label: 'a of b', fields: ['30'] },
      { label: 'b of c', fields: ['30'] },
      { label: 'a of c', fields: ['4'] },
    ],
    cells: [
      { row: 0, column: 0, figure: countFigure(count('type', 'type', ['a', 'b'], 'alle')) },
      { row: 1, column: 0, figure: countFigure(count('type', 'type', ['b', 'c'], 'alle')) },
      { row: 2, column: 0, figure: countFigure(count('type', 'type', ['a', 'c'], 'alle')) },
    ],
  };

  it('fails the package, naming both groups of 2', async () => {
    const report = await audit({ families: [singleFeatureFamily('type', ['a', 'b', 'c'])], populations: ONE_POPULATION, outputs: [pairs] });
    const messages = (report.groups[0]?.findings ?? []).map((finding) => finding.message);
    expect(messages).toEqual([
      expect.stringMatching(/^Zeker kleine groep: type: type = a, .* in \[2, [2-4]\]/),
      expect.stringMatching(/^Zeker kleine groep: type: type = c, .* in \[2, [2-4]\]/),
    ]);
    expect(report.pass).toBe(false);
  });

  it('passes the same lines when a + b = b + c = 40 and a + c = 24: a = c = 12 and b = 28, none small', async () => {
    const wide = {
      ...pairs,
      rows: [
        { label: 'a of b', fields: ['40'] },
        { label: 'b of c', fields: ['40'] },
        { label: 'a of c', fields: ['24'] },
      ],
    };
    const report = await audit({ families: [singleFeatureFamily('type', ['a', 'b', 'c'])], populations: ONE_POPULATION, outputs: [wide] });
    expect(report.groups[0]?.findings).toEqual([]);
    expect(report.pass).toBe(true);
  });
});
