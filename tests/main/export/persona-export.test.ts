// Persona cards in the export package of a real study (HTML, PDF, a chart per card, persona-kaarten.csv with every
// figure on the cards), logged and checksummed; and, from hand-made cards, how a hidden figure is drawn: a hatched
// slot marked "x", its value in no written byte (with a control that the search finds it when the cell is shown).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonaCard } from '../../../src-main/analysis/profiles/persona';
import { parsePackageCsv } from '../../../src-main/audit/package-csv';
import { statusCounts } from '../../../src-main/disclosure/checked-table';
import { acroResultsSchema } from '../../../src-main/export/acro-results-schema';
import { writeExportPackage } from '../../../src-main/export/export-package';
import { verifyChecksums } from '../../../src-main/export/checksums-folder';
import { outputLogSchema, type OutputLog } from '../../../src-main/export/output-log';
import { NO_BARS_TEXT, personaChartLayout, personaChartSvg } from '../../../src-main/export/persona-chart';
import { PERSONA_OUTPUT_ID, PERSONA_TITLE } from '../../../src-main/export/persona-content';
import { personaHtml } from '../../../src-main/export/persona-html';
import { personaPdf } from '../../../src-main/export/persona-pdf';
import { REPORT_CSP } from '../../../src-main/export/report-html';
import { definitionsSchema } from '../../../src-main/publication/definitions-file';
import { linkedStudy, type StudyFixture } from '../support/study-fixture';
import { tempFolder } from '../support/temp-folder';
import { filesOf, holdsNumber, sha256 } from './support/package-files';
import { pdfPageCount, pdfPages } from './support/pdf-text';
import { csvText, documentInput, handCards, HIDDEN_NUMBERS, NARRATIVE, TITLE } from './support/persona-cards';
import { NOW, outputOf, packageRequest, realPublication, shareTexts, type RealPublication } from './support/study-package';

type Card = Extract<PersonaCard, { kind: 'card' }>;

const COMMENT = 'De kaarten voor het ontwerpteam.';

