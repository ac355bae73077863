// Study files: relative paths resolve against the file, and every mistake gets a message naming it.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStudyFile, parseStudy } from '../../../src-main/linking/study-file';
import { tempFolder } from '../support/temp-folder';

const minimal = {
  version: 1,
  name: 'test',
  referenceDate: '20171231',
  municipality: { code: '0784' },
  inputs: [
    { path: 'p.csv', kind: 'persons' },
    { path: 'h.csv', kind: 'households' },
    { path: 'a.csv', kind: 'addresses' },
    { path: 'r.csv', kind: 'addressRegions' },
  ],
};

describe('study files', () => {
  it('resolve relative input paths against their own folder and fill defaults', async () => {
    const folder = await tempFolder();
    const path = join(folder, 'study.json');
    await writeFile(path, JSON.stringify(minimal));
    const study = await loadStudyFile(path);
    expect(study.inputs[0]!.path).toBe(join(folder, 'p.csv'));
    expect(study.openEndDate).toBe('20501231');
  });

  it.each([
    ['a wrong version', { ...minimal, version: 2 }, /version/],
    ['an impossible date', { ...minimal, referenceDate: '20171332' }, /referenceDate: een bestaande datum/],
    ['a date with dashes', { ...minimal, referenceDate: '2017-12-31' }, /referenceDate: een datum als JJJJMMDD/],
    ['a 3-digit municipality', { ...minimal, municipality: { code: '784' } }, /municipality\.code/],
    ['an unknown input kind', { ...minimal, inputs: [...minimal.inputs, { path: 'x', kind: 'cars' }] }, /inputs\.4\.kind/],
    ['a typo in a field', { ...minimal, referenceDat: '20171231' }, /referenceDat/],
    ['a missing required kind', { ...minimal, inputs: minimal.inputs.slice(1) }, /heeft invoerbestanden nodig van de soort persons/],
    ['a kind twice', { ...minimal, inputs: [...minimal.inputs, { path: 'p2.csv', kind: 'persons' }] }, /twee invoerbestanden hebben de soort "persons"/],
  ])('reject %s with a clear message', (_label, value, message) => {
    expect(() => parseStudy(value, 'study.json')).toThrow(message);
  });

  it('say when the file is missing or not JSON', async () => {
    const folder = await tempFolder();
    await expect(loadStudyFile(join(folder, 'none.json'))).rejects.toThrow(/Het studiebestand .*none\.json bestaat niet/);
    await writeFile(join(folder, 'bad.json'), '{ "version": 1,');
    await expect(loadStudyFile(join(folder, 'bad.json'))).rejects.toThrow(/bad\.json is geen geldige JSON/);
  });
});
