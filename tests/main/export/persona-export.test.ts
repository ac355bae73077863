// Persona cards in the export package: HTML, PDF and a chart per card, checked like tables, logged with checksums,
// and a blocked figure's value in no written byte (with a control that the search finds it when the cell is safe).
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PersonaCard } from '../../../src-main/analysis/profiles/persona';
import { CLIENT_HOUSEHOLDS } from '../../../src-main/analysis/population';
import { writeExportPackage, type ExportRequest } from '../../../src-main/export/export-package';
import { outputLogSchema } from '../../../src-main/export/output-log';
import { REPORT_CSP } from '../../../src-main/export/report-html';
import { exportCandidates, exportStudy, PERSONA_OUTPUT_ID } from '../../../src-main/export/study-export';
import { tempFolder } from '../support/temp-folder';
import { filesOf, searchableTexts, sha256 } from './support/package-files';
import { pdfPageCount, pdfText } from './support/pdf-text';
import { HIDDEN_TEXTS, HIDDEN_VALUE, passingTable, RULES, STUDY } from './support/tables';

const NOW = new Date(2026, 10, 25, 14, 30, 5);

/** Two cards and a note; cluster 1's first bar and its second fact are blocked (or, in the control, safe with HIDDEN_VALUE). */
function cards(hidden: 'blocked' | 'safe'): PersonaCard[] {
  const hiddenCell = hidden === 'blocked' ? ({ status: 'blocked', rule: 'threshold' } as const) : ({ status: 'safe', value: HIDDEN_VALUE } as const);
  return [
    {
      kind: 'card',
      cluster: 1,
      count: { status: 'safe', value: 26 },
      automaticTitle: 'Jong eenouderhuishouden in de bijstand',
      title: 'Jonge moeders in de bijstand',
      narrative: 'Zij wonen vaak in <Gilze> & hebben een kind onder de 10.',
      facts: [
        { label: 'Type uitkering', text: 'Bijstand 81 %', cell: { status: 'safe', value: 81, text: 'Bijstand 81 %' } },
        { label: 'Besteedbaar inkomen', text: 'EUR 14.000', cell: hiddenCell },
        { label: 'Woning', text: 'Huur met huurtoeslag 96 %', cell: { status: 'review', reason: 'group-disclosure', value: 96, text: 'Huur met huurtoeslag 96 %' } },
      ],
      standsOut: ['Eenouderhuishouden (samenstelling huishouden) komt in dit cluster vaker voor: 69 % tegen 15 % van alle klanten.'],
      chart: [
        { feature: 'Samenstelling huishouden', label: 'Eenouderhuishouden', inCluster: hiddenCell, overall: { status: 'safe', value: 15, text: '15 %' } },
        { feature: 'Zorg', label: 'Jeugdzorg', inCluster: { status: 'safe', value: 69, text: '69 %' }, overall: { status: 'secondary' } },
        { feature: 'Type uitkering', label: 'Bijstand', inCluster: { status: 'safe', value: 81, text: '81 %' }, overall: { status: 'safe', value: 30, text: '30 %' } },
      ],
    },
    {
      kind: 'card',
      cluster: 2,
      count: { status: 'safe', value: 35 },
      automaticTitle: 'Stel zonder uitkering',
      title: 'Stel zonder uitkering',
      narrative: '',
      facts: [{ label: 'Samenstelling huishouden', text: 'Paar 91 %', cell: { status: 'safe', value: 91, text: 'Paar 91 %' } }],
      standsOut: [],
      chart: [],
    },
    { kind: 'note', cluster: 3, note: 'Cluster 3 is te klein voor een persona (minder dan 10 huishoudens, of het aantal is onderdrukt).' },
  ];
}

function request(overrides: Partial<ExportRequest> = {}): ExportRequest {
  return {
    study: STUDY,
    ruleSet: RULES,
    outputs: [{ kind: 'table', table: passingTable(), chart: false }, { kind: 'personas', cards: cards('blocked'), comment: 'De kaarten voor het ontwerpteam.' }],
    maskBlocked: true,
    appVersion: '0.1.0',
    ...overrides,
  };
}

const PERSONA_FILES = ['persona-kaarten.html', 'persona-kaarten.pdf', 'persona-kaarten-cluster-1.svg', 'persona-kaarten-cluster-1.png', 'persona-kaarten-cluster-2.svg', 'persona-kaarten-cluster-2.png'];

