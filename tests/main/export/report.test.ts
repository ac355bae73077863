// The HTML report (one self-contained page, strict CSP, escaped) and the PDF report (bundled font, a page per table,
// long tables that break and repeat their header, the thresholds in every footer), from hand-made checked tables.
import { describe, expect, it } from 'vitest';
import { ruleSummary, ruleSummaryLines } from '../../../src-main/disclosure/rule-summary';
import { ruleSetDigest } from '../../../src-main/disclosure/rule-set';
import { statusLegend } from '../../../src-main/export/cell-text';
import { chartPng } from '../../../src-main/export/chart-png';
import { chartSvg } from '../../../src-main/export/chart-svg';
import type { ReportInput } from '../../../src-main/export/report-content';
import { escapeHtml, REPORT_CSP, reportHtml } from '../../../src-main/export/report-html';
import { reportPdf } from '../../../src-main/export/report-pdf';
import { pdfPageCount, pdfPages, pdfText } from './support/pdf-text';
import { educationTable, householdTable, longTable, passingTable, RULES, STUDY } from './support/tables';

async function input(overrides: Partial<ReportInput> = {}): Promise<ReportInput> {
  const svg = chartSvg(educationTable(), { idPrefix: 'chart-vergelijking-opleiding' });
  return {
    study: STUDY,
    ruleSet: RULES,
    ruleSetDigest: ruleSetDigest(RULES),
    createdAt: new Date(2026, 10, 25, 14, 30),
    appVersion: '0.1.0',
    outputs: [
      {
        table: educationTable(),
        chartSvg: svg,
        chartPng: await chartPng(svg),
        comment: 'Vergelijking met alle huishoudens.',
        exceptionRequest: 'Graag de nulcel toestaan.',
      },
      { table: householdTable() },
      { table: passingTable() },
    ],
    ...overrides,
  };
}

/** The HTML of one table's section. */
function section(html: string, id: string): string {
  const start = html.indexOf(`<section class="output" id="tabel-${id}">`);
  expect(start, id).toBeGreaterThan(0);
  return html.slice(start, html.indexOf('</section>', start));
}

