// A checked table's percent columns as an accessible grouped bar chart in SVG; hidden cells as hatched empty slots marked x.
import { columnTitle, type CheckedTable, type PublishedCell } from '../disclosure/checked-table';
import { dutchFigure } from '../publication/dutch-format';

/** Okabe-Ito: distinguishable with every common form of colour blindness, and in greyscale print. */
export const CHART_PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#000000', '#F0E442'] as const;
export const CHART_FONT_FAMILY = 'Source Sans 3';

const WIDTH = 820;
const HEIGHT = 480;
const MARGIN = { top: 92, right: 24, bottom: 86, left: 64 };
const BLOCKED_SLOT_HEIGHT = 64;
const BLOCKED_LABEL = 'x';

/** Text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function round(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** A "nice" top of the axis: the next multiple of 10 % at or above the highest bar (at least 10 %). */
function axisMaximum(values: readonly number[]): number {
  return Math.ceil(Math.max(10, ...values) / 10) * 10;
}

/** Breaks a category label into lines of at most `width` characters (whole words). */
function wrapLabel(label: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines.slice(0, 3);
}

export interface ChartOptions {
  /** Shown above the chart and as the SVG's <title>; the table's title when absent. */
  title?: string;
  /** Prefix of the SVG's element ids, unique per chart when several are inlined in one HTML page. */
  idPrefix?: string;
}

/** True when the table has a percent column to chart. */
export function hasChartableColumns(table: CheckedTable): boolean {
  return table.columns.some((column) => column.format === 'percent');
}

/**
 * The chart as an SVG document: categories (the non-total rows) on the x axis, one bar per percent column.
 * Only cells with a value become bars; a hidden cell is a hatched slot of fixed height
 * marked "x", an empty cell draws nothing, so no bar ever reveals a suppressed value.
 */
export function chartSvg(table: CheckedTable, options: ChartOptions = {}): string {
  const groups = table.columns.flatMap((column, index) => (column.format === 'percent' ? [{ label: columnTitle(column), index }] : []));
  if (groups.length === 0) throw new Error(`Table "${table.id}" has no percent column to chart.`);
  const categories = table.rows.filter((row) => !row.total);
  const title = options.title ?? table.title;
  const id = (options.idPrefix ?? 'chart').replace(/[^A-Za-z0-9-]/g, '-');
  const values = categories.flatMap((row) => groups.flatMap((group) => valueOf(row.cells[group.index])));
  const maximum = axisMaximum(values);
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const baseline = MARGIN.top + plotHeight;
  const slot = plotWidth / Math.max(1, categories.length);
  const barWidth = Math.min(48, (slot * 0.8) / groups.length);
  const y = (value: number): number => baseline - (Math.max(0, Math.min(value, maximum)) / maximum) * plotHeight;
  const colour = (position: number): string => CHART_PALETTE[position % CHART_PALETTE.length] ?? '#000000';

  const description =
    `Staafdiagram: ${groups.map((group) => group.label).join(', ')} per ${table.rowHeader.toLowerCase()}. ` +
    `Populatie: ${table.population.label}. Niet getoonde cellen zijn een gearceerd leeg vak met een x, zonder waarde.`;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" ` +
      `role="img" aria-labelledby="${id}-title ${id}-desc" font-family="${CHART_FONT_FAMILY}, sans-serif">`,
    `<title id="${id}-title">${escapeXml(title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(description)}</desc>`,
    `<defs><pattern id="${id}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect ` +
      `width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#767676" stroke-width="2"/></pattern></defs>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${MARGIN.left}" y="32" font-size="20" font-weight="600" fill="#1a1a1a">${escapeXml(title)}</text>`,
  ];
  // Legend: one swatch per group, under the title.
  let legendX = MARGIN.left;
  groups.forEach((group, position) => {
    parts.push(`<rect x="${legendX}" y="50" width="14" height="14" fill="${colour(position)}"/>`);
    parts.push(`<text x="${legendX + 20}" y="62" font-size="14" fill="#1a1a1a">${escapeXml(group.label)}</text>`);
    legendX += 40 + group.label.length * 7.5;
  });
  // Axis with gridlines every 10 % (every 20 % above 50 %), in Dutch notation.
  const step = maximum > 50 ? 20 : 10;
  for (let tick = 0; tick <= maximum; tick += step) {
    const tickY = round(y(tick));
    parts.push(
      `<line x1="${MARGIN.left}" y1="${tickY}" x2="${WIDTH - MARGIN.right}" y2="${tickY}" stroke="${tick === 0 ? '#1a1a1a' : '#dddddd'}" stroke-width="1"/>`,
    );
    parts.push(
      `<text x="${MARGIN.left - 8}" y="${round(y(tick) + 4)}" font-size="12" ` +
        `text-anchor="end" fill="#444444">${escapeXml(dutchFigure(tick, 'count', 0))}&#160;%</text>`,
    );
  }
  categories.forEach((row, categoryIndex) => {
    const groupStart = MARGIN.left + categoryIndex * slot + (slot - barWidth * groups.length) / 2;
    groups.forEach((group, position) => {
      const x = groupStart + position * barWidth;
      parts.push(
        barOrSlot(
          row.cells[group.index],
          { x, width: barWidth, baseline, colour: colour(position), label: `${row.label}, ${group.label}`, hatch: `${id}-hatch` },
          y,
        ),
      );
    });
    const width = Math.max(8, Math.floor(slot / 7));
    const lines = wrapLabel(row.label, width);
    // One long Dutch compound ("Eenpersoonshuishouden") cannot wrap: it is set smaller so it stays in its slot.
    const fontSize = Math.max(9, Math.min(13, Math.floor((13 * width) / Math.max(...lines.map((line) => line.length)))));
    lines.forEach((line, lineIndex) => {
      parts.push(
        `<text x="${round(MARGIN.left + (categoryIndex + 0.5) * slot)}" y="${baseline + 20 + lineIndex * 15}" ` +
          `font-size="${fontSize}" text-anchor="middle" fill="#1a1a1a">${escapeXml(line)}</text>`,
      );
    });
  });
  parts.push(
    `<text x="${MARGIN.left}" y="${HEIGHT - 12}" font-size="12" ` +
      `fill="#555555">${escapeXml(`Bron: Groepsbeeld, ${table.population.label}. Gearceerd met x: niet getoond ter bescherming.`)}</text>`,
  );
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

