// Turns a buffer of whole cases (row-major 8-byte slots) into one typed column per variable.
import { endianness } from 'node:os';
import type { ColumnLayout } from './dictionary';
import { spssDateTimeToIso, spssDateToIso } from './formats';
import type { ValueDecoder } from './text-decoding';
import { SYSTEM_MISSING, USER_MISSING, type SavColumn } from './types';

const HOST_LITTLE_ENDIAN = endianness() === 'LE';

export interface CaseBufferFormat {
  caseBytes: number;
  littleEndian: boolean;
  sysmis: number;
  layouts: ColumnLayout[];
  text: ValueDecoder;
}

function isUserMissing(value: number, layout: ColumnLayout): boolean {
  if (value >= layout.missingLow && value <= layout.missingHigh) return true;
  const discrete = layout.missingValues;
  for (let i = 0; i < discrete.length; i++) if (discrete[i] === value) return true;
  return false;
}

/** Numbers of one variable across the cases; the file's byte order is honoured, same-order files read through a Float64Array. */
function readNumbers(cases: Uint8Array, rowCount: number, layout: ColumnLayout, format: CaseBufferFormat): SavColumn & { kind: 'number' } {
  const values = new Float64Array(rowCount);
  const missing = new Uint8Array(rowCount);
  const { caseBytes, sysmis } = format;
  const checkUser = layout.missingValues.length > 0 || !Number.isNaN(layout.missingLow);
  const sameOrder = format.littleEndian === HOST_LITTLE_ENDIAN;
  const slots = sameOrder ? new Float64Array(cases.buffer, cases.byteOffset, (rowCount * caseBytes) / 8) : null;
  const view = new DataView(cases.buffer, cases.byteOffset, cases.byteLength);
  const stride = caseBytes / 8;
  const slot = layout.offset / 8;
  for (let row = 0; row < rowCount; row++) {
    const value = slots ? (slots[row * stride + slot] as number) : view.getFloat64(row * caseBytes + layout.offset, format.littleEndian);
    if (value === sysmis || value !== value) {
      values[row] = Number.NaN;
      missing[row] = SYSTEM_MISSING;
    } else if (checkUser && isUserMissing(value, layout)) {
      values[row] = Number.NaN;
      missing[row] = USER_MISSING;
    } else {
      values[row] = value;
    }
  }
  return { kind: 'number', values, missing };
}

function readTexts(cases: Uint8Array, rowCount: number, layout: ColumnLayout, format: CaseBufferFormat): (string | null)[] {
  const values = new Array<string | null>(rowCount);
  const { caseBytes, text } = format;
  const checkMissing = layout.missingTexts.size > 0;
  const segments = layout.segments;
  if (segments.length === 1) {
    const [offset, length] = segments[0] as [number, number];
    for (let row = 0, start = offset; row < rowCount; row++, start += caseBytes) {
      const value = text.decode(cases, start, start + length);
      values[row] = checkMissing && layout.missingTexts.has(value) ? null : value;
    }
    return values;
  }
  // A very long string: its pieces are joined before decoding, so a character split across pieces stays whole.
  const joined = new Uint8Array(segments.reduce((sum, [, pieceLength]) => sum + pieceLength, 0));
  for (let row = 0; row < rowCount; row++) {
    let length = 0;
    for (const [offset, pieceLength] of segments) {
      const start = row * caseBytes + offset;
      joined.set(cases.subarray(start, start + pieceLength), length);
      length += pieceLength;
    }
    const value = text.decode(joined, 0, Math.min(length, layout.width));
    values[row] = checkMissing && layout.missingTexts.has(value) ? null : value;
  }
  return values;
}

export function casesToColumns(cases: Uint8Array, rowCount: number, format: CaseBufferFormat): SavColumn[] {
  return format.layouts.map((layout): SavColumn => {
    if (layout.kind === 'string') return { kind: 'string', values: readTexts(cases, rowCount, layout, format) };
    const numbers = readNumbers(cases, rowCount, layout, format);
    if (layout.kind === 'number') return numbers;
    const toIso = layout.kind === 'date' ? spssDateToIso : spssDateTimeToIso;
    const texts = new Array<string | null>(rowCount);
    for (let row = 0; row < rowCount; row++) texts[row] = numbers.missing[row] === 0 ? toIso(numbers.values[row] as number) : null;
    return { kind: layout.kind, values: texts };
  });
}