describe('reportHtml', () => {
  it('is one self-contained page: the strict CSP, no scripts, no external references', async () => {
    const html = reportHtml(await input());
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html.match(/<html/g)).toHaveLength(1);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`);
    expect(REPORT_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(html).not.toMatch(/<script|<link|<iframe|<object|<embed|\son\w+=|javascript:|@import|url\((?!#)/i);
    expect(html).not.toMatch(/(src|href)="(?!#)/);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg")/);
    expect(html).toContain('@media print');
  });

  it('has the title page with the study and the rules actually used', async () => {
    const html = reportHtml(await input());
    const title = html.slice(html.indexOf('<section class="title-page">'), html.indexOf('</section>'));
    for (const fact of [
      'Voedselbank Gilze en Rijen',
      '31-12-2017',
      'Gilze en Rijen (0784)',
      RULES.name,
      ruleSetDigest(RULES),
      '25-11-2026 14:30 met Groepsbeeld 0.1.0',
    ]) {
      expect(title, fact).toContain(escapeHtml(fact));
    }
    expect(title).toContain('<h2>Gebruikte regels</h2>');
    for (const line of ruleSummaryLines(RULES)) expect(title).toContain(`<li>${escapeHtml(line)}</li>`);
    expect(title).toMatch(/drempel 10, nulcellen/);
  });

  it('shows each table with its marks ("x" for every hidden cell), its verdict, its legend and the rules line', async () => {
    const html = reportHtml(await input());
    const education = section(html, 'vergelijking-opleiding');
    expect(education.match(/<td class="suppressed">x<\/td>/g)).toHaveLength(2);
    expect(education).toContain('<td class="review">0,0\u00a0% c</td>');
    expect(education).toContain('<td class="empty">–</td>');
    expect(education).toContain('Oordeel: <span class="verdict">ter controle</span>');
    const household = section(html, 'huishoudtype');
    expect(household.match(/<td class="suppressed">x<\/td>/g)).toHaveLength(6);
    expect(household).toContain('<td class="review">92,5\u00a0% c</td>');
    expect(household).toContain('<td class="rounded">1.235 a</td>');
    expect(household).toContain('<td class="safe">2,46</td>');
    expect(household).toContain('<td class="safe">-2,0\u00a0%-punt</td>');
    expect(household).toContain('<td class="safe">€\u00a014.300</td>');
    expect(household).toContain('<td class="empty">varieert</td>');
    expect(household).toContain('<td class="safe">&#60; 0,001</td>');
    expect(household).toContain('<tr class="total"><th scope="row">Totaal</th>');
    expect(household).toContain('=SOM(A1) / Aantal: afgerond op een veelvoud van 5.');
    expect(section(html, 'woonsituatie')).toContain('Oordeel: <span class="verdict">geslaagd</span>');
    for (const id of ['vergelijking-opleiding', 'huishoudtype', 'woonsituatie']) {
      const part = section(html, id);
      expect(part, id).toContain('<h3>Legenda</h3>');
      for (const entry of statusLegend(RULES)) expect(part, id).toContain(`<dt>${escapeHtml(entry.mark)}</dt><dd>${escapeHtml(entry.text)}</dd>`);
      expect(part, id).toContain(`<p class="rules">${escapeHtml(ruleSummary(RULES))}</p>`);
    }
    // The reasons a cell is hidden are for the checker (the output log), not for the reader.
    expect(html).not.toMatch(/geblokkeerd|secundair|dominantie \(/);
  });

  it('inlines the chart as SVG, with the analyst’s comment and exception request beside its table', async () => {
    const html = reportHtml(await input());
    const education = section(html, 'vergelijking-opleiding');
    expect(education).toContain('<figure><svg xmlns="http://www.w3.org/2000/svg"');
    expect(education).toContain('<h3>Toelichting van de analist</h3><p>Vergelijking met alle huishoudens.</p>');
    expect(education).toContain('<h3>Verzoek om uitzondering</h3><p>Graag de nulcel toestaan.</p>');
    expect(html.match(/<figure>/g)).toHaveLength(1);
    expect(html.match(/<h3>Verzoek om uitzondering<\/h3>/g)).toHaveLength(1);
  });

  it('escapes every text from the study, the tables and the analyst', async () => {
    const html = reportHtml(
      await input({
        study: { ...STUDY, name: '<img src=x onerror=alert(1)> & "co"', municipality: "Gilze' <b>" },
        outputs: [
          { table: { ...householdTable(), rowHeader: '<i>Type</i>' }, comment: '<script>alert(1)</script>', exceptionRequest: 'a & b' },
          { table: passingTable() },
        ],
      }),
    );
    expect(html).not.toMatch(/<img|<script>|<b>|<i>/);
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62; &#38; &#34;co&#34;');
    expect(html).toContain('Gilze&#39; &#60;b&#62;');
    expect(html).toContain('<title>&#60;img src=x onerror=alert(1)&#62; &#38; &#34;co&#34;: Groepsbeeld-export</title>');
    expect(html).toContain('Woonsituatie &#60;huur &#38; koop&#62;');
    expect(html).toContain('Paar; &#34;jong&#34;');
    expect(html).toContain('&#60;i&#62;Type&#60;/i&#62;');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).toContain('<p>a &#38; b</p>');
  });
});

describe('reportPdf', () => {
  it('is a PDF in the bundled font with a title page and one page per table', async () => {
    const pdf = await reportPdf(await input(), { compress: false });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+SourceSans3-Regular/);
    expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+SourceSans3-Semibold/);
    expect(pdf.toString('latin1')).toContain('/FontFile2');
    expect(pdf.toString('latin1')).not.toMatch(/\/BaseFont \/Helvetica/);
    const pages = pdfPages(pdf);
    expect(pdfPageCount(pdf)).toBe(4);
    expect(pages).toHaveLength(4);
    expect(pages[0]).toContain('Voedselbank Gilze en Rijen');
    expect(pages[0]).toContain('Gebruikte regels');
    for (const line of ruleSummaryLines(RULES)) expect(pages[0]).toContain(line);
    expect(pages[1]).toContain('% huishoudens naar opleidingsniveau');
    expect(pages[1]).toContain('Verzoek om uitzondering');
    expect(pages[2]).toContain('Huishoudtype van cliënten (€ per jaar)');
    expect(pages[2]).toContain('Eénoudergezin');
    expect(pages[2]).toContain('Paar; "jong"');
    expect(pages[3]).toContain('Woonsituatie <huur & koop>');
    for (const page of pages.slice(1)) {
      expect(page).toContain('Legenda');
      expect(page).toContain(`x: ${statusLegend(RULES)[0]!.text}`);
    }
    // Every hidden cell is drawn as its one mark.
    expect(pages[2]!.split('\n').filter((line) => line === 'x')).toHaveLength(6);
    // The chart is embedded as an image, on its table's page.
    expect(pdf.toString('latin1')).toMatch(/\/Subtype \/Image/);
  });

  it('states the thresholds actually used and the page in every footer', async () => {
    const pages = pdfPages(await reportPdf(await input({ ruleSet: { ...RULES, threshold: 15, protectionLevel: 12 } }), { compress: false }));
    pages.forEach((page, index) => {
      expect(page.replaceAll('\u00a0', ' ')).toContain(
        `Voedselbank Gilze en Rijen · drempel 15, beschermingsniveau 12, statistieken over ten minste 10 · pagina ${index + 1} van ${pages.length}`,
      );
    });
  });

  it('breaks a long table across pages and repeats its header on each', async () => {
    const pages = pdfPages(await reportPdf(await input({ outputs: [{ table: longTable(150) }] }), { compress: false }));
    expect(pages.length).toBeGreaterThanOrEqual(4);
    const tablePages = pages.slice(1);
    for (const page of tablePages) expect(page.split('\n').slice(0, 12), page.slice(0, 80)).toContain('Woonsituatie');
    expect(tablePages.flatMap((page) => page.split('\n')).filter((line) => /^Wijk \d+$/.test(line))).toHaveLength(150);
    expect(tablePages.at(-1)).toContain('Wijk 150');
  });

  it('reads the same when compressed', async () => {
    const same = await input();
    const compressed = await reportPdf(same);
    expect(compressed.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(compressed.length).toBeLessThan((await reportPdf(same, { compress: false })).length);
    expect(pdfText(compressed)).toBe(pdfText(await reportPdf(same, { compress: false })));
    expect(pdfText(compressed)).toContain('% huishoudens naar opleidingsniveau');
  });
});
