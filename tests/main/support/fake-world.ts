// A tiny stand-in for the world writer: every extract with a header and a few rows, plus the ground truth.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EXTRACT_TABLES, type ColumnKind } from '../../../src-main/synthetic/extract-tables';
import type { WorldCsvWriter } from '../../../src-main/synthetic/generate-extracts';

export interface FakeWorldOptions {
  rowsPerTable?: number;
  /** Throw (as a full disk would) after writing this many extract files. */
  failAfterFiles?: number;
}

function value(kind: ColumnKind, row: number): string {
  if (kind === 'key') return String(row * 7).padStart(9, '0');
  if (kind === 'date') return `2017${String((row % 12) + 1).padStart(2, '0')}01`;
  if (kind === 'code') return `0${row % 3}`;
  if (kind === 'count') return String(row % 5);
  return row % 4 === 0 ? '9999999999' : String(row * 1000);
}

export function fakeWorldWriter(options: FakeWorldOptions = {}): WorldCsvWriter {
  const rowsPerTable = options.rowsPerTable ?? 3;
  return async (folder, world) => {
    const rows: Record<string, number> = {};
    for (const [index, table] of EXTRACT_TABLES.entries()) {
      if (index === options.failAfterFiles) throw new Error('ENOSPC: no space left on device (fake)');
      world.signal?.throwIfAborted();
      const lines = [table.columns.map(([name]) => name).join(',')];
      for (let row = 0; row < rowsPerTable; row++) lines.push(table.columns.map(([, kind]) => value(kind, row + world.seed)).join(','));
      await writeFile(join(folder, `${table.fileName}.csv`), `${lines.join('\n')}\n`);
      rows[`${table.fileName}.csv`] = rowsPerTable;
      world.onProgress?.({
        householdsWritten: index + 1,
        householdsPlanned: EXTRACT_TABLES.length,
        personsWritten: (index + 1) * 10,
        rowsWritten: (index + 1) * rowsPerTable,
      });
      await new Promise((resolve) => setImmediate(resolve));
    }
    await mkdir(join(folder, 'ground-truth'));
    await writeFile(join(folder, 'ground-truth', 'clusters.csv'), 'HUISHOUDNR,DATUMAANVANGHH,CLUSTER,CLUSTERNAAM\n0000000001,20150101,1,fake\n');
    await writeFile(join(folder, 'ground-truth', 'expected.json'), `${JSON.stringify({ seed: world.seed })}\n`);
    return {
      seed: world.seed,
      scale: world.scale,
      persons: 10,
      households: 5,
      rows,
      files: [...Object.keys(rows), 'ground-truth/clusters.csv', 'ground-truth/expected.json'],
    };
  };
}
