// The sandboxed preload bundles the channel table only: no schema, no zod, no feature SQL (goal: well under 40 kB).
import { resolve } from 'node:path';
import { build, type Rollup } from 'vite';
import { describe, expect, it } from 'vitest';

const PRELOAD = resolve(import.meta.dirname, '../../../src-main/preload/index.ts');

/** The preload as electron-vite bundles it (one CommonJS file, only electron left to require), kept in memory. */
async function bundledPreload(): Promise<string> {
  const output = (await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: { entry: PRELOAD, formats: ['cjs'], fileName: 'preload' },
      rollupOptions: { external: ['electron'] },
    },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[];
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((result) => result.output);
  return chunks.map((chunk) => (chunk.type === 'chunk' ? chunk.code : '')).join('\n');
}

describe('the preload bundle', () => {
  it('is small and carries no schema or SQL', async () => {
    const code = await bundledPreload();
    expect(code).toContain('groepsbeeld:link-households');
    expect(code.length).toBeLessThan(40_000);
    expect(code).not.toMatch(/ZodError|safeParse|SELECT /);
    expect(code.match(/require\(["']([^"']+)["']\)/g) ?? []).toEqual(['require("electron")']);
  }, 60_000);
});
