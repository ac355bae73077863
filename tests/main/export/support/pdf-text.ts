// Reads the text a pdfkit PDF draws: inflates streams, maps glyph codes back to Unicode through each font's ToUnicode CMap.
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dictionary: string;
  stream: Buffer | null;
}

/** Every "N 0 obj ... endobj", with its stream inflated when it is FlateDecode. */
export function pdfObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const header = /(\d+) 0 obj\s*/g;
  let match;
  while ((match = header.exec(text)) !== null) {
    const start = match.index + match[0].length;
    const streamAt = text.indexOf('stream', start);
    const endAt = text.indexOf('endobj', start);
    if (streamAt !== -1 && streamAt < endAt) {
      const dictionary = text.slice(start, streamAt);
      const length = Number(/\/Length (\d+)/.exec(dictionary)?.[1] ?? 0);
      const dataStart = streamAt + 'stream'.length + (text[streamAt + 6] === '\r' ? 2 : 1);
      const raw = pdf.subarray(dataStart, dataStart + length);
      const stream = dictionary.includes('/FlateDecode') ? inflateSync(raw) : raw;
      objects.set(Number(match[1]), { dictionary, stream });
      header.lastIndex = text.indexOf('endobj', dataStart + length);
    } else {
      objects.set(Number(match[1]), { dictionary: text.slice(start, endAt), stream: null });
      header.lastIndex = endAt;
    }
  }
  return objects;
}

function toUnicodeMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const hex = (value: string): string => String.fromCodePoint(...(value.match(/.{4}/g) ?? []).map((unit) => parseInt(unit, 16)));
  for (const [, first, last, array] of cmap.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*\[([^\]]*)\]/gi)) {
    // A ligature maps to several code units, written with spaces between them ("<0066 0074>" for "ft").
    const targets = [...(array ?? '').matchAll(/<([0-9a-f\s]+)>/gi)].map((target) => (target[1] ?? '').replace(/\s+/g, ''));
    for (let code = parseInt(first ?? '0', 16), index = 0; code <= parseInt(last ?? '0', 16); code += 1, index += 1) map.set(code, hex(targets[index] ?? ''));
  }
  return map;
}

function fontMaps(objects: Map<number, PdfObject>): Map<string, Map<number, string>> {
  const fonts = new Map<string, Map<number, string>>();
  for (const object of objects.values()) {
    for (const [, name, id] of object.dictionary.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
      const toUnicodeId = /\/ToUnicode (\d+) 0 R/.exec(objects.get(Number(id))?.dictionary ?? '')?.[1];
      const cmap = objects.get(Number(toUnicodeId))?.stream;
      if (name && cmap) fonts.set(name, toUnicodeMap(cmap.toString('latin1')));
    }
  }
  return fonts;
}

/** The text one content stream draws, one line per text operation. */
function contentLines(content: string, fonts: Map<string, Map<number, string>>): string[] {
  const lines: string[] = [];
  let font = new Map<number, string>();
  for (const [, fontName, array] of content.matchAll(/\/(F\d+) [\d.]+ Tf|\[([^\]]*)\] TJ/g)) {
    if (fontName) font = fonts.get(fontName) ?? new Map();
    else if (array !== undefined) {
      const codes = [...array.matchAll(/<([0-9a-f]+)>/gi)].flatMap((part) => (part[1]?.match(/.{4}/g) ?? []).map((unit) => parseInt(unit, 16)));
      lines.push(codes.map((code) => font.get(code) ?? '?').join(''));
    }
  }
  return lines;
}

/** The drawn text, one line per text operation. */
export function pdfText(pdf: Buffer): string {
  const objects = pdfObjects(pdf);
  const fonts = fontMaps(objects);
  const lines: string[] = [];
  for (const object of objects.values()) {
    const content = object.stream?.toString('latin1') ?? '';
    if (/\bBT\b/.test(content)) lines.push(...contentLines(content, fonts));
  }
  return lines.join('\n');
}

/** The drawn text of each page, in page order (one line per text operation). */
export function pdfPages(pdf: Buffer): string[] {
  const objects = pdfObjects(pdf);
  const fonts = fontMaps(objects);
  const tree = [...objects.values()].find((object) => /\/Type \/Pages\b/.test(object.dictionary));
  const kids = [...(/\/Kids \[([^\]]*)\]/.exec(tree?.dictionary ?? '')?.[1] ?? '').matchAll(/(\d+) 0 R/g)].map((match) => Number(match[1]));
  return kids.map((id) => {
    const contents = Number(/\/Contents (\d+) 0 R/.exec(objects.get(id)?.dictionary ?? '')?.[1]);
    return contentLines(objects.get(contents)?.stream?.toString('latin1') ?? '', fonts).join('\n');
  });
}

/** Number of pages, from the page tree's /Count. */
export function pdfPageCount(pdf: Buffer): number {
  const counts = [...pdf.toString('latin1').matchAll(/\/Type \/Pages\s*\/Count (\d+)/g)].map((match) => Number(match[1]));
  return Math.max(0, ...counts);
}
