// The persona cards as one self-contained HTML file: no scripts, the report's strict CSP, inline CSS and SVG charts,
// printable with one card per A4 page.
import { personaChartSvg } from './persona-chart';
import { PERSONA_CAUTION, PERSONA_TITLE, type DisplayPersona, type PersonaDeck } from './persona-content';
import { dutchDate } from '../common/reference-date';
import type { PackageStudy } from './package-request';
import { formatCreatedAt } from './report-content';
import { escapeHtml, packageHtmlDocument } from './report-html';

export interface PersonaDocumentInput {
  study: PackageStudy;
  createdAt: Date;
  appVersion: string;
  deck: PersonaDeck;
}

const STYLE =
  `
:root { color-scheme: light; }
body { font-family: "Source Sans 3", "Segoe UI", Arial, sans-serif; color: #1a1a1a; ` +
  `margin: 0 auto; max-width: 48rem; padding: 2rem; line-height: 1.4; background: #f3f5f7; }
header.deck { margin-bottom: 1.5rem; }
header.deck h1 { font-size: 1.6rem; margin: 0 0 0.3rem; }
.meta { color: #555; margin: 0; }
section.card { background: #fff; border: 1px solid #d5dbe1; border-top: 6px solid #0072b2; ` +
  `border-radius: 6px; padding: 1.5rem 1.8rem; margin: 0 0 2rem; overflow-wrap: anywhere; }
.kicker { color: #0072b2; font-weight: 600; text-transform: uppercase; letter-spacing: 0.04em; font-size: 0.85rem; margin: 0; }
section.card h2 { font-size: 1.7rem; margin: 0.2rem 0 0.8rem; line-height: 1.2; }
.narrative { font-style: italic; margin: 0 0 1rem; white-space: pre-line; }
dl.facts { display: grid; grid-template-columns: minmax(8rem, max-content) 1fr; gap: 0.25rem 1.2rem; margin: 0 0 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
dd.suppressed { color: #8a1c1c; }
dd.review, dd.rounded { background: #fff6db; }
figure { margin: 0.5rem 0 1rem; }
figure svg { max-width: 100%; height: auto; display: block; }
h3 { font-size: 1.05rem; margin: 1rem 0 0.3rem; }
ul.stands-out { margin: 0; padding-left: 1.2rem; }
.caution { color: #555; font-size: 0.9rem; margin: 0.8rem 0 0; }
.edited { color: #555; font-size: 0.85rem; margin: 0.4rem 0 0; }
section.notes { margin-top: 1rem; }
@page { size: A4; margin: 15mm; }
@media print {
  body { max-width: none; padding: 0; background: #fff; font-size: 10pt; line-height: 1.3; }
  header.deck { display: none; }
  section.card { border: none; border-top: 5px solid #0072b2; border-radius: 0; margin: 0; padding: 0.6rem 0 0; break-after: page; break-inside: avoid; }
  section.card h2 { font-size: 19pt; margin-bottom: 0.5rem; }
  dl.facts { gap: 0.1rem 1rem; margin-bottom: 0.5rem; }
  figure { margin: 0.3rem 0 0.5rem; }
  figure svg { width: 75%; }
  h3 { margin-top: 0.5rem; }
  .caution, .edited { font-size: 8.5pt; }
  section.notes { break-before: page; }
}
`;

function factList(card: DisplayPersona): string {
  if (card.facts.length === 0) return '';
  const items = card.facts.map((fact) => `<dt>${escapeHtml(fact.label)}</dt><dd class="${fact.status}">${escapeHtml(fact.text)}</dd>`).join('\n');
  return `<dl class="facts">\n${items}\n</dl>`;
}

function cardSection(card: DisplayPersona, study: PackageStudy): string {
  const parts = [
    `<section class="card" id="persona-cluster-${card.cluster}">`,
    `<p class="kicker">${escapeHtml(card.subtitle)}</p>`,
    `<h2>${escapeHtml(card.title)}</h2>`,
  ];
  if (card.narrative !== '') parts.push(`<p class="narrative">${escapeHtml(card.narrative)}</p>`);
  parts.push(factList(card), `<figure>${personaChartSvg(card.chart, `persona-${card.cluster}`)}</figure>`);
  if (card.standsOut.length > 0) {
    parts.push('<h3>Wat opvalt</h3>', `<ul class="stands-out">${card.standsOut.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`);
  }
  parts.push(`<p class="caution">${escapeHtml(PERSONA_CAUTION)}</p>`);
  for (const entry of card.legend) parts.push(`<p class="edited">${escapeHtml(`${entry.mark}: ${entry.text}`)}</p>`);
  if (card.edited) parts.push('<p class="edited">Titel of verhaal geschreven door de analist.</p>');
  parts.push(`<p class="edited">${escapeHtml(`${study.name}, peildatum ${dutchDate(study.referenceDate)}`)}</p>`, '</section>');
  return parts.join('\n');
}

function notesSection(deck: PersonaDeck): string {
  if (deck.notes.length === 0) return '';
  return `<section class="notes">\n<h3>Clusters zonder kaart</h3>\n<ul>${deck.notes.map((note) => `<li>${escapeHtml(note)}</li>`).join('')}</ul>\n</section>`;
}

/** The cards as an HTML document. Every text from the study and the analyst is escaped; the charts are our own SVG. */
export function personaHtml(input: PersonaDocumentInput): string {
  const { study, deck } = input;
  const header =
    `<header class="deck">
<h1>${escapeHtml(PERSONA_TITLE)}</h1>
<p class="meta">` +
    escapeHtml(
      `${study.name}, gemeente ${study.municipality}, peildatum ${dutchDate(study.referenceDate)}. ` +
        `Gemaakt op ${formatCreatedAt(input.createdAt)} met Groepsbeeld ${input.appVersion}. ` +
        'Elk cijfer is gecontroleerd op de regels voor openbaarmaking.',
    ) +
    `</p>
</header>`;
  return packageHtmlDocument({
    title: `${study.name}: ${PERSONA_TITLE}`,
    appVersion: input.appVersion,
    style: STYLE,
    body: [header, ...deck.cards.map((card) => cardSection(card, study)), notesSection(deck)].join('\n'),
  });
}
