// Extension records (type 7) of the dictionary: machine info (3, 4), case count (16), encoding (20),
// name lists (13, 14) and long-string value labels and missing values (21, 22).
import type { RawDictionary, RawExtension } from './dictionary-records';
import { SavFormatError } from './sav-error';
import { resolveEncoding, type ValueDecoder } from './text-decoding';

export function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** A cursor over an extension record's payload, for the subtypes with length-prefixed items (21, 22). */
class PayloadCursor {
  pos = 0;
  private readonly view: DataView;
  constructor(
    private readonly data: Uint8Array,
    private readonly littleEndian: boolean,
  ) {
    this.view = viewOf(data);
  }
  get done(): boolean {
    return this.pos >= this.data.length;
  }
  int32(): number {
    if (this.pos + 4 > this.data.length) throw new RangeError('past the end');
    const value = this.view.getInt32(this.pos, this.littleEndian);
    this.pos += 4;
    return value;
  }
  byte(): number {
    if (this.pos >= this.data.length) throw new RangeError('past the end');
    return this.data[this.pos++] as number;
  }
  bytes(n: number): Uint8Array {
    if (n < 0 || this.pos + n > this.data.length) throw new RangeError('past the end');
    const slice = this.data.subarray(this.pos, this.pos + n);
    this.pos += n;
    return slice;
  }
}

/** "KEY=VALUE" pairs separated by tabs (records 7.13 and 7.14). */
export function keyValuePairs(text: string): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const item of text.split('\t')) {
    const clean = item.replace(/\0/g, '');
    const equals = clean.indexOf('=');
    if (equals > 0) pairs.set(clean.slice(0, equals).trim().toUpperCase(), clean.slice(equals + 1));
  }
  return pairs;
}

export function extensionOf(raw: RawDictionary, subtype: number): RawExtension | undefined {
  return raw.extensions.find((record) => record.subtype === subtype);
}

export interface MachineInfo {
  encoding: string;
  sysmis: number;
  /** The numbers that stand for HI and LO in missing-value ranges. */
  highest: number;
  lowest: number;
  /** -1 when unknown. */
  caseCount: number;
}

export function readMachineInfo(path: string, raw: RawDictionary): MachineInfo {
  const le = raw.littleEndian;
  const extension = (subtype: number): RawExtension | undefined => extensionOf(raw, subtype);
  let characterCode: number | null = null;
  const machineIntegers = extension(3);
  if (machineIntegers && machineIntegers.data.length >= 32) {
    const view = viewOf(machineIntegers.data);
    const floatRep = view.getInt32(16, le);
    if (floatRep !== 1)
      throw new SavFormatError(
        path,
        `getallen zijn opgeslagen in een niet-IEEE-indeling (code ${floatRep}, IBM of VAX), en ` +
          `die wordt niet ondersteund. Sla het bestand opnieuw op met SPSS op een hedendaagse computer.`,
      );
    characterCode = view.getInt32(28, le);
  }
  const encodingRecord = extension(20);
  let encoding: string;
  try {
    encoding = resolveEncoding(encodingRecord ? String.fromCharCode(...encodingRecord.data) : null, characterCode);
  } catch (error) {
    throw new SavFormatError(path, (error as Error).message);
  }
  let sysmis = -Number.MAX_VALUE;
  let highest = Number.MAX_VALUE;
  let lowest = -Number.MAX_VALUE;
  const machineFloats = extension(4);
  if (machineFloats && machineFloats.data.length >= 24) {
    const view = viewOf(machineFloats.data);
    sysmis = view.getFloat64(0, le);
    highest = view.getFloat64(8, le);
    lowest = view.getFloat64(16, le);
  }

  let caseCount = raw.headerCaseCount;
  const extendedCount = extension(16);
  if (extendedCount && extendedCount.data.length >= 16) {
    const count = Number(viewOf(extendedCount.data).getBigInt64(8, le));
    if (count >= 0) caseCount = count;
  }
  if (caseCount < -1) caseCount = -1;
  return { encoding, sysmis, highest, lowest, caseCount };
}

/** Value labels (7.21) and missing values (7.22) of strings wider than 8 bytes, keyed by variable name. */
export function readLongStringRecords(
  path: string,
  raw: RawDictionary,
  text: ValueDecoder,
  onLabel: (name: string, value: string, label: string) => void,
  onMissing: (name: string, value: string) => void,
): void {
  const le = raw.littleEndian;
  const extension = (subtype: number): RawExtension | undefined => extensionOf(raw, subtype);
  try {
    const longLabels = extension(21);
    if (longLabels) {
      const cursor = new PayloadCursor(longLabels.data, le);
      while (!cursor.done) {
        const name = text.text(cursor.bytes(cursor.int32()));
        cursor.int32(); // width
        const count = cursor.int32();
        for (let i = 0; i < count; i++) {
          const value = text.text(cursor.bytes(cursor.int32()));
          const label = text.text(cursor.bytes(cursor.int32()));
          onLabel(name, value, label);
        }
      }
    }
    const longMissing = extension(22);
    if (longMissing) {
      const cursor = new PayloadCursor(longMissing.data, le);
      while (!cursor.done) {
        const name = text.text(cursor.bytes(cursor.int32()));
        const count = cursor.byte();
        const valueLength = cursor.int32();
        for (let i = 0; i < count; i++) {
          onMissing(name, text.text(cursor.bytes(valueLength)));
        }
      }
    }
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new SavFormatError(
      path,
      'het woordenboek is beschadigd: een record met waardelabels of ontbrekende waarden voor lange tekst (7.21/7.22) is afgebroken.',
    );
  }
}
