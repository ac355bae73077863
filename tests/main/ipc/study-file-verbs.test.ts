// Saving the app's study as a study file and opening it again in a fresh app, through the IPC gate and the real
// handlers on the demo world: files with kinds and roles, date and municipality, clustering, profile texts.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PublishedClustering } from '../../../src-main/analysis/clustering-service/published-clustering';
import type { PublishedProfiles } from '../../../src-main/analysis/profiles/published-profiles';
import type { OpenedStudy, SavedStudy, StudySettings } from '../../../src-main/study/study-shapes';
import type { HandlerDependencies } from '../../../src-main/ipc/handlers';
import { INPUT_KINDS, loadStudyFile } from '../../../src-main/linking/study-file';
import type { OpenedFile } from '../../../src-main/engine/engine-shapes';
import { tempFolder } from '../support/temp-folder';
import { testApp, type TestApp } from '../support/test-app';

/** An app whose demo folder is shared (generated once) and whose app-data folder is its own. */
async function app(options: Partial<HandlerDependencies> & { demoFolder: string }): Promise<TestApp> {
  return testApp(join(options.demoFolder, '..'), { ...options, userData: await tempFolder() });
}

describe('the study file in the app', async () => {
  const folder = await tempFolder();
  const demoFolder = join(folder, 'demo');
  // Saved inside the demo folder, so the inputs are written relative to it.
  const studyPath = join(demoFolder, 'voedselbank-studie.json');
  const first = await app({ demoFolder, pickStudyToSave: async () => studyPath });
  const second = await app({ demoFolder, pickStudyToOpen: async () => studyPath });
  afterAll(async () => {
    await first.engine.close();
    await second.engine.close();
  });

  it('refuses to save before linking, saying why', async () => {
    await first.call('openDemo');
    expect(await first.attempt('saveStudy', { name: 'Voedselbank 2017' })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/Koppel eerst/) },
    });
  });

  let automaticTitle = '';
  it('saves the files with their kinds and roles, the date, the municipality, the clustering and the profile texts', async () => {
    await first.call('linkHouseholds', { referenceDate: '20171231', municipality: '0784' });
    await first.call<PublishedClustering>('clusterHouseholds', { kRange: [3, 6] });
    await first.call('chooseClusterCount', { k: 5 });
    const profiles = await first.call<PublishedProfiles>('editPersona', {
      cluster: 3,
      title: 'Alleenstaanden met huurtoeslag',
      narrative: 'Vaak al lang klant.',
    });
    const card = profiles.personas.find((candidate) => candidate.cluster === 1);
    automaticTitle = card?.kind === 'card' ? card.automaticTitle : '';
    await first.call('setProfileLayout', { rowOrder: ['tenure'], hiddenRows: ['client-duration'] });
    const saved = await first.call<SavedStudy>('saveStudy', { name: 'Voedselbank 2017' });
    expect(saved).toMatchObject({ status: 'saved', file: 'voedselbank-studie.json' });

    const json = JSON.parse(await readFile(studyPath, 'utf8'));
    expect(json.inputs.every((input: { path: string }) => !input.path.startsWith('/'))).toBe(true);
    expect(JSON.stringify(json)).not.toMatch(/RINPERSOON":\s*"\d/);
    const study = await loadStudyFile(studyPath);
    expect(study).toMatchObject({ name: 'Voedselbank 2017', referenceDate: '20171231', municipality: { code: '0784' } });
    expect(study.inputs.map((input) => input.kind)).toEqual(expect.arrayContaining(['persons', 'households', 'addresses', 'addressRegions', 'clients']));
    expect(study.clustering).toMatchObject({ algorithm: 'pam', kRange: [3, 6], k: 5 });
    expect(study.profiles).toEqual({
      rowOrder: expect.arrayContaining(['tenure']),
      hiddenRows: ['client-duration'],
      personas: [{ cluster: 3, title: 'Alleenstaanden met huurtoeslag', narrative: 'Vaak al lang klant.' }],
    });
  });

  it('opens it in a fresh app: the same files, then the same clusters with the analyst’s texts and layout', async () => {
    const opened = await second.call<OpenedStudy>('openStudy');
    expect(opened).toMatchObject({ status: 'opened', name: 'Voedselbank 2017', referenceDate: '20171231', municipality: '0784', notes: [] });
    const firstFiles = await first.call<OpenedFile[]>('listFiles');
    // A study records the files linking reads; the others (such as socio-economic position) stay out of it.
    const kinds = (files: OpenedFile[]) =>
      files
        .filter((file) => (INPUT_KINDS as readonly string[]).includes(file.tableKind))
        .map((file) => [file.name, file.tableKind])
        .sort();
    expect(opened.status === 'opened' && kinds(opened.files)).toEqual(kinds(firstFiles));
    const settings = await second.call<StudySettings>('studySettings');
    expect(settings).toMatchObject({ referenceDate: '20171231', municipality: '0784', clustering: { algorithm: 'pam', kRange: [3, 6], k: 5 } });

    await second.call('linkHouseholds', { referenceDate: settings!.referenceDate, municipality: settings!.municipality });
    const clustering = settings!.clustering!;
    await second.call('clusterHouseholds', { features: clustering.features, algorithm: clustering.algorithm, kRange: clustering.kRange });
    await second.call('chooseClusterCount', { k: clustering.k });
    const profiles = await second.call<PublishedProfiles>('clusterProfiles');
    expect(profiles.personas.find((card) => card.cluster === 3)).toMatchObject({ title: 'Alleenstaanden met huurtoeslag', narrative: 'Vaak al lang klant.' });
    expect(profiles.personas.find((card) => card.cluster === 1)).toMatchObject({ title: automaticTitle });
    expect(profiles.table.rows[0]?.id).toBe('tenure');
    expect(profiles.rows.find((row) => row.id === 'client-duration')?.hidden).toBe(true);
  });

  it('replaces the open files when a study is opened, and says which input is missing', async () => {
    const broken = join(folder, 'kapot.json');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(broken, JSON.stringify({ ...JSON.parse(await readFile(studyPath, 'utf8')), inputs: [{ path: join(folder, 'weg.csv'), kind: 'persons' }] }));
    const third = await app({ demoFolder, pickStudyToOpen: async () => broken });
    try {
      expect(await third.attempt('openStudy')).toMatchObject({ ok: false, error: { message: expect.stringMatching(/kapot\.json|households/) } });
    } finally {
      await third.engine.close();
    }
  });

  it('opens dropped files only after the main process’s confirmation', async () => {
    const files = await first.call<OpenedFile[]>('listFiles');
    const asked: (readonly string[])[] = [];
    let answer = false;
    const dropper = await app({ demoFolder, confirmDroppedFiles: async (paths) => (asked.push(paths), answer) });
    try {
      const path = join(demoFolder, `${files[0]!.name}`);
      expect(await dropper.call<OpenedFile[]>('openDroppedFiles', { paths: [path] })).toEqual([]);
      answer = true;
      const opened = await dropper.call<OpenedFile[]>('openDroppedFiles', { paths: [path] });
      expect(opened.map((file) => file.name)).toEqual([files[0]!.name]);
      expect(asked).toEqual([[path], [path]]);
      expect(await dropper.attempt('openDroppedFiles', { paths: [join(folder, 'notes.txt')] })).toMatchObject({ ok: false });
    } finally {
      await dropper.engine.close();
    }
  });
}, 300_000);
