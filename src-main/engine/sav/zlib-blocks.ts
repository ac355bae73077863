// The data of a .zsav file (compression code 2): zlib blocks, listed in a trailer, that inflate to bytecode.
import { inflateSync } from 'node:zlib';
import type { ByteWindow, FileByteSource } from './byte-source';
import { SavFormatError, truncatedError } from './sav-error';

interface ZlibBlock {
  compressedOffset: number;
  compressedSize: number;
  uncompressedSize: number;
}

/** Reads the zlib header (right after record 999) and the trailer it points to. */
export async function readZlibBlocks(source: FileByteSource): Promise<ZlibBlock[]> {
  await source.need(24, 'in de kop van de zlib-gegevens');
  const headerOffset = source.offset;
  const zheaderOffset = source.int64();
  const trailerOffset = source.int64();
  const trailerLength = source.int64();
  if (zheaderOffset !== headerOffset || trailerLength < 24 || trailerOffset < headerOffset) {
    throw new SavFormatError(source.path, 'de kop van de zlib-gegevens is beschadigd (de posities passen niet bij het bestand).');
  }
  const fileSize = await source.size();
  if (trailerOffset + trailerLength > fileSize) throw truncatedError(source.path, `vóór het zlib-slotdeel (bij byte ${trailerOffset})`);
  const trailer = await source.readAt(trailerOffset, trailerLength, 'in het zlib-slotdeel');
  const view = new DataView(trailer.buffer);
  const le = source.littleEndian;
  const count = view.getInt32(20, le);
  if (count < 0 || 24 + count * 24 > trailerLength) throw new SavFormatError(source.path, 'het zlib-slotdeel is beschadigd (het aantal blokken past niet).');
  const blocks: ZlibBlock[] = [];
  for (let i = 0; i < count; i++) {
    const at = 24 + i * 24;
    blocks.push({
      compressedOffset: Number(view.getBigInt64(at + 8, le)),
      uncompressedSize: view.getInt32(at + 16, le),
      compressedSize: view.getInt32(at + 20, le),
    });
  }
  return blocks;
}

/** A byte window over the inflated blocks, one block in memory at a time. */
export class ZlibBlockWindow implements ByteWindow {
  bytes = new Uint8Array(0);
  pos = 0;
  end = 0;
  private next = 0;

  constructor(
    private readonly source: FileByteSource,
    private readonly blocks: ZlibBlock[],
  ) {}

  async refill(): Promise<boolean> {
    const block = this.blocks[this.next];
    if (!block) return false;
    this.next++;
    const compressed = await this.source.readAt(block.compressedOffset, block.compressedSize, `in zlib block ${this.next}`);
    let inflated: Uint8Array;
    try {
      inflated = inflateSync(compressed);
    } catch {
      throw new SavFormatError(this.source.path, `zlib-blok ${this.next} van ${this.blocks.length} is beschadigd en kan niet worden uitgepakt.`);
    }
    if (inflated.length !== block.uncompressedSize)
      throw new SavFormatError(this.source.path, `zlib-blok ${this.next} pakt uit tot ${inflated.length} bytes in plaats van ${block.uncompressedSize}.`);
    const unread = this.bytes.subarray(this.pos, this.end);
    const joined = new Uint8Array(unread.length + inflated.length);
    joined.set(unread);
    joined.set(inflated, unread.length);
    this.bytes = joined;
    this.pos = 0;
    this.end = joined.length;
    return true;
  }
}
