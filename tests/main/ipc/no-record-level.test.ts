// No channel returns record-level data: every verb of the contract is tried with crafted requests (a person key
// as a column, keys re-labelled as codes, a municipality of a handful of households, unknown outputs) on the demo
// world, and no response holds a key from the data or a value from fewer units than the threshold.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StudyEngine } from '../../../src-main/engine/study-engine';
import { contract, verbs, type Verb } from '../../../src-main/ipc/contract';
import { dispatch } from '../../../src-main/ipc/dispatch';
import { createHandlers } from '../../../src-main/ipc/handlers';
import { ensureDemoWorld } from '../../../src-main/synthetic/demo-world';
import { tempFolder } from '../support/temp-folder';
import { findLeaks, keysOf } from './support/record-level-leaks';

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

  const justification =
    'De outputcontroleur heeft deze tweede export van dezelfde tabel vooraf goedgekeurd, ' +
    'omdat de gemeente haar nodig heeft voor een eigen rapportage aan de raad.';

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
      // A municipality the demo world's region file does not have: refused by name, with codes (never a count).
      { referenceDate: '20171231', municipality: '9999' },
      // A neighbouring municipality where 6 of the food bank's client households live (1,862 households in all).
      { referenceDate: '20171231', municipality: '0785' },
      { referenceDate: '20171231', municipality: '0784', groupBy: 'RINPERSOON' },
    ],
    linkingStatus: [undefined],
    // After the crafted links: the report of the last one, with small counts hidden.
    lastLinkReport: [undefined, { municipality: '9999' }],
    // Codes with their address objects: a municipality of a handful of addresses shows "below", never its count.
    municipalities: [{ referenceDate: '20171231' }, { referenceDate: '20171231', column: 'RINOBJECTNUMMER' }, { referenceDate: '2017' }],
    cancelLinking: [undefined],
    compareFeatures: [
      { method: 'suppression' },
      { method: 'rounding' },
      { method: 'suppression', feature: 'RINPERSOON', filter: { household_key: '0000000235' } },
      { method: 'none' },
    ],
    exportPreview: [{ method: 'suppression' }, { method: 'rounding' }, { method: 'none' }],
    writeExport: [
      { method: 'suppression', outputs: [{ id: 'personen', chart: false }] },
      { method: 'suppression', outputs: [{ id: '../../persons', chart: false }] },
      { method: 'suppression', outputs: [{ id: 'vergelijking-household-type', chart: false }] },
      // The same table again (nothing differs: written), and the cards of the last clustering with a justification.
      {
        method: 'suppression',
        outputs: [{ id: 'vergelijking-household-type', chart: true, comment: 'RINPERSOON 000000001' }],
        differencingJustification: justification,
      },
      {
        method: 'rounding',
        outputs: [
          { id: 'persona-kaarten', chart: true },
          { id: 'koppelrapport', chart: false },
        ],
        differencingJustification: justification,
      },
      // A field an older renderer sent (maskBlocked) is no way to switch protection off.
      { method: 'suppression', outputs: [{ id: 'vergelijking-tenure', chart: false }], maskBlocked: true },
    ],
    // The dialogs here cancel: a path in the payload is ignored, a short passphrase is refused before any dialog.
    saveWorkspace: [
      { passphrase: 'short' },
      { passphrase: 'long enough passphrase', path: '/etc/passwd' },
      { passphrase: 'long enough passphrase', path: join(folder, 'leak.gbws') },
    ],
    openWorkspace: [{ passphrase: 'short' }, { passphrase: 'long enough passphrase', path: '/etc/passwd' }],
    deleteWorkspace: [{ confirm: false }, { confirm: true, path: '/etc/passwd' }, undefined],
    workspaceStatus: [undefined],
    cancelWorkspace: [undefined],
    clusterHouseholds: [
      {},
      // The four client households of type "other": far too few for clusters that may be shown.
      {
        population: { id: 'overig', label: 'Overige klanthuishoudens', clientsOnly: true, filters: [{ feature: 'household_type', codes: ['7'] }] },
        kRange: [2, 3],
      },
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
    // The profiles of the last clustering (29 single-parent households at k = 2): refused, for its clusters are too small.
    clusterProfiles: [undefined, { k: 8 }],
    // From here on the client households are clustered again (published clusters): a layout and edits of their cards.
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
    featureCatalogue: [undefined, { sql: 'SELECT * FROM persons' }],
    defineFeature: [
      // A real feature on an opened table: linked again, its table back through the rules (months of fewer households hidden).
      { definition: { ...birthMonth } },
      // A key as the value (a median of keys is one person's key) or as the selection (one person's household): refused.
      {
        definition: {
          ...birthMonth,
          id: 'sleutel',
          source: { kind: 'persons', value: 'RINPERSOON' },
          rollUp: 'max',
          coding: { type: 'amount', unit: 'personen' },
        },
      },
      { definition: { ...birthMonth, id: 'sleutel_rol', source: { kind: 'persons', value: 'personKey' } } },
      {
        definition: {
          ...birthMonth,
          id: 'een_persoon',
          source: { kind: 'persons', where: { column: 'RINPERSOON', in: ['000000235'] } },
          rollUp: 'any',
          coding: { type: 'flag' },
        },
      },
      { definition: { ...birthMonth, id: 'sql', source: { file: '../../etc/passwd', value: 'x' } } },
      { definition: { ...birthMonth, id: 'household_type' } },
    ],
    removeFeature: [{ id: 'geboortemaand' }, { id: 'household_type' }, { id: '../x' }],
  });

  /** A feature the analyst could define on the persons file: the reference person's month of birth. */
  const birthMonth = {
    id: 'geboortemaand',
    label: 'Geboortemaand van de referentiepersoon',
    group: 'huishouden',
    source: { kind: 'persons', value: 'birthMonth' },
    validity: 'any',
    members: 'referencePerson',
    rollUp: 'value',
    coding: { type: 'codes', codes: Array.from({ length: 12 }, (_, month) => ({ code: String(month + 1), label: `Maand ${month + 1}` })) },
  };

  /**
   * Requests that must get through (by index into `crafted`): without them the walk would prove nothing, for a
   * response that is only an error value holds no figure at all.
   */
  const mustSucceed: Partial<Record<Verb, number[]>> = {
    columnSummary: [0, 1, 2],
    fileProfile: [0, 1, 2],
    linkHouseholds: [0],
    lastLinkReport: [0],
    municipalities: [0],
    compareFeatures: [0, 1],
    exportPreview: [0, 1],
    writeExport: [2, 3, 4, 5],
    clusterHouseholds: [0, 2],
    chooseClusterCount: [0, 1],
    lastClustering: [0],
    setProfileLayout: [0, 1],
    editPersona: [0, 1],
    featureCatalogue: [0],
    defineFeature: [0],
    removeFeature: [0],
  };

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
    const failed: string[] = [];
    const written: string[] = [];
    const call = async (verb: Verb, payload: unknown) => {
      const result = await dispatch(handlers, contract[verb].channel, payload, { trusted: true });
      findings.push(...findLeaks(result, keys, `${verb}(${JSON.stringify(payload)})`));
      return result;
    };
    /** What is done between the crafted requests (its responses walked as well). */
    const between: Partial<Record<Verb, () => Promise<unknown>>> = {
      // After the key was re-labelled, the persons file is the persons table again.
      setTableKind: restorePersons,
      // After the crafted links, the real municipality again, so comparisons have a current table.
      linkHouseholds: () => call('linkHouseholds', { referenceDate: '20171231', municipality: '0784' }),
      // After the small populations, the client households (five clusters that may be published), and their profiles.
      clusterProfiles: async () => {
        for (const [verb, payload] of [
          ['clusterHouseholds', { kRange: [5, 6] }],
          ['clusterProfiles', undefined],
          ['lastClustering', undefined],
        ] as const) {
          const result = await call(verb, payload);
          if (!result.ok) failed.push(`${verb} of the client households: ${result.error.message}`);
        }
      },
    };
    const order: Verb[] = [
      'setColumnRole',
      'setTableKind',
      'columnSummary',
      'fileProfile',
      'linkHouseholds',
      'compareFeatures',
      'clusterHouseholds',
      'chooseClusterCount',
      'lastClustering',
      'clusterProfiles',
      'setProfileLayout',
      'editPersona',
      'exportPreview',
      'writeExport',
    ];
    const requests = crafted();
    for (const verb of [...order, ...verbs.filter((verb) => !order.includes(verb))]) {
      for (const [index, payload] of requests[verb].entries()) {
        const result = await call(verb, payload);
        if (mustSucceed[verb]?.includes(index) && !result.ok) failed.push(`${verb}[${index}]: ${result.error.message}`);
        if (verb === 'writeExport' && result.ok && (result.value as { status: string }).status === 'written') written.push(JSON.stringify(payload));
      }
      await between[verb]?.();
    }
    // No leak; the requests that matter got through; the unknown output and the path are refused, every real one
    // written (the renderer's maskBlocked ignored).
    expect({ findings, failed, written: written.length }).toEqual({ findings: [], failed: [], written: 4 });
  }, 300_000);

  it('refuses a municipality the region file does not have by name, listing codes and never a count', async () => {
    const linked = await dispatch(handlers, contract.linkHouseholds.channel, { referenceDate: '20171231', municipality: '9999' }, { trusted: true });
    expect(linked).toMatchObject({
      ok: false,
      error: {
        code: 'failed',
        message: expect.stringMatching(
          /^De gemeentecode 9999 komt niet voor in kolom gem2017 .*; de dichtstbijzijnde codes in dat bestand zijn \d{4}(, \d{4})*\./,
        ),
      },
    });
    expect(findLeaks([linked], keys)).toEqual([]);
  }, 120_000);
});
