// Decoder of SPSS bytecode compression (compression code 1): control blocks of 8 codes, expanded into whole 8-byte slots.

const CODE_PADDING = 0;
const CODE_END = 252;
const CODE_RAW = 253;
const CODE_SPACES = 254;
const CODE_SYSMIS = 255;

/** Resumable: `expand` stops when input or output runs out and carries on at the next call. */
export class BytecodeDecoder {
  /** Set when code 252 (end of data) was seen. */
  ended = false;
  private readonly control = new Uint8Array(8);
  private controlPos = 8;
  private readonly sysmisBytes = new Uint8Array(8);
  private readonly view: DataView;

  constructor(
    private readonly out: Uint8Array,
    private readonly bias: number,
    private readonly littleEndian: boolean,
    private readonly sysmis: number,
  ) {
    this.view = new DataView(out.buffer, out.byteOffset, out.byteLength);
    new DataView(this.sysmisBytes.buffer).setFloat64(0, sysmis, littleEndian);
  }

  /** True when the decoder is in the middle of a control block whose remaining codes still need data. */
  get midBlock(): boolean {
    for (let i = this.controlPos; i < 8; i++) {
      const code = this.control[i] as number;
      if (code === CODE_END) return false;
      if (code !== CODE_PADDING) return true;
    }
    return false;
  }

  /** Input position reached by the last `expand`. */
  inputPos = 0;

  /**
   * Expands codes from input[pos, end) into out[outPos, outEnd) (slots in the file's byte order).
   * Returns the new output position; the consumed input position is in `inputPos`.
   */
  expand(input: Uint8Array, pos: number, end: number, outPos: number, outEnd: number): number {
    const out = this.out;
    const control = this.control;
    const view = this.view;
    const bias = this.bias;
    const littleEndian = this.littleEndian;
    let controlPos = this.controlPos;
    // Fast path: whole control blocks whose data (at most 64 bytes) and output (at most 8 slots) surely fit.
    if (controlPos === 8 && !this.ended) {
      const inputView = new DataView(input.buffer, input.byteOffset, input.byteLength);
      blocks: while (end - pos >= 72 && outEnd - outPos >= 64) {
        let data = pos + 8;
        const blockOut = outPos;
        for (let k = 0; k < 8; k++) {
          const code = input[pos + k] as number;
          if (code === CODE_PADDING) continue;
          if (code < CODE_END) {
            view.setFloat64(outPos, code - bias, littleEndian);
          } else if (code === CODE_RAW) {
            // Two 32-bit moves keep the bits exactly (a float64 move could rewrite NaN patterns in text).
            view.setInt32(outPos, inputView.getInt32(data, true), true);
            view.setInt32(outPos + 4, inputView.getInt32(data + 4, true), true);
            data += 8;
          } else if (code === CODE_SPACES) {
            view.setInt32(outPos, 0x20202020, true);
            view.setInt32(outPos + 4, 0x20202020, true);
          } else if (code === CODE_SYSMIS) {
            view.setFloat64(outPos, this.sysmis, littleEndian);
          } else {
            // End of data inside this block: undo it and let the careful loop below finish it.
            outPos = blockOut;
            break blocks;
          }
          outPos += 8;
        }
        pos = data;
      }
    }
    while (outPos < outEnd && !this.ended) {
      if (controlPos === 8) {
        if (end - pos < 8) break;
        for (let i = 0; i < 8; i++) control[i] = input[pos + i] as number;
        pos += 8;
        controlPos = 0;
      }
      const code = control[controlPos] as number;
      if (code === CODE_PADDING) {
        controlPos++;
      } else if (code < CODE_END) {
        view.setFloat64(outPos, code - bias, littleEndian);
        outPos += 8;
        controlPos++;
      } else if (code === CODE_RAW) {
        if (end - pos < 8) break;
        for (let i = 0; i < 8; i++) out[outPos + i] = input[pos + i] as number;
        pos += 8;
        outPos += 8;
        controlPos++;
      } else if (code === CODE_SPACES) {
        for (let i = 0; i < 8; i++) out[outPos + i] = 0x20;
        outPos += 8;
        controlPos++;
      } else if (code === CODE_SYSMIS) {
        for (let i = 0; i < 8; i++) out[outPos + i] = this.sysmisBytes[i] as number;
        outPos += 8;
        controlPos++;
      } else {
        this.ended = true;
        controlPos++;
      }
    }
    this.controlPos = controlPos;
    this.inputPos = pos;
    return outPos;
  }
}