function valueOf(cell: PublishedCell | undefined): number[] {
  return cell && 'value' in cell ? [cell.value] : [];
}

interface Slot {
  x: number;
  width: number;
  baseline: number;
  colour: string;
  label: string;
  hatch: string;
}

function barOrSlot(cell: PublishedCell | undefined, slot: Slot, y: (value: number) => number): string {
  const { x, width, baseline, colour, label } = slot;
  const inset = Math.min(2, width / 8);
  const left = x + inset;
  const barWidth = width - 2 * inset;
  const centre = round(x + width / 2);
  if (cell && 'value' in cell) {
    const top = y(cell.value);
    const text = dutchFigure(cell.value, 'percent', cell.decimals);
    return [
      `<rect x="${round(left)}" y="${round(top)}" width="${round(barWidth)}" ` +
        `height="${round(baseline - top)}" fill="${colour}"><title>${escapeXml(`${label}: ${text}`)}</title></rect>`,
      `<text x="${centre}" y="${round(top - 5)}" font-size="11" text-anchor="middle" fill="#1a1a1a">${escapeXml(text)}</text>`,
    ].join('\n');
  }
  if (cell?.status === 'suppressed') {
    const top = baseline - BLOCKED_SLOT_HEIGHT;
    const labelY = round(top - 6);
    return [
      `<rect x="${round(left)}" y="${top}" width="${round(barWidth)}" height="${BLOCKED_SLOT_HEIGHT}" ` +
        `fill="url(#${slot.hatch})" stroke="#767676" stroke-width="1"><title>${escapeXml(`${label}: ${BLOCKED_LABEL}`)}</title></rect>`,
      `<text x="${centre}" y="${labelY}" font-size="12" text-anchor="middle" fill="#8a1c1c">${BLOCKED_LABEL}</text>`,
    ].join('\n');
  }
  return `<text x="${centre}" y="${baseline - 5}" font-size="11" text-anchor="middle" fill="#555555">–<title>${escapeXml(`${label}: leeg`)}</title></text>`;
}
