// The encrypted workspace file format: header, key derivation, and authenticated records (no DuckDB, no files).
//
// A workspace is one file:
//
//   header (68 bytes, plaintext, authenticated as part of every record's AAD)
//     0  8  magic "GBWSPACE"
//     8  2  format version (u16 LE) = 1
//    10  1  KDF id: 1 = scrypt
//    11  1  scrypt log2(N)   (17: N = 131072)
//    12  1  scrypt r         (8)
//    13  1  scrypt p         (1)
//    14  2  reserved, zero
//    16 16  salt (random per file, so every file has its own key even under the same passphrase)
//    32  4  nonce prefix (random per file)
//    36 32  key check: HMAC-SHA256(checkKey, bytes 0..35); tells a wrong passphrase from a damaged file
//   records, each: kind (u8) | length (u32 LE) | AES-256-GCM ciphertext | 16-byte tag
//     kind 1 manifest (first, record index 0), kind 2 data batch (index 1, 2, ...), kind 3 end (last)
//     nonce = nonce prefix | u64 BE record index (the end record uses index 2^64-1)
//     AAD   = header | kind | u64 BE index | u32 LE length
//   Because the index is in the nonce and the AAD, a reordered, duplicated or dropped record fails its tag;
//   the end record counts the records and rows, so a file cut at a record boundary is caught too; any
//   flipped bit fails a tag. Nothing but the magic, version, KDF parameters, salt and record sizes is plaintext.
//
// Keys: scrypt(passphrase, salt) -> 32-byte master key -> HKDF-SHA256 -> encryption key and key-check key.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

export const MAGIC = Buffer.from('GBWSPACE', 'ascii');
export const FORMAT_VERSION = 1;
export const HEADER_BYTES = 68;
export const RECORD_PREFIX_BYTES = 5;
export const TAG_BYTES = 16;
export const END_RECORD_INDEX = 0xffff_ffff_ffff_ffffn;
/** Records are a few MB; anything above this is damage, refused before allocating it. */
export const MAX_RECORD_BYTES = 1 << 30;

export const RecordKind = { manifest: 1, data: 2, end: 3 } as const;
export type RecordKind = (typeof RecordKind)[keyof typeof RecordKind];

export interface KdfParameters {
  log2N: number;
  r: number;
  p: number;
}

/** About 0.6 s and 128 MiB on a 2-core laptop (measured), per opening: slow for guessing, fine for the analyst. */
export const DEFAULT_KDF: KdfParameters = { log2N: 17, r: 8, p: 1 };
/** Refused on reading: a crafted header must not make the app allocate gigabytes. */
const MAX_LOG2N = 20;

export interface WorkspaceKeys {
  header: Buffer;
  encryptionKey: Buffer;
  noncePrefix: Buffer;
}

/** Why a header could not be used; the caller turns this into a message that names the file. */
export class WorkspaceFormatError extends Error {
  constructor(
    message: string,
    readonly reason: 'not-a-workspace' | 'newer-version' | 'wrong-passphrase' | 'damaged' | 'incomplete',
  ) {
    super(message);
  }
}

