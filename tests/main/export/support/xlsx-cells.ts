// The cells of an .xlsx sheet as Excel stores them: per reference ("B5") its value, whether it is a number or a text,
// and the number format Excel shows it with (resolved through the cell's style), to check what a reader sees.
import { strFromU8, unzipSync } from 'fflate';

export interface XlsxCell {
  kind: 'number' | 'text';
  /** The number as stored, or the text. */
  value: string;
  /** The number format code ('0.0" %"'), null for the general format. */
  format: string | null;
}

const unescapeXml = (text: string): string =>
  text.replace(/&(quot|amp|lt|gt|apos|#(\d+));/g, (_match, name: string, code?: string) =>
    code ? String.fromCharCode(Number(code)) : ({ quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" } as Record<string, string>)[name]!,
  );

/** The cells of the workbook's sheet `sheet` (1-based, in workbook order). */
export function xlsxCells(workbook: Buffer, sheet = 1): Map<string, XlsxCell> {
  const entries = unzipSync(workbook);
  const read = (name: string): string => (entries[name] ? strFromU8(entries[name]) : '');
  const strings = [...read('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((match) =>
    unescapeXml([...(match[1] ?? '').matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((part) => part[1]).join('')),
  );
  const styles = read('xl/styles.xml');
  const formats = new Map([...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"\/>/g)].map((match) => [match[1]!, unescapeXml(match[2]!)]));
  const cellXfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
  const xfFormats = [...cellXfs.matchAll(/<xf\b([^>]*)>/g)].map((match) => formats.get(/numFmtId="(\d+)"/.exec(match[1] ?? '')?.[1] ?? '') ?? null);
  const cells = new Map<string, XlsxCell>();
  for (const match of read(`xl/worksheets/sheet${sheet}.xml`).matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const [, ref, attributes = '', content = ''] = match;
    const raw = /<v>([\s\S]*?)<\/v>/.exec(content)?.[1];
    if (raw === undefined) continue;
    const style = Number(/\bs="(\d+)"/.exec(attributes)?.[1] ?? 0);
    const text = /\bt="s"/.test(attributes);
    cells.set(ref!, { kind: text ? 'text' : 'number', value: text ? strings[Number(raw)]! : raw, format: text ? null : (xfFormats[style] ?? null) });
  }
  return cells;
}
