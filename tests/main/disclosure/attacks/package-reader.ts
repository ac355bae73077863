// Reads a written export package as an attacker (or an output checker auditing it) would: every CSV as rows of a
// label and figures parsed from Dutch text, each hidden cell recognised whatever word marks it, and the XLSX twin of
// each CSV for the full-precision numbers the sheets carry. Nothing here knows how the app computed the figures.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import readXlsxFile from 'read-excel-file/node';

/** A closed interval of real numbers a published figure allows for the value it was computed from. */
export interface Range {
  lo: number;
  hi: number;
}

/** One cell of a CSV as read: its text, whether it hides a value, and the number it states (with its precision). */
export interface Figure {
  text: string;
  /** The cell hides its value (today "geblokkeerd: …" or "secundair onderdrukt"; in the coming format "x"). */
  hidden: boolean;
  /** The number in the text ("32,5" → 32.5, "Paar 50,3 %" → 50.3, "EUR 14.000" → 14000, "< 0,001" → 0.001). */
  value: number | null;
  /** Decimals written after the comma (0 for "32", 1 for "32,5"); for `precise`, the decimals of the sheet's number. */
  decimals: number;
  /** "<" for "< 0,001" or "< 10", ">" for "> 0,999": the value is a bound, not the figure itself. */
  bound: '<' | '>' | null;
  /** The words before the number, e.g. "Paar" in "Paar 50 %"; "" when there are none. */
  label: string;
  /** What follows the number: "%", "jaar", "personen", …; "EUR" for a leading "EUR". */
  unit: string;
  /** The same cell's number in the XLSX, when the sheet holds a number there (often at more precision). */
  precise: number | null;
}

export interface Row {
  label: string;
  /** The row's cells after the label, one per header column after the first. */
  figures: Figure[];
  /** The XLSX's status column for the row, when the sheet has one (today "x s", "s", "c"). */
  status: string | null;
}

export interface Table {
  /** File name without ".csv". */
  name: string;
  header: string[];
  rows: Row[];
  /** Lines that started with "#" (the coming format puts the thresholds there). */
  comments: string[];
  /** The XLSX's lines above the header (title, "Populatie: …") and below the rows (notes), as text. */
  sheetPreamble: string[];
  sheetNotes: string[];
}

export interface Package {
  folder: string;
  tables: Map<string, Table>;
  /** Every file name in the folder. */
  files: string[];
}

const HIDDEN_WORDS = [/^x$/i, /geblokkeerd/i, /onderdrukt/i, /^[✕×•*]$/, /^\.$/];

export function isHiddenText(text: string): boolean {
  const trimmed = text.trim();
  return HIDDEN_WORDS.some((pattern) => pattern.test(trimmed));
}

/** The shortest decimal representation's digits after the point (exponent notation counts as full precision). */
export function decimalsOf(value: number): number {
  const text = String(value);
  if (/e/i.test(text)) return 17;
  const point = text.indexOf('.');
  return point === -1 ? 0 : text.length - point - 1;
}

/** Parses a Dutch number ("11.346", "32,5", "-2,0", "−1,3"); null when the text holds none. */
function parseDutchNumber(text: string): { value: number; decimals: number } | null {
  const match = /^[-−]?\d{1,3}(?:\.\d{3})+(?:,\d+)?$|^[-−]?\d+(?:,\d+)?$/.exec(text);
  if (!match) return null;
  const normal = text.replace('−', '-').replaceAll('.', '').replace(',', '.');
  const comma = text.indexOf(',');
  return { value: Number(normal), decimals: comma === -1 ? 0 : text.length - comma - 1 };
}

/** One CSV cell as a figure. */
export function parseFigure(raw: string): Figure {
  const text = raw.replace(/\s+/g, ' ').trim();
  const figure: Figure = { text, hidden: isHiddenText(text), value: null, decimals: 0, bound: null, label: '', unit: '', precise: null };
  if (figure.hidden || text === '') return figure;
  // [label] [<|>] [EUR] number [unit]
  const match = /^(.*?)\s*([<>≤≥])?\s*(EUR\s*)?([-−]?[\d.]*\d(?:,\d+)?)\s*(%|[a-zA-Zé]+)?$/.exec(text);
  if (!match) return figure;
  const parsed = parseDutchNumber(match[4]!);
  if (!parsed) return figure;
  figure.value = parsed.value;
  figure.decimals = parsed.decimals;
  figure.label = match[1]!.trim();
  figure.bound = match[2] === '<' || match[2] === '≤' ? '<' : match[2] === '>' || match[2] === '≥' ? '>' : null;
  figure.unit = match[3] ? 'EUR' : (match[5] ?? '');
  return figure;
}

/**
 * The values a figure allows: its number ± half a unit of its last written digit (from the sheet's number when it
 * has one: full precision there is taken as exact up to 1e-7 relative, room for another implementation's rounding), or the half-line a bound gives. Null when
 * the cell states no number.
 */
