// The output folder appears complete or not at all: refuses foreign folders, replaces only previous outputs, cleans up.
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { UserFacingError } from '../../../src-main/common/errors';
import { GENERATOR_ID, MANIFEST_FILE } from '../../../src-main/synthetic/manifest';
import { writeOutputFolder } from '../../../src-main/synthetic/output-folder';
import { tempFolder } from '../support/temp-folder';

let root: string;
let counter = 0;

beforeAll(async () => {
  root = await tempFolder('groepsbeeld-output-');
});

/** A fresh parent folder per test, so leftovers (partial or previous siblings) are easy to spot. */
async function parent(): Promise<string> {
  const folder = join(root, `case-${++counter}`);
  await mkdir(folder);
  return folder;
}

async function writeWorld(folder: string): Promise<string> {
  await writeFile(join(folder, 'GBAPERSOON2018TABV1.csv'), 'RINPERSOONS,RINPERSOON\nR,000000001\n');
  await writeFile(join(folder, MANIFEST_FILE), JSON.stringify({ generator: GENERATOR_ID }));
  return 'written';
}

async function previousOutput(out: string): Promise<void> {
  await mkdir(out);
  await writeFile(join(out, 'old.csv'), 'old\n');
  await writeFile(join(out, MANIFEST_FILE), JSON.stringify({ generator: GENERATOR_ID, generatorVersion: 0 }));
}

describe('writeOutputFolder', () => {
  it('creates a missing folder and leaves no sibling behind', async () => {
    const dir = await parent();
    const out = join(dir, 'world');
    await expect(writeOutputFolder(out, { force: false }, writeWorld)).resolves.toBe('written');
    expect((await readdir(out)).sort()).toEqual(['GBAPERSOON2018TABV1.csv', MANIFEST_FILE]);
    expect(await readdir(dir)).toEqual(['world']);
  });

  it('creates missing parent folders', async () => {
    const out = join(await parent(), 'a', 'b', 'world');
    await writeOutputFolder(out, { force: false }, writeWorld);
    expect(await readdir(out)).toContain(MANIFEST_FILE);
  });

  it('fills an existing empty folder', async () => {
    const dir = await parent();
    const out = join(dir, 'world');
    await mkdir(out);
    await writeOutputFolder(out, { force: false }, writeWorld);
    expect(await readdir(out)).toContain(MANIFEST_FILE);
    expect(await readdir(dir)).toEqual(['world']);
  });

  it('refuses a non-empty folder without --force, before writing anything', async () => {
    const dir = await parent();
    const out = join(dir, 'world');
    await previousOutput(out);
    let called = false;
    const error = await writeOutputFolder(out, { force: false }, async () => {
      called = true;
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as Error).message).toContain(out);
    expect((error as Error).message).toMatch(/lege map.*--force/);
    expect(called).toBe(false);
    expect((await readdir(out)).sort()).toEqual([MANIFEST_FILE, 'old.csv']);
    expect(await readdir(dir)).toEqual(['world']);
  });

  it('with --force replaces a previous generator output, and only that', async () => {
    const dir = await parent();
    const out = join(dir, 'world');
    await previousOutput(out);
    await writeOutputFolder(out, { force: true }, writeWorld);
    expect((await readdir(out)).sort()).toEqual(['GBAPERSOON2018TABV1.csv', MANIFEST_FILE]);
    expect(await readdir(dir)).toEqual(['world']);
  });

  it.each([
    ['an arbitrary folder', { 'thesis.docx': 'my work' }],
    ['a folder with a foreign manifest.json', { [MANIFEST_FILE]: '{"generator":"something-else"}' }],
    ['a folder with a broken manifest.json', { [MANIFEST_FILE]: '{not json' }],
  ])('with --force still refuses %s', async (_label, files: Record<string, string>) => {
    const dir = await parent();
    const out = join(dir, 'world');
    await mkdir(out);
    for (const [name, text] of Object.entries(files)) await writeFile(join(out, name), text);
    await expect(writeOutputFolder(out, { force: true }, writeWorld)).rejects.toThrow(/bevat geen eerdere uitvoer van de generator/);
    for (const [name, text] of Object.entries(files)) expect(await readFile(join(out, name), 'utf8')).toBe(text);
    expect(await readdir(dir)).toEqual(['world']);
  });

  it('refuses a path that is a file', async () => {
    const dir = await parent();
    const out = join(dir, 'world');
    await writeFile(out, 'a file');
    await expect(writeOutputFolder(out, { force: true }, writeWorld)).rejects.toThrow(/is geen map/);
    expect(await readFile(out, 'utf8')).toBe('a file');
  });

  it('removes everything when writing fails mid-way, and keeps a previous output intact', async () => {
    const dir = await parent();
    const fresh = join(dir, 'fresh');
    const failing = async (folder: string): Promise<never> => {
      await writeFile(join(folder, 'GBAPERSOON2018TABV1.csv'), 'half');
      throw new Error('ENOSPC: no space left on device');
    };
    await expect(writeOutputFolder(fresh, { force: false }, failing)).rejects.toThrow(/ENOSPC/);
    const previous = join(dir, 'previous');
    await previousOutput(previous);
    await expect(writeOutputFolder(previous, { force: true }, failing)).rejects.toThrow(/ENOSPC/);
    expect((await readdir(previous)).sort()).toEqual([MANIFEST_FILE, 'old.csv']);
    expect(await readdir(dir)).toEqual(['previous']);
  });

  it('removes everything when aborted, during or after the writing', async () => {
    const dir = await parent();
    const out = join(dir, 'world');
    const during = new AbortController();
    await expect(
      writeOutputFolder(out, { force: false, signal: during.signal }, async (folder) => {
        await writeWorld(folder);
        during.abort();
        during.signal.throwIfAborted();
      }),
    ).rejects.toThrow(/abort/i);
    const after = new AbortController();
    await expect(
      writeOutputFolder(out, { force: false, signal: after.signal }, async (folder) => {
        await writeWorld(folder);
        after.abort();
      }),
    ).rejects.toThrow(/abort/i);
    await expect(writeOutputFolder(out, { force: false, signal: AbortSignal.abort() }, writeWorld)).rejects.toThrow(/abort/i);
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses when the target was filled by someone else while writing', async () => {
    const dir = await parent();
    const out = join(dir, 'world');
    await expect(
      writeOutputFolder(out, { force: false }, async (folder) => {
        await mkdir(out);
        await writeFile(join(out, 'theirs.txt'), 'theirs');
        return writeWorld(folder);
      }),
    ).rejects.toThrow(/niet leeg/);
    expect(await readdir(out)).toEqual(['theirs.txt']);
    expect(await readdir(dir)).toEqual(['world']);
  });
});
