// ACRO's checksums folder: checksums/<file name>.txt per package file, holding the file's SHA-256 as 64 lowercase hex
// characters and nothing else (acro/record.py write_checksums writes the bare hexdigest; SACRO-Viewer's
// sacro/models.py compares the file's text to the digest exactly, so a trailing newline would read as "modified").
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export const CHECKSUMS_FOLDER = 'checksums';
const CHECKSUM_SUFFIX = '.txt';
const SHA256_HEX = /^[0-9a-f]{64}$/;

function checksumName(name: string): string {
  return `${CHECKSUMS_FOLDER}/${name}${CHECKSUM_SUFFIX}`;
}

function checkFileName(name: string): void {
  if (name === '' || /[/\\\0]/.test(name) || name === '.' || name === '..' || name === CHECKSUMS_FOLDER) {
    throw new Error(`"${name}" is geen bestandsnaam in de exportmap; een controlegetal hoort bij een bestand naast de map ${CHECKSUMS_FOLDER}.`);
  }
}

/**
 * The checksums/<name>.txt entries for the given package files (names relative to the package folder). ACRO writes
 * one for every file in the folder, its results.json included, so pass every file, written last or not.
 */
export function checksumFiles(files: ReadonlyArray<{ name: string; bytes: Uint8Array }>): Array<{ name: string; bytes: Buffer }> {
  const seen = new Set<string>();
  return files.map((file) => {
    checkFileName(file.name);
    if (seen.has(file.name)) throw new Error(`Het bestand ${file.name} staat twee keer in de lijst; het krijgt één controlegetal.`);
    seen.add(file.name);
    const digest = createHash('sha256').update(file.bytes).digest('hex');
    return { name: checksumName(file.name), bytes: Buffer.from(digest, 'ascii') };
  });
}

async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/**
 * Checks a package folder as SACRO-Viewer would, and stricter: every file beside checksums/ has its checksum file,
 * which holds exactly its SHA-256; every checksum file belongs to a file; nothing else (a folder, a link) is there.
 * Problems are Dutch sentences naming the file, sorted by file name.
 */
export async function verifyChecksums(folder: string): Promise<{ ok: boolean; problems: string[] }> {
  let entries: string[];
  try {
    entries = await readdir(folder);
  } catch {
    return { ok: false, problems: [`De map ${folder} bestaat niet of is niet te lezen.`] };
  }
  const problems: Array<{ name: string; text: string }> = [];
  const files: string[] = [];
  let hasChecksumsFolder = false;
  for (const name of entries) {
    const stats = await lstat(join(folder, name));
    if (name === CHECKSUMS_FOLDER && stats.isDirectory()) hasChecksumsFolder = true;
    else if (stats.isDirectory())
      problems.push({
        name,
        text: `${name} is een map; een pakket bevat naast de map ${CHECKSUMS_FOLDER} alleen bestanden, en de inhoud van ${name} is niet gecontroleerd.`,
      });
    else if (!stats.isFile()) problems.push({ name, text: `${name} is geen gewoon bestand (bijvoorbeeld een koppeling) en is niet gecontroleerd.` });
    else files.push(name);
  }
  if (!hasChecksumsFolder) {
    return { ok: false, problems: [`De map ${CHECKSUMS_FOLDER} ontbreekt in ${folder}: geen enkel bestand heeft een controlegetal.`] };
  }

  const checksumsPath = join(folder, CHECKSUMS_FOLDER);
  const sums = new Map<string, string>();
  for (const entry of await readdir(checksumsPath)) {
    const shown = `${CHECKSUMS_FOLDER}/${entry}`;
    const stats = await lstat(join(checksumsPath, entry));
    if (!stats.isFile() || !entry.endsWith(CHECKSUM_SUFFIX)) {
      problems.push({ name: entry, text: `${shown} is geen controlegetal (een .txt-bestand met de SHA-256 van een bestand in de map).` });
      continue;
    }
    sums.set(entry.slice(0, -CHECKSUM_SUFFIX.length), await readFile(join(checksumsPath, entry), 'latin1'));
  }

  for (const name of files) {
    const expected = sums.get(name);
    if (expected === undefined) {
      problems.push({ name, text: `Bij het bestand ${name} hoort geen controlegetal: ${checksumName(name)} ontbreekt.` });
      continue;
    }
    if (!SHA256_HEX.test(expected)) {
      problems.push({ name, text: `${checksumName(name)} bevat geen geldige SHA-256 (precies 64 kleine hexadecimale tekens, zonder regeleinde).` });
      continue;
    }
    let actual: string;
    try {
      actual = await fileSha256(join(folder, name));
    } catch (error) {
      problems.push({ name, text: `Het bestand ${name} is niet te lezen (${errorCode(error) ?? String(error)}).` });
      continue;
    }
    if (actual !== expected) problems.push({ name, text: `Het bestand ${name} is gewijzigd: de SHA-256 klopt niet met ${checksumName(name)}.` });
  }
  for (const name of sums.keys()) {
    if (!files.includes(name)) problems.push({ name, text: `${checksumName(name)} hoort bij geen bestand: ${name} ontbreekt in de map.` });
  }

  problems.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { ok: problems.length === 0, problems: problems.map((problem) => problem.text) };
}