describe('the persona cards in the export package', () => {
  let files: Map<string, Buffer>;

  beforeAll(async () => {
    const parent = await tempFolder('groepsbeeld-persona-');
    const result = await writeExportPackage(request(), { folder: parent, now: NOW });
    if (!result.ok) throw new Error(result.error.message);
    files = await filesOf(result.folder);
  });

  it('writes the HTML, the PDF and per card its chart as SVG and PNG, all in SHA256SUMS', () => {
    expect([...files.keys()]).toEqual(expect.arrayContaining(PERSONA_FILES));
    const sums = files.get('SHA256SUMS')!.toString('utf8');
    for (const name of PERSONA_FILES) expect(sums).toContain(`${sha256(files.get(name)!)}  ${name}\n`);
  });

  it('logs the cards as one output with its checks, cell counts, verdict and files', () => {
    const log = outputLogSchema.parse(JSON.parse(files.get('output-log.json')!.toString('utf8')));
    const entry = log.outputs.find((output) => output.id === PERSONA_OUTPUT_ID)!;
    expect(entry).toMatchObject({
      kind: 'personas',
      title: "Persona's van de clusters",
      population: { id: 'klanthuishoudens', label: 'Klanthuishoudens in clusters met een persona', units: 61 },
      // Every figure a cell: 2 N's, 4 facts, 3 bars of two cells.
      checks: { verdict: 'fail', cellCounts: { safe: 8, review: 1, rounded: 0, blocked: 2, secondary: 1, empty: 0 }, blockedCellsMasked: true },
      comment: 'De kaarten voor het ontwerpteam.',
    });
    expect(entry.checks.blockingRules).toEqual([{ rule: 'threshold', cells: 2, description: 'geblokkeerd: minder dan 10 eenheden' }]);
    expect(entry.checks.notes.join(' ')).toMatch(/Cluster 3 is te klein/);
    expect(entry.checks.notes.join(' ')).toMatch(/door de analist geschreven bij cluster 1/);
    expect(entry.files.map((file) => file.name)).toEqual(PERSONA_FILES);
    for (const file of entry.files) expect(file.sha256, file.name).toBe(sha256(files.get(file.name)!));
  });

  it('makes a self-contained HTML: strict CSP, no script, one card per printed page, Dutch numbers, texts escaped', () => {
    const html = files.get('persona-kaarten.html')!.toString('utf8');
    expect(html).toContain(`content="${REPORT_CSP}"`);
    expect(html).not.toMatch(/<script|javascript:|https?:\/\/(?!www\.w3\.org\/2000\/svg)/i);
    expect(html).toMatch(/@media print \{[^}]*\{[^}]*\}\s*header\.deck \{ display: none; \}\s*section\.card \{[^}]*break-after: page/);
    expect(html).toContain('Jonge moeders in de bijstand');
    expect(html).toContain('Zij wonen vaak in &#60;Gilze&#62; &#38; hebben');
    // Number and unit stay together: a no-break space.
    expect(html).toContain('Huur met huurtoeslag 96\u00a0% c');
    expect(html).toContain('Cluster 2 · 35 huishoudens');
    expect(html).toContain('Cluster 3 is te klein');
    expect(html.match(/<section class="card"/g)).toHaveLength(2);
  });

  it('makes a PDF with one page per card and one for the clusters without a card, the chart drawn', () => {
    const pdf = files.get('persona-kaarten.pdf')!;
    expect(pdfPageCount(pdf)).toBe(3);
    const text = pdfText(pdf);
    for (const expected of ['Jonge moeders in de bijstand', 'Stel zonder uitkering', 'Samenstelling huishouden: Eenouderhuishouden', '81 %', '30 %', 'geblokkeerd', 'onderdrukt', 'Clusters zonder kaart']) {
      expect(text.replaceAll('\u00a0', ' '), expected).toContain(expected);
    }
  });

  it('draws a blocked bar as a hatched slot without value, and a chart without bars says so', () => {
    const svg = files.get('persona-kaarten-cluster-1.svg')!.toString('utf8');
    expect(svg).toContain('fill="url(#persona-1-hatch)"');
    expect(svg).toContain('>geblokkeerd</text>');
    expect(files.get('persona-kaarten-cluster-2.svg')!.toString('utf8')).toContain('Geen kenmerken die genoeg opvallen');
  });

  it('holds the blocked figure’s value in no written byte of any file', () => {
    for (const [name, bytes] of files) {
      for (const text of searchableTexts(name, bytes)) for (const hidden of HIDDEN_TEXTS) expect(text.includes(hidden), `${hidden} in ${name}`).toBe(false);
    }
  });
});

describe('the search for a leaked persona figure is sensitive', () => {
  it('finds the value in the HTML, the PDF and the SVG when the cell is safe', async () => {
    const parent = await tempFolder('groepsbeeld-persona-');
    const result = await writeExportPackage(request({ outputs: [{ kind: 'personas', cards: cards('safe') }] }), { folder: parent, now: NOW });
    if (!result.ok) throw new Error(result.error.message);
    const files = await filesOf(result.folder);
    for (const name of ['persona-kaarten.html', 'persona-kaarten.pdf', 'persona-kaarten-cluster-1.svg']) {
      expect(searchableTexts(name, files.get(name)!).some((text) => HIDDEN_TEXTS.some((hidden) => text.includes(hidden))), name).toBe(true);
    }
  });
});