describe('the persona cards of a real study in the export package', () => {
  let study: StudyFixture;
  let real: RealPublication;
  let cards: Card[];
  let files: Map<string, Buffer>;
  let folder: string;
  let log: OutputLog;

  beforeAll(async () => {
    study = await linkedStudy();
    await study.session.profiles.editPersona({ cluster: 1, title: TITLE, narrative: NARRATIVE });
    real = await realPublication(study);
    cards = outputOf(real, PERSONA_OUTPUT_ID).cards!.filter((card): card is Card => card.kind === 'card');
    const parent = await tempFolder('groepsbeeld-persona-');
    // With the cluster table the cards' facts come from (the cards alone are exported in the test at the end).
    const selection = [
      { id: PERSONA_OUTPUT_ID, chart: true, comment: COMMENT },
      { id: 'clusterprofiel-k5', chart: false },
    ];
    const result = await study.session.export({ method: 'suppression', selection, folder: parent, now: NOW });
    if (result.status !== 'written') throw new Error(result.reasons.join('\n'));
    folder = result.folder;
    files = await filesOf(folder);
    log = outputLogSchema.parse(JSON.parse(files.get('output-log.json')!.toString('utf8')));
  }, 180_000);

  afterAll(() => study?.close());

  const personaFiles = () => [
    'persona-kaarten.csv',
    'persona-kaarten.html',
    'persona-kaarten.pdf',
    ...cards.flatMap((card) => [`persona-kaarten-cluster-${card.cluster}.svg`, `persona-kaarten-cluster-${card.cluster}.png`]),
  ];

  it('writes the figures as CSV, the HTML, the PDF and per card its chart as SVG and PNG, all checksummed', async () => {
    expect(cards.map((card) => card.cluster)).toEqual([1, 2, 3, 4, 5]);
    expect([...files.keys()]).toEqual(expect.arrayContaining(personaFiles()));
    const sums = files.get('SHA256SUMS')!.toString('utf8');
    for (const name of personaFiles()) expect(sums).toContain(`${sha256(files.get(name)!)}  ${name}\n`);
    expect(await verifyChecksums(folder)).toEqual({ ok: true, problems: [] });
  });

  it('offers the cards on the Export page as one candidate with the verdict of their figures and a chart', async () => {
    const preview = await study.session.exportPreview('suppression');
    const counts = statusCounts(outputOf(real, PERSONA_OUTPUT_ID).published.table);
    expect(preview.candidates.find((candidate) => candidate.id === PERSONA_OUTPUT_ID)).toEqual({
      id: PERSONA_OUTPUT_ID,
      title: PERSONA_TITLE,
      verdict: 'review',
      hidden: counts.suppressed,
      review: counts.review,
      chart: true,
    });
  });

  it('logs the cards as one output with its population, cell counts, verdict, notes, the analyst’s comment and its files', () => {
    const entry = log.outputs.find((output) => output.id === PERSONA_OUTPUT_ID)!;
    const figures = outputOf(real, PERSONA_OUTPUT_ID).published.table;
    expect(entry).toMatchObject({
      kind: 'personas',
      title: PERSONA_TITLE,
      population: { id: 'klanthuishoudens', label: 'Klanthuishoudens', units: 191 },
      checks: { verdict: 'review', hiddenCells: [] },
      comment: COMMENT,
      exceptionRequest: null,
    });
    expect(entry.checks.cellCounts).toEqual(statusCounts(figures));
    // Every figure a cell: per card its N, its facts and both bars of each chart trait.
    const figureCount = cards.reduce((sum, card) => sum + 1 + card.facts.length + 2 * card.chart.length, 0);
    expect(Object.values(entry.checks.cellCounts).reduce((sum, count) => sum + count, 0)).toBe(figureCount);
    expect(entry.checks.cellCounts.review).toBeGreaterThan(0);
    expect(entry.checks.notes.join(' ')).toMatch(/Titel of verhaal door de analist geschreven bij cluster 1: lees die tekst na/);
    expect(entry.files.map((file) => file.name)).toEqual(personaFiles());
    for (const file of entry.files) expect(file.sha256, file.name).toBe(sha256(files.get(file.name)!));
  });

  it('lists every figure on the cards in persona-kaarten.csv, each defined in definities.json for the auditor', () => {
    const csv = parsePackageCsv(files.get('persona-kaarten.csv')!.toString('utf8'), 'persona-kaarten.csv');
    expect(csv.header).toEqual(['Cijfer op de kaart', 'Waarde']);
    const expected = cards.flatMap((card) => [
      [`Cluster ${card.cluster}: aantal huishoudens`, csvText(card.count)],
      ...card.facts.map((fact) => [`Cluster ${card.cluster}: ${fact.label}`, csvText(fact.cell)]),
      ...card.chart.flatMap((bar) => [
        [`Cluster ${card.cluster}: ${bar.feature}: ${bar.label}, in dit cluster`, csvText(bar.inCluster)],
        [`Cluster ${card.cluster}: ${bar.feature}: ${bar.label}, alle klanten`, csvText(bar.overall)],
      ]),
    ]);
    expect(csv.rows.map((row) => row.fields)).toEqual(expected);
    expect(csv.rows[0]?.fields).toEqual(['Cluster 1: aantal huishoudens', '32']);
    const definitions = definitionsSchema.parse(JSON.parse(files.get('definities.json')!.toString('utf8')));
    const defined = definitions.outputs.find((output) => output.id === PERSONA_OUTPUT_ID)!;
    expect(defined.csv).toBe('persona-kaarten.csv');
    expect(defined.cells.map((cell) => cell.row)).toEqual(expected.map((_, index) => index));
  });

  it('lists the cards in results.json with their files, the CSV first, and the analyst’s comment', () => {
    const results = acroResultsSchema.parse(JSON.parse(files.get('results.json')!.toString('utf8')));
    const entry = results.results[PERSONA_OUTPUT_ID]!;
    expect(entry).toMatchObject({
      uid: PERSONA_OUTPUT_ID,
      status: 'review',
      properties: { method: 'persona cards' },
      comments: expect.arrayContaining([COMMENT]),
    });
    expect(entry.files.map((file) => file.name)).toEqual(personaFiles());
  });

  it('lists the cards in results.json as a table output: persona-kaarten.csv holds every figure on the cards, with its checks', () => {
    // Not ACRO's "custom" (no evidence): the cards' figures are a checked table of their own, so the checker gets the
    // positions of the hidden ones.
    const results = acroResultsSchema.parse(JSON.parse(files.get('results.json')!.toString('utf8')));
    const entry = results.results[PERSONA_OUTPUT_ID]!;
    expect(entry.type).toBe('table');
    const csv = entry.files.find((file) => file.name === `${PERSONA_OUTPUT_ID}.csv`);
    expect(csv?.sdc.summary).toBeDefined();
  });

  it('makes a self-contained HTML: strict CSP, no script, one card per printed page, Dutch numbers, the analyst’s texts escaped', () => {
    const html = files.get('persona-kaarten.html')!.toString('utf8');
    expect(html).toContain(`content="${REPORT_CSP}"`);
    expect(html).not.toMatch(/<script|<link|<iframe|\son\w+=|javascript:|(src|href)="(?!#)|https?:\/\/(?!www\.w3\.org\/2000\/svg")/i);
    expect(html).toMatch(/@media print \{[^}]*\{[^}]*\}\s*header\.deck \{ display: none; \}\s*section\.card \{[^}]*break-after: page/);
    expect(html.match(/<section class="card"/g)).toHaveLength(cards.length);
    expect(html.match(/<figure><svg xmlns="http:\/\/www.w3.org\/2000\/svg"/g)).toHaveLength(cards.length);
    expect(html).toContain('<h2>Jonge moeders &#60;in&#62; de bijstand</h2>');
    expect(html).toContain('<p class="narrative">Zij wonen vaak in &#60;Gilze&#62; &#38; hebben een kind onder de 10.</p>');
    expect(html).not.toContain('<Gilze>');
    expect(html).toContain('Titel of verhaal geschreven door de analist.');
    expect(html).toContain(`Cluster 2 · ${csvText(cards[1]!.count)} huishoudens`);
    // Number and unit stay together: a no-break space, a decimal comma.
    const share = cards[0]!.facts.find(
      (fact) => fact.cell.status === 'safe' && fact.cell.format === 'percent' && /\d,\d %$/.test(fact.text.replace('\u00a0', ' ')),
    )!;
    expect(html).toContain(share.text.replace(/(\d) %/, '$1\u00a0%'));
  });

  it('makes a PDF with one page per card, its title, subtitle and chart, in the bundled font', () => {
    const pdf = files.get('persona-kaarten.pdf')!;
    expect(pdfPageCount(pdf)).toBe(cards.length);
    expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+SourceSans3-Regular/);
    // Lines wrapped by the layout read as one text.
    const pages = pdfPages(pdf).map((page) => page.replace(/[\s\u00a0]+/g, ' '));
    cards.forEach((card, index) => {
      expect(pages[index]).toContain(`CLUSTER ${card.cluster} · ${csvText(card.count)} HUISHOUDENS`);
      expect(pages[index]).toContain(card.title);
      expect(pages[index]).toContain('Aandeel huishoudens: dit cluster tegen alle klanten');
      expect(pages[index]).toContain(`pagina ${index + 1} van ${cards.length}`);
    });
    expect(pages[0]).toContain(NARRATIVE);
  });

  it('exports the persona cards on their own, as the Export page offers them', async () => {
    const parent = await tempFolder('groepsbeeld-persona-');
    const result = await writeExportPackage(packageRequest(real, [{ id: PERSONA_OUTPUT_ID, chart: false }]), { folder: parent, now: NOW });
    expect(result.ok ? 'written' : result.error.message).toBe('written');
  }, 60_000);

  it('finds a shown bar’s value in the CSV, the HTML, the PDF and its chart (the search is sensitive)', () => {
    const bar = cards
      .flatMap((card) => card.chart.map((item) => ({ card, item })))
      .find(({ item }) => item.overall.status === 'safe' && 'value' in item.overall && item.overall.value < 100)!;
    const value = (bar.item.overall as { value: number }).value;
    for (const name of ['persona-kaarten.csv', 'persona-kaarten.html', 'persona-kaarten.pdf', `persona-kaarten-cluster-${bar.card.cluster}.svg`]) {
      expect(holdsNumber(name, files.get(name)!, shareTexts(value)), `${value} in ${name}`).toBe(true);
    }
  });
});

