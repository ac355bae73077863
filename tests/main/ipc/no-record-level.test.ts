// No channel returns record-level data: every verb of the contract is tried with crafted requests (a person key
// as a column, keys re-labelled as codes, a municipality of a handful of households, unknown outputs) on the demo
// world, and no response holds a key from the data or a value from fewer units than the threshold.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from '../../../src-main/disclosure/rule-set';
import { openLockedSession } from '../../../src-main/engine/locked-session';
import { quoteIdentifier } from '../../../src-main/engine/sql';
import { StudyEngine } from '../../../src-main/engine/study-engine';
import { contract, verbs, type Verb } from '../../../src-main/ipc/contract';
import { dispatch } from '../../../src-main/ipc/dispatch';
import { createHandlers } from '../../../src-main/ipc/handlers';
import { ensureDemoWorld } from '../../../src-main/synthetic/demo-world';
import { EXTRACT_TABLES } from '../../../src-main/synthetic/extract-tables';
import { tempFolder } from '../support/temp-folder';

const threshold = DEFAULT_RULE_SET.threshold;

/** Every key value (person, household, address, client numbers) in the demo files: none may ever come back. */
async function keysOf(folder: string): Promise<Set<string>> {
  const files = EXTRACT_TABLES.map((table) => ({ path: join(folder, `${table.fileName}.csv`), keys: table.columns.filter(([, kind]) => kind === 'key').map(([name]) => name) }));
  const session = await openLockedSession({ readableFiles: files.map((file) => file.path) });
  const keys = new Set<string>();
  try {
    for (const file of files) {
      for (const column of file.keys) {
        const rows = await session.query(`SELECT DISTINCT ${quoteIdentifier(column)}::VARCHAR AS v FROM read_csv($path, all_varchar = true) WHERE ${quoteIdentifier(column)} IS NOT NULL`, { path: file.path });
        for (const row of rows) if (typeof row.v === 'string' && row.v.length >= 4) keys.add(row.v);
      }
    }
  } finally {
    await session.close();
  }
  return keys;
}

type Finding = string;

/** Walks a response and reports anything record-level: a key value, a small count, a value of a small group. */
function findLeaks(value: unknown, keys: ReadonlySet<string>, path = '$', context: { protection?: string; format?: string } = {}): Finding[] {
  if (typeof value === 'string') return keys.has(value) ? [`${path}: the key ${value}`] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => findLeaks(item, keys, `${path}[${index}]`, context));
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  const findings: Finding[] = [];
  // A checked table: count cells with a value come from 0 or at least `threshold` units (or are rounded).
  if (Array.isArray(record.rows) && Array.isArray(record.columns) && typeof record.protection === 'string') {
    const columns = record.columns as { format: string }[];
    (record.rows as { cells: { status: string; value?: number }[] }[]).forEach((row, r) =>
      row.cells.forEach((cell, c) => {
        if (cell.value === undefined) return;
        if ((cell.status === 'blocked' || cell.status === 'secondary')) findings.push(`${path}.rows[${r}][${c}]: a ${cell.status} cell with a value`);
        if (columns[c]?.format === 'count' && cell.status !== 'rounded' && cell.value !== 0 && cell.value < threshold) findings.push(`${path}.rows[${r}][${c}]: count ${cell.value}`);
      }),
    );
  }
  // A profile's top value: a value held by fewer units than the threshold must not be named at all.
  if (Array.isArray(record.topValues)) {
    (record.topValues as { value: string; count: unknown }[]).forEach((top, index) => {
      if (typeof top.count !== 'number' || (top.count > 0 && top.count < threshold)) findings.push(`${path}.topValues[${index}]: ${top.value} from fewer than ${threshold} units`);
    });
  }
  for (const [key, child] of Object.entries(record)) {
    if (['count', 'rowCount', 'missing', 'units', 'addresses'].includes(key) && typeof child === 'number' && child > 0 && child < threshold) findings.push(`${path}.${key}: ${child}`);
    findings.push(...findLeaks(child, keys, `${path}.${key}`, context));
  }
  return findings;
}

