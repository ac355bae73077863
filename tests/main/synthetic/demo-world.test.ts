// The demo world is generated once and reused; an outdated or incomplete one is replaced, a foreign folder never.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DEMO_SEED, defaultDemoFolder, ensureDemoWorld } from '../../../src-main/synthetic/demo-world';
import { MANIFEST_FILE } from '../../../src-main/synthetic/manifest';
import { GENERATOR_VERSION } from '../../../src-main/synthetic/world-writer';
import { fakeWorldWriter } from '../support/fake-world';
import { tempFolder } from '../support/temp-folder';

let root: string;

beforeAll(async () => {
  root = await tempFolder('groepsbeeld-demo-');
});

describe('ensureDemoWorld', () => {
  it('lives in a versioned folder under app data', () => {
    expect(defaultDemoFolder(join('home', 'Groepsbeeld'))).toBe(join('home', 'Groepsbeeld', `demo-world-v${GENERATOR_VERSION}`));
  });

  it('generates the default world once, then reuses it', async () => {
    const folder = defaultDemoFolder(join(root, 'app-data'));
    const first = await ensureDemoWorld(folder, { writeWorld: fakeWorldWriter() });
    expect(first).toMatchObject({
      folder,
      generated: true,
      manifest: { seed: DEFAULT_DEMO_SEED, scale: 1, format: 'csv', generatorVersion: GENERATOR_VERSION },
    });
    const manifestText = await readFile(join(folder, MANIFEST_FILE), 'utf8');
    const second = await ensureDemoWorld(folder, { writeWorld: fakeWorldWriter({ failAfterFiles: 0 }) });
    expect(second).toEqual({ ...first, generated: false });
    expect(await readFile(join(folder, MANIFEST_FILE), 'utf8')).toBe(manifestText);
  });

  it('regenerates a world that is incomplete or was made with other settings', async () => {
    const folder = join(root, 'stale');
    await ensureDemoWorld(folder, { writeWorld: fakeWorldWriter() });
    await rm(join(folder, 'ground-truth', 'clusters.csv'));
    expect((await ensureDemoWorld(folder, { writeWorld: fakeWorldWriter() })).generated).toBe(true);

    await writeFile(join(folder, 'GBAPERSOON2018TABV1.csv'), 'truncated');
    expect((await ensureDemoWorld(folder, { writeWorld: fakeWorldWriter() })).generated).toBe(true);

    const manifest = JSON.parse(await readFile(join(folder, MANIFEST_FILE), 'utf8'));
    await writeFile(join(folder, MANIFEST_FILE), JSON.stringify({ ...manifest, seed: 7 }));
    expect((await ensureDemoWorld(folder, { writeWorld: fakeWorldWriter() })).generated).toBe(true);
    await writeFile(join(folder, MANIFEST_FILE), JSON.stringify({ ...manifest, generatorVersion: GENERATOR_VERSION + 1 }));
    expect((await ensureDemoWorld(folder, { writeWorld: fakeWorldWriter() })).generated).toBe(true);
  });

  it('never replaces a folder that holds something else', async () => {
    const folder = join(root, 'documents');
    await mkdir(folder);
    await writeFile(join(folder, 'notes.txt'), 'mine');
    await expect(ensureDemoWorld(folder, { writeWorld: fakeWorldWriter() })).rejects.toThrow(/bevat geen eerdere uitvoer van de generator/);
    expect(await readFile(join(folder, 'notes.txt'), 'utf8')).toBe('mine');
  });
});
