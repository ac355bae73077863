// The differencing store's export file format, serialized and parsed (any damage refuses, naming the file).
//
// An export file: "GBVERSCH" | uint32 LE format version | uint32 LE header length | header (JSON, UTF-8) |
// payload | SHA-256 of everything before it. The header describes the export and its populations; the payload holds
// per population its sorted unit hashes (8 bytes per unit), then per feature its hashes (4 bytes per unit).
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { UserFacingError } from '../common/errors';
import { FEATURE_HASH_BYTES, UNIT_HASH_BYTES, type PopulationFingerprint } from './unit-fingerprints';

export const STORE_FORMAT_VERSION = 1;
const MAGIC = Buffer.from('GBVERSCH', 'ascii');
const PREAMBLE_BYTES = MAGIC.length + 8;
const CHECKSUM_BYTES = 32;

const hexSchema = (bytes: number) => z.string().regex(new RegExp(`^[0-9a-f]{${2 * bytes}}$`));
export const headerSchema = z.strictObject({
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
export type Header = z.infer<typeof headerSchema>;

export interface StoredPopulation {
  id: string;
  label: string;
  outputIds: string[];
  fingerprint: PopulationFingerprint;
}

export function damaged(path: string, reason: string): UserFacingError {
  return new UserFacingError(
    `Het bestand van de verschilcontrole ${path} is beschadigd of onleesbaar (${reason}). Zonder dat bestand kan Groepsbeeld niet ` +
      'nagaan of een nieuwe export samen met eerdere exports een te kleine groep huishoudens verraadt; daarom wordt er niet geëxporteerd. ' +
      'Laat het bestand zien aan de outputcontroleur voordat u het verplaatst of de verschilcontrole leegmaakt.',
  );
}

export function serialize(header: Header, populations: readonly { fingerprint: PopulationFingerprint }[]): Buffer {
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

export function parse(path: string, bytes: Buffer): { header: Header; populations: StoredPopulation[] } {
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
