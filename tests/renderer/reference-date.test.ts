// The Populatie page's reference date: written as a Dutch reader does, read into YYYYMMDD, impossible dates refused.
import { describe, expect, it } from 'vitest';
import { formatReferenceDate, parseReferenceDate } from '../../src-renderer/src/population/referenceDate';

describe('reference date', () => {
  it('reads day-month-year with dashes, slashes or dots', () => {
    expect(parseReferenceDate('31-12-2017')).toBe('20171231');
    expect(parseReferenceDate(' 1/1/2018 ')).toBe('20180101');
    expect(parseReferenceDate('29.02.2016')).toBe('20160229');
  });

  it('refuses dates that do not exist and other formats', () => {
    expect(parseReferenceDate('29-02-2017')).toBeNull();
    expect(parseReferenceDate('31-04-2017')).toBeNull();
    expect(parseReferenceDate('2017-12-31')).toBeNull();
    expect(parseReferenceDate('12/31/2017')).toBeNull();
    expect(parseReferenceDate('')).toBeNull();
  });

  it('writes a study file date back as the field shows it', () => {
    expect(formatReferenceDate('20171231')).toBe('31-12-2017');
    expect(parseReferenceDate(formatReferenceDate('20180101'))).toBe('20180101');
  });
});
