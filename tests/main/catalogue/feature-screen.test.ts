// The feature screen's verbs behind the real IPC gate, on a generated world (seed 7) with a partner's debt-help file of
// lowercase columns that the loader does not know: the catalogue lists every feature with its state, a new feature is
// checked against its file before anything is linked, a linked study is linked again and the feature's table comes
// back through the disclosure rules, a key never becomes a feature, and the study file keeps what the screen made.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogueListing } from '../../../src-main/catalogue/catalogue-listing';
import type { CheckedTable } from '../../../src-main/disclosure/checked-table';
import type { FeatureChange } from '../../../src-main/study/study-shapes';
import { tempFolder } from '../support/temp-folder';
import { testApp, type TestApp } from '../support/test-app';
import { generateWorld } from '../synthetic/support/demo-world';
import { DEBT_HELP_FEATURE, writeDebtHelpFile, DEBT_HELP_FILE, DEBT_HELP_PLANTED } from './support/debt-help-file';

let folder: string;
let app: TestApp;
const studyPath = () => join(folder, 'schuldhulp-studie.json');

const debtHelp = DEBT_HELP_FEATURE;

function yesRow(table: CheckedTable | null | undefined) {
  return table?.rows.find((row) => row.id === 'ja');
}

beforeAll(async () => {
  ({ folder } = await generateWorld(7));
  await writeDebtHelpFile(folder);
  const paths = (await readdir(folder)).filter((name) => name.endsWith('.csv')).map((name) => join(folder, name));
  const dialogs = { pickFiles: async () => paths, pickStudyToSave: async () => studyPath(), pickStudyToOpen: async () => studyPath() };
  app = await testApp(await tempFolder(), dialogs);
  await app.call('openFiles');
}, 180_000);
afterAll(() => app?.engine.close());

