// The differencing store: one history of exported populations per installation, shared by the app and the CLI
// (both pass the same app-data folder), whatever the study is called. It holds a secret salt and one file per export
// with its populations' unit fingerprints. Nothing in it names a household: units are salted hashes.
//
// <app data>/verschilcontrole/
//   salt                     32 random bytes, mode 0600, created on first use, never exported
//   exports/<time>-<id>.gbvc one file per export (format below), written to a temporary name and renamed
//
// An export file: "GBVERSCH" | uint32 LE format version | uint32 LE header length | header (JSON, UTF-8) |
// payload | SHA-256 of everything before it. The header describes the export and its populations; the payload holds
// per population its sorted unit hashes (8 bytes per unit), then per feature its hashes (4 bytes per unit).
import { createHash, randomBytes } from 'node:crypto';
import { chmod, link, mkdir, open, readdir, readFile, rename, rm, stat, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { UserFacingError } from '../common/errors';
import {
  FEATURE_HASH_BYTES,
  SALT_BYTES,
  UNIT_HASH_BYTES,
  saltCheck,
  type EarlierExportReference,
  type EarlierPopulation,
  type PopulationFingerprint,
} from './unit-fingerprints';

export const STORE_FOLDER = 'verschilcontrole';
export const STORE_FORMAT_VERSION = 1;
const MAGIC = Buffer.from('GBVERSCH', 'ascii');
const PREAMBLE_BYTES = MAGIC.length + 8;
const CHECKSUM_BYTES = 32;
const EXPORT_SUFFIX = '.gbvc';
const PARTIAL_SUFFIX = '.partial';
/** A temporary file older than this is not a write in progress (by the app or the CLI) but one that never finished. */
const STALE_PARTIAL_MS = 10 * 60 * 1000;

const hexSchema = (bytes: number) => z.string().regex(new RegExp(`^[0-9a-f]{${2 * bytes}}$`));
const headerSchema = z.strictObject({
  exportId: hexSchema(8),
  title: z.string().max(1000),
  studyName: z.string().max(1000),
  exportFolder: z.string().max(4000),
  exportedAt: z.iso.datetime(),
  outputIds: z.array(z.string().max(200)),
  saltCheck: hexSchema(8),
  populations: z.array(
    z.strictObject({
      id: z.string().min(1).max(200),
      label: z.string().max(1000),
      outputIds: z.array(z.string().max(200)),
      unitCount: z.number().int().min(0),
      unitsDigest: hexSchema(32),
      features: z.array(z.strictObject({ id: z.string().min(1).max(200), label: z.string().max(1000), digest: hexSchema(32) })),
    }),
  ),
});
type Header = z.infer<typeof headerSchema>;

export interface StoredPopulation {
  id: string;
  label: string;
  outputIds: string[];
  fingerprint: PopulationFingerprint;
}

export interface StoredExport extends EarlierExportReference {
  /** The store file (for messages). */
  file: string;
  outputIds: string[];
  populations: StoredPopulation[];
}

export interface NewExport {
  title: string;
  studyName: string;
  exportFolder: string;
  exportedAt?: Date;
  populations: readonly { id: string; label: string; outputIds: readonly string[]; fingerprint: PopulationFingerprint }[];
}

function damaged(path: string, reason: string): UserFacingError {
  return new UserFacingError(
    `Het bestand van de verschilcontrole ${path} is beschadigd of onleesbaar (${reason}). Zonder dat bestand kan Groepsbeeld niet ` +
      'nagaan of een nieuwe export samen met eerdere exports een te kleine groep huishoudens verraadt; daarom wordt er niet geëxporteerd. ' +
      'Laat het bestand zien aan de outputcontroleur voordat u het verplaatst of de verschilcontrole leegmaakt.',
  );
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/** Makes a rename survive a power cut where the platform allows it (not on Windows, where NTFS journals it). */
async function syncDirectory(path: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, 'r');
    await handle.sync();
  } catch {
    // A directory cannot be opened for fsync on Windows.
  } finally {
    await handle?.close();
  }
}