describe('crafted requests on every channel', async () => {
  const folder = await tempFolder();
  const demoFolder = join(folder, 'demo');
  const exportsFolder = join(folder, 'exports');
  const engine = await StudyEngine.create();
  const handlers = createHandlers({ engine, pickFiles: async () => [], demoFolder, pickFolder: async () => exportsFolder, userData: join(folder, 'userdata') });
  let keys: Set<string>;
  let fileIds: { persons: string; clients: string; households: string };
  afterAll(() => engine.close());

  beforeAll(async () => {
    await mkdir(exportsFolder, { recursive: true });
    keys = await keysOf((await ensureDemoWorld(demoFolder)).folder);
    const opened = await dispatch(handlers, contract.openDemo.channel, undefined, { trusted: true });
    if (!opened.ok) throw new Error(opened.error.message);
    const files = opened.value as { id: string; name: string }[];
    const id = (prefix: string) => files.find((file) => file.name.startsWith(prefix))?.id ?? '';
    fileIds = { persons: id('GBAPERSOON'), clients: id('VOEDSELBANK') || id('KLANT') || (files.at(-1)?.id ?? ''), households: id('GBAHUISHOUDENS') };
  }, 120_000);

  /** For each verb, requests an attacker might craft; a verb without an entry fails the test. */
  const crafted = (): Record<Verb, unknown[]> => ({
    appInfo: [undefined, { sql: 'SELECT * FROM persons' }],
    engineSecurity: [undefined],
    openFiles: [undefined, { paths: ['/etc/passwd'] }],
    listFiles: [undefined],
    openDemo: [undefined],
    columnSummary: [
      { fileId: fileIds.persons, column: 'RINPERSOON' },
      { fileId: fileIds.households, column: 'HUISHOUDNR' },
      { fileId: fileIds.persons, column: 'GBAHERKOMSTGROEPERING' },
      { fileId: fileIds.persons, column: 'RINPERSOON"; SELECT * FROM persons; --' },
    ],
    fileProfile: [{ fileId: fileIds.persons }, { fileId: fileIds.households }, { fileId: fileIds.clients }, { fileId: '../../etc/passwd' }],
    // Re-labelling the key as an ordinary code, then profiling it, must not show person numbers as "top values".
    setColumnRole: [
      { fileId: fileIds.persons, column: 'RINPERSOON', role: null },
      { fileId: fileIds.persons, column: 'RINPERSOON', role: 'municipality' },
    ],
    setTableKind: [{ fileId: fileIds.persons, tableKind: 'unknown' }],
    linkHouseholds: [
      { referenceDate: '20171231', municipality: '0784' },
      // A municipality with few or no linked households in the demo world.
      { referenceDate: '20171231', municipality: '9999' },
      { referenceDate: '20171231', municipality: '0784', groupBy: 'RINPERSOON' },
    ],
    linkingStatus: [undefined],
    // After the crafted links: the report of the last one, with small counts shown as "below".
    lastLinkReport: [undefined, { municipality: '9999' }],
    // Codes with their address objects: a municipality of a handful of addresses shows "below", never its count.
    municipalities: [{ referenceDate: '20171231' }, { referenceDate: '20171231', column: 'RINOBJECTNUMMER' }, { referenceDate: '2017' }],
    cancelLinking: [undefined],
    compareFeatures: [{ method: 'suppression' }, { method: 'rounding' }, { method: 'suppression', feature: 'RINPERSOON', filter: { household_key: '0000000235' } }, { method: 'none' }],
    exportPreview: [{ method: 'suppression' }],
    writeExport: [
      { method: 'suppression', outputs: [{ id: 'personen', chart: false }], maskBlocked: true },
      { method: 'suppression', outputs: [{ id: '../../persons', chart: false }], maskBlocked: true },
      { method: 'suppression', outputs: [{ id: 'vergelijking-household-type', chart: false }], maskBlocked: false },
    ],
    // The dialogs here cancel: a path in the payload is ignored, a short passphrase is refused before any dialog.
    saveWorkspace: [{ passphrase: 'short' }, { passphrase: 'long enough passphrase', path: '/etc/passwd' }, { passphrase: 'long enough passphrase', path: join(folder, 'leak.gbws') }],
    openWorkspace: [{ passphrase: 'short' }, { passphrase: 'long enough passphrase', path: '/etc/passwd' }],
    deleteWorkspace: [{ confirm: false }, { confirm: true, path: '/etc/passwd' }, undefined],
    workspaceStatus: [undefined],
    cancelWorkspace: [undefined],
    clusterHouseholds: [
      {},
      // The four client households of type "other": far too few for clusters that may be shown.
      { population: { id: 'overig', label: 'Overige klanthuishoudens', clientsOnly: true, filters: [{ feature: 'household_type', codes: ['7'] }] }, kRange: [2, 3] },
      // Single-parent client households (29): clusters of fewer than 10 must not show their size.
      { population: { id: 'eenouder', label: 'Eenouderklanten', clientsOnly: true, filters: [{ feature: 'household_type', codes: ['6'] }] }, kRange: [2, 8] },
      { features: [{ id: 'household_key', weight: 1 }] },
    ],
    clusteringStatus: [undefined],
    clusteringOptions: [undefined, { sql: 'SELECT 1' }],
    cancelClustering: [undefined],
    chooseClusterCount: [{ k: 8 }, { k: 2 }, { k: 99 }],
    lastClustering: [undefined, { runId: '../../etc/passwd' }],
    // Without the analyst's confirmation in the main process's dialog (refused here), a dropped path is never opened.
    openDroppedFiles: [{ paths: ['/etc/passwd'] }, { paths: [] }, { paths: ['../../etc/shadow'] }],
    // The dialogs here cancel: a path in the payload is ignored.
    saveStudy: [{ name: 'Studie' }, { name: 'Studie', path: join(folder, 'leak.json') }, { name: '' }],
    openStudy: [undefined, { path: '/etc/passwd' }],
    studySettings: [undefined],
    // The profiles of the last clustering (29 single-parent households at k = 2): small clusters get a note, not figures.
    clusterProfiles: [undefined, { k: 8 }],
    setProfileLayout: [
      { rowOrder: ['benefit-type'], hiddenRows: [] },
      { rowOrder: [], hiddenRows: ['care'] },
      { rowOrder: ['household-key'], hiddenRows: [] },
      { rowOrder: ['RINPERSOON'], hiddenRows: [] },
    ],
    editPersona: [
      { cluster: 1, title: 'Een eigen titel' },
      { cluster: 1, narrative: '<script>alert(1)</script>' },
      { cluster: 20, title: 'x' },
      { cluster: 1, title: 'x'.repeat(5000) },
    ],
  });

  /** Undoes the re-labelling attacks: the persons file is the persons table again, with its proposed roles. */
  const restorePersons = async () => {
    const restored = await dispatch(handlers, contract.setTableKind.channel, { fileId: fileIds.persons, tableKind: 'persons' }, { trusted: true });
    expect(restored.ok).toBe(true);
  };

  it('has crafted requests for every verb of the contract', () => {
    expect(Object.keys(crafted()).sort()).toEqual([...verbs].sort());
  });

  it('returns no key and no value from fewer units than the threshold, whatever is asked', async () => {
    const findings: string[] = [];
    const order: Verb[] = ['setColumnRole', 'setTableKind', 'columnSummary', 'fileProfile', 'linkHouseholds', 'compareFeatures', 'clusterHouseholds', 'chooseClusterCount', 'lastClustering', 'clusterProfiles', 'setProfileLayout', 'editPersona', 'exportPreview', 'writeExport'];
    const requests = crafted();
    for (const verb of [...order, ...verbs.filter((verb) => !order.includes(verb))]) {
      for (const payload of requests[verb]) {
        const result = await dispatch(handlers, contract[verb].channel, payload, { trusted: true });
        findings.push(...findLeaks(result, keys, `${verb}(${JSON.stringify(payload)})`));
      }
      // After the key was re-labelled, link the real municipality again so comparisons have a current table.
      if (verb === 'setTableKind') await restorePersons();
      if (verb === 'linkHouseholds') {
        const relinked = await dispatch(handlers, contract.linkHouseholds.channel, { referenceDate: '20171231', municipality: '0784' }, { trusted: true });
        expect(relinked.ok).toBe(true);
      }
    }
    expect(findings).toEqual([]);
  }, 240_000);

  it('compares a municipality of no households with every cell blocked or empty, never a small number', async () => {
    const linked = await dispatch(handlers, contract.linkHouseholds.channel, { referenceDate: '20171231', municipality: '9999' }, { trusted: true });
    expect(linked).toMatchObject({ ok: true });
    const compared = await dispatch(handlers, contract.compareFeatures.channel, { method: 'suppression' }, { trusted: true });
    expect(findLeaks(compared, keys)).toEqual([]);
  }, 120_000);
});
