// Opening a workspace file: header and passphrase, the encrypted manifest and end record, and errors that name the file.
import type { FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, brotliDecompress, constants as zlibConstants, deflateRaw, inflateRaw } from 'node:zlib';
import { z } from 'zod';
import { UserFacingError } from '../../common/errors';
import { BatchShapeError } from './batch-decoding';
import { STORED_TYPES, type StoredTypeName } from './stored-types';
import {
  END_RECORD_INDEX,
  HEADER_BYTES,
  MAX_RECORD_BYTES,
  RECORD_PREFIX_BYTES,
  RecordKind,
  TAG_BYTES,
  WorkspaceFormatError,
  openHeader,
  openRecord,
  type WorkspaceKeys,
} from './format';

export interface WorkspaceColumn {
  name: string;
  type: StoredTypeName;
}

export interface WorkspaceTable {
  /** The table's name in the session, when saved and when loaded back. */
  name: string;
  /** What the table is for in the study, as the caller said (e.g. 'addresses'); opaque here. */
  role?: string | undefined;
  /** The name of the file the table was read from, as the caller said. */
  sourceFile?: string | undefined;
  /** What the caller knows of the table (JSON, opaque here; the study engine keeps an opened file's kind and roles in it). */
  details?: unknown;
  columns: WorkspaceColumn[];
  rows: number;
}

export interface WorkspaceManifest {
  format: 1;
  /** Which app wrote it, e.g. 'Groepsbeeld 0.1.0'. */
  generator: string;
  /** ISO 8601. */
  createdAt: string;
  tables: WorkspaceTable[];
}

const storedType = z.enum(Object.keys(STORED_TYPES) as [StoredTypeName, ...StoredTypeName[]]);
/** The manifest record: everything but the row counts, which are known only at the end (the end record). */
export const manifestRecordSchema = z.object({
  format: z.literal(1),
  generator: z.string(),
  createdAt: z.string(),
  tables: z.array(
    z.object({
      name: z.string().min(1),
      role: z.string().optional(),
      sourceFile: z.string().optional(),
      details: z.json().optional(),
      columns: z.array(z.object({ name: z.string().min(1), type: storedType })).min(1),
    }),
  ),
});
export type ManifestRecord = z.infer<typeof manifestRecordSchema>;

export type Compression = 'none' | 'deflate' | 'brotli';
const CODEC: Record<Compression, number> = { none: 0, deflate: 1, brotli: 2 };
const deflateAsync = promisify(deflateRaw);
const inflateAsync = promisify(inflateRaw);
const brotliAsync = promisify(brotliCompress);
const unbrotliAsync = promisify(brotliDecompress);

/** Runs in libuv's thread pool, so the main process's event loop stays free while a batch is packed. */
export async function compress(batch: Buffer, compression: Compression): Promise<Buffer> {
  const packed =
    compression === 'deflate'
      ? await deflateAsync(batch, { level: 1 })
      : compression === 'brotli'
        ? await brotliAsync(batch, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 1, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: batch.length } })
        : batch;
  return Buffer.concat([Buffer.from([CODEC[compression]]), packed]);
}

export async function decompress(record: Buffer): Promise<Buffer> {
  const codec = record[0];
  const packed = record.subarray(1);
  if (codec === 0) return packed;
  if (codec === 1) return inflateAsync(packed);
  if (codec === 2) return unbrotliAsync(packed);
  throw new BatchShapeError(`een gegevensblok noemt een onbekende compressie (${String(codec)})`);
}

/** End record plaintext: data record count u32 | table count u32 | rows per table as float64. */
export function encodeEnd(dataRecords: number, rows: readonly number[]): Buffer {
  const end = Buffer.alloc(8 + 8 * rows.length);
  end.writeUInt32LE(dataRecords, 0);
  end.writeUInt32LE(rows.length, 4);
  rows.forEach((count, index) => end.writeDoubleLE(count, 8 + 8 * index));
  return end;
}

export function endRecordBytes(tableCount: number): number {
  return RECORD_PREFIX_BYTES + 8 + 8 * tableCount + TAG_BYTES;
}

export interface OpenedWorkspace {
  keys: WorkspaceKeys;
  manifest: WorkspaceManifest;
  /** Byte range of the data records, and how many there must be. */
  dataStart: number;
  dataEnd: number;
  dataRecords: number;
}

async function readExactly(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  if (bytesRead !== length) throw new WorkspaceFormatError('is onvolledig (het houdt te vroeg op)', 'incomplete');
  return buffer;
}

