// The municipalities the Populatie page offers: the codes of the open address-region file for the reference year,
// with their address objects through the rules, on the demo world.
import { afterAll, describe, expect, it } from 'vitest';
import { tempFolder } from '../support/temp-folder';
import { testApp } from '../support/test-app';

describe('municipalities in the address-region file', async () => {
  const app = await testApp(await tempFolder());
  afterAll(() => app.engine.close());

  it('offers nothing before an address-region file is open', async () => {
    expect(await app.call('municipalities', { referenceDate: '20171231' })).toEqual([]);
  });

  it("lists the demo's municipalities by their gem2017 codes, most address objects first", async () => {
    await app.call('openDemo');
    const choices = await app.call<{ code: string; addresses: number | { below: number } }[]>('municipalities', { referenceDate: '20171231' });
    expect(choices.map((choice) => choice.code)).toContain('0784');
    expect(choices.every((choice) => /^\d{4}$/.test(choice.code))).toBe(true);
    const counts = choices.map((choice) => (typeof choice.addresses === 'number' ? choice.addresses : 0));
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    // Gilze en Rijen's 14,233 address objects, as the link report counts them.
    expect(choices.find((choice) => choice.code === '0784')?.addresses).toBe(14233);
  });

  it('refuses a date that is not YYYYMMDD, as an error value', async () => {
    expect(await app.attempt('municipalities', { referenceDate: '2017' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });
}, 120_000);
