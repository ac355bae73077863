// A persona card's small chart: per trait two horizontal bars (share in the cluster, share among all clients), laid
// out once as shapes and drawn as SVG here and with pdfkit in persona-pdf.ts, so both say exactly the same.
import type { PublishedCell } from '../disclosure/checked-table';
import type { PersonaChartBar } from '../analysis/profiles/persona';
import { cellDisplayText } from './cell-text';
import { CHART_FONT_FAMILY, CHART_PALETTE, escapeXml } from './chart-svg';

export const PERSONA_CHART_WIDTH = 640;
export const SERIES = [
  { label: 'In dit cluster', colour: CHART_PALETTE[0] },
  { label: 'Alle klanten', colour: CHART_PALETTE[1] },
] as const;

const LEFT = 16;
const VALUE_SPACE = 96;
const TOP = 72;
const ROW_HEIGHT = 58;
const BAR_HEIGHT = 14;
const BOTTOM = 40;
const BLOCKED_WIDTH = 56;
const TEXT = '#1a1a1a';
const MUTED = '#555555';
const BLOCKED = '#8a1c1c';
export const NO_BARS_TEXT = 'Geen kenmerken die genoeg opvallen om hier te tonen.';

export type ChartShape =
  | { kind: 'rect'; x: number; y: number; width: number; height: number; fill: string; hatched?: boolean; title?: string }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; stroke: string }
  | { kind: 'text'; x: number; y: number; text: string; size: number; weight: 'normal' | 'bold'; fill: string; anchor: 'start' | 'end' };

export interface PersonaChartLayout {
  width: number;
  height: number;
  title: string;
  description: string;
  shapes: ChartShape[];
}

/** Dutch text of a chart cell: "81,3 %", or "x" when it is hidden (never a number then). */
function cellText(cell: PublishedCell): string {
  return cellDisplayText(cell, 'percent').replaceAll('\u00a0', ' ');
}

/** One bar or, for a cell without a value, a hatched slot of fixed width (blocked, suppressed) or a dash (empty). */
function barShapes(cell: PublishedCell, x: number, y: number, plotWidth: number, colour: string, label: string): ChartShape[] {
  const text = cellText(cell);
  const textY = y + BAR_HEIGHT - 2;
  if ('value' in cell) {
    const width = Math.max(1, (Math.max(0, Math.min(100, cell.value)) / 100) * plotWidth);
    return [
      { kind: 'rect', x, y, width, height: BAR_HEIGHT, fill: colour, title: `${label}: ${text}` },
      { kind: 'text', x: x + width + 6, y: textY, text, size: 12, weight: 'normal', fill: TEXT, anchor: 'start' },
    ];
  }
  if (cell.status === 'suppressed') {
    return [
      { kind: 'rect', x, y, width: BLOCKED_WIDTH, height: BAR_HEIGHT, fill: '#ffffff', hatched: true, title: `${label}: ${text}` },
      { kind: 'text', x: x + BLOCKED_WIDTH + 6, y: textY, text, size: 12, weight: 'normal', fill: BLOCKED, anchor: 'start' },
    ];
  }
  return [{ kind: 'text', x: x + 6, y: textY, text: '–', size: 12, weight: 'normal', fill: MUTED, anchor: 'start' }];
}

/** A bar's heading fits the chart's width at this many characters (13 px semibold). */
const MAX_TITLE_CHARACTERS = 78;

/** "Jongste kind: Jonger dan 10 jaar": the feature first, so a category such as "Ja" reads on its own. */
export function barTitle(bar: PersonaChartBar): string {
  return `${bar.feature}: ${bar.label}`;
}

function shortened(text: string): string {
  return text.length <= MAX_TITLE_CHARACTERS ? text : `${text.slice(0, MAX_TITLE_CHARACTERS - 1).trimEnd()}…`;
}

