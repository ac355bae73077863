// Counts of units leave the main process only through the count rule: a 3-row file's rows arrive as "below 10" through the real handlers.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StudyEngine } from '../../../src-main/engine/study-engine';
import { contract, type Verb } from '../../../src-main/ipc/contract';
import { dispatch } from '../../../src-main/ipc/dispatch';
import { createHandlers } from '../../../src-main/ipc/handlers';
import { tempFolder } from '../support/temp-folder';

describe('row counts over IPC', async () => {
  const folder = await tempFolder();
  const small = join(folder, 'klanten.csv');
  await writeFile(small, 'RINPERSOONS;RINPERSOON;naam\nR;000000001;Zoë\nR;000000002;Émile\nR;000000003;\n');
  const large = join(folder, 'adressen.csv');
  await writeFile(large, `regel\n${Array.from({ length: 25 }, (_, index) => index).join('\n')}\n`);
  const engine = await StudyEngine.create();
  let picked = [small];
  const handlers = createHandlers({ engine, pickFiles: async () => picked, demoFolder: join(folder, 'demo'), userData: join(folder, 'userdata') });
  const call = async (verb: Verb, payload?: unknown) => {
    const result = await dispatch(handlers, contract[verb].channel, payload, { trusted: true });
    if (!result.ok) throw new Error(result.error.message);
    return result.value as Record<string, unknown> & { rowCount: unknown };
  };
  afterAll(() => engine.close());

  it('gives a small file, its column summary and its profile only "below 10" rows', async () => {
    const [opened] = (await call('openFiles')) as unknown as { id: string; rowCount: unknown }[];
    expect(opened!.rowCount).toEqual({ below: 10 });
    expect(await call('columnSummary', { fileId: opened!.id, column: 'naam' })).toMatchObject({ rowCount: { below: 10 }, missing: { below: 10 } });
    const profile = (await call('fileProfile', { fileId: opened!.id })) as unknown as { rowCount: unknown; columns: { name: string }[] };
    expect(profile.rowCount).toEqual({ below: 10 });
    // One name of three is missing: neither that count nor its share of the rows comes back.
    expect(profile.columns.find((column) => column.name === 'naam')).toMatchObject({ missing: { below: 10 }, missingPercent: null });
    const listed = (await call('listFiles')) as unknown as { rowCount: unknown }[];
    expect(JSON.stringify(listed)).not.toMatch(/"rowCount":3\b/);
  });

  it('gives a file of 10 rows or more its row count', async () => {
    picked = [large];
    const files = (await call('openFiles')) as unknown as { name: string; id: string; rowCount: unknown }[];
    const opened = files.find((file) => file.name === 'adressen.csv')!;
    expect(opened.rowCount).toBe(25);
    expect(await call('columnSummary', { fileId: opened.id, column: 'regel' })).toMatchObject({ rowCount: 25, missing: 0 });
    expect((await call('fileProfile', { fileId: opened.id })).rowCount).toBe(25);
  });
});
