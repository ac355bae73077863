// The bundled typeface for charts and the PDF (Source Sans 3, OFL): never system fonts, which a CI machine may lack.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export const FONT_FAMILY = 'Source Sans 3';

export interface FontFiles {
  regular: string;
  semibold: string;
}

/**
 * In a packaged app the font sits in app.asar.unpacked (build/electron-builder.yml): Electron's own fs sees
 * through the archive, but resvg reads the file natively and needs the real path.
 */
export function unpacked(path: string): string {
  return path.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
}

/**
 * Paths of the TrueType files in the `source-sans` package (Latin with ë, é, €). A packaged app whose
 * node_modules sit in an asar archive passes unpacked paths instead, since the native rasterizer reads
 * files from disk.
 */
export function bundledFontFiles(): FontFiles {
  const require = createRequire(import.meta.url);
  const files = {
    regular: unpacked(require.resolve('source-sans/TTF/SourceSans3-Regular.ttf')),
    semibold: unpacked(require.resolve('source-sans/TTF/SourceSans3-Semibold.ttf')),
  };
  for (const path of Object.values(files)) {
    if (!existsSync(path))
      throw new Error(`Het meegeleverde lettertype ${path} ontbreekt; installeer de app opnieuw (npm ci installeert het pakket source-sans).`);
  }
  return files;
}
