// The chart as SVG (well-formed, accessible, no bar for a blocked cell) and as PNG rendered with the bundled font.
import { describe, expect, it } from 'vitest';
import type { CheckedTable } from '../../../src-main/disclosure/checked-table';
import { chartPng, pngSize } from '../../../src-main/export/chart-png';
import { chartSvg, escapeXml, hasChartableColumns } from '../../../src-main/export/chart-svg';
import { unpacked } from '../../../src-main/export/fonts';
import { educationTable, householdTable } from './support/tables';

/** A small well-formedness check: every tag closes in order, attributes are quoted, entities are known. */
function assertWellFormedXml(xml: string): void {
  const stack: string[] = [];
  const tags = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g;
  let position = 0;
  let match;
  while ((match = tags.exec(xml)) !== null) {
    const between = xml.slice(position, match.index);
    expect(between, `text before <${match[2]}>`).not.toMatch(/[<>]/);
    expect(between.replace(/&(#\d+|#x[0-9a-f]+|amp|lt|gt|quot|apos);/gi, '')).not.toContain('&');
    const [, closing, name, , selfClosing] = match;
    if (closing) expect(stack.pop(), `closing </${name}>`).toBe(name);
    else if (!selfClosing) stack.push(name ?? '');
    position = tags.lastIndex;
  }
  expect(xml.slice(position).trim()).toBe('');
  expect(stack).toEqual([]);
}

function withTitle(table: CheckedTable, title: string): CheckedTable {
  return { ...table, title };
}

describe('chartSvg', () => {
  it('is well-formed, with a title and a description for screen readers', () => {
    const svg = chartSvg(educationTable(), { idPrefix: 'chart-1' });
    assertWellFormedXml(svg);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('role="img" aria-labelledby="chart-1-title chart-1-desc"');
    expect(svg).toContain('<title id="chart-1-title">% huishoudens naar opleidingsniveau</title>');
    expect(svg).toMatch(/<desc id="chart-1-desc">[^<]+<\/desc>/);
  });

  it('draws one bar per value, Dutch percentages on the axis, and hidden cells as hatched slots marked x without a value', () => {
    const svg = chartSvg(educationTable());
    // 5 values (one of them a zero): 5 bars with a tooltip; 2 hatched slots of the same height; 1 empty.
    expect(svg.match(/<rect [^>]*fill="#(0072B2|E69F00)"><title>/g)).toHaveLength(5);
    expect(svg).toContain('Onbekend, Klanten: leeg');
    expect(svg.match(/fill="url\(#chart-hatch\)"/g)).toHaveLength(2);
    expect(
      new Set([...svg.matchAll(/y="([\d.]+)" width="[\d.]+" height="([\d.]+)" fill="url\(#chart-hatch\)"/g)].map((match) => `${match[1]}/${match[2]}`)).size,
    ).toBe(1);
    expect(svg.match(/fill="#8a1c1c">x<\/text>/g)).toHaveLength(2);
    for (const tick of ['0&#160;%', '10&#160;%', '50&#160;%']) expect(svg).toContain(`>${tick}</text>`);
    expect(svg).toContain('>48,2\u00a0%</text>');
    expect(svg).toContain('>0,0\u00a0%</text>');
    expect(svg).toContain('Middelbaar, Klanten: x');
    expect(svg).toContain('Gearceerd met x: niet getoond ter bescherming.');
  });

  it('escapes every text taken from the table', () => {
    const svg = chartSvg(withTitle(educationTable(), 'Huur & koop <script>alert("x")</script>'));
    assertWellFormedXml(svg);
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('Huur &#38; koop &#60;script&#62;');
    expect(escapeXml(`a&b<c>"d'`)).toBe('a&#38;b&#60;c&#62;&#34;d&#39;');
  });

  it('charts only percent columns, and refuses a table without any', () => {
    expect(hasChartableColumns(educationTable())).toBe(true);
    const counts: CheckedTable = { ...householdTable(), columns: householdTable().columns.map((column) => ({ ...column, format: 'count' as const })) };
    expect(() => chartSvg(counts)).toThrow(/no percent column/);
  });
});

describe('chartPng', () => {
  it('renders a PNG at twice the SVG size', async () => {
    const png = await chartPng(chartSvg(educationTable()));
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(pngSize(png)).toEqual({ width: 1640, height: 960 });
    expect(png.length).toBeGreaterThan(20_000);
  });

  it('draws the text with the bundled font (the image changes with the text, and differs from one without text)', async () => {
    const svg = chartSvg(educationTable());
    const withoutText = svg.replace(/<text[^>]*>[\s\S]*?<\/text>/g, '');
    const plain = await chartPng(svg);
    const other = await chartPng(chartSvg(withTitle(educationTable(), 'Een heel andere titel met ë, é en €')));
    const noText = await chartPng(withoutText);
    expect(plain.equals(noText)).toBe(false);
    expect(plain.equals(other)).toBe(false);
    // Glyphs add many edges: the compressed image with text is clearly larger than the one without.
    expect(plain.length).toBeGreaterThan(noText.length * 1.3);
  });

  it('renders many charts under one export signal, and stops once it is aborted', async () => {
    const controller = new AbortController();
    const svg = chartSvg(educationTable());
    for (let round = 0; round < 3; round += 1) expect(pngSize(await chartPng(svg, { signal: controller.signal })).width).toBeGreaterThan(0);
    controller.abort(new Error('gestopt'));
    await expect(chartPng(svg, { signal: controller.signal })).rejects.toThrow('gestopt');
  });

  it('rejects bytes that are not a PNG', () => {
    expect(() => pngSize(Buffer.from('not a png at all, not at all'))).toThrow(/Not a PNG/);
  });
});

describe('the bundled font in a packaged app', () => {
  it('is read from app.asar.unpacked, where the native rasterizer can open it', () => {
    expect(unpacked('/opt/Groepsbeeld/resources/app.asar/node_modules/source-sans/TTF/SourceSans3-Regular.ttf')).toBe(
      '/opt/Groepsbeeld/resources/app.asar.unpacked/node_modules/source-sans/TTF/SourceSans3-Regular.ttf',
    );
    expect(unpacked('C:\\Program Files\\Groepsbeeld\\resources\\app.asar\\node_modules\\x.ttf')).toBe(
      'C:\\Program Files\\Groepsbeeld\\resources\\app.asar.unpacked\\node_modules\\x.ttf',
    );
    expect(unpacked('/work/main/node_modules/source-sans/TTF/SourceSans3-Regular.ttf')).toBe('/work/main/node_modules/source-sans/TTF/SourceSans3-Regular.ttf');
  });
});
