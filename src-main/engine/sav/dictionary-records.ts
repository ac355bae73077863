// Reads the file header and the dictionary records (types 2, 3+4, 6, 7, 999) as raw bytes, up to the data.
import type { FileByteSource } from './byte-source';
import { SavFormatError } from './sav-error';

const HEADER_BYTES = 176;
/** A single record larger than this is corruption, not a dictionary. */
const MAX_RECORD_BYTES = 256 * 1024 * 1024;

export interface RawVariableRecord {
  /** 0-based index of the variable's first 8-byte slot in a case. */
  slot: number;
  /** 0 numeric, 1..255 string width in bytes. */
  width: number;
  name: Uint8Array;
  label: Uint8Array | null;
  /** 0..3 discrete, -2 range, -3 range plus one discrete value. */
  missingCount: number;
  /** Raw 8-byte missing values, in the file's byte order. */
  missingValues: Uint8Array[];
  printFormat: number;
  writeFormat: number;
}

export interface RawValueLabels {
  entries: { value: Uint8Array; label: Uint8Array }[];
  /** 1-based slot indices of the variables the labels apply to (record type 4). */
  slots: number[];
}

export interface RawExtension {
  subtype: number;
  size: number;
  count: number;
  data: Uint8Array;
}

export interface RawDictionary {
  littleEndian: boolean;
  zlib: boolean;
  productName: Uint8Array;
  compressionCode: number;
  weightSlot: number;
  headerCaseCount: number;
  bias: number;
  created: string;
  fileLabel: Uint8Array;
  variables: RawVariableRecord[];
  slotCount: number;
  valueLabels: RawValueLabels[];
  documents: Uint8Array[];
  extensions: RawExtension[];
}

const ascii = (bytes: Uint8Array): string => String.fromCharCode(...bytes);

async function readHeader(source: FileByteSource): Promise<Omit<RawDictionary, 'variables' | 'slotCount' | 'valueLabels' | 'documents' | 'extensions'>> {
  const size = await source.size();
  if (size === 0) throw new SavFormatError(source.path, 'het bestand is leeg (0 bytes) en dus geen SPSS-bestand (.sav). Exporteer het opnieuw uit SPSS.');
  await source.need(Math.min(size, 4), 'in de kop van het bestand');
  const magic = ascii(source.bytes.subarray(0, Math.min(size, 4)));
  if (magic !== '$FL2' && magic !== '$FL3') {
    throw new SavFormatError(
      source.path,
      `dit is geen SPSS-bestand (.sav): het zou moeten beginnen met "$FL2", maar ` +
        `begint met ${JSON.stringify(magic)}. Controleer of u het goede bestand hebt gekozen.`,
    );
  }
  await source.need(HEADER_BYTES, 'in de kop van het bestand (de eerste 176 bytes)');
  const view = source.view;
  const layoutLe = view.getInt32(64, true);
  const layoutBe = view.getInt32(64, false);
  let littleEndian: boolean;
  if (layoutLe === 2 || layoutLe === 3) littleEndian = true;
  else if (layoutBe === 2 || layoutBe === 3) littleEndian = false;
  else throw new SavFormatError(source.path, `de kop van het bestand is beschadigd: indelingscode ${layoutLe} is in geen van beide bytevolgordes 2 of 3.`);
  source.littleEndian = littleEndian;
  const productName = source.bytes.slice(4, 64);
  source.skip(68);
  source.int32(); // nominal case size: often wrong in files from other writers; the variable records are the truth
  const compressionCode = source.int32();
  const weightSlot = source.int32();
  const headerCaseCount = source.int32();
  const bias = source.float64();
  const created = `${ascii(source.take(9))} ${ascii(source.take(8))}`.trim();
  const fileLabel = source.take(64);
  source.skip(3);
  return { littleEndian, zlib: magic === '$FL3', productName, compressionCode, weightSlot, headerCaseCount, bias, created, fileLabel };
}