function scryptAsync(passphrase: Buffer, salt: Buffer, kdf: KdfParameters): Promise<Buffer> {
  const N = 2 ** kdf.log2N;
  return new Promise((resolve, reject) => {
    scrypt(passphrase, salt, 32, { N, r: kdf.r, p: kdf.p, maxmem: 256 * N * kdf.r }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** scrypt then HKDF; our own copy of the passphrase bytes and the master key are zeroed as soon as they are used. */
async function deriveKeys(passphrase: string | Uint8Array, salt: Buffer, kdf: KdfParameters): Promise<{ encryptionKey: Buffer; checkKey: Buffer }> {
  const secret = typeof passphrase === 'string' ? Buffer.from(passphrase.normalize('NFC'), 'utf8') : Buffer.from(passphrase);
  let master: Buffer | undefined;
  try {
    master = await scryptAsync(secret, salt, kdf);
    const encryptionKey = Buffer.from(hkdfSync('sha256', master, salt, 'groepsbeeld workspace v1 encryption', 32));
    const checkKey = Buffer.from(hkdfSync('sha256', master, salt, 'groepsbeeld workspace v1 key check', 32));
    return { encryptionKey, checkKey };
  } finally {
    secret.fill(0);
    master?.fill(0);
  }
}

function keyCheck(checkKey: Buffer, headerStart: Buffer): Buffer {
  return createHmac('sha256', checkKey).update(headerStart).digest();
}

/** A new header with a fresh salt and nonce prefix, and the keys for it. */
export async function createHeader(passphrase: string | Uint8Array, kdf: KdfParameters = DEFAULT_KDF): Promise<WorkspaceKeys> {
  const header = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(header, 0);
  header.writeUInt16LE(FORMAT_VERSION, 8);
  header.writeUInt8(1, 10);
  header.writeUInt8(kdf.log2N, 11);
  header.writeUInt8(kdf.r, 12);
  header.writeUInt8(kdf.p, 13);
  randomBytes(16).copy(header, 16);
  randomBytes(4).copy(header, 32);
  const { encryptionKey, checkKey } = await deriveKeys(passphrase, header.subarray(16, 32), kdf);
  keyCheck(checkKey, header.subarray(0, 36)).copy(header, 36);
  checkKey.fill(0);
  return { header, encryptionKey, noncePrefix: header.subarray(32, 36) };
}

/** Checks magic, version and KDF bounds, derives the keys and checks the passphrase against the header. */
export async function openHeader(header: Buffer, passphrase: string | Uint8Array): Promise<WorkspaceKeys> {
  if (header.length < HEADER_BYTES || !header.subarray(0, 8).equals(MAGIC)) {
    throw new WorkspaceFormatError('is geen werkruimte van Groepsbeeld', 'not-a-workspace');
  }
  const version = header.readUInt16LE(8);
  if (version > FORMAT_VERSION)
    throw new WorkspaceFormatError(`is geschreven door een nieuwere versie van Groepsbeeld (werkruimte-indeling ${version})`, 'newer-version');
  const kdf: KdfParameters = { log2N: header.readUInt8(11), r: header.readUInt8(12), p: header.readUInt8(13) };
  if (version !== FORMAT_VERSION || header.readUInt8(10) !== 1 || kdf.log2N < 10 || kdf.log2N > MAX_LOG2N || kdf.r < 1 || kdf.r > 32 || kdf.p !== 1) {
    throw new WorkspaceFormatError('heeft een beschadigde kop', 'damaged');
  }
  const fixed = Buffer.from(header.subarray(0, HEADER_BYTES));
  const { encryptionKey, checkKey } = await deriveKeys(passphrase, fixed.subarray(16, 32), kdf);
  const expected = keyCheck(checkKey, fixed.subarray(0, 36));
  checkKey.fill(0);
  if (!timingSafeEqual(expected, fixed.subarray(36, 68))) {
    encryptionKey.fill(0);
    throw new WorkspaceFormatError('kan met deze wachtzin niet worden geopend', 'wrong-passphrase');
  }
  return { header: fixed, encryptionKey, noncePrefix: fixed.subarray(32, 36) };
}

function nonceFor(keys: WorkspaceKeys, index: bigint): Buffer {
  const nonce = Buffer.alloc(12);
  keys.noncePrefix.copy(nonce, 0);
  nonce.writeBigUInt64BE(index, 4);
  return nonce;
}

function aadFor(keys: WorkspaceKeys, kind: RecordKind, index: bigint, length: number): Buffer {
  const tail = Buffer.alloc(13);
  tail.writeUInt8(kind, 0);
  tail.writeBigUInt64BE(index, 1);
  tail.writeUInt32LE(length, 9);
  return Buffer.concat([keys.header, tail]);
}

/** One record as it lies in the file: prefix, ciphertext, tag. */
export function sealRecord(keys: WorkspaceKeys, kind: RecordKind, index: bigint, plaintext: Buffer): Buffer {
  const length = plaintext.length + TAG_BYTES;
  if (length > MAX_RECORD_BYTES) throw new Error(`A workspace record of ${length} bytes is too large; use fewer rows per batch.`);
  const cipher = createCipheriv('aes-256-gcm', keys.encryptionKey, nonceFor(keys, index));
  cipher.setAAD(aadFor(keys, kind, index, length));
  const prefix = Buffer.alloc(RECORD_PREFIX_BYTES);
  prefix.writeUInt8(kind, 0);
  prefix.writeUInt32LE(length, 1);
  return Buffer.concat([prefix, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
}

/** Decrypts one record body (ciphertext + tag); a failed tag means damage, truncation or reordering. */
export function openRecord(keys: WorkspaceKeys, kind: RecordKind, index: bigint, body: Buffer): Buffer {
  if (body.length < TAG_BYTES) throw new WorkspaceFormatError('is beschadigd (een record is te kort)', 'damaged');
  const decipher = createDecipheriv('aes-256-gcm', keys.encryptionKey, nonceFor(keys, index));
  decipher.setAAD(aadFor(keys, kind, index, body.length));
  decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw new WorkspaceFormatError('is beschadigd of veranderd nadat het is geschreven (een record doorstaat de integriteitscontrole niet)', 'damaged');
  }
}
