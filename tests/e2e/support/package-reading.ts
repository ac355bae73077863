// Reads one table back out of every format of a written export package (CSV, XLSX with its number formats, the HTML
// report, the PDF report's drawn text), so a browser test can hold them against the table on screen.
import { strFromU8, unzipSync } from 'fflate';
import { readSheet } from 'read-excel-file/node';

/** A row as the screen shows it: its label and each cell's reading with its mark ("12", "0 a", "x", "–", "varieert"). */
export interface ScreenRow {
  label: string;
  cells: ScreenCell[];
}

export interface ScreenCell {
  /** The reading without its mark, as the export writes the figure (with no-break spaces). */
  reading: string;
  /** "c" or "a", or "" when the cell has no mark. */
  mark: string;
  /** The cell shows words from the main process ("Bijstand 80 % of meer") rather than a figure. */
  words: boolean;
  status: string;
}

/** The reading plus mark, as the HTML and PDF reports write a cell. */
export function displayText(cell: ScreenCell): string {
  return cell.mark === '' ? cell.reading : `${cell.reading} ${cell.mark}`;
}

const NBSP = '\u00a0';

/** A figure as the CSV writes it: decimal comma, no thousands separator, no sign for a positive value, no unit. */
export function csvFigure(reading: string): string {
  return reading
    .replace(/^€\u00a0/, '')
    .replace(/\u00a0%(-punt)?$/, '')
    .replace(/^\+/, '')
    .replaceAll('.', '');
}

// ---- HTML report ----

function unescapeHtml(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replaceAll('&amp;', '&')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>');
}

/** The rows of one table in the HTML report (its section `tabel-<id>`): label and each cell's text and class. */
export function htmlTableRows(html: string, tableId: string): { label: string; cells: { text: string; status: string }[] }[] {
  const start = html.indexOf(`id="tabel-${tableId}"`);
  if (start < 0) throw new Error(`The HTML report has no table ${tableId}.`);
  const end = html.indexOf('</tbody>', start);
  const body = html.slice(html.indexOf('<tbody>', start), end);
  return [...body.matchAll(/<tr[^>]*><th scope="row">(.*?)<\/th>(.*?)<\/tr>/g)].map(([, label, cells]) => ({
    label: unescapeHtml(label ?? ''),
    cells: [...(cells ?? '').matchAll(/<td class="([^"]*)">(.*?)<\/td>/g)].map(([, status, text]) => ({
      status: status ?? '',
      text: unescapeHtml(text ?? ''),
    })),
  }));
}

// ---- PDF report ----

/** The text a pdfkit PDF draws, one line per text operation (the reader the main-process export tests use). */
export { pdfText as pdfDrawnText } from '../../main/export/support/pdf-text';

/** Text without any whitespace: a PDF wraps labels and headings at any character, so rows are compared this way. */
export function squeezed(text: string): string {
  return text.replace(/\s+/gu, '');
}

// ---- CSV ----

/** The CSV's lines (BOM and line ends removed), split on ";" (the test's tables have no quoted fields with ";"). */
export function csvLines(csv: Buffer): string[][] {
  return csv
    .toString('utf8')
    .replace(/^\ufeff/, '')
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => line.split(';').map((field) => (field.startsWith('"') && field.endsWith('"') ? field.slice(1, -1).replaceAll('""', '"') : field)));
}

// ---- XLSX ----

export interface SheetCell {
  value: unknown;
  /** The cell's number format code, when it has one. */
  format: string | null;
}

function columnIndex(reference: string): number {
  const letters = /^[A-Z]+/.exec(reference)?.[0] ?? 'A';
  return [...letters].reduce((sum, letter) => sum * 26 + letter.charCodeAt(0) - 64, 0) - 1;
}

/** Every row of the first sheet: values as read-excel-file reads them, with each cell's number format from the XML. */
export async function sheetRows(xlsx: Buffer): Promise<SheetCell[][]> {
  const values = (await readSheet(xlsx)) as unknown[][];
  const files = unzipSync(xlsx);
  const styles = strFromU8(files['xl/styles.xml']!);
  const codes = new Map(
    [...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"\/>/g)].map(([, id, code]) => [
      Number(id),
      unescapeHtml((code ?? '').replaceAll('&quot;', '"')),
    ]),
  );
  const cellXfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
  const styleFormats = [...cellXfs.matchAll(/<xf\b([^>]*)>/g)].map(([, attributes]) => {
    const id = /numFmtId="(\d+)"/.exec(attributes ?? '')?.[1];
    return id === undefined ? null : (codes.get(Number(id)) ?? null);
  });
  const formats = new Map<string, string | null>();
  const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
  for (const [, reference, style] of sheet.matchAll(/<c r="([A-Z]+\d+)"(?: s="(\d+)")?/g)) {
    formats.set(reference ?? '', style === undefined ? null : (styleFormats[Number(style)] ?? null));
  }
  return values.map((row, rowIndex) =>
    row.map((value, column) => {
      const reference = `${String.fromCharCode(65 + column)}${rowIndex + 1}`;
      if (columnIndex(reference) !== column) throw new Error('More than 26 columns: not supported here.');
      return { value, format: formats.get(reference) ?? null };
    }),
  );
}

/** A number as Dutch Excel shows it under a format code such as '#,##0', '0.0" %"' or '+0.0;-0.0;0.0'. */
export function excelDutch(value: number, code: string): string {
  const sections = code.match(/(?:"[^"]*"|[^;])+/g) ?? [code];
  let section = sections[0] ?? '';
  let shown = value;
  if (sections.length >= 3 && value === 0) section = sections[2] ?? section;
  else if (sections.length >= 2 && value < 0) {
    section = sections[1] ?? section;
    shown = -value;
  }
  return section.replace(/"([^"]*)"|([#0,.]+)/g, (_, literal: string | undefined, pattern: string | undefined) => {
    if (literal !== undefined) return literal;
    const decimals = (pattern?.split('.')[1] ?? '').length;
    return new Intl.NumberFormat('nl-NL', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      useGrouping: pattern?.includes(',') ?? false,
    }).format(shown);
  });
}

/** The screen's reading with the no-break spaces a spreadsheet format writes as plain spaces. */
export function withPlainSpaces(text: string): string {
  return text.replaceAll(NBSP, ' ');
}
