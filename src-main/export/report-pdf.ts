// The export report as PDF (pdfkit): the bundled font for Dutch text, tables that break across pages, charts as PNG.
import {
  ensureSpace,
  openPdf,
  pageBottom,
  PDF_BLOCKED as BLOCKED,
  PDF_MARGIN as MARGIN,
  PDF_MUTED as MUTED,
  PDF_TEXT as TEXT,
  writeFooters,
  type PdfDoc as Doc,
  type PdfOptions,
} from './pdf-document';
import { displayTable, rulesLines, titlePageFacts, type DisplayCell, type DisplayTable, type ReportInput } from './report-content';

export type ReportPdfOptions = PdfOptions;

const HEADER_FILL = '#e8eef4';
const CELL_PADDING = 4;
const TABLE_FONT_SIZE = 9;

function heading(doc: Doc, text: string, size: number): void {
  ensureSpace(doc, size * 3);
  doc
    .font('semibold')
    .fontSize(size)
    .fillColor(TEXT)
    .text(text, MARGIN, doc.y, { width: doc.page.width - 2 * MARGIN });
  doc.moveDown(0.3);
}

function paragraph(doc: Doc, text: string, options: { size?: number; color?: string; font?: 'body' | 'semibold' } = {}): void {
  const width = doc.page.width - 2 * MARGIN;
  doc
    .font(options.font ?? 'body')
    .fontSize(options.size ?? 10)
    .fillColor(options.color ?? TEXT);
  ensureSpace(doc, doc.heightOfString(text, { width }));
  doc.text(text, MARGIN, doc.y, { width });
}

function columnWidths(doc: Doc, columns: number): number[] {
  const width = doc.page.width - 2 * MARGIN;
  const first = Math.min(width * 0.34, 170);
  return [first, ...Array.from({ length: columns - 1 }, () => (width - first) / (columns - 1))];
}

function rowHeight(doc: Doc, texts: readonly string[], widths: readonly number[]): number {
  return Math.max(...texts.map((text, index) => doc.heightOfString(text, { width: (widths[index] ?? 60) - 2 * CELL_PADDING }))) + 2 * CELL_PADDING;
}

function drawRow(
  doc: Doc,
  texts: readonly string[],
  widths: readonly number[],
  style: { header?: boolean; total?: boolean; cells?: readonly DisplayCell[] },
): void {
  doc.font(style.header || style.total ? 'semibold' : 'body').fontSize(TABLE_FONT_SIZE);
  const height = rowHeight(doc, texts, widths);
  const top = doc.y;
  let x = MARGIN;
  texts.forEach((text, index) => {
    const width = widths[index] ?? 60;
    const status = index > 0 ? style.cells?.[index - 1]?.status : undefined;
    if (style.header) doc.rect(x, top, width, height).fill(HEADER_FILL);
    else if (status === 'review' || status === 'rounded') doc.rect(x, top, width, height).fill('#fff6db');
    else if (status === 'suppressed') doc.rect(x, top, width, height).fill('#f5eaea');
    doc.fillColor(status === 'suppressed' ? BLOCKED : status === 'empty' ? MUTED : TEXT);
    doc.text(text, x + CELL_PADDING, top + CELL_PADDING, { width: width - 2 * CELL_PADDING, align: index === 0 ? 'left' : 'right' });
    x += width;
  });
  doc
    .moveTo(MARGIN, top + height)
    .lineTo(x, top + height)
    .lineWidth(style.header || style.total ? 1 : 0.4)
    .strokeColor(style.header ? TEXT : '#bbbbbb')
    .stroke();
  doc.y = top + height;
}

/** A table that breaks across pages, its header repeated on every page. */
function drawTable(doc: Doc, header: readonly string[], rows: ReadonlyArray<{ texts: string[]; total: boolean; cells?: readonly DisplayCell[] }>): void {
  const widths = columnWidths(doc, header.length);
  doc.font('semibold').fontSize(TABLE_FONT_SIZE);
  const headerHeight = rowHeight(doc, header, widths);
  const firstRow = rows[0];
  doc.font('body');
  ensureSpace(doc, headerHeight + (firstRow ? rowHeight(doc, firstRow.texts, widths) : 0));
  drawRow(doc, header, widths, { header: true });
  for (const row of rows) {
    doc.font(row.total ? 'semibold' : 'body').fontSize(TABLE_FONT_SIZE);
    if (doc.y + rowHeight(doc, row.texts, widths) > pageBottom(doc)) {
      doc.addPage();
      drawRow(doc, header, widths, { header: true });
    }
    drawRow(doc, row.texts, widths, { total: row.total, ...(row.cells ? { cells: row.cells } : {}) });
  }
  doc.moveDown(0.8);
}

