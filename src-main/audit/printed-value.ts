// What one CSV field of a package says: hidden (x), empty, a number (also inside a text), or a bound ("< 0,001").

/**
 * A printed value as a reader sees it. `decimals` is the number of digits after the decimal comma as printed: it
 * tells how precise a share is ("50 %" lies in [49,5; 50,5], "50,3 %" in [50,25; 50,35]). `text` is a value in
 * words without a number ("varieert"): it states no figure the attacker can use as an equation.
 */
export type PrintedValue =
  | { readonly kind: 'hidden' }
  | { readonly kind: 'empty' }
  | { readonly kind: 'number'; readonly value: number; readonly decimals: number }
  | { readonly kind: 'below'; readonly value: number; readonly decimals: number }
  | { readonly kind: 'text'; readonly text: string };

/** The CSV-injection guard: a text starting like a formula is written with a leading apostrophe. */
const GUARDED = /^'[=+\-@\t\r]/;

/**
 * Words older writers used for a cell without a value (export/cell-text.ts); read as such, never as the number they
 * contain ("geblokkeerd: minder dan 10 eenheden" is not a count of 10).
 */
const HIDDEN_WORDS = [/^x$/i, /^geblokkeerd\b/i, /^secundair onderdrukt$/i];
const EMPTY_WORDS = [/^leeg$/i, /^[-–]$/];

const PLAIN_NUMBER = /^[-−+]?\d+(?:,(\d+))?$/;
const BOUND = /^<\s*([-−+]?\d+(?:,(\d+))?)$/;
/**
 * A number inside a text: with '.' thousands separators (14.000) or without; a sign only where no word or digit
 * precedes it; digits glued to a word ("Cluster3") are part of the word.
 */
const NUMBER_IN_TEXT = /(?<![\p{L}\d.,])[-−+]?\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d.])|(?<![\p{L}\d.,])[-−+]?\d+(?:,\d+)?(?![\d.])/gu;

/** A label as the reader means it: without the injection guard. */
export function labelText(field: string): string {
  return GUARDED.test(field) ? field.slice(1) : field;
}

function dutchNumber(text: string): { value: number; decimals: number } {
  const normal = text.replace('−', '-').replace('+', '').replaceAll('.', '');
  const comma = normal.indexOf(',');
  return { value: Number(normal.replace(',', '.')), decimals: comma < 0 ? 0 : normal.length - comma - 1 };
}

/**
 * Reads a value field. A text with several numbers is read by the one before '%' when there is exactly one such
 * ("1-persoons 30 %"); otherwise it is ambiguous and an error (the caller names file, row and column).
 */
export function parsePrintedValue(field: string): PrintedValue | { readonly error: string } {
  const text = labelText(field).trim();
  if (text === '' || EMPTY_WORDS.some((pattern) => pattern.test(text))) return { kind: 'empty' };
  if (HIDDEN_WORDS.some((pattern) => pattern.test(text))) return { kind: 'hidden' };
  if (PLAIN_NUMBER.test(text)) return { kind: 'number', ...dutchNumber(text) };
  const bound = BOUND.exec(text);
  if (bound) return { kind: 'below', ...dutchNumber(bound[1] as string) };
  const numbers = [...text.matchAll(NUMBER_IN_TEXT)];
  if (numbers.length === 0) return { kind: 'text', text };
  if (numbers.length === 1) return { kind: 'number', ...dutchNumber((numbers[0] as RegExpExecArray)[0]) };
  const beforePercent = numbers.filter((match) => /^\s*%/.test(text.slice((match.index ?? 0) + match[0].length)));
  if (beforePercent.length === 1) return { kind: 'number', ...dutchNumber((beforePercent[0] as RegExpExecArray)[0]) };
  return { error: `"${text}" bevat ${numbers.length} getallen; niet te zeggen welk het gepubliceerde cijfer is` };
}
