// A chart's SVG rasterized to PNG with resvg and the bundled font (no system fonts, so every machine draws the same).
import { renderAsync } from '@resvg/resvg-js';
import { bundledFontFiles, FONT_FAMILY, type FontFiles } from './fonts';

export interface ChartPngOptions {
  /** Scale of the SVG's own size: 2 gives a sharp image in print and on high-density screens. */
  zoom?: number;
  fonts?: FontFiles;
  signal?: AbortSignal;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The PNG bytes of `svg`, rendered off the main thread. */
export async function chartPng(svg: string, options: ChartPngOptions = {}): Promise<Buffer> {
  const fonts = options.fonts ?? bundledFontFiles();
  // resvg takes an AbortSignal itself, but only once: a second render with the same signal fails with
  // "InvalidArg". One chart renders in milliseconds, so the signal is checked around the render instead.
  options.signal?.throwIfAborted();
  const image = await renderAsync(
    svg,
    {
      font: { loadSystemFonts: false, fontFiles: [fonts.regular, fonts.semibold], defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
      fitTo: { mode: 'zoom', value: options.zoom ?? 2 },
      background: '#ffffff',
      logLevel: 'off',
    },
    null,
  );
  options.signal?.throwIfAborted();
  return image.asPng();
}

/** Width and height from a PNG's IHDR chunk; throws when the bytes are not a PNG. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const bytes = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE) || bytes.toString('latin1', 12, 16) !== 'IHDR') {
    throw new Error('Not a PNG image (no PNG signature followed by an IHDR chunk).');
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
