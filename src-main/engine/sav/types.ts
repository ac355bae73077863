// Public types of the .sav reader: the dictionary as the analyst sees it, and the column batches of the data.

/** A print or write format, e.g. F8.2, A9, DATE11. */
export interface SavFormat {
  /** SPSS name of the format type, e.g. 'F', 'A', 'DATE', or 'FORMAT<code>' for an unknown code. */
  type: string;
  width: number;
  decimals: number;
}

export interface SavMissingValues {
  /** Discrete user-missing values (numbers for numeric variables, trimmed text for strings). */
  values: (number | string)[];
  /** An inclusive range of user-missing numbers; LO and HI come out as -Infinity and Infinity. */
  range: { low: number; high: number } | null;
}

/**
 * How a variable's values come out of a batch: plain numbers, text (keys stay text with their
 * leading zeros), or SPSS date/date-time numbers converted to ISO text ('YYYY-MM-DD', 'YYYY-MM-DDTHH:MM:SS').
 */
export type SavValueKind = 'number' | 'string' | 'date' | 'datetime';

export interface SavVariable {
  /** Long name (record 7.13) when present, else the short name. */
  name: string;
  shortName: string;
  label: string | null;
  type: 'numeric' | 'string';
  /** String width in bytes (very long strings reassembled); 0 for numeric variables. */
  width: number;
  printFormat: SavFormat;
  writeFormat: SavFormat;
  kind: SavValueKind;
  valueLabels: Map<number | string, string>;
  missing: SavMissingValues;
  measure: 'nominal' | 'ordinal' | 'scale' | 'unknown';
}

/** Per value of a numeric column: 0 valid, 1 system-missing, 2 user-missing. */
export const VALID = 0;
export const SYSTEM_MISSING = 1;
export const USER_MISSING = 2;

export type SavColumn =
  /** Missing values (system or user) are NaN in `values` and flagged in `missing`. */
  | { kind: 'number'; values: Float64Array; missing: Uint8Array }
  /** Text, trailing spaces trimmed; null for missing (user-missing text, or a missing date). */
  | { kind: 'string' | 'date' | 'datetime'; values: (string | null)[] };

export interface SavBatch {
  /** 0-based number of the batch's first case in the file. */
  firstCase: number;
  rowCount: number;
  /** One column per variable, in `SavFile.variables` order. */
  columns: SavColumn[];
}

export type SavCompression = 'none' | 'bytecode' | 'zlib';
