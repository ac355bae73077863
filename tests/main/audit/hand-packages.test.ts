// The auditor on tiny packages whose answers are worked out by hand: subtraction, shares, nesting, records, rounding, statistics.
import { describe, expect, it } from 'vitest';
import { auditPackages } from '../../../src-main/audit/audit-package';
import type { AuditReport, HiddenCellResult } from '../../../src-main/audit/audit-report';
import { readPackage } from '../../../src-main/audit/read-package';
import type { FamilyDefinition } from '../../../src-main/publication/definitions-file';
import { tempFolder } from '../support/temp-folder';
import {
  CLIENT_POPULATIONS,
  count,
  countColumn,
  countFigure,
  ONE_POPULATION,
  singleFeatureFamily,
  writePackage,
  type FixtureOutput,
  type FixturePackage,
} from './package-fixtures';

let serial = 0;
async function audit(fixture: FixturePackage): Promise<AuditReport> {
  const folder = await tempFolder('groepsbeeld-audit-');
  serial += 1;
  return auditPackages([await readPackage(await writePackage(folder, `pakket-${serial}`, fixture))]);
}

function hiddenCells(report: AuditReport): HiddenCellResult[] {
  return report.packages.flatMap((item) => item.outputs.flatMap((output) => output.hiddenCells));
}

function cell(report: AuditReport, label: string): HiddenCellResult {
  const found = hiddenCells(report).find((candidate) => candidate.label === label);
  if (!found)
    throw new Error(
      `no hidden cell ${label}; have ${hiddenCells(report)
        .map((candidate) => candidate.label)
        .join(', ')}`,
    );
  return found;
}

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
