// The WebAssembly embedded in distance.ts is exactly distance.wat assembled: the reviewed source is
// what runs. Needs wabt's wat2wasm (Debian package `wabt`; .ci/run installs it) and says so where it is missing.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DISTANCE_WASM } from '../../../../../src-main/analysis/clustering/kmeans/distance';
import { tempFolder } from '../../../support/temp-folder';

const run = promisify(execFile);
const SOURCE = join(import.meta.dirname, '..', '..', '..', '..', '..', 'src-main', 'analysis', 'clustering', 'kmeans', 'distance.wat');

async function wat2wasm(): Promise<boolean> {
  try {
    await run('wat2wasm', ['--version']);
    return true;
  } catch {
    return false;
  }
}

const available = await wat2wasm();
if (!available) console.warn('wat2wasm not found (apt-get install wabt): the embedded k-means WebAssembly is not compared with its source here.');

describe.skipIf(!available && process.env.CI !== 'true')('the embedded k-means WebAssembly', () => {
  it('is distance.wat as wat2wasm assembles it', async () => {
    const out = join(await tempFolder(), 'kmeans-distance.wasm');
    await run('wat2wasm', ['--enable-threads', SOURCE, '-o', out]);
    expect(Buffer.from(DISTANCE_WASM, 'base64').equals(await readFile(out))).toBe(true);
  });
});
