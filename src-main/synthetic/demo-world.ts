// The embedded demo: the default world, generated once into the app-data folder (or a given folder) and reused.
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { generateExtracts, type WorldCsvWriter } from './generate-extracts';
import type { ExtractsProgress } from './extract-options';
import { readManifest, type Manifest } from './manifest';
import { GENERATOR_VERSION } from './world-writer';

export const DEFAULT_DEMO_SEED = 2017;

export interface DemoWorld {
  folder: string;
  manifest: Manifest;
  /** True when this call generated it; false when a complete one was already there. */
  generated: boolean;
}

export interface DemoWorldOptions {
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: ExtractsProgress) => void) | undefined;
  /** Replaceable for tests. */
  writeWorld?: WorldCsvWriter | undefined;
}

/** Where the app keeps its demo world; the version in the name lets a new generator start fresh beside an old one. */
export function defaultDemoFolder(appDataFolder: string): string {
  return join(appDataFolder, `demo-world-v${GENERATOR_VERSION}`);
}

async function hasSize(path: string, bytes: number): Promise<boolean> {
  try {
    return (await stat(path)).size === bytes;
  } catch {
    return false;
  }
}

/** The folder's manifest if it describes the default demo world of this generator and every file is there at its size. */
export async function completeDemoWorld(folder: string): Promise<Manifest | undefined> {
  const manifest = await readManifest(folder);
  if (!manifest) return undefined;
  const isDefault =
    manifest.generatorVersion === GENERATOR_VERSION &&
    manifest.seed === DEFAULT_DEMO_SEED &&
    manifest.scale === 1 &&
    manifest.planted === 'pilot' &&
    manifest.format === 'csv';
  if (!isDefault) return undefined;
  const present = await Promise.all(manifest.files.map((file) => hasSize(join(folder, ...file.name.split('/')), file.bytes)));
  return present.every(Boolean) ? manifest : undefined;
}

/** The extracts an analyst opens from the demo (not its ground truth, which is for tests only). */
export function demoExtractPaths(demo: DemoWorld): string[] {
  return demo.manifest.files
    .map((file) => file.name)
    .filter((name) => !name.includes('/') && (name.endsWith('.csv') || name.endsWith('.parquet')))
    .map((name) => join(demo.folder, name));
}

/**
 * Returns the demo world in `folder`, generating it first when it is missing, incomplete or from another
 * generator version. A folder holding anything other than a generator output is never replaced.
 */
export async function ensureDemoWorld(folder: string, options: DemoWorldOptions = {}): Promise<DemoWorld> {
  const absolute = resolve(folder);
  const existing = await completeDemoWorld(absolute);
  if (existing) return { folder: absolute, manifest: existing, generated: false };
  const { manifest } = await generateExtracts(
    {
      out: absolute,
      seed: DEFAULT_DEMO_SEED,
      scale: 1,
      format: 'csv',
      clientsXlsx: false,
      force: true,
      signal: options.signal,
      onProgress: options.onProgress,
    },
    options.writeWorld,
  );
  return { folder: absolute, manifest, generated: true };
}
