// A small streaming .sav writer for tests and benchmarks: numeric and string (<= 255) variables, either byte order,
// uncompressed or bytecode-compressed, so tests can make big or odd files that PSPP would not.
import { open } from 'node:fs/promises';

export interface WriterVariable {
  /** Short name, at most 8 ASCII characters. */
  name: string;
  /** 0 for numeric, else the string width (1..255). */
  width: number;
  /** Print format code (5 = F, 1 = A, 16 = N, 20 = DATE); defaults by type. */
  formatType?: number;
  /** Numeric variables: print width and decimals (default 8.2, DATE 11.0). */
  formatWidth?: number;
  decimals?: number;
  /** Long name (record 7.13), e.g. RINPERSOON for the short name RINPERSO. */
  longName?: string;
}

export interface WriteSavOptions {
  variables: WriterVariable[];
  caseCount: number;
  /** Values of one case: numbers (null = system-missing) for numeric variables, text for strings. */
  caseValues: (index: number) => (number | string | null)[];
  compression?: 0 | 1;
  littleEndian?: boolean;
  /** Case count written to the header (default `caseCount`; -1 = unknown). */
  headerCaseCount?: number;
  /** Overrides the compression code in the header (to make a damaged file). */
  headerCompressionCode?: number;
  encoding?: 'UTF-8' | 'windows-1252';
  /** Ends compressed data with code 252 and 64 bytes of trailing junk after it, as some writers do. */
  endCode?: boolean;
  /** Leaves out record 7.20 so readers must fall back on the code page of record 7.3. */
  omitEncodingRecord?: boolean;
}

const BIAS = 100;
const SYSMIS = -Number.MAX_VALUE;
const FLUSH_BYTES = 4 * 1024 * 1024;

class Output {
  buffer = new Uint8Array(FLUSH_BYTES + 4096);
  view = new DataView(this.buffer.buffer);
  length = 0;
  constructor(readonly littleEndian: boolean) {}
  int32(value: number): void {
    this.view.setInt32(this.length, value, this.littleEndian);
    this.length += 4;
  }
  float64(value: number): void {
    this.view.setFloat64(this.length, value, this.littleEndian);
    this.length += 8;
  }
  bytes(bytes: Uint8Array): void {
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }
  text(value: string, width: number): void {
    const bytes = new Uint8Array(width).fill(0x20);
    bytes.set(new TextEncoder().encode(value).subarray(0, width));
    this.bytes(bytes);
  }
}

function slotsOf(variable: WriterVariable): number {
  return variable.width === 0 ? 1 : Math.ceil(variable.width / 8);
}

function writeDictionary(out: Output, options: WriteSavOptions): void {
  const slots = options.variables.reduce((sum, variable) => sum + slotsOf(variable), 0);
  out.text('$FL2', 4);
  out.text('@(#) SPSS DATA FILE groepsbeeld test writer', 60);
  out.int32(2);
  out.int32(slots);
  out.int32(options.headerCompressionCode ?? options.compression ?? 0);
  out.int32(0);
  out.int32(options.headerCaseCount ?? options.caseCount);
  out.float64(BIAS);
  out.text('01 Jan 26', 9);
  out.text('12:00:00', 8);
  out.text('', 64);
  out.text('', 3);
  for (const variable of options.variables) {
    const formatType = variable.formatType ?? (variable.width === 0 ? 5 : 1);
    const date = formatType === 20;
    const numberFormat = ((variable.formatWidth ?? (date ? 11 : 8)) << 8) | (variable.decimals ?? (date ? 0 : 2));
    const format = (formatType << 16) | (variable.width === 0 ? numberFormat : variable.width << 8);
    out.int32(2);
    out.int32(variable.width);
    out.int32(0);
    out.int32(0);
    out.int32(format);
    out.int32(format);
    out.text(variable.name, 8);
    for (let i = 1; i < slotsOf(variable); i++) {
      out.int32(2);
      out.int32(-1);
      out.int32(0);
      out.int32(0);
      out.int32(0);
      out.int32(0);
      out.text('', 8);
    }
  }
  const encoding = options.encoding ?? 'UTF-8';
  // Machine integer info: version 1.0.0, machine -1, IEEE floats, compression, byte order (1 big, 2 little), code page.
  const order = out.littleEndian ? 2 : 1;
  for (const value of [7, 3, 4, 8, 1, 0, 0, -1, 1, options.compression ?? 0, order, encoding === 'UTF-8' ? 65001 : 1252]) out.int32(value);
  for (const value of [7, 4, 8, 3]) out.int32(value);
  out.float64(SYSMIS);
  out.float64(Number.MAX_VALUE);
  out.float64(-Number.MAX_VALUE);
  if (!options.omitEncodingRecord) {
    for (const value of [7, 20, 1, encoding.length]) out.int32(value);
    out.text(encoding, encoding.length);
  }
  const longNames = options.variables.flatMap((variable) => (variable.longName ? [`${variable.name}=${variable.longName}`] : [])).join('\t');
  if (longNames) {
    const bytes = new TextEncoder().encode(longNames);
    for (const value of [7, 13, 1, bytes.length]) out.int32(value);
    out.bytes(bytes);
  }
  out.int32(999);
  out.int32(0);
}

