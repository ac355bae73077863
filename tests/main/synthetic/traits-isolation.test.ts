// The planted traits leave every older file as it was: a world generated without them has the same bytes in every
// file, and GBAPERSOON only gains mothers from elsewhere at its end (keys from 900000001), whom the client list never names.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractTable } from '../../../src-main/synthetic/extract-tables';
import { TRAIT_TABLES } from '../../../src-main/synthetic/household-traits';
import { generateWorld } from './support/demo-world';

const PERSONS = `${extractTable('persons').fileName}.csv`;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

let withTraits: { folder: string; files: string[] };
let without: { folder: string; files: string[] };

beforeAll(async () => {
  // Scale 1.2 adds one municipality beyond the demo ones, whose households draw their traits instead of being dealt them.
  const a = await generateWorld(2017, 1.2);
  const b = await generateWorld(2017, 1.2, false);
  withTraits = { folder: a.folder, files: a.summary.files };
  without = { folder: b.folder, files: b.summary.files };
}, 60_000);

describe('a world with the planted traits', () => {
  it('adds exactly the five trait extracts and traits.csv', () => {
    const added = withTraits.files.filter((name) => !without.files.includes(name));
    expect(added.sort()).toEqual([...TRAIT_TABLES.map((id) => `${extractTable(id).fileName}.csv`), 'ground-truth/traits.csv'].sort());
    expect(without.files.every((name) => withTraits.files.includes(name))).toBe(true);
  });

  it('writes every other file byte for byte as a world without them, GBAPERSOON as a prefix', async () => {
    for (const name of without.files) {
      const old = await readFile(join(without.folder, name));
      const current = await readFile(join(withTraits.folder, name));
      if (name === PERSONS) {
        expect(current.length, name).toBeGreaterThan(old.length);
        expect(sha256(current.subarray(0, old.length)), name).toBe(sha256(old));
      } else if (name === 'ground-truth/expected.json') {
        const { traits, ...rest } = JSON.parse(current.toString('utf8')) as Record<string, unknown>;
        expect(traits).toBeDefined();
        expect(rest, name).toEqual(JSON.parse(old.toString('utf8')));
      } else {
        expect(sha256(current), name).toBe(sha256(old));
      }
    }
  });

  it('appends only mothers from elsewhere to GBAPERSOON: women, keys from 900000001, each a mother in KINDOUDER', async () => {
    const old = (await readFile(join(without.folder, PERSONS), 'utf8')).length;
    const appended = (await readFile(join(withTraits.folder, PERSONS), 'utf8')).slice(old).trim().split('\n');
    const kindouder = await readFile(join(withTraits.folder, `${extractTable('parentChild').fileName}.csv`), 'utf8');
    const mothers = new Set(kindouder.split('\n').map((line) => line.split(',')[5]));
    const keys = appended.map((line) => line.split(','));
    expect(keys.length).toBeGreaterThan(5);
    for (const [source, key, sex] of keys) {
      expect(source).toBe('R');
      expect(Number(key)).toBeGreaterThanOrEqual(900_000_001);
      expect(sex).toBe('2');
      expect(mothers.has(key)).toBe(true);
    }
    expect(keys[0]![1]).toBe('900000001');
    const clients = await readFile(join(withTraits.folder, 'VOEDSELBANK_KLANTEN.csv'), 'utf8');
    for (const [, key] of keys) expect(clients.includes(`,${key!},`)).toBe(false);
  });
});
