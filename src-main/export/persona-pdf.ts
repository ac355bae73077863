// The persona cards as PDF (pdfkit): the bundled font for Dutch text, one card per A4 page, the chart drawn as vector
// shapes from the same layout as the SVG.
import {
  ensureSpace,
  openPdf,
  PDF_BLOCKED as BLOCKED,
  PDF_MARGIN as MARGIN,
  PDF_MUTED as MUTED,
  PDF_TEXT as TEXT,
  textWidth,
  writeFooters,
  type PdfDoc as Doc,
  type PdfOptions,
} from './pdf-document';
import type { ChartShape, PersonaChartLayout } from './persona-chart';
import { PERSONA_CAUTION, PERSONA_TITLE, type DisplayPersona } from './persona-content';
import type { PersonaDocumentInput } from './persona-html';
import { dutchDate } from '../common/reference-date';

export type PersonaPdfOptions = PdfOptions;

const ACCENT = '#0072b2';
/** The chart takes this share of the text width, so a card with eight facts and six bars still fits one page. */
const CHART_WIDTH_SHARE = 0.82;

function drawShape(doc: Doc, shape: ChartShape): void {
  if (shape.kind === 'rect') {
    if (shape.hatched) {
      doc.save();
      doc.rect(shape.x, shape.y, shape.width, shape.height).clip();
      doc.rect(shape.x, shape.y, shape.width, shape.height).fill('#ffffff');
      for (let x = shape.x - shape.height; x < shape.x + shape.width; x += 5) {
        doc
          .moveTo(x, shape.y + shape.height)
          .lineTo(x + shape.height, shape.y)
          .lineWidth(1.2)
          .strokeColor('#767676')
          .stroke();
      }
      doc.restore();
      doc.rect(shape.x, shape.y, shape.width, shape.height).lineWidth(0.8).strokeColor('#767676').stroke();
    } else doc.rect(shape.x, shape.y, shape.width, shape.height).fill(shape.fill);
    return;
  }
  if (shape.kind === 'line') {
    doc.moveTo(shape.x1, shape.y1).lineTo(shape.x2, shape.y2).lineWidth(1).strokeColor(shape.stroke).stroke();
    return;
  }
  doc
    .font(shape.weight === 'bold' ? 'semibold' : 'body')
    .fontSize(shape.size)
    .fillColor(shape.fill);
  const x = shape.anchor === 'end' ? shape.x - doc.widthOfString(shape.text) : shape.x;
  doc.text(shape.text, x, shape.y, { lineBreak: false, baseline: 'alphabetic' });
}

/** The chart at `width` points wide below the cursor. */
function drawChart(doc: Doc, chart: PersonaChartLayout, width: number): void {
  const scale = width / chart.width;
  const height = chart.height * scale;
  ensureSpace(doc, height);
  const top = doc.y;
  doc.save();
  doc.translate(MARGIN, top).scale(scale);
  for (const shape of chart.shapes) drawShape(doc, shape);
  doc.restore();
  doc.x = MARGIN;
  doc.y = top + height + 6;
}

function paragraph(doc: Doc, text: string, options: { size?: number; color?: string; font?: 'body' | 'semibold'; italic?: boolean } = {}): void {
  doc
    .font(options.font ?? 'body')
    .fontSize(options.size ?? 10.5)
    .fillColor(options.color ?? TEXT);
  ensureSpace(doc, doc.heightOfString(text, { width: textWidth(doc) }));
  doc.text(text, MARGIN, doc.y, { width: textWidth(doc), ...(options.italic ? { oblique: 8 } : {}) });
}

function facts(doc: Doc, card: DisplayPersona): void {
  const labelWidth = 150;
  for (const fact of card.facts) {
    doc.font('body').fontSize(10.5);
    const height = Math.max(doc.heightOfString(fact.text, { width: textWidth(doc) - labelWidth }), doc.heightOfString(fact.label, { width: labelWidth - 10 }));
    ensureSpace(doc, height);
    const top = doc.y;
    doc
      .font('semibold')
      .fillColor(TEXT)
      .text(fact.label, MARGIN, top, { width: labelWidth - 10 });
    const blocked = fact.status === 'suppressed';
    doc
      .font('body')
      .fillColor(blocked ? BLOCKED : TEXT)
      .text(fact.text, MARGIN + labelWidth, top, { width: textWidth(doc) - labelWidth });
    doc.y = top + height + 3;
  }
}

function cardPage(doc: Doc, card: DisplayPersona, first: boolean): void {
  if (!first) doc.addPage();
  doc.outline.addItem(`Cluster ${card.cluster}: ${card.title}`);
  doc.rect(MARGIN, MARGIN - 14, textWidth(doc), 5).fill(ACCENT);
  doc.y = MARGIN;
  paragraph(doc, card.subtitle.toUpperCase(), { size: 9.5, color: ACCENT, font: 'semibold' });
  doc.moveDown(0.1);
  paragraph(doc, card.title, { size: 22, font: 'semibold' });
  doc.moveDown(0.4);
  if (card.narrative !== '') {
    paragraph(doc, card.narrative, { size: 11, italic: true });
    doc.moveDown(0.5);
  }
  facts(doc, card);
  doc.moveDown(0.6);
  drawChart(doc, card.chart, textWidth(doc) * CHART_WIDTH_SHARE);
  if (card.standsOut.length > 0) {
    doc.moveDown(0.3);
    paragraph(doc, 'Wat opvalt', { size: 12, font: 'semibold' });
    doc.moveDown(0.15);
    for (const line of card.standsOut) {
      paragraph(doc, `• ${line}`, { size: 10 });
      doc.moveDown(0.1);
    }
  }
  doc.moveDown(0.4);
  paragraph(doc, PERSONA_CAUTION, { size: 9, color: MUTED });
  for (const entry of card.legend) paragraph(doc, `${entry.mark}: ${entry.text}`, { size: 9, color: MUTED });
  if (card.edited) paragraph(doc, 'Titel of verhaal geschreven door de analist.', { size: 9, color: MUTED });
}

function notesPage(doc: Doc, input: PersonaDocumentInput): void {
  if (input.deck.notes.length === 0) return;
  if (input.deck.cards.length > 0) doc.addPage();
  paragraph(doc, 'Clusters zonder kaart', { size: 14, font: 'semibold' });
  doc.moveDown(0.2);
  for (const note of input.deck.notes) paragraph(doc, `• ${note}`);
}

function footers(doc: Doc, input: PersonaDocumentInput): void {
  const where = `${input.study.name}, peildatum ${dutchDate(input.study.referenceDate)}`;
  writeFooters(doc, (page, pages) => `${PERSONA_TITLE} · ${where} · pagina ${page} van ${pages}`);
}

/** The cards' PDF bytes: one page per card, then a page with the clusters without a card, if any. */
export function personaPdf(input: PersonaDocumentInput, options: PersonaPdfOptions = {}): Promise<Buffer> {
  const { doc, bytes } = openPdf({ title: `${input.study.name}: ${PERSONA_TITLE}`, appVersion: input.appVersion, createdAt: input.createdAt }, options);
  if (input.deck.cards.length === 0 && input.deck.notes.length === 0) paragraph(doc, 'Er zijn geen personakaarten.');
  input.deck.cards.forEach((card, index) => cardPage(doc, card, index === 0));
  notesPage(doc, input);
  footers(doc, input);
  doc.end();
  return bytes;
}