async function readVariable(source: FileByteSource, slot: number): Promise<RawVariableRecord | 'continuation'> {
  const where = `in variabelerecord ${slot + 1} van het woordenboek`;
  await source.need(28, where);
  const width = source.int32();
  const hasLabel = source.int32();
  const missingCount = source.int32();
  const printFormat = source.int32();
  const writeFormat = source.int32();
  const name = source.take(8);
  let label: Uint8Array | null = null;
  if (hasLabel === 1) {
    await source.need(4, where);
    const length = source.int32();
    if (length < 0 || length > 65535) throw new SavFormatError(source.path, `het woordenboek is beschadigd: een variabelelabel van ${length} bytes ${where}.`);
    const padded = Math.ceil(length / 4) * 4;
    await source.need(padded, where);
    label = source.take(length);
    source.skip(padded - length);
  }
  const missingValues: Uint8Array[] = [];
  if (missingCount !== 0) {
    const n = Math.abs(missingCount);
    if (n > 3 || missingCount === -1)
      throw new SavFormatError(source.path, `het woordenboek is beschadigd: aantal ontbrekende waarden ${missingCount} ${where}.`);
    await source.need(n * 8, where);
    for (let i = 0; i < n; i++) missingValues.push(source.take(8));
  }
  if (width === -1) return 'continuation';
  if (width < 0 || width > 255) throw new SavFormatError(source.path, `het woordenboek is beschadigd: variabeletype ${width} ${where}.`);
  return { slot, width, name, label, missingCount, missingValues, printFormat, writeFormat };
}

async function readValueLabels(source: FileByteSource): Promise<RawValueLabels> {
  const where = 'in een record met waardelabels';
  await source.need(4, where);
  const count = source.int32();
  if (count < 0 || count > 1_000_000) throw new SavFormatError(source.path, `het woordenboek is beschadigd: ${count} waardelabels in één record.`);
  const entries: RawValueLabels['entries'] = [];
  for (let i = 0; i < count; i++) {
    await source.need(9, where);
    const value = source.take(8);
    const length = source.bytes[source.pos] as number;
    const padded = Math.ceil((length + 1) / 8) * 8 - 1;
    source.skip(1);
    await source.need(padded, where);
    const label = source.take(length);
    source.skip(padded - length);
    entries.push({ value, label });
  }
  await source.need(8, where);
  const recordType = source.int32();
  if (recordType !== 4)
    throw new SavFormatError(source.path, `het woordenboek is beschadigd: na een record met waardelabels volgt recordtype ${recordType} in plaats van 4.`);
  const varCount = source.int32();
  if (varCount < 0 || varCount > 1_000_000) throw new SavFormatError(source.path, `het woordenboek is beschadigd: waardelabels voor ${varCount} variabelen.`);
  await source.need(varCount * 4, where);
  const slots: number[] = [];
  for (let i = 0; i < varCount; i++) slots.push(source.int32());
  return { entries, slots };
}

/** Reads header and dictionary; on return `source` is positioned at the first byte after record 999. */
export async function readDictionary(source: FileByteSource): Promise<RawDictionary> {
  const header = await readHeader(source);
  const variables: RawVariableRecord[] = [];
  const valueLabels: RawValueLabels[] = [];
  const documents: Uint8Array[] = [];
  const extensions: RawExtension[] = [];
  let slotCount = 0;
  for (;;) {
    const recordOffset = source.offset;
    await source.need(4, 'in het woordenboek (vóór het eindteken, record 999)');
    const recordType = source.int32();
    if (recordType === 2) {
      const record = await readVariable(source, slotCount);
      if (record !== 'continuation') variables.push(record);
      slotCount++;
    } else if (recordType === 3) {
      valueLabels.push(await readValueLabels(source));
    } else if (recordType === 6) {
      await source.need(4, 'in het documentrecord');
      const lines = source.int32();
      if (lines < 0 || lines * 80 > MAX_RECORD_BYTES) throw new SavFormatError(source.path, `het woordenboek is beschadigd: een document van ${lines} regels.`);
      await source.need(lines * 80, 'in het documentrecord');
      for (let i = 0; i < lines; i++) documents.push(source.take(80));
    } else if (recordType === 7) {
      await source.need(12, 'in een uitbreidingsrecord (type 7)');
      const subtype = source.int32();
      const size = source.int32();
      const count = source.int32();
      const bytes = size * count;
      if (size < 0 || count < 0 || bytes > MAX_RECORD_BYTES)
        throw new SavFormatError(source.path, `het woordenboek is beschadigd: uitbreidingsrecord 7.${subtype} claimt ${size} x ${count} bytes.`);
      await source.need(bytes, `in uitbreidingsrecord 7.${subtype}`);
      extensions.push({ subtype, size, count, data: source.take(bytes) });
    } else if (recordType === 999) {
      await source.need(4, 'in het eindteken van het woordenboek (record 999)');
      source.skip(4);
      return { ...header, variables, slotCount, valueLabels, documents, extensions };
    } else {
      throw new SavFormatError(
        source.path,
        `niet ondersteund of beschadigd woordenboek: recordtype ${recordType} bij byte ${recordOffset} (verwacht: 2, 3, 6, 7 of 999).`,
      );
    }
  }
}
