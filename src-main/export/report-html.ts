// The export as one self-contained HTML report: no scripts, a strict CSP, inline CSS and SVG charts, print-friendly.
import { dutchDate } from '../common/reference-date';
import { displayTable, rulesLine, rulesLines, titlePageFacts, type DisplayTable, type ReportInput } from './report-content';

export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** Text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

const STYLE = `
:root { color-scheme: light; }
body { font-family: "Source Sans 3", "Segoe UI", Arial, sans-serif; color: #1a1a1a; margin: 0 auto; max-width: 60rem; padding: 2rem; line-height: 1.45; }
h1 { font-size: 2rem; margin: 0 0 1.5rem; }
h2 { font-size: 1.4rem; margin: 2.5rem 0 0.3rem; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 0.3rem; }
.title-page dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.4rem 1.5rem; }
.title-page dt { font-weight: 600; }
.title-page dd { margin: 0; overflow-wrap: anywhere; }
.meta { color: #444; margin: 0 0 0.8rem; }
caption { caption-side: top; text-align: left; }
.verdict { font-weight: 600; }
table.data { border-collapse: collapse; margin: 0.5rem 0 1rem; font-variant-numeric: tabular-nums; }
table.data th, table.data td { border-bottom: 1px solid #ccc; padding: 0.3rem 0.7rem; text-align: right; vertical-align: top; }
table.data th:first-child, table.data td:first-child { text-align: left; }
table.data thead th { background: #e8eef4; border-bottom: 2px solid #1a1a1a; }
table.data tr.total td { font-weight: 600; border-top: 2px solid #1a1a1a; }
td.suppressed { color: #8a1c1c; background: repeating-linear-gradient(45deg, #fff, #fff 4px, #f1e4e4 4px, #f1e4e4 8px); }
.rules { font-size: 0.85rem; color: #555; }
td.empty { color: #666; }
td.review, td.rounded { background: #fff6db; }
.legend { font-size: 0.9rem; color: #333; }
.legend dt { font-weight: 600; float: left; width: 6rem; clear: left; }
.legend dd { margin: 0 0 0.2rem 6.5rem; }
.notes { font-size: 0.9rem; }
.analyst { border-left: 4px solid #0072b2; padding: 0.2rem 0.8rem; margin: 0.8rem 0; }
figure { margin: 1rem 0; }
figure svg { max-width: 100%; height: auto; }
@page { size: A4; margin: 18mm 15mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  .title-page { break-after: page; }
  section.output { break-before: page; }
  table.data, figure, .legend { break-inside: avoid; }
  thead { display: table-header-group; }
}
`;

function titlePage(input: ReportInput): string {
  const facts = titlePageFacts(input)
    .map((fact) => `<dt>${escapeHtml(fact.label)}</dt><dd>${escapeHtml(fact.value)}</dd>`)
    .join('\n');
  return (
    `<section class="title-page">
<h1>${escapeHtml(input.study.name)}</h1>
<p class="meta">Groepsbeeld-export: gecontroleerde tabellen, ${escapeHtml(input.study.municipality)}, ` +
    `peildatum ${escapeHtml(dutchDate(input.study.referenceDate))}.</p>
<dl>
${facts}
</dl>
<p>Alle cijfers zijn samen gecontroleerd op de regels van de regelset: geen verborgen cel is terug te ` +
    `rekenen uit de andere cijfers van dit pakket. Een verborgen cel staat overal als x, zonder waarde.</p>
<h2>Gebruikte regels</h2>
<ul class="rules">${rulesLines(input.ruleSet)
      .map((line) => `<li>${escapeHtml(line)}</li>`)
      .join('')}</ul>
</section>`
  );
}

function dataTable(table: DisplayTable): string {
  const head = table.header.map((label) => `<th scope="col">${escapeHtml(label)}</th>`).join('');
  const body = table.rows
    .map((row) => {
      const cells = row.cells.map((cell) => `<td class="${cell.status}">${escapeHtml(cell.text)}</td>`).join('');
      return `<tr${row.total ? ' class="total"' : ''}><th scope="row">${escapeHtml(row.label)}</th>${cells}</tr>`;
    })
    .join('\n');
  return (
    `<table class="data">\n<caption class="meta">${escapeHtml(table.population)}</caption>\n` +
    `<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`
  );
}

function outputSection(input: ReportInput, output: ReportInput['outputs'][number]): string {
  const table = displayTable(output.table, input.ruleSet);
  const parts = [
    `<section class="output" id="${escapeHtml(`tabel-${table.id}`)}">`,
    `<h2>${escapeHtml(table.title)}</h2>`,
    `<p class="meta">Oordeel: <span class="verdict">${escapeHtml(table.verdict)}</span></p>`,
    dataTable(table),
  ];
  if (output.chartSvg) parts.push(`<figure>${output.chartSvg}</figure>`);
  if (table.notes.length > 0) parts.push(`<ul class="notes">${table.notes.map((note) => `<li>${escapeHtml(note)}</li>`).join('')}</ul>`);
  if (output.comment?.trim()) parts.push(`<div class="analyst"><h3>Toelichting van de analist</h3><p>${escapeHtml(output.comment.trim())}</p></div>`);
  if (output.exceptionRequest?.trim()) {
    parts.push(`<div class="analyst"><h3>Verzoek om uitzondering</h3><p>${escapeHtml(output.exceptionRequest.trim())}</p></div>`);
  }
  parts.push(
    `<h3>Legenda</h3>\n<dl class="legend">${table.legend.map((entry) => `<dt>${escapeHtml(entry.mark)}</dt><dd>${escapeHtml(entry.text)}</dd>`).join('')}</dl>`,
    `<p class="rules">${escapeHtml(rulesLine(input.ruleSet))}</p>`,
    '</section>',
  );
  return parts.join('\n');
}

/**
 * A standalone, script-free HTML document for the export package: the strict CSP, the generator, the escaped
 * title, its own style sheet, and `body` (already escaped by the caller) as the content.
 */
export function packageHtmlDocument(document: { title: string; appVersion: string; style: string; body: string }): string {
  return `<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Groepsbeeld ${escapeHtml(document.appVersion)}">
<title>${escapeHtml(document.title)}</title>
<style>${document.style}</style>
</head>
<body>
${document.body}
</body>
</html>
`;
}

/** The whole report as an HTML document. Every text from the study is escaped; the charts are our own SVG. */
export function reportHtml(input: ReportInput): string {
  const sections = input.outputs.map((output) => outputSection(input, output));
  return packageHtmlDocument({
    title: `${input.study.name}: Groepsbeeld-export`,
    appVersion: input.appVersion,
    style: STYLE,
    body: [titlePage(input), ...sections].join('\n'),
  });
}