export function figureRange(figure: Figure, scale = 1): Range | null {
  if (figure.hidden) return null;
  if (figure.precise !== null) {
    const value = figure.precise * scale;
    const decimals = decimalsOf(figure.precise);
    const half = decimals >= 10 ? Math.abs(value) * 1e-7 + 1e-300 : 0.5 * 10 ** -decimals * scale;
    return { lo: value - half, hi: value + half };
  }
  if (figure.value === null) return null;
  const value = figure.value * scale;
  if (figure.bound === '<') return { lo: Number.NEGATIVE_INFINITY, hi: value };
  if (figure.bound === '>') return { lo: value, hi: Number.POSITIVE_INFINITY };
  const half = 0.5 * 10 ** -figure.decimals * scale;
  return { lo: value - half, hi: value + half };
}

/** A ';' separated CSV with quoted fields (also across lines). */
export function parseCsv(text: string, delimiter = ';'): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === delimiter) {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/** Joins the sheet's rows to the CSV's: the sheet row with the same label, after the sheet's header row. */
function mergeSheet(table: Table, sheets: { data: unknown[][] }[]): void {
  for (const { data } of sheets) {
    const headerIndex = data.findIndex(
      (cells) => cellText(cells[0]).trim() === table.header[0]?.trim() && cellText(cells[1]).trim() === (table.header[1] ?? '').trim(),
    );
    if (headerIndex === -1) continue;
    const sheetHeader = data[headerIndex]!.map(cellText);
    const statusColumn = sheetHeader.findIndex((name, index) => index >= table.header.length && /^status$/i.test(name.trim()));
    table.sheetPreamble = data
      .slice(0, headerIndex)
      .map((cells) => cells.map(cellText).filter(Boolean).join(' '))
      .filter(Boolean);
    let end = headerIndex + 1;
    const used = new Set<Row>();
    for (; end < data.length; end++) {
      const cells = data[end]!;
      if (cells.every((cell) => cell === null || cell === undefined || cellText(cell) === '')) break;
      const label = cellText(cells[0]).replace(/\s+/g, ' ').trim();
      const row = table.rows.find((candidate) => candidate.label === label && !used.has(candidate));
      if (!row) continue;
      used.add(row);
      row.figures.forEach((figure, index) => {
        const cell = cells[index + 1];
        if (typeof cell === 'number' && Number.isFinite(cell)) figure.precise = cell;
        else if (typeof cell === 'string' && isHiddenText(cell)) figure.hidden = true;
      });
      if (statusColumn !== -1) row.status = cellText(cells[statusColumn]).trim() || null;
    }
    table.sheetNotes = data
      .slice(end)
      .map((cells) => cells.map(cellText).filter(Boolean).join(' '))
      .filter(Boolean);
    return;
  }
}

export function parseTable(name: string, csv: string): Table {
  const text = csv.replace(/^\uFEFF/, '');
  const lines = parseCsv(text).filter((cells) => !(cells.length === 1 && cells[0]!.trim() === ''));
  const comments = lines.filter((cells) => cells[0]!.trimStart().startsWith('#')).map((cells) => cells.join(';'));
  const [header = [], ...body] = lines.filter((cells) => !cells[0]!.trimStart().startsWith('#'));
  return {
    name,
    header: header.map((cell) => cell.replace(/\s+/g, ' ').trim()),
    rows: body.map(([label = '', ...cells]) => ({ label: label.replace(/\s+/g, ' ').trim(), figures: cells.map(parseFigure), status: null })),
    comments,
    sheetPreamble: [],
    sheetNotes: [],
  };
}

/** Reads every CSV of the package (and its XLSX twin, when there is one). */
export async function readPackage(folder: string): Promise<Package> {
  const files = (await readdir(folder)).sort();
  const tables = new Map<string, Table>();
  for (const file of files.filter((name) => name.endsWith('.csv'))) {
    const name = file.slice(0, -'.csv'.length);
    const table = parseTable(name, await readFile(join(folder, file), 'utf8'));
    if (files.includes(`${name}.xlsx`)) {
      const sheets = (await readXlsxFile(await readFile(join(folder, `${name}.xlsx`)))) as unknown as { data: unknown[][] }[];
      mergeSheet(table, sheets);
    }
    tables.set(name, table);
  }
  return { folder, tables, files };
}

// ---- Finding things in a package, by the stable file names and row labels ----

export function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

export function columnIndex(table: Table, ...patterns: RegExp[]): number {
  // Header index 0 is the row label; figures are indexed from header 1.
  const index = table.header.findIndex((name, position) => position > 0 && patterns.every((pattern) => pattern.test(name)));
  return index === -1 ? -1 : index - 1;
}

export function findRow(table: Table, label: string): Row | undefined {
  const wanted = normalise(label);
  return table.rows.find((row) => normalise(row.label) === wanted);
}

/** "Cluster 1 (N = 32)", "Alle huishoudens (N = 11.346)": the N a header states, null when hidden or absent. */
export function headerUnits(name: string): number | null {
  const match = /\(N\s*=\s*([\d.]+)\)/.exec(name);
  if (!match) return null;
  return parseDutchNumber(match[1]!)?.value ?? null;
}

/** "Populatie: Cluster 1 (32 huishoudens)" in the sheet's preamble. */
export function populationUnits(table: Table): number | null {
  for (const line of table.sheetPreamble) {
    const match = /Populatie:.*\(([\d.]+) (?:huishoudens|records|eenheden)\)/.exec(line);
    if (match) return parseDutchNumber(match[1]!)?.value ?? null;
  }
  return null;
}
