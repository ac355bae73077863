// Buffered sequential reads of a file (large chunks, bounded memory) with endian-aware number reads for the dictionary.
import { open, type FileHandle } from 'node:fs/promises';
import { truncatedError } from './sav-error';

const CHUNK_BYTES = 4 * 1024 * 1024;

/** A byte window onto a stream that the data decoders consume from `pos` to `end`; `refill` keeps unread bytes. */
export interface ByteWindow {
  bytes: Uint8Array;
  pos: number;
  end: number;
  /** Moves unread bytes to the front and appends more; false when there is nothing more to read. */
  refill(): Promise<boolean>;
}

export class FileByteSource implements ByteWindow {
  bytes: Uint8Array;
  view: DataView;
  pos = 0;
  end = 0;
  littleEndian = true;
  /** File offset of bytes[0]. */
  private base = 0;
  private eof = false;

  private constructor(
    readonly path: string,
    private readonly handle: FileHandle,
    capacity: number,
  ) {
    this.bytes = new Uint8Array(capacity);
    this.view = new DataView(this.bytes.buffer);
  }

  static async open(path: string, capacity = CHUNK_BYTES): Promise<FileByteSource> {
    const handle = await open(path, 'r');
    return new FileByteSource(path, handle, capacity);
  }

  /** File offset of the next unread byte. */
  get offset(): number {
    return this.base + this.pos;
  }

  async isFile(): Promise<boolean> {
    return (await this.handle.stat()).isFile();
  }

  async size(): Promise<number> {
    return (await this.handle.stat()).size;
  }

  async refill(): Promise<boolean> {
    if (this.eof) return false;
    const unread = this.end - this.pos;
    if (this.pos > 0) {
      this.bytes.copyWithin(0, this.pos, this.end);
      this.base += this.pos;
      this.pos = 0;
      this.end = unread;
    }
    if (this.end === this.bytes.length) this.grow(this.bytes.length * 2);
    const { bytesRead } = await this.handle.read(this.bytes, this.end, this.bytes.length - this.end, this.base + this.end);
    if (bytesRead === 0) {
      this.eof = true;
      return false;
    }
    this.end += bytesRead;
    return true;
  }

  /** Makes `n` unread bytes available or throws a truncation error naming `where`. */
  async need(n: number, where: string): Promise<void> {
    while (this.end - this.pos < n) {
      if (!(await this.refill())) throw truncatedError(this.path, where);
    }
  }

  /** Reads `length` bytes at an absolute offset without moving the window (zsav trailer and blocks). */
  async readAt(offset: number, length: number, where: string): Promise<Uint8Array> {
    const out = new Uint8Array(length);
    const { bytesRead } = await this.handle.read(out, 0, length, offset);
    if (bytesRead < length) throw truncatedError(this.path, where);
    return out;
  }

  int32(): number {
    const value = this.view.getInt32(this.pos, this.littleEndian);
    this.pos += 4;
    return value;
  }

  int64(): number {
    const value = Number(this.view.getBigInt64(this.pos, this.littleEndian));
    this.pos += 8;
    return value;
  }

  float64(): number {
    const value = this.view.getFloat64(this.pos, this.littleEndian);
    this.pos += 8;
    return value;
  }

  take(n: number): Uint8Array {
    const slice = this.bytes.slice(this.pos, this.pos + n);
    this.pos += n;
    return slice;
  }

  skip(n: number): void {
    this.pos += n;
  }

  async close(): Promise<void> {
    await this.handle.close();
  }

  private grow(capacity: number): void {
    const bigger = new Uint8Array(capacity);
    bigger.set(this.bytes.subarray(0, this.end));
    this.bytes = bigger;
    this.view = new DataView(bigger.buffer);
  }
}
