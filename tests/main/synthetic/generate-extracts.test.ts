// A whole generator run: same seed gives the same bytes (CSV, Parquet, xlsx, manifest); failures and aborts leave nothing.
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openLockedSession } from '../../../src-main/engine/locked-session';
import { EXTRACT_TABLES } from '../../../src-main/synthetic/extract-tables';
import type { ExtractsOptions } from '../../../src-main/synthetic/extract-options';
import { generateExtracts, type ExtractsResult } from '../../../src-main/synthetic/generate-extracts';
import { GENERATOR_ID, MANIFEST_FILE } from '../../../src-main/synthetic/manifest';
import { PARQUET_TYPES } from '../../../src-main/synthetic/parquet-export';
import { fakeWorldWriter } from '../support/fake-world';
import { tempFolder } from '../support/temp-folder';

let root: string;

function options(out: string, overrides: Partial<ExtractsOptions> = {}): ExtractsOptions {
  return { out: join(root, out), seed: 2017, scale: 1, format: 'csv', clientsXlsx: false, force: false, ...overrides };
}

/** Every file of an output (manifest included) with its SHA-256. */
async function fingerprint(folder: string): Promise<Record<string, string>> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  const hashes: Record<string, string> = {};
  for (const file of files.sort())
    hashes[file.slice(folder.length + 1)] = createHash('sha256')
      .update(await readFile(file))
      .digest('hex');
  return hashes;
}

beforeAll(async () => {
  root = await tempFolder('groepsbeeld-extracts-');
});

describe('generateExtracts with the real world writer', () => {
  let csv: ExtractsResult;
  let parquet: ExtractsResult;

  beforeAll(async () => {
    csv = await generateExtracts(options('csv-a', { clientsXlsx: true }));
    parquet = await generateExtracts(options('parquet-a', { format: 'parquet', clientsXlsx: true }));
  }, 60_000);

  it('writes every extract, the xlsx client list, the ground truth and a manifest that describes them', async () => {
    const { manifest } = csv;
    expect(manifest).toMatchObject({ generator: GENERATOR_ID, seed: 2017, scale: 1, format: 'csv', referenceDate: '20171231' });
    expect(manifest.files.map((file) => file.name)).toEqual([
      ...EXTRACT_TABLES.map((table) => `${table.fileName}.csv`),
      'VOEDSELBANK_KLANTEN.xlsx',
      'ground-truth/clusters.csv',
      'ground-truth/traits.csv',
      'ground-truth/expected.json',
    ]);
    const hashes = await fingerprint(csv.folder);
    expect(Object.keys(hashes).sort()).toEqual([...manifest.files.map((file) => file.name), MANIFEST_FILE].sort());
    for (const file of manifest.files) expect(hashes[file.name], file.name).toBe(file.sha256);
    const clients = manifest.files.find((file) => file.name === 'VOEDSELBANK_KLANTEN.csv')!;
    expect(manifest.files.find((file) => file.name === 'VOEDSELBANK_KLANTEN.xlsx')!.rows).toBe(clients.rows);
  });

  it('gives byte-identical files, manifest included, for the same seed', async () => {
    const again = await generateExtracts(options('csv-b', { clientsXlsx: true }));
    expect(await fingerprint(again.folder)).toEqual(await fingerprint(csv.folder));
    const parquetAgain = await generateExtracts(options('parquet-b', { format: 'parquet', clientsXlsx: true }));
    expect(await fingerprint(parquetAgain.folder)).toEqual(await fingerprint(parquet.folder));
  }, 60_000);

  it('writes Parquet with the same rows as the CSVs, typed by column kind, keys with their leading zeros', async () => {
    const csvRows = new Map(csv.manifest.files.map((file) => [file.name.replace(/\.csv$/, ''), file.rows]));
    const parquetFiles = parquet.manifest.files.filter((file) => file.name.endsWith('.parquet'));
    expect(parquetFiles).toHaveLength(EXTRACT_TABLES.length);
    for (const file of parquetFiles) expect(file.rows, file.name).toBe(csvRows.get(file.name.replace(/\.parquet$/, '')));
    expect(await readdir(parquet.folder)).not.toContain(`${EXTRACT_TABLES[0].fileName}.csv`);

    const paths = EXTRACT_TABLES.map((table) => join(parquet.folder, `${table.fileName}.parquet`));
    const session = await openLockedSession({ readableFiles: paths });
    try {
      for (const [index, table] of EXTRACT_TABLES.entries()) {
        const described = await session.query('DESCRIBE SELECT * FROM read_parquet($path)', { path: paths[index]! });
        expect(
          described.map((row) => [row['column_name'], row['column_type']]),
          table.fileName,
        ).toEqual(table.columns.map(([name, kind]) => [name, PARQUET_TYPES[kind]]));
      }
      const [keys] = await session.query(
        "SELECT count(*) FILTER (WHERE RINPERSOON LIKE '0%') AS leadingZero, count(*) " +
          'FILTER (WHERE length(RINPERSOON) <> 9) AS wrongWidth FROM read_parquet($path)',
        { path: paths[0]! },
      );
      expect(keys!['leadingZero']).toBeGreaterThan(0);
      expect(keys!['wrongWidth']).toBe(0);
    } finally {
      await session.close();
    }
  });
});