/** Reads one record's prefix and body at `position`; checks the kind and a sane length before allocating. */
export async function readRecord(handle: FileHandle, position: number, kind: RecordKind, limit: number): Promise<{ body: Buffer; next: number }> {
  const prefix = await readExactly(handle, position, RECORD_PREFIX_BYTES);
  const length = prefix.readUInt32LE(1);
  if (prefix[0] !== kind || length < TAG_BYTES || length > MAX_RECORD_BYTES) {
    throw new WorkspaceFormatError('is beschadigd (de kop van een record klopt niet)', 'damaged');
  }
  const next = position + RECORD_PREFIX_BYTES + length;
  if (next > limit) throw new WorkspaceFormatError('is onvolledig (een record is afgebroken)', 'incomplete');
  return { body: await readExactly(handle, position + RECORD_PREFIX_BYTES, length), next };
}

/** Header, passphrase check, manifest (first record) and end record (last record); the data is not read. */
export async function openWorkspaceFile(handle: FileHandle, passphrase: string | Uint8Array): Promise<OpenedWorkspace> {
  const size = (await handle.stat()).size;
  const header = await readExactly(handle, 0, Math.min(HEADER_BYTES, size)).catch(() => Buffer.alloc(0));
  if (header.length < HEADER_BYTES) throw new WorkspaceFormatError('is geen werkruimte van Groepsbeeld', 'not-a-workspace');
  const keys = await openHeader(header, passphrase);
  try {
    const first = await readRecord(handle, HEADER_BYTES, RecordKind.manifest, size);
    const parsed = manifestRecordSchema.safeParse(JSON.parse(openRecord(keys, RecordKind.manifest, 0n, first.body).toString('utf8')));
    if (!parsed.success) throw new WorkspaceFormatError('is beschadigd (de lijst met tabellen is niet te lezen)', 'damaged');
    const record = parsed.data;
    const endBytes = endRecordBytes(record.tables.length);
    if (size < first.next + endBytes) throw new WorkspaceFormatError('is onvolledig (het einde ontbreekt)', 'incomplete');
    const last = await readRecord(handle, size - endBytes, RecordKind.end, size).catch(() => {
      throw new WorkspaceFormatError('is onvolledig (het einde ontbreekt)', 'incomplete');
    });
    let end: Buffer;
    try {
      end = openRecord(keys, RecordKind.end, END_RECORD_INDEX, last.body);
    } catch {
      throw new WorkspaceFormatError('is onvolledig of beschadigd (het slotrecord doorstaat de integriteitscontrole niet)', 'incomplete');
    }
    if (end.readUInt32LE(4) !== record.tables.length)
      throw new WorkspaceFormatError('is beschadigd (het slotrecord past niet bij de lijst met tabellen)', 'damaged');
    const manifest: WorkspaceManifest = {
      ...record,
      tables: record.tables.map((table, index) => ({ ...table, rows: end.readDoubleLE(8 + 8 * index) })),
    };
    return { keys, manifest, dataStart: first.next, dataEnd: size - endBytes, dataRecords: end.readUInt32LE(0) };
  } catch (error) {
    keys.encryptionKey.fill(0);
    throw error;
  }
}

/** The analyst's message for a workspace that cannot be used: which file, what is wrong, what to do. */
export function workspaceError(path: string, error: unknown): unknown {
  const file = basename(path);
  if (error instanceof WorkspaceFormatError) {
    switch (error.reason) {
      case 'wrong-passphrase':
        return new UserFacingError(
          `Met deze wachtzin gaat de werkruimte ${file} niet open. Controleer de wachtzin (let op hoofdletters) en probeer het opnieuw.`,
        );
      case 'not-a-workspace':
        return new UserFacingError(`${file} is geen werkruimte van Groepsbeeld. Kies een werkruimtebestand, of open de oorspronkelijke databestanden.`);
      case 'newer-version':
        return new UserFacingError(
          `De werkruimte ${file} ${error.message}. Open de werkruimte met die versie, of maak haar opnieuw van de oorspronkelijke bestanden.`,
        );
      case 'incomplete':
      case 'damaged':
        return new UserFacingError(`De werkruimte ${file} ${error.message}. Verwijder de werkruimte en maak haar opnieuw van de oorspronkelijke bestanden.`);
    }
  }
  if (error instanceof BatchShapeError || error instanceof SyntaxError) {
    return new UserFacingError(
      `De werkruimte ${file} is beschadigd (${error.message}). Verwijder de werkruimte en maak haar opnieuw van de oorspronkelijke bestanden.`,
    );
  }
  if (error instanceof Error && (error as NodeJS.ErrnoException).code === 'ENOENT') {
    return new UserFacingError(`De werkruimte ${file} bestaat niet meer (${path}). Misschien is ze verwijderd of verplaatst.`);
  }
  return error;
}
