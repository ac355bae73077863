// The IPC gate parses the reference date and the municipality code once: a date that does not exist never reaches a
// handler (31-02-2017, 29-02-2018, month 13), a real one (29-02-2016 included) arrives as the same YYYYMMDD text.
import { describe, expect, it, vi } from 'vitest';
import { contract } from '../../../src-main/ipc/contract';
import { dispatch } from '../../../src-main/ipc/dispatch';
import { fixedHandlers } from '../support/fake-handlers';

const trusted = { trusted: true };

describe('the reference date at the IPC gate', () => {
  it.each(['20170231', '20180229', '20171301', '20170000', '20170431', '18991231', '2017-12-31', '2017123', ''])('refuses %j', async (referenceDate) => {
    const linkHouseholds = vi.fn();
    const municipalities = vi.fn();
    const handlers = fixedHandlers({ linkHouseholds, municipalities });
    const link = await dispatch(handlers, contract.linkHouseholds.channel, { referenceDate, municipality: '0784' }, trusted);
    const list = await dispatch(handlers, contract.municipalities.channel, { referenceDate }, trusted);
    for (const result of [link, list]) {
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('invalid-request');
        expect(result.error.message).toMatch(/referenceDate/);
      }
    }
    expect(linkHouseholds).not.toHaveBeenCalled();
    expect(municipalities).not.toHaveBeenCalled();
  });

  it('refuses 31-02-2017 with a Dutch reason', async () => {
    const result = await dispatch(fixedHandlers(), contract.linkHouseholds.channel, { referenceDate: '20170231', municipality: '0784' }, trusted);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringMatching(/bestaande datum/) } });
  });

  it.each(['20171231', '20160229', '20000229', '19000101'])('passes %j on to the handler unchanged', async (referenceDate) => {
    const municipalities = vi.fn(async () => []);
    const result = await dispatch(fixedHandlers({ municipalities }), contract.municipalities.channel, { referenceDate }, trusted);
    expect(result).toEqual({ ok: true, value: [] });
    expect(municipalities).toHaveBeenCalledWith({ referenceDate });
  });

  it.each(['784', '07840', 'GM0784', '07a4'])('refuses the municipality code %j', async (municipality) => {
    const linkHouseholds = vi.fn();
    const result = await dispatch(fixedHandlers({ linkHouseholds }), contract.linkHouseholds.channel, { referenceDate: '20171231', municipality }, trusted);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringMatching(/municipality.*gemeentecode/) } });
    expect(linkHouseholds).not.toHaveBeenCalled();
  });
});