describe('generateExtracts failures', () => {
  it('validates options up front, naming the option', async () => {
    await expect(generateExtracts(options('bad', { seed: -1 }), fakeWorldWriter())).rejects.toThrow(/seed moet een geheel getal/);
    await expect(generateExtracts(options('bad', { seed: 1.5 }), fakeWorldWriter())).rejects.toThrow(/seed/);
    await expect(generateExtracts(options('bad', { scale: 0.5 }), fakeWorldWriter())).rejects.toThrow(/scale moet een getal van 1 of meer zijn/);
    await expect(generateExtracts(options('bad', { format: 'sav' as 'csv' }), fakeWorldWriter())).rejects.toThrow(/format moet een van csv, parquet zijn/);
    await expect(generateExtracts(options('bad', { out: ' ' }), fakeWorldWriter())).rejects.toThrow(/out moet de uitvoermap noemen/);
    expect(await readdir(root)).not.toContain('bad');
  });

  it('leaves nothing when the world writer fails mid-way', async () => {
    const before = await readdir(root);
    await expect(generateExtracts(options('failing', { format: 'parquet' }), fakeWorldWriter({ failAfterFiles: 4 }))).rejects.toThrow(/ENOSPC/);
    expect(await readdir(root)).toEqual(before);
  });

  it('leaves nothing when aborted during the world or the Parquet conversion', async () => {
    const before = await readdir(root);
    const world = new AbortController();
    await expect(generateExtracts(options('aborted', { signal: world.signal, onProgress: ({ fraction }) => fraction > 0.2 && world.abort() }))).rejects.toThrow(
      /abort/i,
    );
    const conversion = new AbortController();
    await expect(
      generateExtracts(
        options('aborted', { format: 'parquet', signal: conversion.signal, onProgress: ({ phase }) => phase === 'parquet' && conversion.abort() }),
        fakeWorldWriter(),
      ),
    ).rejects.toThrow(/abort/i);
    expect(await readdir(root)).toEqual(before);
  });

  it('reports progress from 0 to 1, persons included', async () => {
    const seen: { phase: string; fraction: number; personsWritten: number }[] = [];
    await generateExtracts(options('progress', { format: 'parquet', onProgress: (progress) => seen.push(progress) }), fakeWorldWriter());
    expect(seen[0]).toMatchObject({ phase: 'world', fraction: 0 });
    expect(seen.at(-1)).toMatchObject({ phase: 'manifest', fraction: 1, personsWritten: 10 });
    expect(seen.map((progress) => progress.fraction)).toEqual([...seen.map((progress) => progress.fraction)].sort((a, b) => a - b));
  });
});
