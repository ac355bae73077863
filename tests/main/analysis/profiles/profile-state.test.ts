// The Profielen page's verbs on the demo world through the IPC gate and the real handlers: the profiles of the
// chosen clustering, the analyst's row layout and persona edits, the study file's profiles section, the export.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PublishedClustering } from '../../../../src-main/analysis/clustering-service/published-clustering';
import type { PublishedProfiles } from '../../../../src-main/analysis/profiles/published-profiles';
import type { ExportPreview } from '../../../../src-main/study/study-shapes';
import { tempFolder } from '../../support/temp-folder';
import { testApp } from '../../support/test-app';

describe('cluster profiles in the app', async () => {
  const folder = await tempFolder();
  const exportsFolder = join(folder, 'exports');
  await mkdir(exportsFolder, { recursive: true });
  const { engine, attempt, call } = await testApp(folder, { pickFolder: async () => exportsFolder });
  afterAll(() => engine.close());

  it('says what to do first when there is no clustering yet', async () => {
    await call('openDemo');
    await call('linkHouseholds', { referenceDate: '20171231', municipality: '0784' });
    expect(await call('lastClustering')).toBeNull();
    expect(await attempt('clusterProfiles')).toMatchObject({ ok: false, error: { message: expect.stringMatching(/pagina Clusters/) } });
  });

  let profiles: PublishedProfiles;
  it('describes the chosen clustering: five persona cards, the table and what stands out per cluster', async () => {
    const clustering = await call<PublishedClustering>('clusterHouseholds', {});
    expect(clustering.chosenK).toBe(5);
    expect(await call('lastClustering')).toEqual(clustering);
    profiles = await call<PublishedProfiles>('clusterProfiles');
    expect(profiles.k).toBe(5);
    const cards = profiles.personas.filter((card) => card.kind === 'card');
    expect(cards).toHaveLength(5);
    expect(profiles.standsOut.map((entry) => entry.cluster)).toEqual([1, 2, 3, 4, 5]);
    expect(profiles.rows.map((row) => row.id)).toEqual(profiles.table.rows.map((row) => row.id));
    expect(profiles.rows.every((row) => !row.hidden)).toBe(true);
  });

  it('reorders and hides rows, refusing an unknown row or hiding all of them', async () => {
    const ids = profiles.rows.map((row) => row.id);
    const last = ids.at(-1)!;
    const laidOut = await call<PublishedProfiles>('setProfileLayout', { rowOrder: [last], hiddenRows: ['care'] });
    expect(laidOut.table.rows[0]?.id).toBe(last);
    expect(laidOut.table.rows.some((row) => row.id === 'care')).toBe(false);
    expect(laidOut.rows[0]).toMatchObject({ id: last, hidden: false });
    expect(laidOut.rows.find((row) => row.id === 'care')).toMatchObject({ hidden: true });
    expect(await attempt('setProfileLayout', { rowOrder: ['household-key'], hiddenRows: [] })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/geen rij "household-key"/) },
    });
    expect(await attempt('setProfileLayout', { rowOrder: [], hiddenRows: ids })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/ten minste één rij/) },
    });
  });

  it('keeps an edited title and narrative, and an empty title goes back to the automatic one', async () => {
    const edited = await call<PublishedProfiles>('editPersona', { cluster: 2, title: 'De stellen met een eigen huis', narrative: 'Werken, weinig zorg.' });
    const card = edited.personas.find((candidate) => candidate.cluster === 2);
    expect(card).toMatchObject({ kind: 'card', title: 'De stellen met een eigen huis', narrative: 'Werken, weinig zorg.' });
    const reset = await call<PublishedProfiles>('editPersona', { cluster: 2, title: '  ' });
    const resetCard = reset.personas.find((candidate) => candidate.cluster === 2);
    expect(resetCard?.kind === 'card' && resetCard.title === resetCard.automaticTitle).toBe(true);
    expect(resetCard).toMatchObject({ narrative: 'Werken, weinig zorg.' });
    expect(await attempt('editPersona', { cluster: 9, title: 'x' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/geen cluster 9/) } });
    expect(await attempt('editPersona', { cluster: 1, title: 'x'.repeat(201) })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('offers the laid-out cluster table and what stands out for export, describing the clustered households', async () => {
    const preview = await call<ExportPreview>('exportPreview', { method: 'suppression' });
    const ids = preview.candidates.map((candidate) => candidate.id);
    expect(ids).toContain('clusterprofiel-k5');
    expect(ids.filter((id) => id.startsWith('clusterprofiel-opvallend-5-'))).toHaveLength(5);
    expect(preview.candidates.find((candidate) => candidate.id === 'persona-kaarten')).toMatchObject({ chart: true });
  });

  it('writes the persona cards with the analyst’s title into the package, logged for the output checker', async () => {
    await call('editPersona', { cluster: 2, title: 'Stellen met een eigen huis' });
    const written = await call<{ status: string; folder: string; files: { name: string }[] }>('writeExport', {
      method: 'suppression',
      outputs: [
        { id: 'persona-kaarten', chart: true },
        { id: 'clusterprofiel-k5', chart: false },
      ],
      maskBlocked: false,
    });
    expect(written.status).toBe('written');
    const names = written.files.map((file) => file.name);
    expect(names).toEqual(expect.arrayContaining(['persona-kaarten.html', 'persona-kaarten.pdf', 'clusterprofiel-k5.csv', 'output-log.json']));
    const html = await readFile(join(written.folder, 'persona-kaarten.html'), 'utf8');
    expect(html).toContain('Stellen met een eigen huis');
    const log = await readFile(join(written.folder, 'output-log.json'), 'utf8');
    expect(log).toContain('persona-kaarten');
  });

  it('drops the clustering when the files are linked again', async () => {
    await call('linkHouseholds', { referenceDate: '20171231', municipality: '0784' });
    expect(await call('lastClustering')).toBeNull();
    expect(await attempt('clusterProfiles')).toMatchObject({ ok: false });
  });
}, 240_000);
