// The traits' building blocks: the window's edges, keys for mothers from elsewhere, dealing rates exactly, school careers.
import { describe, expect, it } from 'vitest';
import { dayOf, yyyymmdd } from '../../../src-main/common/calendar';
import { OutsideKeys, PERSON_NUMBERS_IN_USE, personKey, personNumberOf } from '../../../src-main/synthetic/keys';
import { Random } from '../../../src-main/synthetic/random';
import { schoolCareer, SPECIAL_EDUCATION } from '../../../src-main/synthetic/school-careers';
import { dealtTraits, type PlantingCandidate } from '../../../src-main/synthetic/trait-planting';
import { birthdayAt, eventInWindow, recordedSpell, spellInWindow, spellOnReference } from '../../../src-main/synthetic/trait-window';

const day = (text: string) => dayOf(Number(text.slice(0, 4)), Number(text.slice(4, 6)), Number(text.slice(6, 8)));

describe('the 4-year window', () => {
  it('counts dates after 20131231 up to 20171231', () => {
    expect(eventInWindow(day('20131231'))).toBe(false);
    expect(eventInWindow(day('20140101'))).toBe(true);
    expect(eventInWindow(day('20171231'))).toBe(true);
    expect(eventInWindow(day('20180101'))).toBe(false);
  });

  it('counts spells begun by the reference date that end in 2014 or later, or are open', () => {
    expect(spellInWindow({ begin: day('20100101'), end: day('20131231') })).toBe(false);
    expect(spellInWindow({ begin: day('20100101'), end: day('20140101') })).toBe(true);
    expect(spellInWindow({ begin: day('20171231'), end: null })).toBe(true);
    expect(spellInWindow({ begin: day('20180101'), end: null })).toBe(false);
    expect(spellOnReference({ begin: day('20100101'), end: day('20171230') })).toBe(false);
    expect(spellOnReference({ begin: day('20100101'), end: null })).toBe(true);
  });

  it('leaves the end blank when it lies after the extract year, and keeps birthdays on 28 February in other years', () => {
    expect(recordedSpell(day('20170101'), day('20181231')).end).toBe(day('20181231'));
    expect(recordedSpell(day('20170101'), day('20190101')).end).toBeNull();
    expect(yyyymmdd(birthdayAt(day('20000229'), 17))).toBe('20170228');
    expect(yyyymmdd(birthdayAt(day('20000229'), 16))).toBe('20160229');
  });
});

describe('keys of mothers from elsewhere', () => {
  it('inverts personKey', () => {
    for (const n of [0, 1, 2, 4_873, 59_701, 17_000_000, 900_000_000, 999_999_999]) expect(personNumberOf(personKey(n))).toBe(n);
  });

  it('start at 900000001 and never meet a key the world or the client list hands out', () => {
    const keys = new OutsideKeys();
    const taken = Array.from({ length: 200 }, () => keys.take());
    expect(taken[0]).toBe('900000001');
    expect(new Set(taken).size).toBe(200);
    const unknownClients = [0, 1, 2, 3].map((index) => personKey(900_000_000 + index));
    for (const key of taken) {
      expect(personNumberOf(key)).toBeGreaterThanOrEqual(PERSON_NUMBERS_IN_USE);
      expect(unknownClients).not.toContain(key);
    }
    // 900000047 is the key of person 7,330,118, whom a national-scale world has: it is skipped.
    expect(taken).not.toContain('900000047');
  });
});

describe('dealing traits', () => {
  it('gives exactly round(rate x eligible) households per group the trait, those with the lowest draws', () => {
    const random = new Random(5);
    const candidates: PlantingCandidate[] = Array.from({ length: 300 }, (_, index) => ({
      group: index < 100 ? 'a' : 'b',
      rates: { debt4y: index < 100 ? 0.35 : 0.01, halt4y: 0.25, specialEducation: 0, earlySchoolLeaving4y: 1 },
      draws: { debt4y: random.next(), halt4y: random.next(), specialEducation: random.next(), earlySchoolLeaving4y: random.next() },
      eligible: { debt4y: true, halt4y: index % 3 === 0, specialEducation: true, earlySchoolLeaving4y: index % 2 === 0 },
    }));
    const flags = dealtTraits(candidates);
    const count = (group: string, trait: keyof (typeof flags)[number]) => flags.filter((f, i) => f[trait] && candidates[i]!.group === group).length;
    expect(count('a', 'debt4y')).toBe(35);
    expect(count('b', 'debt4y')).toBe(2);
    expect(count('a', 'halt4y')).toBe(Math.round(0.25 * 34));
    expect(count('a', 'specialEducation')).toBe(0);
    expect(count('b', 'earlySchoolLeaving4y')).toBe(100);
    expect(flags.every((f, i) => !f.halt4y || candidates[i]!.eligible.halt4y)).toBe(true);
    const lowest = candidates.filter((c) => c.group === 'a').sort((x, y) => x.draws.debt4y - y.draws.debt4y)[34]!.draws.debt4y;
    expect(flags.every((f, i) => candidates[i]!.group !== 'a' || f.debt4y === candidates[i]!.draws.debt4y <= lowest)).toBe(true);
  });
});

describe('school careers', () => {
  const REF = day('20171231');
  const onReference = (career: ReturnType<typeof schoolCareer>) => career.filter((s) => s.begin <= REF && (s.end === null || s.end >= REF));

  it('put a special child in SBAO, SO or VSO on the reference date, and an ordinary child never', () => {
    for (const birth of ['20130605', '20090101', '20051231', '20030815', '20000301']) {
      for (let n = 0; n < 20; n++) {
        const random = new Random(n);
        const special = onReference(schoolCareer(random, day(birth), 'special'));
        expect(
          special.map((s) => SPECIAL_EDUCATION.includes(s.kind)),
          birth,
        ).toEqual([true]);
        const regular = onReference(schoolCareer(random, day(birth), 'regular'));
        expect(
          regular.some((s) => SPECIAL_EDUCATION.includes(s.kind)),
          birth,
        ).toBe(false);
        const former = schoolCareer(random, day(birth), 'formerlySpecial');
        if (birth <= '20051231')
          expect(
            onReference(former).some((s) => SPECIAL_EDUCATION.includes(s.kind)),
            birth,
          ).toBe(false);
      }
    }
  });
});
