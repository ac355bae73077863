// When a row of a catalogue feature counts, evaluated by DuckDB on rows at the edges: the window's first and last day,
// open ends written blank, 0, 99999999 or as the study's open end, unreadable begins, events on the reference date.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { featureDefinitionSchema, type FeatureDefinitionInput } from '../../../src-main/catalogue/feature-definition-shapes';
import { validitySql, yearsBefore } from '../../../src-main/catalogue/feature-validity';
import { referenceDateOf } from '../../../src-main/common/reference-date';
import { openLockedSession, type LockedSession } from '../../../src-main/engine/locked-session';

let session: LockedSession;
beforeAll(async () => {
  session = await openLockedSession({ readableFiles: [] });
});
afterAll(() => session.close());

const base: FeatureDefinitionInput = { id: 'x', label: 'X', group: 'inkomen', source: { kind: 'debtRestructuring' }, coding: { type: 'flag' } };

function definition(extra: Partial<FeatureDefinitionInput>) {
  return featureDefinitionSchema.parse({ ...base, ...extra });
}

/** The rows (begin, end) the condition keeps, by their label. */
async function keptSpells(
  extra: Partial<FeatureDefinitionInput>,
  reference: string,
  rows: [label: string, begin: string, end: string | null][],
): Promise<string[]> {
  const condition = validitySql(definition(extra), { type: 'spell', begin: 'b', end: 'e' }, referenceDateOf(reference), '20501231');
  const values = rows.map(([label, b, e]) => `('${label}', '${b}', ${e === null ? 'NULL' : `'${e}'`})`).join(', ');
  const kept = await session.query(`SELECT label FROM (VALUES ${values}) t(label, b, e) WHERE ${condition} ORDER BY label`);
  return kept.map((row) => String(row.label));
}

async function keptEvents(extra: Partial<FeatureDefinitionInput>, reference: string, dates: string[]): Promise<string[]> {
  const condition = validitySql(definition(extra), { type: 'event', date: 'd' }, referenceDateOf(reference), '20501231');
  const kept = await session.query(`SELECT d FROM (VALUES ${dates.map((date) => `('${date}')`).join(', ')}) t(d) WHERE ${condition} ORDER BY d`);
  return kept.map((row) => String(row.d));
}

describe('the validity of a catalogue row', () => {
  it('counts a spell in the four years before when it reaches 1-1-2014, however its open end is written', async () => {
    const kept = await keptSpells({ validity: 'window', years: 4 }, '20171231', [
      ['ended before the window', '20100101', '20131231'],
      ['ended on its first day', '20100101', '20140101'],
      ['open, blank', '20150301', ''],
      ['open, null', '20150301', null],
      ['open, zero', '20150301', '0'],
      ['open, nines', '20150301', '99999999'],
      ['open, study end', '20150301', '20501231'],
      ['starts on the reference date', '20171231', '20190101'],
      ['starts after it', '20180101', '20190101'],
      ['unreadable begin', '', '20160101'],
    ]);
    expect(kept).toEqual([
      'ended on its first day',
      'open, blank',
      'open, nines',
      'open, null',
      'open, study end',
      'open, zero',
      'starts on the reference date',
    ]);
  });

  it('counts a spell on the reference date only when it covers that day', async () => {
    const kept = await keptSpells({ validity: 'reference' }, '20171231', [
      ['ends the day before', '20170101', '20171230'],
      ['ends that day', '20170101', '20171231'],
      ['open', '20170101', ''],
      ['starts the day after', '20180101', ''],
    ]);
    expect(kept).toEqual(['ends that day', 'open']);
  });

  it('counts a spell in the calendar year before when it overlaps that year', async () => {
    const kept = await keptSpells({ validity: 'yearBefore' }, '20200630', [
      ['2018 only', '20180101', '20181231'],
      ['into 2019', '20180101', '20190101'],
      ['from the last day of 2019', '20191231', ''],
      ['2020 only', '20200101', ''],
    ]);
    expect(kept).toEqual(['from the last day of 2019', 'into 2019']);
  });

  it('counts an event after the date the window years before and up to the reference date', async () => {
    expect(await keptEvents({ validity: 'window', years: 4 }, '20171231', ['20131231', '20140101', '20171231', '20180101'])).toEqual(['20140101', '20171231']);
    expect(await keptEvents({ validity: 'window', years: 2 }, '20210315', ['20190315', '20190316', '20210315'])).toEqual(['20190316', '20210315']);
    expect(await keptEvents({ validity: 'reference' }, '20171231', ['20000101', '20171231', '20180101'])).toEqual(['20000101', '20171231']);
    expect(await keptEvents({ validity: 'any' }, '20171231', ['20000101', '20180101'])).toEqual(['20000101', '20180101']);
  });

  it('takes 28 February for 29 February in a year without it', () => {
    expect(yearsBefore(referenceDateOf('20200229'), 1)).toBe('20190228');
    expect(yearsBefore(referenceDateOf('20200229'), 4)).toBe('20160229');
  });

  it('refuses a window on a table without dates, naming the feature', () => {
    expect(() => validitySql(definition({ validity: 'window' }), { type: 'none' }, referenceDateOf('20171231'), '20501231')).toThrow(/"X" \(x\).*geen datum/);
    expect(validitySql(definition({ validity: 'reference' }), { type: 'none' }, referenceDateOf('20171231'), '20501231')).toBe('true');
  });
});
