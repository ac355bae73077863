// Reading a written export package back for tests: every file's bytes (checksums/<file>.txt included), each file's
// SHA-256, and every readable text form of a file (its bytes, the XML inside an xlsx, the streams and drawn text of a
// PDF) to search for leaks.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { pdfObjects, pdfText } from './pdf-text';

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * An SVG's geometry (positions, sizes, paths) in pixels, blanked: a label placed at y="97.9" is not the figure 97,9.
 * A drawn figure is still searched where a reader sees it: in the text, the titles and the data attributes.
 */
const GEOMETRY = /\b(x|y|x1|x2|y1|y2|cx|cy|r|width|height|d|points|transform|viewBox)="[^"]*"/g;

export function searchableTexts(name: string, bytes: Buffer): string[] {
  const drawn = name.endsWith('.svg') || name.endsWith('.html');
  const texts = [bytes.toString('utf8'), bytes.toString('latin1')].map((text) => (drawn ? text.replace(GEOMETRY, '$1=""') : text));
  if (name.endsWith('.xlsx')) texts.push(...Object.values(unzipSync(bytes)).map((entry) => strFromU8(entry)));
  if (name.endsWith('.pdf')) {
    texts.push(pdfText(bytes));
    for (const object of pdfObjects(bytes).values()) if (object.stream) texts.push(object.stream.toString('latin1'));
  }
  return texts;
}

/** True when any text form of the file holds any of `needles`. */
export function holdsAny(name: string, bytes: Buffer, needles: readonly string[]): boolean {
  return searchableTexts(name, bytes).some((text) => needles.some((needle) => text.includes(needle)));
}

const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * True when any text form of the file holds one of `numbers` as a number of its own: "97,4" or "97.4", but not
 * inside "197.406" or "97,45" (a PDF's coordinates and an SVG's geometry are full of such digits).
 */
export function holdsNumber(name: string, bytes: Buffer, numbers: readonly string[]): boolean {
  const patterns = numbers.map((number) => new RegExp(`(?<![\\d.,])${escaped(number)}(?![\\d]|[.,]\\d)`));
  return searchableTexts(name, bytes).some((text) => patterns.some((pattern) => pattern.test(text)));
}

/** Every file of the package by its path relative to the folder ("report.pdf", "checksums/report.pdf.txt"). */
export async function filesOf(folder: string): Promise<Map<string, Buffer>> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile());
  return new Map(
    await Promise.all(
      files.map(async (entry) => {
        const relative = join(entry.parentPath, entry.name)
          .slice(folder.length + 1)
          .replaceAll('\\', '/');
        return [relative, await readFile(join(entry.parentPath, entry.name))] as const;
      }),
    ),
  );
}
