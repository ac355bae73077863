// Reading a written export package back for tests: every file's bytes, each file's SHA-256, and every readable
// text form of a file (its bytes, the XML inside an xlsx, the streams and drawn text of a PDF) to search for leaks.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { pdfObjects, pdfText } from './pdf-text';

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export function searchableTexts(name: string, bytes: Buffer): string[] {
  const texts = [bytes.toString('utf8'), bytes.toString('latin1')];
  if (name.endsWith('.xlsx')) texts.push(...Object.values(unzipSync(bytes)).map((entry) => strFromU8(entry)));
  if (name.endsWith('.pdf')) {
    texts.push(pdfText(bytes));
    for (const object of pdfObjects(bytes).values()) if (object.stream) texts.push(object.stream.toString('latin1'));
  }
  return texts;
}

export async function filesOf(folder: string): Promise<Map<string, Buffer>> {
  const names = await readdir(folder);
  return new Map(await Promise.all(names.map(async (name) => [name, await readFile(join(folder, name))] as const)));
}
