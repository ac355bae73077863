// The app's comparison and export on the demo world, through the IPC gate and the real handlers: checked tables,
// refusal without writing, the package with its output log and checksums, the export history.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CheckedTable } from '../../../src-main/disclosure/checked-table';
import { historyPath, readExportHistory } from '../../../src-main/disclosure/differencing-guard';
import { StudyEngine } from '../../../src-main/engine/study-engine';
import { contract, type ExportPreview, type ExportResult } from '../../../src-main/ipc/contract';
import { dispatch } from '../../../src-main/ipc/dispatch';
import { createHandlers } from '../../../src-main/ipc/handlers';
import { tempFolder } from '../support/temp-folder';

describe('comparing and exporting in the app', async () => {
  const engine = await StudyEngine.create();
  const folder = await tempFolder();
  const userData = join(folder, 'userdata');
  const exportsFolder = join(folder, 'exports');
  await mkdir(exportsFolder, { recursive: true });
  let folderChoice: string | null = exportsFolder;
  const handlers = createHandlers({ engine, pickFiles: async () => [], demoFolder: join(folder, 'demo'), pickFolder: async () => folderChoice, userData });
  const call = async <T,>(verb: keyof typeof contract, payload?: unknown): Promise<T> => {
    const result = await dispatch(handlers, contract[verb].channel, payload, { trusted: true });
    if (!result.ok) throw new Error(`${verb}: ${result.error.message}`);
    return result.value as T;
  };
  afterAll(() => engine.close());

  it('refuses to compare before linking, as an error value', async () => {
    const result = await dispatch(handlers, contract.compareFeatures.channel, { method: 'suppression' }, { trusted: true });
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringMatching(/koppel eerst/i) } });
  });

  it('compares the linked demo clients with all households in checked tables', async () => {
    await call('openDemo');
    await call('linkHouseholds', { referenceDate: '20171231', municipality: '0784' });
    const tables = await call<CheckedTable[]>('compareFeatures', { method: 'suppression' });
    const education = tables.find((table) => table.id === 'vergelijking-education-level');
    expect(education?.rows.map((row) => [row.label, row.cells[0], row.cells[2]])).toEqual([
      ['Laag', { status: 'safe', value: 88 }, { status: 'safe', value: 2575 }],
      ['Middelbaar', { status: 'safe', value: 49 }, { status: 'safe', value: 4089 }],
      ['Hoog', { status: 'safe', value: 36 }, { status: 'safe', value: 3791 }],
      ['Onbekend', { status: 'safe', value: 18 }, { status: 'safe', value: 891 }],
      ['Totaal', { status: 'safe', value: 191 }, { status: 'safe', value: 11346 }],
    ]);
    // Household type has 4 client households of type "other" and none that is institutional: blocked and protected.
    const types = tables.find((table) => table.id === 'vergelijking-household-type');
    expect(types?.rows.find((row) => row.id === '7')?.cells[0]).toEqual({ status: 'blocked', rule: 'threshold' });
    expect(types?.rows.some((row) => row.id !== '7' && row.cells[0]?.status === 'secondary')).toBe(true);
    expect(JSON.stringify(types)).not.toContain('"value":4,');
    const income = tables.find((table) => table.id === 'bedragen-disposable-income');
    // Clients: 190 of 191 with a known income; the median passes the statistic rule, the mean also dominance.
    expect(income?.rows.find((row) => row.id === 'klanten')?.cells[0]).toEqual({ status: 'safe', value: 190 });
    expect(income?.columns.map((column) => column.format)).toEqual(['count', 'amount', 'amount', 'amount', 'amount']);
    expect(income?.rows.every((row) => row.cells.every((cell) => cell.status === 'safe'))).toBe(true);
  });

  it('clusters the client households in a worker, with progress to poll, and lets the analyst pick another k', async () => {
    const statuses: { running: boolean; fraction: number }[] = [];
    const polling = setInterval(() => void call<{ running: boolean; fraction: number }>('clusteringStatus').then((status) => statuses.push(status)), 20);
    const clustering = await call<{ recommendedK: number; chosenK: number; clusters: CheckedTable; population: { units: unknown } }>('clusterHouseholds', {});
    clearInterval(polling);
    expect(clustering.recommendedK).toBe(5);
    expect(clustering.population.units).toBe(191);
    expect(clustering.clusters.rows.filter((row) => !row.total)).toHaveLength(5);
    expect(statuses.some((status) => status.running && status.fraction > 0)).toBe(true);
    const four = await call<{ chosenK: number; clusters: CheckedTable }>('chooseClusterCount', { k: 4 });
    expect(four.chosenK).toBe(4);
    expect(four.clusters.rows.filter((row) => !row.total)).toHaveLength(4);
    expect(await call<boolean>('cancelClustering')).toBe(false);
  });

  it('previews every output with its verdict', async () => {
    const preview = await call<ExportPreview>('exportPreview', { method: 'suppression' });
    expect(preview.candidates.map((candidate) => candidate.id)).toContain('koppelrapport');
    expect(preview.candidates.find((candidate) => candidate.id === 'vergelijking-education-level')).toMatchObject({ verdict: 'pass', chart: true });
    expect(preview.candidates.find((candidate) => candidate.id === 'vergelijking-household-type')?.verdict).toBe('fail');
    expect(preview.differencing).toEqual([]);
  });

  it('writes nothing when a selected table fails and blocked cells are not to be masked', async () => {
    const result = await call<ExportResult>('writeExport', { method: 'suppression', outputs: [{ id: 'vergelijking-household-type', chart: true }], maskBlocked: false });
    expect(result.status).toBe('refused');
    expect(await readdir(exportsFolder)).toEqual([]);
  });

  it('says cancelled when the analyst closes the folder dialog', async () => {
    folderChoice = null;
    expect(await call<ExportResult>('writeExport', { method: 'suppression', outputs: [{ id: 'koppelrapport', chart: false }], maskBlocked: true })).toEqual({ status: 'cancelled' });
    folderChoice = exportsFolder;
  });

  it('writes the package with an output log whose checksums match every file, and remembers the export', async () => {
    const result = await call<ExportResult>('writeExport', {
      method: 'suppression',
      outputs: [
        { id: 'koppelrapport', chart: false },
        { id: 'vergelijking-education-level', chart: true, comment: 'Opleiding van klanten tegenover alle huishoudens.' },
        { id: 'vergelijking-household-type', chart: true },
      ],
      maskBlocked: true,
    });
    if (result.status !== 'written') throw new Error(JSON.stringify(result));
    const names = await readdir(result.folder);
    expect(names).toEqual(expect.arrayContaining(['output-log.json', 'output-log.xlsx', 'report.html', 'report.pdf', 'SHA256SUMS', 'vergelijking-education-level.csv', 'vergelijking-education-level.png']));
    for (const file of result.files) {
      const bytes = await readFile(join(result.folder, file.name));
      expect(createHash('sha256').update(bytes).digest('hex'), file.name).toBe(file.sha256);
    }
    const log = JSON.parse(await readFile(join(result.folder, 'output-log.json'), 'utf8'));
    expect(JSON.stringify(log)).toContain('Opleiding van klanten tegenover alle huishoudens.');
    const csv = await readFile(join(result.folder, 'vergelijking-household-type.csv'), 'utf8');
    expect(csv).toMatch(/geblokkeerd/);
    const history = await readExportHistory(historyPath(userData, { name: 'Groepsbeeld-studie gemeente 0784', municipality: '0784', referenceDate: '20171231' }));
    expect(history.map((entry) => entry.outputId).sort()).toEqual(['vergelijking-education-level', 'vergelijking-household-type']);
  });
});
