// The frame every PDF of an export shares (pdfkit): an A4 document with the bundled fonts and its metadata, its
// bytes as a promise, room checks, and page footers written once the page count is known.
import PDFDocument from 'pdfkit';
import { bundledFontFiles, type FontFiles } from './fonts';

export const PDF_MARGIN = 50;
export const PDF_TEXT = '#1a1a1a';
export const PDF_MUTED = '#555555';
export const PDF_BLOCKED = '#8a1c1c';

export type PdfDoc = PDFKit.PDFDocument;

export interface PdfOptions {
  fonts?: FontFiles;
  /** Content streams uncompressed (tests read the text operators); compressed otherwise. */
  compress?: boolean;
}

export interface PdfMetadata {
  title: string;
  appVersion: string;
  createdAt: Date;
}

/** A new document with the fonts 'body' and 'semibold' registered; `bytes` resolves once the caller ends it. */
export function openPdf(metadata: PdfMetadata, options: PdfOptions = {}): { doc: PdfDoc; bytes: Promise<Buffer> } {
  const fonts = options.fonts ?? bundledFontFiles();
  const doc = new PDFDocument({
    size: 'A4',
    margin: PDF_MARGIN,
    bufferPages: true,
    compress: options.compress ?? true,
    lang: 'nl-NL',
    displayTitle: true,
    info: {
      Title: metadata.title,
      Author: 'Groepsbeeld',
      Creator: `Groepsbeeld ${metadata.appVersion}`,
      CreationDate: metadata.createdAt,
      ModDate: metadata.createdAt,
    },
  });
  const chunks: Buffer[] = [];
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('body', fonts.regular);
  doc.registerFont('semibold', fonts.semibold);
  return { doc, bytes };
}

export function textWidth(doc: PdfDoc): number {
  return doc.page.width - 2 * PDF_MARGIN;
}

export function pageBottom(doc: PdfDoc): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** Starts a new page when `height` does not fit below the cursor. */
export function ensureSpace(doc: PdfDoc, height: number): void {
  if (doc.y + height > pageBottom(doc)) doc.addPage();
}

/** A centred footer on every page, e.g. "… · pagina 2 van 5", once the page count is known. */
export function writeFooters(doc: PdfDoc, footer: (page: number, pages: number) => string): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('body')
      .fontSize(8)
      .fillColor(PDF_MUTED)
      .text(footer(index + 1, range.count), PDF_MARGIN, doc.page.height - 30, { width: textWidth(doc), align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}