async function writeSynced(path: string, bytes: Uint8Array): Promise<void> {
  const handle = await open(path, 'wx', 0o600);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function temporaryName(name: string): string {
  return `.${name}.${process.pid}.${randomBytes(4).toString('hex')}${PARTIAL_SUFFIX}`;
}

function serialize(header: Header, populations: readonly { fingerprint: PopulationFingerprint }[]): Buffer {
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const preamble = Buffer.alloc(PREAMBLE_BYTES);
  MAGIC.copy(preamble, 0);
  preamble.writeUInt32LE(STORE_FORMAT_VERSION, MAGIC.length);
  preamble.writeUInt32LE(headerBytes.length, MAGIC.length + 4);
  const parts: Uint8Array[] = [preamble, headerBytes];
  for (const { fingerprint } of populations) parts.push(fingerprint.units, ...fingerprint.features.map((feature) => feature.hashes));
  const body = Buffer.concat(parts);
  return Buffer.concat([body, createHash('sha256').update(body).digest()]);
}

function parse(path: string, bytes: Buffer): { header: Header; populations: StoredPopulation[] } {
  if (bytes.length < PREAMBLE_BYTES + CHECKSUM_BYTES) throw damaged(path, 'het bestand is te kort');
  if (!bytes.subarray(0, MAGIC.length).equals(MAGIC)) throw damaged(path, 'het is geen bestand van de verschilcontrole');
  const version = bytes.readUInt32LE(MAGIC.length);
  if (version !== STORE_FORMAT_VERSION) throw damaged(path, `bestandsversie ${version}, deze versie van Groepsbeeld leest versie ${STORE_FORMAT_VERSION}`);
  const body = bytes.subarray(0, bytes.length - CHECKSUM_BYTES);
  if (!createHash('sha256').update(body).digest().equals(bytes.subarray(body.length))) throw damaged(path, 'de controlesom klopt niet');
  const headerLength = bytes.readUInt32LE(MAGIC.length + 4);
  if (PREAMBLE_BYTES + headerLength > body.length) throw damaged(path, 'de kop is langer dan het bestand');
  let header: Header;
  try {
    header = headerSchema.parse(JSON.parse(bytes.subarray(PREAMBLE_BYTES, PREAMBLE_BYTES + headerLength).toString('utf8')));
  } catch {
    throw damaged(path, 'de kop is ongeldig');
  }
  let at = PREAMBLE_BYTES + headerLength;
  const take = (length: number): Uint8Array => {
    if (at + length > body.length) throw damaged(path, 'de vingerafdrukken zijn korter dan de kop zegt');
    const part = new Uint8Array(body.buffer, body.byteOffset + at, length);
    at += length;
    return part;
  };
  const populations = header.populations.map((population) => {
    const units = take(population.unitCount * UNIT_HASH_BYTES);
    const features = population.features.map((feature) => ({
      id: feature.id,
      label: feature.label,
      hashes: take(population.unitCount * FEATURE_HASH_BYTES),
      digest: Buffer.from(feature.digest, 'hex'),
    }));
    const fingerprint: PopulationFingerprint = {
      unitCount: population.unitCount,
      units,
      unitsDigest: Buffer.from(population.unitsDigest, 'hex'),
      features,
      saltCheck: header.saltCheck,
    };
    return { id: population.id, label: population.label, outputIds: population.outputIds, fingerprint };
  });
  if (at !== body.length) throw damaged(path, 'het bestand is langer dan de kop zegt');
  return { header, populations };
}

/** "2025-12-03T09:52:00.123Z" as 20251203T095200123Z, for file names that sort by time. */
function compactTime(iso: string): string {
  return iso.replaceAll(/[-:.]/g, '');
}

/** The store of one installation; any number of these objects (the app's, the CLI's) may use the same folder. */
export class DifferencingStore {
  readonly folder: string;
  private readonly saltFile: string;
  private readonly exportsFolder: string;

  /** `appDataFolder` is userDataFolder() of app-paths in practice. */
  constructor(appDataFolder: string) {
    this.folder = join(appDataFolder, STORE_FOLDER);
    this.saltFile = join(this.folder, 'salt');
    this.exportsFolder = join(this.folder, 'exports');
  }

  /** The per-installation secret, created on first use. Refuses when it is gone while earlier exports remain. */
  async salt(): Promise<Buffer> {
    const existing = await this.readSalt();
    if (existing) return existing;
    if ((await this.exportFileNames()).length > 0) {
      throw new UserFacingError(
        `De geheime sleutel van de verschilcontrole (${this.saltFile}) ontbreekt, maar er zijn eerdere exports in ${this.exportsFolder}. ` +
          'Zonder die sleutel kunnen nieuwe exports er niet mee worden vergeleken; daarom wordt er niet geëxporteerd. Zet de sleutel terug of maak de verschilcontrole helemaal leeg.',
      );
    }
    await mkdir(this.folder, { recursive: true, mode: 0o700 });
    const temporary = join(this.folder, temporaryName('salt'));
    await writeSynced(temporary, randomBytes(SALT_BYTES));
    try {
      // link() creates the name only if it does not exist yet: when the app and the CLI race, one salt wins.
      await link(temporary, this.saltFile);
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw error;
    } finally {
      await unlink(temporary);
    }
    await syncDirectory(this.folder);
    const created = await this.readSalt();
    if (!created) throw damaged(this.saltFile, 'de sleutel kon niet worden aangemaakt');
    return created;
  }

  private async readSalt(): Promise<Buffer | undefined> {
    let salt: Buffer;
    try {
      salt = await readFile(this.saltFile);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return undefined;
      throw damaged(this.saltFile, error instanceof Error ? error.message : String(error));
    }
    if (salt.length !== SALT_BYTES) throw damaged(this.saltFile, `de sleutel is ${salt.length} in plaats van ${SALT_BYTES} bytes lang`);
    if (process.platform !== 'win32' && ((await stat(this.saltFile)).mode & 0o077) !== 0) await chmod(this.saltFile, 0o600);
    return salt;
  }

  private async exportFileNames(): Promise<string[]> {
    try {
      return (await readdir(this.exportsFolder)).filter((name) => name.endsWith(EXPORT_SUFFIX) || name.endsWith(PARTIAL_SUFFIX)).sort();
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return [];
      throw damaged(this.exportsFolder, error instanceof Error ? error.message : String(error));
    }
  }

  /** Every earlier export of this installation, oldest first. Refuses (UserFacingError naming the file) on any damage. */
  async listExports(): Promise<StoredExport[]> {
    const names = await this.exportFileNames();
    // Nothing stored yet: a read creates no key (the first export does).
    if (names.length === 0) return [];
    const check = saltCheck(await this.salt());
    const now = Date.now();
    const exports = await Promise.all(
      names.map(async (name): Promise<StoredExport | undefined> => {
        const path = join(this.exportsFolder, name);
        if (name.endsWith(PARTIAL_SUFFIX)) {
          // A write in progress elsewhere is skipped; one that never finished may have been a real export.
          const age = now - (await stat(path)).mtimeMs;
          if (age > STALE_PARTIAL_MS) throw damaged(path, 'een export is nooit helemaal weggeschreven');
          return undefined;
        }
        let bytes: Buffer;
        try {
          bytes = await readFile(path);
        } catch (error) {
          throw damaged(path, error instanceof Error ? error.message : String(error));
        }
        const { header, populations } = parse(path, bytes);
        if (header.saltCheck !== check) throw damaged(path, 'het is gemaakt met een andere geheime sleutel dan de huidige');
        const { exportId, title, studyName, exportFolder, exportedAt, outputIds } = header;
        return { file: path, exportId, title, studyName, exportFolder, exportedAt, outputIds, populations };
      }),
    );
    return exports
      .filter((entry): entry is StoredExport => entry !== undefined)
      .sort((a, b) => a.exportedAt.localeCompare(b.exportedAt) || a.exportId.localeCompare(b.exportId));
  }

  /** Records an export's populations (written to a temporary name, fsynced and renamed). */
  async addExport(record: NewExport): Promise<StoredExport> {
    const check = saltCheck(await this.salt());
    const ids = record.populations.map((population) => population.id);
    if (new Set(ids).size !== ids.length) throw new Error(`Population ids of one export must differ: ${ids.join(', ')}.`);
    if (record.populations.some((population) => population.fingerprint.saltCheck !== check)) {
      throw new Error('A fingerprint was made with another salt than this store’s; it could never be compared.');
    }
    const exportedAt = (record.exportedAt ?? new Date()).toISOString();
    const exportId = randomBytes(8).toString('hex');
    const populations = record.populations.map(({ id, label, outputIds, fingerprint }) => ({ id, label, outputIds: [...outputIds], fingerprint }));
    const header: Header = {
      exportId,
      title: record.title,
      studyName: record.studyName,
      exportFolder: record.exportFolder,
      exportedAt,
      outputIds: [...new Set(populations.flatMap((population) => population.outputIds))],
      saltCheck: check,
      populations: populations.map(({ id, label, outputIds, fingerprint }) => ({
        id,
        label,
        outputIds,
        unitCount: fingerprint.unitCount,
        unitsDigest: Buffer.from(fingerprint.unitsDigest).toString('hex'),
        features: fingerprint.features.map((feature) => ({ id: feature.id, label: feature.label, digest: Buffer.from(feature.digest).toString('hex') })),
      })),
    };
    const parsed = headerSchema.safeParse(header);
    if (!parsed.success) throw new Error(`The export record is not valid: ${parsed.error.message}`);
    for (const { fingerprint } of populations) {
      if (
        fingerprint.units.length !== fingerprint.unitCount * UNIT_HASH_BYTES ||
        fingerprint.features.some((feature) => feature.hashes.length !== fingerprint.unitCount * FEATURE_HASH_BYTES)
      ) {
        throw new Error('A fingerprint’s arrays do not match its unit count.');
      }
    }
    await mkdir(this.exportsFolder, { recursive: true, mode: 0o700 });
    const name = `${compactTime(exportedAt)}-${exportId}${EXPORT_SUFFIX}`;
    const path = join(this.exportsFolder, name);
    const temporary = join(this.exportsFolder, temporaryName(name));
    try {
      await writeSynced(temporary, serialize(header, populations));
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    await syncDirectory(this.exportsFolder);
    return {
      file: path,
      exportId,
      title: header.title,
      studyName: header.studyName,
      exportFolder: header.exportFolder,
      exportedAt,
      outputIds: header.outputIds,
      populations,
    };
  }

  /** Deletes the whole store, the salt included (e.g. at the end of a project): later exports start a new history. */
  async clearStore(): Promise<void> {
    await rm(this.folder, { recursive: true, force: true });
  }
}

/** The populations of earlier exports, as differencingFindings takes them. */
export function earlierPopulations(exports: readonly StoredExport[]): EarlierPopulation[] {
  return exports.flatMap((entry) => {
    const reference: EarlierExportReference = {
      exportId: entry.exportId,
      title: entry.title,
      studyName: entry.studyName,
      exportedAt: entry.exportedAt,
      exportFolder: entry.exportFolder,
    };
    return entry.populations.map((population) => ({
      export: reference,
      id: population.id,
      label: population.label,
      outputIds: population.outputIds,
      fingerprint: population.fingerprint,
    }));
  });
}
