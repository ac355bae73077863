// The built-in catalogue on generated worlds (two seeds): today's twenty columns of the analysis table are exactly
// as before the catalogue (pinned digests), and every seed trait agrees with the generator's ground truth household by
// household; a world without the trait tables links as before, with a note naming what was left out.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANALYSIS_TABLE } from '../../../src-main/linking/analysis-table-name';
import { demoStudy } from '../../../src-main/linking/demo-study';
import { runStudy, type StudyRun } from '../../../src-main/linking/run-study';
import { generateWorld } from '../synthetic/support/demo-world';

/** The columns of the analysis table before the catalogue existed (generator v3, commit cef00fd). */
const FIXED_COLUMNS = [
  'household_key',
  'household_start',
  'household_type',
  'size',
  'children',
  'youngest_child_age',
  'reference_age',
  'migration_background',
  'education_level',
  'income_source',
  'benefit_type',
  'disposable_income',
  'tenure',
  'youth_help',
  'youth_protection',
  'wmo',
  'client',
  'client_days',
  'has_income_record',
  'members_found',
];

/** md5 of the fixed columns of every household, measured at cef00fd on the same worlds (scale 1). */
const DIGESTS: Record<number, string> = { 2017: '6f8b4a4afff104a061648ef890c588d4', 99: '6e4129c929922a2d83cef252b3614859' };

async function fixedDigest(run: StudyRun): Promise<{ n: number; digest: string }> {
  const text = FIXED_COLUMNS.map((column) => `coalesce(CAST(${column} AS VARCHAR), '∅')`).join(', ');
  const [row] = await run.session.query(
    `SELECT count(*) AS n, md5(string_agg(row_text, '|' ORDER BY row_text)) AS digest FROM (SELECT concat_ws(',', ${text}) AS row_text FROM ${ANALYSIS_TABLE})`,
  );
  return { n: Number(row?.n), digest: String(row?.digest) };
}

async function truthOf(folder: string): Promise<Map<string, Record<string, string>>> {
  const [header, ...lines] = (await readFile(join(folder, 'ground-truth', 'traits.csv'), 'utf8')).trim().split('\n');
  const names = header!.split(',');
  return new Map(
    lines.map((line) => {
      const values = line.split(',');
      const row = Object.fromEntries(names.map((name, index) => [name, values[index] ?? '']));
      return [`${row.HUISHOUDNR}|${row.DATUMAANVANGHH}`, row];
    }),
  );
}

for (const seed of [2017, 99]) {
  describe(`the seed traits on the world of seed ${seed}`, () => {
    let run: StudyRun;
    let folder: string;
    beforeAll(async () => {
      ({ folder } = await generateWorld(seed));
      run = await runStudy(demoStudy({ folder }));
    }, 120_000);
    afterAll(() => run?.session.close());

    it('leaves the fixed columns exactly as they were', async () => {
      expect(await fixedDigest(run)).toEqual({ n: 11_346, digest: DIGESTS[seed] });
    });

    it('computes every built-in feature, each as a column k_<id>', () => {
      expect(run.report.features?.map((feature) => feature.id)).toEqual([
        'benefit_4y',
        'district',
        'mother_first_child_age',
        'debt_4y',
        'halt_4y',
        'early_school_leaving_4y',
        'special_education',
      ]);
      expect(run.report.notes.filter((note) => note.startsWith('Niet berekend'))).toEqual([]);
    });

    it('finds the planted traits of every household', async () => {
      const truth = await truthOf(folder);
      const rows = await run.session.query(
        `SELECT household_key, household_start, k_debt_4y, k_halt_4y, k_special_education, k_early_school_leaving_4y, k_mother_first_child_age ` +
          `FROM ${ANALYSIS_TABLE}`,
      );
      expect(rows.length).toBe(truth.size);
      const wrong: string[] = [];
      const planted = { debt: 0, halt: 0, special: 0, early: 0, mother: 0 };
      for (const row of rows) {
        const expected = truth.get(`${row.household_key}|${row.household_start}`);
        if (!expected) throw new Error(`household ${row.household_key} is not in the ground truth`);
        const pairs: [string, unknown, unknown][] = [
          ['debt', row.k_debt_4y, expected.DEBT_4Y === '1'],
          ['halt', row.k_halt_4y, expected.HALT_4Y === '1'],
          ['special', row.k_special_education, expected.SPECIAL_EDUCATION === '1'],
          ['early', row.k_early_school_leaving_4y, expected.EARLY_SCHOOL_LEAVING_4Y === '1'],
          ['mother', row.k_mother_first_child_age, expected.MOTHER_FIRST_CHILD_AGE === '' ? null : Number(expected.MOTHER_FIRST_CHILD_AGE)],
        ];
        for (const [name, ours, theirs] of pairs) {
          if (ours !== theirs) wrong.push(`${name} ${String(row.household_key)}: ${String(ours)} != ${String(theirs)}`);
          if (theirs !== false && theirs !== null) planted[name as keyof typeof planted] += 1;
        }
      }
      expect(wrong.slice(0, 5)).toEqual([]);
      // The check has something to find: every trait is planted in more than a handful of households.
      for (const value of Object.values(planted)) expect(value).toBeGreaterThan(20);
    });

    it('puts cluster 1 mostly in Gilze and gives clusters 3 and 5 far more benefits and debts than the residents', async () => {
      const truth = await truthOf(folder);
      const rows = await run.session.query(`SELECT household_key, household_start, k_district, k_benefit_4y, k_debt_4y FROM ${ANALYSIS_TABLE}`);
      const share = (cluster: string, test: (row: Record<string, unknown>) => boolean) => {
        const members = rows.filter((row) => (truth.get(`${row.household_key}|${row.household_start}`)?.CLUSTER ?? '') === cluster);
        return members.filter(test).length / members.length;
      };
      expect(share('1', (row) => row.k_district === '078401')).toBeGreaterThan(0.6);
      expect(share('', (row) => row.k_district === '078401')).toBeLessThan(0.45);
      for (const cluster of ['3', '5']) {
        expect(share(cluster, (row) => row.k_debt_4y === true)).toBeGreaterThan(0.2);
        expect(share(cluster, (row) => row.k_benefit_4y === true)).toBeGreaterThan(0.8);
      }
      expect(share('', (row) => row.k_debt_4y === true)).toBeLessThan(0.03);
    });
  });
}

describe('a world without the trait tables', () => {
  let run: StudyRun;
  beforeAll(async () => {
    const { folder } = await generateWorld(2017, 1, false);
    const study = demoStudy({ folder });
    const present = new Set(['SECM2018BUSV1', 'KINDOUDER2018TABV1', 'WSNP2018BUSV1', 'HALT2018TABV1', 'ONDERWIJSINSCHR2018BUSV1', 'VSV2018TABV1']);
    run = await runStudy({ ...study, inputs: study.inputs.filter((input) => ![...present].some((name) => input.path.includes(name))) });
  }, 120_000);
  afterAll(() => run?.session.close());

  it('links to the same fixed columns, computes only the district, and says what it left out', async () => {
    expect(await fixedDigest(run)).toEqual({ n: 11_346, digest: DIGESTS[2017] });
    expect(run.report.features?.map((feature) => feature.id)).toEqual(['district']);
    const [note] = run.report.notes.filter((text) => text.startsWith('Niet berekend'));
    expect(note).toMatch(/Schuldsanering .*debtRestructuring/);
    expect(note).toMatch(/Leeftijd moeder .*parentChild/);
  });
});
