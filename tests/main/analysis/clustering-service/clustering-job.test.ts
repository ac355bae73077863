// The app's clustering job on the demo world: other calls are answered while the worker clusters, the labels
// survive a session swap (more files opened), and a clustering overtaken by a new link is not kept.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PublishedClustering } from '../../../../src-main/analysis/clustering-service/published-clustering';
import type { PublishedProfiles } from '../../../../src-main/analysis/profiles/published-profiles';
import { StudyEngine } from '../../../../src-main/engine/study-engine';
import { contract, type Verb } from '../../../../src-main/ipc/contract';
import { dispatch } from '../../../../src-main/ipc/dispatch';
import { createHandlers } from '../../../../src-main/ipc/handlers';
import { tempFolder } from '../../support/temp-folder';

describe('the clustering job in the app', async () => {
  const engine = await StudyEngine.create();
  const folder = await tempFolder();
  const handlers = createHandlers({ engine, pickFiles: async () => [], demoFolder: join(folder, 'demo'), userData: join(folder, 'userdata') });
  const attempt = (verb: Verb, payload?: unknown) => dispatch(handlers, contract[verb].channel, payload, { trusted: true });
  const call = async <T,>(verb: Verb, payload?: unknown): Promise<T> => {
    const result = await attempt(verb, payload);
    if (!result.ok) throw new Error(`${verb}: ${result.error.message}`);
    return result.value as T;
  };
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