describe('persona cards that must not leave', () => {
  it('refuses failing cards without masking, a card for a too small cluster, a blocked cell with a value, a fact with stray text', async () => {
    const parent = await tempFolder('groepsbeeld-persona-');
    const failing = await writeExportPackage(request({ maskBlocked: false }), { folder: parent, now: NOW });
    expect(failing).toMatchObject({ ok: false, error: { code: 'failing-outputs', outputs: [{ id: PERSONA_OUTPUT_ID }] } });

    const small = cards('safe');
    small[1] = { ...(small[1] as Extract<PersonaCard, { kind: 'card' }>), count: { status: 'safe', value: 9 } };
    expect(await writeExportPackage(request({ outputs: [{ kind: 'personas', cards: small }] }), { folder: parent, now: NOW })).toMatchObject({
      ok: false,
      error: { code: 'invalid-table', outputId: PERSONA_OUTPUT_ID, message: expect.stringMatching(/Cluster 2 heeft minder dan 10 huishoudens/) },
    });

    const leaking = cards('blocked') as unknown as Array<{ chart?: Array<{ inCluster: unknown }> }>;
    leaking[0]!.chart![0]!.inCluster = { status: 'blocked', rule: 'threshold', value: HIDDEN_VALUE };
    expect(await writeExportPackage(request({ outputs: [{ kind: 'personas', cards: leaking as unknown as PersonaCard[] }] }), { folder: parent, now: NOW })).toMatchObject({
      ok: false,
      error: { code: 'invalid-table', outputId: PERSONA_OUTPUT_ID },
    });

    const stray = cards('safe');
    const first = stray[0] as Extract<PersonaCard, { kind: 'card' }>;
    first.facts[0] = { ...first.facts[0]!, text: `Bijstand ${HIDDEN_TEXTS[0]} %` };
    expect(await writeExportPackage(request({ outputs: [{ kind: 'personas', cards: stray }] }), { folder: parent, now: NOW })).toMatchObject({
      ok: false,
      error: { code: 'invalid-table', message: expect.stringMatching(/de tekst wijkt af van de gecontroleerde cel/) },
    });
    expect(await readdir(parent)).toEqual([]);
  });
});

describe('the study export with persona cards', () => {
  const available = [{ table: passingTable(), population: null, chartable: false }];

  it('lists the cards as one candidate with the verdict of their figures', () => {
    const candidates = exportCandidates(available, { cards: cards('blocked'), population: CLIENT_HOUSEHOLDS });
    expect(candidates.map((candidate) => candidate.id)).toEqual(['woonsituatie', PERSONA_OUTPUT_ID]);
    expect(candidates[1]).toEqual({ id: PERSONA_OUTPUT_ID, title: "Persona's van de clusters", verdict: 'fail', blocked: 2, secondary: 1, review: 1, chart: true });
    expect(exportCandidates(available, { cards: [cards('safe')[2]!], population: CLIENT_HOUSEHOLDS })).toHaveLength(1);
    expect(exportCandidates(available)).toHaveLength(1);
  });

  it('writes the cards when selected, checks their population for differencing and records it in the history', async () => {
    const parent = await tempFolder('groepsbeeld-persona-');
    const historyFile = join(parent, 'history.json');
    const base = {
      study: STUDY,
      rules: RULES,
      appVersion: '0.1.0',
      available,
      // The control cards still hold a suppressed bar.
      maskBlocked: true,
      personas: { cards: cards('safe'), population: CLIENT_HOUSEHOLDS },
    };
    const context = { folder: parent, historyFile, countDifference: () => Promise.resolve(0), now: NOW };
    const result = await exportStudy({ ...base, selection: [{ id: PERSONA_OUTPUT_ID, chart: false, comment: 'Voor het team.' }] }, context);
    expect(result.status).toBe('written');
    if (result.status !== 'written') return;
    expect(result.files.map((file) => file.name).filter((name) => name.startsWith('persona'))).toEqual(['persona-kaarten.html', 'persona-kaarten.pdf']);
    const history = JSON.parse(await readFile(historyFile, 'utf8'));
    expect(history.exports).toMatchObject([{ outputId: PERSONA_OUTPUT_ID, population: CLIENT_HOUSEHOLDS }]);
    // A later export whose clients differ by a few households warns for the cards too.
    const close = await exportStudy({ ...base, selection: [{ id: PERSONA_OUTPUT_ID, chart: true }] }, { ...context, countDifference: () => Promise.resolve(3) });
    expect(close).toMatchObject({ status: 'refused', reasons: [expect.stringMatching(/persona-kaarten/), expect.stringMatching(/onderbouwing/)] });
    const unknown = await exportStudy({ ...base, personas: undefined, selection: [{ id: PERSONA_OUTPUT_ID, chart: true }] }, context);
    expect(unknown).toEqual({ status: 'refused', reasons: ['Er is geen uitvoer "persona-kaarten" in deze studie.'] });
  });
});
