// The differencing store: one history of exported populations per installation, shared by the app and the CLI
// (both pass the same app-data folder), whatever the study is called. It holds a secret salt and one file per export
// with its populations' unit fingerprints. Nothing in it names a household: units are salted hashes.
//
// <app data>/verschilcontrole/
//   salt                     32 random bytes, mode 0600, created on first use, never exported
//   exports/<time>-<id>.gbvc one file per export (format in differencing-store-file.ts), written to a temporary
//                            name and renamed
import { randomBytes } from 'node:crypto';
import { chmod, link, mkdir, readdir, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { UserFacingError } from '../common/errors';
import { damaged, headerSchema, parse, serialize, type Header } from './differencing-store-file';
import { compactTime, errorCode, PARTIAL_SUFFIX, syncDirectory, temporaryName, writeSynced } from './differencing-store-io';
import type { NewExport, StoredExport } from './stored-exports';
import { FEATURE_HASH_BYTES, SALT_BYTES, UNIT_HASH_BYTES, saltCheck } from './unit-fingerprints';

export const STORE_FOLDER = 'verschilcontrole';
const EXPORT_SUFFIX = '.gbvc';
/** A temporary file older than this is not a write in progress (by the app or the CLI) but one that never finished. */
const STALE_PARTIAL_MS = 10 * 60 * 1000;

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
          'Zonder die sleutel kunnen nieuwe exports er niet mee worden vergeleken; daarom wordt er niet geëxporteerd. ' +
          'Zet de sleutel terug of maak de verschilcontrole helemaal leeg.',
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
