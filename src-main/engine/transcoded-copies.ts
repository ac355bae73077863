// Private UTF-8 copies of Windows-1252 CSV files whose characters DuckDB's latin-1 reader lacks (€, curly quotes).
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { randomUUID } from 'node:crypto';

/** Decodes Windows-1252 chunk by chunk and writes UTF-8 (memory stays flat for any file size). */
function windows1252ToUtf8(): Transform {
  const decoder = new TextDecoder('windows-1252');
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      done(null, Buffer.from(decoder.decode(chunk, { stream: true }), 'utf8'));
    },
    flush(done) {
      done(null, Buffer.from(decoder.decode(), 'utf8'));
    },
  });
}

/**
 * The copies live in one private folder (mode 0700, made by mkdtemp) that is removed when the engine
 * closes; a copy of a file that fails to open is removed at once. Only these files are copied: every
 * other file is scanned where it lies.
 */
export class TranscodedCopies {
  private folder: string | undefined;

  async create(source: string): Promise<string> {
    this.folder ??= await mkdtemp(join(tmpdir(), 'groepsbeeld-utf8-'));
    const target = join(this.folder, `${randomUUID()}.csv`);
    try {
      await pipeline(createReadStream(source), windows1252ToUtf8(), createWriteStream(target, { mode: 0o600 }));
    } catch (error) {
      await rm(target, { force: true });
      throw error;
    }
    return target;
  }

  async remove(copy: string): Promise<void> {
    await rm(copy, { force: true });
  }

  async close(): Promise<void> {
    if (this.folder) await rm(this.folder, { recursive: true, force: true });
    this.folder = undefined;
  }
}