describe('the feature screen', () => {
  it('lists the built-in catalogue with its state, and the opened files with their columns and keys', async () => {
    const listing = await app.call<CatalogueListing>('featureCatalogue');
    expect(listing.features.map((feature) => feature.id)).toEqual(
      expect.arrayContaining(['benefit_4y', 'district', 'mother_first_child_age', 'debt_4y', 'halt_4y', 'early_school_leaving_4y', 'special_education']),
    );
    // Open but not linked yet: every built-in whose table is open.
    expect(new Set(listing.features.map((feature) => feature.state))).toEqual(new Set(['notLinked']));
    expect(listing.features.every((feature) => feature.origin === 'builtIn')).toBe(true);
    const partner = listing.files.find((file) => file.name === DEBT_HELP_FILE);
    expect(partner).toMatchObject({ tableKind: 'unknown', columns: ['rinpersoon', 'start', 'eind', 'soort'], keyColumns: ['rinpersoon'] });
  });

  it('keeps a feature defined before linking, and computes it when the study is linked', async () => {
    const change = await app.call<FeatureChange>('defineFeature', { definition: debtHelp });
    expect(change).toMatchObject({ relinked: false, preview: null });
    expect(change.listing.features.find((feature) => feature.id === 'debt_help_4y')).toMatchObject({
      origin: 'study',
      state: 'notLinked',
      source: 'SCHULDHULP2017',
    });
    await app.call('linkHouseholds', { referenceDate: '20171231', municipality: '0784' });
    const listing = await app.call<CatalogueListing>('featureCatalogue');
    expect(listing.features.find((feature) => feature.id === 'debt_help_4y')?.state).toBe('linked');
    const tables = await app.call<CheckedTable[]>('compareFeatures', { method: 'suppression' });
    expect(yesRow(tables.find((table) => table.id === 'vergelijking-debt-help-4y'))?.cells[0]).toMatchObject({
      status: 'safe',
      value: DEBT_HELP_PLANTED.counted,
    });
  }, 120_000);

  it('links again when a linked study changes a feature, and returns its table through the rules', async () => {
    const otherKind = { ...debtHelp, label: 'Schuldhulp soort B', source: { ...debtHelp.source, where: { column: 'soort', in: ['B'] } } };
    const change = await app.call<FeatureChange>('defineFeature', { definition: otherKind });
    expect(change.relinked).toBe(true);
    expect(change.preview?.id).toBe('vergelijking-debt-help-4y');
    expect(change.preview?.title).toMatch(/^Schuldhulp soort B/);
    expect(yesRow(change.preview)?.cells[0]).toMatchObject({ status: 'safe', value: DEBT_HELP_PLANTED.otherKind });
    // The same figure as the Vergelijking page shows: one publication.
    const tables = await app.call<CheckedTable[]>('compareFeatures', { method: 'suppression' });
    expect(tables.find((table) => table.id === 'vergelijking-debt-help-4y')).toEqual(change.preview);
    await app.call('defineFeature', { definition: debtHelp });
  }, 120_000);

  it('hides a small count of the new feature, as every other table', async () => {
    // Spells begun on 1 February 2016: 4 planted households (the 2nd, 14th, 26th and 38th), fewer than the threshold.
    const source = { ...debtHelp.source, where: { column: 'start', in: ['20160201'] } };
    const few = { ...debtHelp, id: 'debt_help_february', label: 'Schuldhulp begonnen op 1 februari 2016', validity: 'any', source };
    const change = await app.call<FeatureChange>('defineFeature', { definition: few });
    expect(yesRow(change.preview)?.cells[0]).toEqual({ status: 'suppressed' });
    expect(JSON.stringify(change.preview)).not.toMatch(/"value":\s*[1-9],/);
    await app.call('removeFeature', { id: 'debt_help_february' });
  }, 120_000);

  it('refuses a key as value or selection, a column the file lacks, a file not open and a fixed id, by name', async () => {
    const refusal = async (definition: object) => {
      const result = await app.attempt('defineFeature', { definition: { ...debtHelp, ...definition } });
      return result.ok ? 'accepted' : result.error.message;
    };
    expect(await refusal({ source: { file: 'SCHULDHULP2017', value: 'rinpersoon' }, rollUp: 'max', coding: { type: 'amount', unit: 'personen' } })).toMatch(
      /gebruikt de sleutelkolom rinpersoon van SCHULDHULP2017\.csv als de waarde; een sleutel is nooit een kenmerk/,
    );
    expect(await refusal({ source: { file: 'SCHULDHULP2017', where: { column: 'RINPERSOON', in: ['000000235'] } } })).toMatch(
      /sleutelkolom rinpersoon .* als de selectie/,
    );
    expect(
      await refusal({ source: { kind: 'persons', value: 'personKey' }, rollUp: 'value', coding: { type: 'codes', codes: [{ code: '1', label: 'x' }] } }),
    ).toMatch(/sleutelkolom RINPERSOON van GBAPERSOON2018TABV1\.csv/);
    expect(await refusal({ source: { ...debtHelp.source, end: 'einddatum' } })).toMatch(
      /leest het einde uit kolom "einddatum", maar SCHULDHULP2017\.csv heeft die niet \(kolommen: rinpersoon, start, eind, soort\)/,
    );
    expect(await refusal({ source: { ...debtHelp.source, file: 'SCHULDEN2019' } })).toMatch(/leest SCHULDEN2019, maar dat bestand is niet geopend/);
    expect(await refusal({ id: 'tenure' })).toMatch(/"tenure" is een vast kenmerk/);
    // Nothing refused changed the study.
    const listing = await app.call<CatalogueListing>('featureCatalogue');
    expect(listing.features.filter((feature) => feature.origin === 'study').map((feature) => feature.id)).toEqual(['debt_help_4y']);
  }, 60_000);

  it('leaves the study as it was when the new link fails, or is stopped', async () => {
    const before = await app.call<CheckedTable[]>('compareFeatures', { method: 'suppression' });
    // A window needs dates: without begin or end, and no date role in the partner file, the link stops at this feature.
    const undated = { ...debtHelp, id: 'debt_help_undated', source: { file: 'SCHULDHULP2017', where: { column: 'soort', in: ['A'] } } };
    const failed = await app.attempt('defineFeature', { definition: undated });
    expect(failed).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/debt_help_undated\) telt rijen in de 4 jaar voor de peildatum, maar de tabel heeft geen datum/) },
    });
    const stopping = app.attempt('defineFeature', { definition: { ...debtHelp, id: 'debt_help_stopped' } });
    await expect.poll(async () => (await app.call<{ running: boolean }>('linkingStatus')).running, { interval: 10, timeout: 10_000 }).toBe(true);
    expect(await app.call<boolean>('cancelLinking')).toBe(true);
    expect(await stopping).toMatchObject({ ok: false, error: { message: expect.stringMatching(/gestopt/) } });
    // The features and the link before: the same tables, the same own feature.
    const listing = await app.call<CatalogueListing>('featureCatalogue');
    expect(listing.features.filter((feature) => feature.origin === 'study').map((feature) => feature.id)).toEqual(['debt_help_4y']);
    expect(await app.call<CheckedTable[]>('compareFeatures', { method: 'suppression' })).toEqual(before);
    // Not a cached publication only: one computed anew (rounded) reads the analysis table, which holds the feature again.
    const rounded = await app.call<CheckedTable[]>('compareFeatures', { method: 'rounding' });
    expect(yesRow(rounded.find((table) => table.id === 'vergelijking-debt-help-4y'))?.cells[0]).toMatchObject({ status: 'rounded', value: 40 });
  }, 120_000);

  it('writes the feature into the study file, and a fresh app opening it computes the same table', async () => {
    await app.call('saveStudy', { name: 'Schuldhulp' });
    const saved = JSON.parse(await readFile(studyPath(), 'utf8'));
    expect(saved.features).toEqual([expect.objectContaining({ id: 'debt_help_4y', source: debtHelp.source })]);
    expect(saved.inputs.some((input: { path: string }) => input.path.endsWith(DEBT_HELP_FILE))).toBe(true);
    const fresh = await testApp(await tempFolder(), { pickStudyToOpen: async () => studyPath() });
    try {
      const opened = await fresh.call<{ referenceDate: string; municipality: string }>('openStudy');
      await fresh.call('linkHouseholds', { referenceDate: opened.referenceDate, municipality: opened.municipality });
      const tables = await fresh.call<CheckedTable[]>('compareFeatures', { method: 'suppression' });
      expect(yesRow(tables.find((table) => table.id === 'vergelijking-debt-help-4y'))?.cells[0]).toMatchObject({ value: DEBT_HELP_PLANTED.counted });
    } finally {
      await fresh.engine.close();
    }
  }, 120_000);

  it('leaves a feature out again: its table is gone after the new link', async () => {
    const change = await app.call<FeatureChange>('removeFeature', { id: 'debt_help_4y' });
    expect(change.relinked).toBe(true);
    expect(change.listing.features.some((feature) => feature.id === 'debt_help_4y')).toBe(false);
    const tables = await app.call<CheckedTable[]>('compareFeatures', { method: 'suppression' });
    expect(tables.some((table) => table.id === 'vergelijking-debt-help-4y')).toBe(false);
    const missing = await app.attempt('removeFeature', { id: 'debt_help_4y' });
    expect(missing).toMatchObject({ ok: false, error: { message: 'De studie heeft geen eigen kenmerk "debt_help_4y".' } });
  }, 120_000);
});