/** Writes the file in 4 MB pieces; memory stays flat however many cases. */
export async function writeSav(path: string, options: WriteSavOptions): Promise<void> {
  const littleEndian = options.littleEndian ?? true;
  const out = new Output(littleEndian);
  const handle = await open(path, 'w');
  const encoder = new TextEncoder();
  const latin1 = options.encoding === 'windows-1252';
  const flush = async (force: boolean): Promise<void> => {
    if (out.length >= FLUSH_BYTES || (force && out.length > 0)) {
      await handle.write(out.buffer, 0, out.length);
      out.length = 0;
    }
  };
  try {
    writeDictionary(out, options);
    // Bytecode compression: 8 codes, then the raw 8-byte values those codes call for.
    const control = new Uint8Array(8);
    let codes = 0;
    const pending = new Uint8Array(64);
    let pendingLength = 0;
    const emit = (code: number, raw: Uint8Array | null, at: number): void => {
      control[codes++] = code;
      if (raw) {
        pending.set(raw.subarray(at, at + 8), pendingLength);
        pendingLength += 8;
      }
      if (codes === 8) {
        out.bytes(control);
        out.bytes(pending.subarray(0, pendingLength));
        codes = 0;
        pendingLength = 0;
      }
    };
    const slot = new Uint8Array(8);
    const slotView = new DataView(slot.buffer);
    const scratch = options.variables.map((variable) => new Uint8Array(slotsOf(variable) * 8));
    const compressed = options.compression === 1;
    for (let index = 0; index < options.caseCount; index++) {
      const values = options.caseValues(index);
      for (let column = 0; column < options.variables.length; column++) {
        const variable = options.variables[column]!;
        const value = values[column] ?? null;
        if (variable.width === 0) {
          const number = typeof value === 'number' ? value : SYSMIS;
          if (!compressed) out.float64(number);
          else if (value === null) emit(255, null, 0);
          else if (Number.isInteger(number) && number + BIAS >= 1 && number + BIAS <= 251) emit(number + BIAS, null, 0);
          else {
            slotView.setFloat64(0, number, littleEndian);
            emit(253, slot, 0);
          }
          continue;
        }
        const bytes = scratch[column]!;
        bytes.fill(0x20);
        const text = String(value ?? '');
        if (latin1) for (let i = 0; i < Math.min(text.length, variable.width); i++) bytes[i] = text.charCodeAt(i);
        else encoder.encodeInto(text, bytes.subarray(0, variable.width));
        if (!compressed) {
          out.bytes(bytes);
          continue;
        }
        for (let at = 0; at < bytes.length; at += 8) {
          let blank = true;
          for (let i = at; i < at + 8; i++) if (bytes[i] !== 0x20) blank = false;
          if (blank) emit(254, null, 0);
          else emit(253, bytes, at);
        }
      }
      if (out.length >= FLUSH_BYTES) await flush(false);
    }
    if (options.endCode) control[codes++] = 252;
    if (codes > 0) {
      control.fill(0, codes);
      out.bytes(control);
      out.bytes(pending.subarray(0, pendingLength));
    }
    if (options.endCode) out.bytes(new Uint8Array(64));
    await flush(true);
  } finally {
    await handle.close();
  }
}
