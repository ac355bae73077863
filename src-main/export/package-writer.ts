// Writes the files of a package into its staging folder one by one, with their sizes and SHA-256 digests.
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { WrittenFile } from './output-log';
import type { ExportedFile, ExportProgress } from './package-request';

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Writes files into the staging folder one by one, checking for an abort before each and reporting progress. */
export class PackageWriter {
  readonly written: (ExportedFile & { content: Buffer })[] = [];
  private step = 0;

  constructor(
    private readonly folder: string,
    private readonly steps: number,
    private readonly signal: AbortSignal | undefined,
    private readonly onProgress: ((progress: ExportProgress) => void) | undefined,
  ) {}

  async write(name: string, make: () => Buffer | string | Promise<Buffer | string>): Promise<ExportedFile> {
    this.signal?.throwIfAborted();
    this.step += 1;
    this.onProgress?.({ step: Math.min(this.step, this.steps), steps: this.steps, label: name });
    const content = await make();
    this.signal?.throwIfAborted();
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    await writeFile(join(this.folder, name), bytes, { flag: 'wx' });
    const file = { name, bytes: bytes.length, sha256: sha256(bytes) };
    this.written.push({ ...file, content: bytes });
    return file;
  }

  async writeListed(name: string, kind: WrittenFile['kind'], make: () => Buffer | string | Promise<Buffer | string>): Promise<WrittenFile> {
    return { ...(await this.write(name, make)), kind };
  }
}
