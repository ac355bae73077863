// The HTML report (self-contained, strict CSP, escaped) and the PDF report (bundled font, page breaks, charts, Dutch text).
import { describe, expect, it } from 'vitest';
import { ruleSetDigest } from '../../../src-main/disclosure/rule-set';
import type { PublishedLinkReport } from '../../../src-main/linking/link-report';
import { chartPng } from '../../../src-main/export/chart-png';
import { chartSvg } from '../../../src-main/export/chart-svg';
import type { ReportInput } from '../../../src-main/export/report-content';
import { escapeHtml, REPORT_CSP, reportHtml } from '../../../src-main/export/report-html';
import { reportPdf } from '../../../src-main/export/report-pdf';
import type { CheckedTable } from '../../../src-main/disclosure/checked-table';
import { pdfPageCount, pdfText } from './support/pdf-text';
import { educationTable, HIDDEN_TEXTS, householdTable, passingTable, RULE_SET_REF, RULES, STUDY } from './support/tables';

const LINK_REPORT: PublishedLinkReport = {
  referenceDate: '20171231',
  municipality: '0784',
  threshold: 10,
  ruleSet: RULE_SET_REF,
  steps: [{ id: 'residents', label: 'Bewoners', counts: [{ id: 'in', label: 'Bewoners op de peildatum', count: 26214 }, { id: 'few', label: 'Zonder huishouden', below: 10 }] }],
};

async function input(overrides: Partial<ReportInput> = {}): Promise<ReportInput> {
  const svg = chartSvg(educationTable(), { idPrefix: 'chart-vergelijking-opleiding' });
  return {
    study: STUDY,
    ruleSet: RULES,
    ruleSetDigest: ruleSetDigest(RULES),
    createdAt: new Date(2026, 10, 25, 14, 30),
    appVersion: '0.1.0',
    maskBlocked: true,
    outputs: [
      { table: educationTable(), chartSvg: svg, chartPng: await chartPng(svg), comment: 'Vergelijking met alle huishoudens.', exceptionRequest: 'Graag de nulcel toestaan.' },
      { table: householdTable() },
      { table: passingTable() },
    ],
    linkReport: LINK_REPORT,
    ...overrides,
  };
}

function longTable(rows: number): CheckedTable {
  return {
    ...passingTable(),
    id: 'lang',
    title: 'Lange tabel per wijk',
    rows: Array.from({ length: rows }, (_, index) => ({ id: `r${index}`, label: `Wijk ${index + 1}`, total: false, cells: [{ status: 'safe' as const, value: index }] })),
  };
}

describe('reportHtml', () => {
  it('is one self-contained page: the strict CSP, no scripts, no external references', async () => {
    const html = reportHtml(await input());
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`);
    expect(REPORT_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(html).not.toMatch(/<script|<link|<iframe|\son\w+=|javascript:/i);
    expect(html).not.toMatch(/(src|href)="(?!#)/);
    expect(html).toContain('@media print');
  });

  it('has the title page, each table with its status marks and legend, the charts inline and the link report', async () => {
    const html = reportHtml(await input());
    for (const fact of ['Voedselbank Gilze en Rijen', '31-12-2017', 'Gilze en Rijen (0784)', RULES.name, ruleSetDigest(RULES)]) expect(html).toContain(escapeHtml(fact));
    expect(html).toContain('<td class="blocked">geblokkeerd: minder dan 10 eenheden</td>');
    expect(html).toContain('<td class="secondary">secundair onderdrukt</td>');
    expect(html).toContain('<td class="review">92,5\u00a0% c</td>');
    expect(html).toContain('<td class="rounded">1.235 a</td>');
    expect(html.match(/<h3>Legenda<\/h3>/g)).toHaveLength(3);
    expect(html).toContain('<figure><svg xmlns="http://www.w3.org/2000/svg"');
    expect(html).toContain('Verzoek om uitzondering');
    expect(html).toContain('<h2>Koppelrapport</h2>');
    expect(html).toContain('<td>&#60; 10</td>');
    expect(html).toContain('<td>26.214</td>');
    for (const hidden of HIDDEN_TEXTS) expect(html).not.toContain(hidden);
  });

  it('escapes every text from the study', async () => {
    const html = reportHtml(await input({ study: { ...STUDY, name: '<img src=x onerror=alert(1)> & "co"' } }));
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62; &#38; &#34;co&#34;');
    expect(html).toContain('Woonsituatie &#60;huur &#38; koop&#62;');
  });
});

describe('reportPdf', () => {
  it('is a PDF with a title page, one page per table and the link report, in the bundled font', async () => {
    const pdf = await reportPdf(await input(), { compress: false });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(5);
    expect(pages).toBeLessThanOrEqual(8);
    expect(pdf.toString('latin1')).toContain('SourceSans3-Regular');
    const text = pdfText(pdf);
    expect(text).toContain('Voedselbank Gilze en Rijen');
    expect(text).toContain('% huishoudens naar opleidingsniveau');
    expect(text).toContain('Huishoudtype van cliënten (€ per jaar)');
    expect(text).toContain('Eénoudergezin');
    expect(text).toContain('geblokkeerd: minder dan 10 eenheden');
    expect(text).toContain('Koppelrapport');
    expect(text).toContain(`pagina 1 van ${pages}`);
    for (const hidden of HIDDEN_TEXTS) expect(text).not.toContain(hidden);
    // The chart is embedded as an image.
    expect(pdf.toString('latin1')).toMatch(/\/Subtype \/Image/);
  });

  it('breaks a long table across pages and repeats its header', async () => {
    const pdf = await reportPdf(await input({ outputs: [{ table: longTable(120) }], linkReport: undefined }), { compress: false });
    expect(pdfPageCount(pdf)).toBeGreaterThanOrEqual(4);
    const text = pdfText(pdf);
    expect(text).toContain('Wijk 120');
    expect(text.split('\n').filter((line) => line === 'Woonsituatie').length).toBeGreaterThanOrEqual(3);
  });

  it('reads the same when compressed', async () => {
    const pdf = await reportPdf(await input());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfText(pdf)).toContain('% huishoudens naar opleidingsniveau');
  });
});
