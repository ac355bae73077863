// Scale mode streams: a world of over a million persons is written with a small, bounded memory.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '../support/temp-folder';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..', '..');

async function probe(scale: number): Promise<{ persons: number; addressRows: number; seconds: number; maxRssBytes: number }> {
  const folder = await tempFolder('groepsbeeld-rss-');
  const { stdout } = await run(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'support', 'rss-probe.ts'), folder, String(scale)], {
    cwd: root,
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout);
}

describe('scale mode', () => {
  it('writes a million persons with peak memory far below the 2 GB bound', { timeout: 180_000 }, async () => {
    const million = await probe(30);
    expect(million.persons).toBeGreaterThan(1_000_000);
    expect(million.addressRows).toBeGreaterThan(3.5 * million.persons);
    // Memory does not grow with the world: the bound of 2 GB at national size needs a flat profile here.
    expect(million.maxRssBytes).toBeLessThan(512 * 1024 * 1024);
    console.info(`1M-person world: ${million.persons} persons in ${million.seconds.toFixed(1)} s, peak RSS ${(million.maxRssBytes / 1e6).toFixed(0)} MB`);
  });
});
