// The demo world's extracts open as the CBS tables they are: recognised, typed, every required role found.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingRoles } from '../../../src-main/engine/column-roles';
import { StudyEngine } from '../../../src-main/engine/study-engine';
import type { OpenedFile } from '../../../src-main/engine/engine-shapes';
import { demoExtractPaths, ensureDemoWorld } from '../../../src-main/synthetic/demo-world';
import { EXTRACT_TABLES } from '../../../src-main/synthetic/extract-tables';
import { tempFolder } from '../support/temp-folder';

let engine: StudyEngine;
let files: OpenedFile[];

beforeAll(async () => {
  const demo = await ensureDemoWorld(await tempFolder());
  engine = await StudyEngine.create();
  files = await engine.openFiles(demoExtractPaths(demo));
}, 120_000);
afterAll(() => engine.close());

describe('the demo world', () => {
  it('opens every extract, recognised as its table with every required role', () => {
    expect(files.map((file) => [file.name, file.tableKind]).sort()).toEqual(EXTRACT_TABLES.map((table) => [`${table.fileName}.csv`, table.id]).sort());
    for (const file of files) expect(missingRoles(file.tableKind, file.roles), file.name).toEqual([]);
  });

  it('warns about the client period the generator typed backwards, and about nothing else', () => {
    const warnings = files.flatMap((file) => file.warnings);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^"VOEDSELBANK_KLANTEN\.csv", kolom EINDDATUM, rij \d+ \(regel \d+\): de einddatum ligt vóór de begindatum \(STARTDATUM\)/);
  });

  it('keeps every key as text and understands every date column as a date', () => {
    for (const table of EXTRACT_TABLES) {
      const file = files.find((candidate) => candidate.name === `${table.fileName}.csv`)!;
      for (const [name, kind] of table.columns) {
        const column = file.columns.find((candidate) => candidate.name === name)!;
        if (kind === 'key') expect(column.type, `${file.name} ${name}`).toBe('VARCHAR');
        if (kind === 'date') expect(column.type, `${file.name} ${name}`).toBe('DATE (YYYYMMDD)');
        if (kind === 'amount') expect(column.type, `${file.name} ${name}`).toMatch(/INT|DOUBLE/);
      }
    }
  });
});