/** The chart of one card as shapes; `population` names the clients in the source line. */
export function personaChartLayout(bars: readonly PersonaChartBar[], population = 'klanthuishoudens'): PersonaChartLayout {
  const width = PERSONA_CHART_WIDTH;
  const plotWidth = width - LEFT - VALUE_SPACE;
  const rows = Math.max(1, bars.length);
  const height = TOP + rows * ROW_HEIGHT + BOTTOM;
  const title = 'Aandeel huishoudens: dit cluster tegen alle klanten';
  const shapes: ChartShape[] = [{ kind: 'text', x: LEFT, y: 24, text: title, size: 16, weight: 'bold', fill: TEXT, anchor: 'start' }];
  let legendX = LEFT;
  for (const series of SERIES) {
    shapes.push({ kind: 'rect', x: legendX, y: 38, width: 12, height: 12, fill: series.colour });
    shapes.push({ kind: 'text', x: legendX + 18, y: 48, text: series.label, size: 12, weight: 'normal', fill: TEXT, anchor: 'start' });
    legendX += 130;
  }
  if (bars.length === 0) shapes.push({ kind: 'text', x: LEFT, y: TOP + 24, text: NO_BARS_TEXT, size: 13, weight: 'normal', fill: MUTED, anchor: 'start' });
  bars.forEach((bar, index) => {
    const top = TOP + index * ROW_HEIGHT;
    shapes.push({ kind: 'text', x: LEFT, y: top + 12, text: shortened(barTitle(bar)), size: 13, weight: 'bold', fill: TEXT, anchor: 'start' });
    shapes.push({ kind: 'line', x1: LEFT, y1: top + 18, x2: LEFT, y2: top + 20 + 2 * BAR_HEIGHT + 4, stroke: '#767676' });
    shapes.push(...barShapes(bar.inCluster, LEFT, top + 19, plotWidth, SERIES[0].colour, `${barTitle(bar)}, ${SERIES[0].label.toLowerCase()}`));
    shapes.push(...barShapes(bar.overall, LEFT, top + 21 + BAR_HEIGHT, plotWidth, SERIES[1].colour, `${barTitle(bar)}, ${SERIES[1].label.toLowerCase()}`));
  });
  const cells = bars.flatMap((bar) => [bar.inCluster, bar.overall]);
  const review = cells.some((cell) => cell.status === 'review') ? ' c: ter controle.' : '';
  shapes.push({
    kind: 'text',
    x: LEFT,
    y: height - 14,
    text: `Bron: Groepsbeeld, ${population}. Aandelen in procenten; gearceerd met x: niet getoond ter bescherming.${review}`,
    size: 11,
    weight: 'normal',
    fill: MUTED,
    anchor: 'start',
  });
  const description =
    bars.length === 0
      ? NO_BARS_TEXT
      : `Staafdiagram: per kenmerk het aandeel huishoudens in dit cluster en bij alle klanten. ${bars
          .map((bar) => `${barTitle(bar)}: ${cellText(bar.inCluster)} in dit cluster, ${cellText(bar.overall)} bij alle klanten`)
          .join('; ')}.`;
  return { width, height, title, description, shapes };
}

function round(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** The chart as a standalone SVG document (also inlined in the HTML cards); `idPrefix` keeps ids unique per page. */
export function personaChartSvg(layout: PersonaChartLayout, idPrefix = 'persona'): string {
  const id = idPrefix.replace(/[^A-Za-z0-9-]/g, '-');
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" ` +
      `role="img" aria-labelledby="${id}-title ${id}-desc" font-family="${CHART_FONT_FAMILY}, sans-serif">`,
    `<title id="${id}-title">${escapeXml(layout.title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(layout.description)}</desc>`,
    `<defs><pattern id="${id}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect ` +
      `width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#767676" stroke-width="2"/></pattern></defs>`,
    `<rect width="${layout.width}" height="${layout.height}" fill="#ffffff"/>`,
  ];
  for (const shape of layout.shapes) {
    if (shape.kind === 'rect') {
      const fill = shape.hatched ? `url(#${id}-hatch)` : shape.fill;
      const stroke = shape.hatched ? ' stroke="#767676" stroke-width="1"' : '';
      const title = shape.title ? `<title>${escapeXml(shape.title)}</title>` : '';
      parts.push(
        `<rect x="${round(shape.x)}" y="${round(shape.y)}" width="${round(shape.width)}" ` +
          `height="${round(shape.height)}" fill="${fill}"${stroke}>${title}</rect>`,
      );
    } else if (shape.kind === 'line') {
      parts.push(
        `<line x1="${round(shape.x1)}" y1="${round(shape.y1)}" x2="${round(shape.x2)}" y2="${round(shape.y2)}" stroke="${shape.stroke}" stroke-width="1"/>`,
      );
    } else {
      const weight = shape.weight === 'bold' ? ' font-weight="600"' : '';
      const anchor = shape.anchor === 'end' ? ' text-anchor="end"' : '';
      parts.push(
        `<text x="${round(shape.x)}" y="${round(shape.y)}" font-size="${shape.size}"${weight}${anchor} fill="${shape.fill}">${escapeXml(shape.text)}</text>`,
      );
    }
  }
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
