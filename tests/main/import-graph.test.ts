// The import graph by room: the core never imports the rooms that serve it, the renderer knows the main process only by
// the API types, and docs/architecture.md shows the graph as it is (npm run graph), so the drawing cannot go stale.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importEdges, mermaid, roomEdges } from '../tools/import-graph';
import { tempFolder } from './support/temp-folder';

const ROOT = join(import.meta.dirname, '..', '..');
const CORE = ['engine', 'linking', 'catalogue', 'analysis', 'disclosure', 'export', 'synthetic', 'publication', 'study', 'audit', 'common'];
const SERVING = ['ipc', 'app', 'cli', 'preload', 'security', 'main'];

describe('the import graph', () => {
  const edges = importEdges(ROOT);
  const rooms = roomEdges(edges);

  it('reads the whole app', () => {
    expect(edges.length).toBeGreaterThan(500);
    expect(rooms.some((edge) => edge.from === 'ipc' && edge.to === 'study')).toBe(true);
  });

  it('has no arrow from a core room up into a room that serves it', () => {
    expect(rooms.filter((edge) => CORE.includes(edge.from) && SERVING.includes(edge.to))).toEqual([]);
  });

  it('lets the renderer reach the main process only by the type of window.api', () => {
    const intoMain = edges.filter((edge) => edge.from.startsWith('src-renderer/') && edge.to.startsWith('src-main/'));
    expect(intoMain).toEqual([{ from: 'src-renderer/src/env.d.ts', to: 'src-main/preload/api.ts', typeOnly: true }]);
  });

  it('is drawn in docs/architecture.md as it is now (regenerate with npm run graph)', async () => {
    const doc = await readFile(join(ROOT, 'docs', 'architecture.md'), 'utf8');
    expect(doc).toContain('```mermaid\n' + mermaid(rooms) + '\n```');
  });

  it('finds an upward import when one is written (the check can fail)', async () => {
    const root = await tempFolder();
    const files: Record<string, string> = {
      'src-main/engine/x.ts': "import type { Verb } from '../ipc/contract';\nimport { y } from './y';\nexport const x = y;\n",
      'src-main/engine/y.ts': 'export const y = 1;\n',
      'src-main/ipc/contract.ts': 'export type Verb = string;\n',
      'src-renderer/src/App.tsx': "import { contract } from '../../src-main/ipc/contract';\nexport const a = contract;\n",
    };
    for (const [path, text] of Object.entries(files)) {
      await mkdir(dirname(join(root, path)), { recursive: true });
      await writeFile(join(root, path), text);
    }
    const found = importEdges(root);
    expect(found).toContainEqual({ from: 'src-main/engine/x.ts', to: 'src-main/ipc/contract.ts', typeOnly: true });
    expect(roomEdges(found)).toEqual([
      { from: 'engine', to: 'ipc', imports: 1, typeOnly: 1 },
      { from: 'renderer', to: 'ipc', imports: 1, typeOnly: 0 },
    ]);
  });
});