// Hand-made cards: the real demo cards have no hidden figure, the drawing of one is checked here.
describe('persona cards with a hidden figure', () => {
  it('draws a hidden bar as a hatched slot marked "x" without a value, and a chart without bars says so', () => {
    const [first, second] = handCards('suppressed') as [Card, Card];
    const svg = personaChartSvg(personaChartLayout(first.chart), 'persona-1');
    expect(svg.match(/fill="url\(#persona-1-hatch\)"/g)).toHaveLength(2);
    expect(svg).toContain('<title>Samenstelling huishouden: Eenouderhuishouden, in dit cluster: x</title>');
    expect(svg.match(/fill="#8a1c1c">x<\/text>/g)).toHaveLength(2);
    expect(svg).toContain('>15,2 %</text>');
    expect(svg).toContain('gearceerd met x: niet getoond ter bescherming');
    expect(personaChartSvg(personaChartLayout(second.chart), 'persona-2')).toContain(NO_BARS_TEXT);
    // The slot has a fixed width: it says nothing about the hidden share.
    const slots = personaChartLayout(first.chart).shapes.filter((shape) => shape.kind === 'rect' && shape.hatched);
    expect(new Set(slots.map((shape) => (shape.kind === 'rect' ? shape.width : 0))).size).toBe(1);
  });

  it('shows a hidden figure on the card as "x", never its value nor a stale text, in the HTML, the PDF and the chart', async () => {
    const input = documentInput('suppressed');
    const html = personaHtml(input);
    expect(html).toContain('<dt>Woning</dt><dd class="suppressed">x</dd>');
    const pdf = await personaPdf(input, { compress: false });
    const svg = personaChartSvg(input.deck.cards[0]!.chart, 'persona-1');
    for (const [name, bytes] of [
      ['persona-kaarten.html', Buffer.from(html)],
      ['persona-kaarten.pdf', pdf],
      ['persona-kaarten-cluster-1.svg', Buffer.from(svg)],
    ] as const) {
      expect(holdsNumber(name, bytes, HIDDEN_NUMBERS), name).toBe(false);
    }
    expect(
      pdfPages(pdf)[0]!
        .split('\n')
        .filter((line) => line === 'x'),
    ).toHaveLength(3);
  });

  it('finds the value in the HTML, the PDF and the chart when the cell is shown (the search is sensitive)', async () => {
    const input = documentInput('safe');
    const pdf = await personaPdf(input, { compress: false });
    const svg = personaChartSvg(input.deck.cards[0]!.chart, 'persona-1');
    for (const [name, bytes] of [
      ['persona-kaarten.html', Buffer.from(personaHtml(input))],
      ['persona-kaarten.pdf', pdf],
      ['persona-kaarten-cluster-1.svg', Buffer.from(svg)],
    ] as const) {
      expect(holdsNumber(name, bytes, HIDDEN_NUMBERS), name).toBe(true);
    }
  });

  it('makes a PDF with one page per card and one for the clusters without a card, texts as written', async () => {
    const pdf = await personaPdf(documentInput('suppressed'), { compress: false });
    expect(pdfPageCount(pdf)).toBe(3);
    const pages = pdfPages(pdf).map((page) => page.replaceAll('\u00a0', ' '));
    expect(pages[0]).toContain(TITLE);
    expect(pages[0]).toContain(NARRATIVE);
    expect(pages[0]).toContain('CLUSTER 1 · 26 HUISHOUDENS');
    expect(pages[0]).toContain('Met kinderen 96,0 % c');
    expect(pages[0]).toContain('c: ter controle');
    expect(pages[1]).toContain('Stel zonder uitkering');
    expect(pages[1]).toContain(NO_BARS_TEXT);
    expect(pages[2]).toContain('Clusters zonder kaart');
    expect(pages[2]).toContain('Cluster 3 is te klein voor een persona');
  });

  it('makes the HTML one card per printed page, with the note for the clusters without a card', () => {
    const html = personaHtml(documentInput('suppressed'));
    expect(html.match(/<section class="card"/g)).toHaveLength(2);
    expect(html).toContain('<h3>Clusters zonder kaart</h3>');
    expect(html).toContain('Cluster 2 · 35 huishoudens');
    expect(html).toContain('Met kinderen 96,0\u00a0% c');
    expect(html).toContain('<dd class="review">');
  });
});
