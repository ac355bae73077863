// manifest.json: what a generator output holds (files, rows, sizes, checksums), deterministic so outputs compare byte for byte.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { PLANTED_STRUCTURES } from './planted-structures';

export const GENERATOR_ID = 'groepsbeeld-synthetic';
export const MANIFEST_FILE = 'manifest.json';
export const OUTPUT_FORMATS = ['csv', 'parquet'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

const manifestFileSchema = z.object({
  /** Path relative to the output folder, with `/` separators. */
  name: z.string().min(1),
  /** Data rows (header excluded); null for files that are not tables (expected.json). */
  rows: z.number().int().nonnegative().nullable(),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

const manifestSchema = z.object({
  generator: z.literal(GENERATOR_ID),
  generatorVersion: z.number().int().positive(),
  seed: z.number().int().nonnegative(),
  scale: z.number().min(1),
  /** Which client groups are planted (planted-structures.ts); older manifests are the pilot's. */
  planted: z.enum(PLANTED_STRUCTURES).default('pilot'),
  format: z.enum(OUTPUT_FORMATS),
  referenceDate: z.string().regex(/^\d{8}$/),
  persons: z.number().int().nonnegative(),
  households: z.number().int().nonnegative(),
  files: z.array(manifestFileSchema),
});

export type ManifestFile = z.infer<typeof manifestFileSchema>;
export type Manifest = z.infer<typeof manifestSchema>;

export interface FileDigest {
  bytes: number;
  sha256: string;
  /** Number of '\n' bytes: a CSV with a header row has lines - 1 data rows. */
  lines: number;
}

/** Size, SHA-256 and line count of one file, read as a stream (extracts can be gigabytes). */
export async function digestFile(path: string): Promise<FileDigest> {
  const hash = createHash('sha256');
  let bytes = 0;
  let lines = 0;
  for await (const chunk of createReadStream(path)) {
    const buffer = chunk as Buffer;
    hash.update(buffer);
    bytes += buffer.length;
    for (let index = buffer.indexOf(10); index !== -1; index = buffer.indexOf(10, index + 1)) lines += 1;
  }
  return { bytes, sha256: hash.digest('hex'), lines };
}

/** Two-space JSON with a final newline; key order is fixed by the object literal that built it. */
export async function writeManifest(folder: string, manifest: Manifest): Promise<void> {
  await writeFile(join(folder, MANIFEST_FILE), `${JSON.stringify(manifestSchema.parse(manifest), null, 2)}\n`);
}

/** The folder's manifest, or undefined when there is none or it is not a generator manifest of this shape. */
export async function readManifest(folder: string): Promise<Manifest | undefined> {
  let text;
  try {
    text = await readFile(join(folder, MANIFEST_FILE), 'utf8');
  } catch {
    return undefined;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = manifestSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/**
 * True when the folder holds a previous generator output: a manifest.json naming this generator (any
 * version, so --force can replace outputs of older generators too).
 */
export async function isGeneratorOutput(folder: string): Promise<boolean> {
  try {
    const value: unknown = JSON.parse(await readFile(join(folder, MANIFEST_FILE), 'utf8'));
    return typeof value === 'object' && value !== null && 'generator' in value && value.generator === GENERATOR_ID;
  } catch {
    return false;
  }
}
