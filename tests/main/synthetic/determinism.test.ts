// Same seed, same bytes; a bigger world keeps Gilze en Rijen exactly as it was.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateWorld } from './support/demo-world';

async function digests(folder: string, files: readonly string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const file of files)
    out[file] = createHash('sha256')
      .update(await readFile(join(folder, file)))
      .digest('hex');
  return out;
}

describe('the generator', () => {
  it('writes byte-identical files for the same seed, and different ones for another seed', async () => {
    const first = await generateWorld(7);
    const second = await generateWorld(7);
    const other = await generateWorld(8);
    expect(second.summary).toEqual(first.summary);
    const a = await digests(first.folder, first.summary.files);
    expect(await digests(second.folder, second.summary.files)).toEqual(a);
    const c = await digests(other.folder, other.summary.files);
    expect(c['GBAPERSOON2018TABV1.csv']).not.toBe(a['GBAPERSOON2018TABV1.csv']);
  });

  it('keeps the demo municipality identical when the world grows', async () => {
    const demo = await generateWorld(2017, 1);
    const bigger = await generateWorld(2017, 2.5);
    expect(bigger.summary.persons).toBeGreaterThan(demo.summary.persons * 1.8);
    const truth = async (folder: string) => {
      const expected = JSON.parse(await readFile(join(folder, 'ground-truth', 'expected.json'), 'utf8')) as Record<string, unknown>;
      delete expected.scale;
      return expected;
    };
    expect(await truth(bigger.folder)).toEqual(await truth(demo.folder));
    for (const file of ['clusters.csv', 'traits.csv'])
      expect(await readFile(join(bigger.folder, 'ground-truth', file), 'utf8'), file).toBe(await readFile(join(demo.folder, 'ground-truth', file), 'utf8'));
  });
});
