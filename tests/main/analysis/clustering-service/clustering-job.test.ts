// The app's clustering job on the demo world: other calls are answered while the worker clusters, the labels
// survive a session swap (more files opened), and a clustering overtaken by a new link is not kept.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PublishedClustering } from '../../../../src-main/analysis/clustering-service/published-clustering';
import type { PublishedProfiles } from '../../../../src-main/analysis/profiles/published-profiles';
import { tempFolder } from '../../support/temp-folder';
import { testApp } from '../../support/test-app';

describe('the clustering job in the app', async () => {
  const folder = await tempFolder();
  const { engine, attempt, call } = await testApp(folder);
  afterAll(() => engine.close());

  it('answers other calls while the worker clusters', async () => {
    await call('openDemo');
    await call('linkHouseholds', { referenceDate: '20171231', municipality: '0784' });
    const order: string[] = [];
    const clustering = call<PublishedClustering>('clusterHouseholds', {}).then((result) => (order.push('clustered'), result));
    // Once the worker runs, the engine is free: a comparison is computed before the clustering ends.
    await expect.poll(async () => (await call<{ phase: string }>('clusteringStatus')).phase, { timeout: 30_000, interval: 20 }).toMatch(/cluster|resample/);
    await call('compareFeatures', { method: 'suppression' }).then(() => order.push('compared'));
    const result = await clustering;
    expect(order).toEqual(['compared', 'clustered']);
    expect(result.chosenK).toBe(5);
  });

  it('keeps the chosen labels when opening another file swaps in a new session', async () => {
    const notes = join(folder, 'notities.csv');
    await writeFile(notes, 'onderwerp,aantal\nvoorbeeld,12\nnog een,15\n');
    await engine.openFiles([notes]);
    expect((await call<{ analysisTable: string }>('linkingStatus')).analysisTable).toBe('current');
    const profiles = await call<PublishedProfiles>('clusterProfiles');
    expect(profiles.personas.filter((card) => card.kind === 'card')).toHaveLength(5);
  });

  it('does not keep a clustering that a new link overtook', async () => {
    const clustering = attempt('clusterHouseholds', {});
    await expect.poll(async () => (await call<{ phase: string }>('clusteringStatus')).phase, { timeout: 30_000, interval: 20 }).toMatch(/cluster|resample/);
    await call('linkHouseholds', { referenceDate: '20171231', municipality: '0784' });
    expect(await clustering).toMatchObject({ ok: false, error: { message: expect.stringMatching(/opnieuw gekoppeld/) } });
    expect(await call('lastClustering')).toBeNull();
  });
}, 240_000);
