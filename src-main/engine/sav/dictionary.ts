// Turns the raw dictionary records into the analyst's variables (long names, very long strings, labels, missing values)
// and the byte layout the data decoder needs.
import { decodeFormat, valueKindOf } from './formats';
import type { RawDictionary, RawExtension, RawVariableRecord } from './dictionary-records';
import { extensionOf, keyValuePairs, readLongStringRecords, readMachineInfo, viewOf } from './extension-records';
import { SavFormatError } from './sav-error';
import { ValueDecoder } from './text-decoding';
import type { SavMissingValues, SavValueKind, SavVariable } from './types';

/** Where a variable's bytes are in one case, and how to tell its missing values. */
export interface ColumnLayout {
  kind: SavValueKind;
  /** Byte offset of a numeric value in the case. */
  offset: number;
  /** For strings: [offset, length] pairs of the stored pieces (one, or several for a very long string). */
  segments: [number, number][];
  width: number;
  missingValues: number[];
  missingLow: number;
  missingHigh: number;
  missingTexts: Set<string>;
}

export interface SavDictionary {
  encoding: string;
  variables: SavVariable[];
  layouts: ColumnLayout[];
  /** Bytes per case (8 per slot). */
  caseBytes: number;
  caseCount: number;
  sysmis: number;
  fileLabel: string;
  documents: string[];
  productName: string;
}

/**
 * A very long string of width w is stored as ceil(w / 252) string variables: each but the last of width 255
 * (all 255 bytes are text), the last of width w - 252 * (n - 1); joined, the first w bytes are the value.
 */
const SEGMENT_STEP = 252;

const MEASURES: Record<number, SavVariable['measure']> = { 1: 'nominal', 2: 'ordinal', 3: 'scale' };

export function buildDictionary(path: string, raw: RawDictionary): SavDictionary {
  const le = raw.littleEndian;
  const extension = (subtype: number): RawExtension | undefined => extensionOf(raw, subtype);

  const { encoding, sysmis, highest, lowest, caseCount } = readMachineInfo(path, raw);
  const text = new ValueDecoder(encoding);

  const longNamesRecord = extension(13);
  const longNames = longNamesRecord ? keyValuePairs(text.text(longNamesRecord.data)) : new Map<string, string>();
  const veryLongRecord = extension(14);
  const veryLong = veryLongRecord ? keyValuePairs(text.text(veryLongRecord.data)) : new Map<string, string>();

  const display = extension(11);
  const perRecord = display && raw.variables.length > 0 ? display.count / raw.variables.length : 0;
  const displayView = display ? viewOf(display.data) : null;

  const variables: SavVariable[] = [];
  const layouts: ColumnLayout[] = [];
  const bySlot = new Map<number, number>();
  const byName = new Map<string, number>();

  for (let index = 0; index < raw.variables.length; index++) {
    const record = raw.variables[index] as RawVariableRecord;
    const shortName = text.text(record.name).toUpperCase();
    const type = record.width === 0 ? 'numeric' : 'string';
    let width = record.width;
    const segments: [number, number][] = [[record.slot * 8, record.width]];
    const declared = veryLong.get(shortName);
    if (declared !== undefined && type === 'string') {
      const total = Number.parseInt(declared, 10);
      if (Number.isFinite(total) && total > 255) {
        const count = Math.ceil(total / SEGMENT_STEP);
        segments.length = 0;
        for (let k = 0; k < count; k++) {
          const segment = raw.variables[index + k];
          if (!segment || segment.width === 0)
            throw new SavFormatError(
              path,
              `het woordenboek is beschadigd: bij de zeer lange tekstvariabele ${shortName} (${total} bytes) ontbreekt segment ${k + 1}.`,
            );
          segments.push([segment.slot * 8, segment.width]);
        }
        width = total;
      }
    }
    const printFormat = decodeFormat(record.printFormat);
    const missing: SavMissingValues = { values: [], range: null };
    const layout: ColumnLayout = {
      kind: valueKindOf(type, printFormat),
      offset: record.slot * 8,
      segments,
      width,
      missingValues: [],
      missingLow: Number.NaN,
      missingHigh: Number.NaN,
      missingTexts: new Set(),
    };
    if (type === 'numeric') {
      const numbers = record.missingValues.map((bytes) => viewOf(bytes).getFloat64(0, le));
      const discrete = record.missingCount < 0 ? numbers.slice(2) : numbers;
      if (record.missingCount < 0) {
        // LO and HI are stored as the file's lowest/highest numbers; they mean "no bound".
        const low = numbers[0] as number;
        const high = numbers[1] as number;
        missing.range = { low: low === lowest ? -Infinity : low, high: high === highest ? Infinity : high };
        layout.missingLow = missing.range.low;
        layout.missingHigh = missing.range.high;
      }
      missing.values.push(...discrete);
      layout.missingValues.push(...discrete);
    } else {
      for (const bytes of record.missingValues) {
        const value = text.text(bytes);
        missing.values.push(value);
        layout.missingTexts.add(value);
      }
    }
    let measure: SavVariable['measure'] = 'unknown';
    if (displayView && (perRecord === 2 || perRecord === 3)) measure = MEASURES[displayView.getInt32(index * perRecord * 4, le)] ?? 'unknown';
    const name = longNames.get(shortName) ?? shortName;
    bySlot.set(record.slot + 1, variables.length);
    byName.set(name.toUpperCase(), variables.length);
    byName.set(shortName, variables.length);
    variables.push({
      name,
      shortName,
      label: record.label ? text.text(record.label) : null,
      type,
      width: type === 'numeric' ? 0 : width,
      printFormat,
      writeFormat: decodeFormat(record.writeFormat),
      kind: layout.kind,
      valueLabels: new Map(),
      missing,
      measure,
    });
    layouts.push(layout);
    index += segments.length - 1;
  }

  for (const set of raw.valueLabels) {
    for (const slot of set.slots) {
      const position = bySlot.get(slot);
      const variable = position === undefined ? undefined : variables[position];
      if (!variable)
        throw new SavFormatError(path, `het woordenboek is beschadigd: waardelabels wijzen naar variabelepositie ${slot}, en daar begint geen variabele.`);
      for (const entry of set.entries) {
        const key = variable.type === 'numeric' ? viewOf(entry.value).getFloat64(0, le) : text.text(entry.value);
        variable.valueLabels.set(key, text.text(entry.label));
      }
    }
  }

  const byLongName = (name: string): number | undefined => byName.get(name.toUpperCase());
  readLongStringRecords(
    path,
    raw,
    text,
    (name, value, label) => {
      const position = byLongName(name);
      if (position !== undefined) variables[position]?.valueLabels.set(value, label);
    },
    (name, value) => {
      const position = byLongName(name);
      if (position === undefined) return;
      variables[position]?.missing.values.push(value);
      layouts[position]?.missingTexts.add(value);
    },
  );

  const caseBytes = raw.slotCount * 8;
  return {
    encoding,
    variables,
    layouts,
    caseBytes,
    caseCount,
    sysmis,
    fileLabel: text.text(raw.fileLabel),
    documents: raw.documents.map((line) => text.text(line)),
    productName: text.text(raw.productName),
  };
}