function titlePage(doc: Doc, input: ReportInput): void {
  doc
    .font('semibold')
    .fontSize(26)
    .fillColor(TEXT)
    .text(input.study.name, MARGIN, 160, { width: doc.page.width - 2 * MARGIN });
  doc.moveDown(0.4);
  paragraph(doc, 'Groepsbeeld-export: gecontroleerde tabellen', { size: 14, color: MUTED });
  doc.moveDown(1.5);
  for (const fact of titlePageFacts(input)) {
    const top = doc.y;
    doc.font('semibold').fontSize(11).fillColor(TEXT).text(fact.label, MARGIN, top, { width: 140 });
    doc
      .font('body')
      .fontSize(fact.label.includes('SHA-256') ? 9 : 11)
      .text(fact.value, MARGIN + 150, top, { width: doc.page.width - 2 * MARGIN - 150 });
    doc.moveDown(0.4);
  }
  doc.moveDown(1.5);
  paragraph(
    doc,
    'Alle cijfers zijn samen gecontroleerd op de regels van de regelset: geen verborgen cel is terug ' +
      'te rekenen uit de andere cijfers van dit pakket. Een verborgen cel staat overal als x, zonder waarde.',
    { color: MUTED },
  );
  doc.moveDown(0.8);
  heading(doc, 'Gebruikte regels', 11);
  for (const line of rulesLines(input.ruleSet)) paragraph(doc, line, { size: 9 });
}

function outputPages(doc: Doc, table: DisplayTable, output: ReportInput['outputs'][number]): void {
  doc.addPage();
  doc.outline.addItem(table.title);
  heading(doc, table.title, 16);
  paragraph(doc, table.population, { color: MUTED });
  paragraph(doc, `Oordeel: ${table.verdict}`, { font: 'semibold' });
  doc.moveDown(0.6);
  drawTable(
    doc,
    table.header,
    table.rows.map((row) => ({ texts: [row.label, ...row.cells.map((cell) => cell.text)], total: row.total, cells: row.cells })),
  );
  if (output.chartPng) {
    const width = doc.page.width - 2 * MARGIN;
    const height = width * (480 / 820);
    ensureSpace(doc, height + 10);
    doc.image(output.chartPng, MARGIN, doc.y, { fit: [width, height] });
    doc.y += height + 10;
  }
  for (const note of table.notes) paragraph(doc, `• ${note}`, { size: 9 });
  if (output.comment?.trim()) {
    doc.moveDown(0.5);
    heading(doc, 'Toelichting van de analist', 11);
    paragraph(doc, output.comment.trim());
  }
  if (output.exceptionRequest?.trim()) {
    doc.moveDown(0.5);
    heading(doc, 'Verzoek om uitzondering', 11);
    paragraph(doc, output.exceptionRequest.trim());
  }
  doc.moveDown(0.5);
  heading(doc, 'Legenda', 11);
  for (const entry of table.legend) paragraph(doc, `${entry.mark}: ${entry.text}`, { size: 9, color: MUTED });
}

/** The thresholds actually used and the page number in every footer, once the page count is known. */
function footers(doc: Doc, input: ReportInput): void {
  const rules = input.ruleSet;
  writeFooters(
    doc,
    (page, pages) =>
      `${input.study.name} · drempel ${rules.threshold}, beschermingsniveau ${rules.protectionLevel}, ` +
      `statistieken over ten minste ${rules.statisticThreshold} · pagina ${page} van ${pages}`,
  );
}

/** The report's PDF bytes. */
export function reportPdf(input: ReportInput, options: ReportPdfOptions = {}): Promise<Buffer> {
  const { doc, bytes } = openPdf({ title: `${input.study.name}: Groepsbeeld-export`, appVersion: input.appVersion, createdAt: input.createdAt }, options);
  titlePage(doc, input);
  for (const output of input.outputs) outputPages(doc, displayTable(output.table, input.ruleSet), output);
  footers(doc, input);
  doc.end();
  return bytes;
}
