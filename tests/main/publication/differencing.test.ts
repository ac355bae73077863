// The differencing guard on units: fingerprints of exported populations (salted hashes of which households, and of
// what was published about each) compared with a new export, and the refusal and the justification that overrides it.
// The store shared by every export of the installation: differencing-store.test.ts.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeAssignments } from '../../../src-main/analysis/clustering-service/assignments';
import { CLIENT_HOUSEHOLDS, populationDifferenceSql } from '../../../src-main/analysis/population';
import { openLockedSession, type LockedSession } from '../../../src-main/engine/locked-session';
import { describeFinding, justificationLogEntry, refusalReasons, validJustification } from '../../../src-main/publication/differencing-messages';
import { differencingFindings, type FindingCounters } from '../../../src-main/publication/differencing-findings';
import { DifferencingStore } from '../../../src-main/publication/differencing-store';
import { compareFingerprints } from '../../../src-main/publication/fingerprint-comparison';
import { earlierPopulations } from '../../../src-main/publication/stored-exports';
import { fingerprintPopulation, type FeatureSpec, type PopulationFingerprint } from '../../../src-main/publication/unit-fingerprints';
import { clusterPopulation, filterPopulation, predicatePopulation, type UnitPopulation } from '../../../src-main/publication/unit-populations';
import { tempFolder } from '../support/temp-folder';
import { candidate, CLIENTS, EXPORTED_AT, FEATURES, householdHelpers, KEYS, STARTS, THRESHOLD } from './differencing-households';

let session: LockedSession;
const { buildTable, exportClients, findingsAgainstStore } = householdHelpers(() => session);

beforeAll(async () => {
  session = await openLockedSession({ readableFiles: [] });
});
afterAll(() => session?.close());

describe('unit fingerprints', () => {
  it('finds an export of the same study with one client row removed: one unit, though the filter is the same', async () => {
    const store = new DifferencingStore(await tempFolder());
    await buildTable();
    const before = await exportClients(store, 'Proefstudie');
    await buildTable([`UPDATE analysis_households SET client = false WHERE household_key = '${KEYS[10]}'`]);
    // The filter-based guard compares the same filter on the current table and sees nothing.
    expect((await session.query(populationDifferenceSql(CLIENT_HOUSEHOLDS, CLIENT_HOUSEHOLDS)))[0]?.units).toBe(0);
    const after = await fingerprintPopulation(session, CLIENTS, FEATURES, await store.salt());
    expect([before.unitCount, after.unitCount]).toEqual([30, 29]);
    expect(compareFingerprints(before, after)).toEqual({ units: 1, features: [] });
    const findings = await findingsAgainstStore(store, after);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ kind: 'units', threshold: THRESHOLD, earlier: { id: 'klanthuishoudens', export: { studyName: 'Proefstudie' } } });
  });

  it('finds the same households with one income changed for the income feature only, and NULL as a value of its own', async () => {
    const store = new DifferencingStore(await tempFolder());
    await buildTable();
    const before = await exportClients(store, 'Proefstudie');
    await buildTable([`UPDATE analysis_households SET disposable_income = disposable_income + 1 WHERE household_key = '${KEYS[4]}'`]);
    const changed = await fingerprintPopulation(session, CLIENTS, FEATURES, await store.salt());
    expect(compareFingerprints(before, changed)).toEqual({
      units: 0,
      features: [
        { id: 'disposable_income', label: 'Besteedbaar inkomen', units: 1 },
        { id: 'household_type', label: 'Type huishouden', units: 0 },
        { id: 'education_level', label: 'Opleidingsniveau', units: 0 },
      ],
    });
    const findings = await findingsAgainstStore(store, changed);
    expect(findings.map((finding) => [finding.kind, finding.kind === 'feature' ? finding.feature.id : null])).toEqual([['feature', 'disposable_income']]);

    // Household 26 (a client) has an unknown income: an unknown that becomes known is a changed value too.
    await buildTable([`UPDATE analysis_households SET disposable_income = 0 WHERE household_key = '${KEYS[26]}'`]);
    const known = await fingerprintPopulation(session, CLIENTS, FEATURES, await store.salt());
    expect(compareFingerprints(before, known).features.find((feature) => feature.id === 'disposable_income')?.units).toBe(1);
    await buildTable();
    expect(await findingsAgainstStore(store, await fingerprintPopulation(session, CLIENTS, FEATURES, await store.salt()))).toEqual([]);
  });

  it('allows a population that differs by the threshold or more, and finds one that differs by one less', async () => {
    const store = new DifferencingStore(await tempFolder());
    await buildTable();
    await exportClients(store, 'Proefstudie');
    const salt = await store.salt();
    // The same size (30): 10 clients swapped for 10 others is a symmetric difference of 20; 5 swapped is 10.
    const swapTen = predicatePopulation(`CASE WHEN household_key < '${KEYS[20]}' THEN NOT client ELSE client END`);
    const swapFive = predicatePopulation(`CASE WHEN household_key < '${KEYS[10]}' THEN NOT client ELSE client END`);
    // Clients without the first 10 (20 units: a difference of exactly the threshold), and without the first 9.
    const withoutTen = predicatePopulation(`client AND household_key >= '${KEYS[20]}'`);
    const withoutNine = predicatePopulation(`client AND household_key >= '${KEYS[18]}'`);
    for (const [population, expected] of [
      [swapTen, 20],
      [swapFive, 10],
      [withoutTen, 10],
      [withoutNine, 9],
    ] as const) {
      const fingerprint = await fingerprintPopulation(session, population, FEATURES, salt);
      const [earlier] = earlierPopulations(await store.listExports());
      expect(compareFingerprints(fingerprint, earlier!.fingerprint).units).toBe(expected);
      expect((await findingsAgainstStore(store, fingerprint)).length).toBe(expected < THRESHOLD ? 1 : 0);
    }
  });

  it('takes a population as a join with the cluster assignments or as a query of unit keys', async () => {
    const store = new DifferencingStore(await tempFolder());
    await buildTable();
    const salt = await store.salt();
    const clientKeys = { householdKey: KEYS.filter((_, i) => i % 2 === 0), householdStart: STARTS.filter((_, i) => i % 2 === 0) };
    // Cluster 1 holds the clients with an index below 20 (10 households); two runs, so a join without the run repeats units.
    expect(
      await storeAssignments(
        session,
        'r1',
        2,
        clientKeys,
        clientKeys.householdKey.map((_, j) => (j < 10 ? 0 : 1)),
      ),
    ).toEqual({ ok: true, rows: 30 });
    expect(
      await storeAssignments(
        session,
        'r2',
        2,
        clientKeys,
        clientKeys.householdKey.map(() => 0),
      ),
    ).toEqual({ ok: true, rows: 30 });
    const byPredicate = await fingerprintPopulation(session, predicatePopulation(`client AND household_key < '${KEYS[20]}'`), FEATURES, salt);
    const populations: UnitPopulation[] = [
      clusterPopulation('r1', 2, 1),
      { from: 'analysis_households JOIN cluster_assignments USING (household_key, household_start)', where: "run_id = 'r1' AND k = 2 AND cluster = 1" },
      {
        unitsQuery:
          'SELECT household_key, household_start FROM cluster_assignments WHERE cluster = 1 AND household_key IN ' +
          '(SELECT household_key FROM cluster_assignments WHERE run_id = $$r1$$ AND cluster = 1)',
      },
    ];
    for (const population of populations) {
      const fingerprint = await fingerprintPopulation(session, population, FEATURES, salt);
      expect(fingerprint.unitCount).toBe(10);
      expect(compareFingerprints(fingerprint, byPredicate)).toMatchObject({ units: 0, features: FEATURES.map(({ id }) => ({ id, units: 0 })) });
    }
    // All clients of run r1 are the clients of the analysis layer's filter population.
    const clients = await fingerprintPopulation(session, filterPopulation(CLIENT_HOUSEHOLDS), FEATURES, salt);
    expect(compareFingerprints(await fingerprintPopulation(session, clusterPopulation('r1', 2), FEATURES, salt), clients).units).toBe(0);
    // A unit that is not a row of the analysis table is refused rather than left out.
    await expect(
      fingerprintPopulation(session, { unitsQuery: "SELECT '9999999999' AS household_key, '20150101' AS household_start" }, FEATURES, salt),
    ).rejects.toThrow(/analysetabel/);
  });

  it('skips pairs whose sizes differ by the threshold or more without merging, and only those', async () => {
    const store = new DifferencingStore(await tempFolder());
    await buildTable();
    const salt = await store.salt();
    const firstN = (n: number) => predicatePopulation(`household_key < '7${String(n).padStart(9, '0')}'`);
    const base = await fingerprintPopulation(session, firstN(30), FEATURES, salt);
    const earlier = await Promise.all(
      [30, 30 + THRESHOLD - 1, 30 + THRESHOLD, 30 - THRESHOLD, 30 - THRESHOLD + 1].map(async (n) => ({
        export: { exportId: `e${n}`, title: `Eerste ${n}`, studyName: 'Proefstudie', exportedAt: EXPORTED_AT.toISOString(), exportFolder: '/x' },
        id: `eerste-${n}`,
        label: `Eerste ${n}`,
        outputIds: ['t'],
        fingerprint: await fingerprintPopulation(session, firstN(n), FEATURES, salt),
      })),
    );
    const counters: FindingCounters = { skippedBySize: 0, merged: 0, sameUnits: 0 };
    const findings = differencingFindings(candidate('basis', base), earlier, THRESHOLD, counters);
    expect(counters).toEqual({ skippedBySize: 2, merged: 2, sameUnits: 1 });
    expect(findings.map((finding) => finding.earlier.id).sort()).toEqual([`eerste-${30 - THRESHOLD + 1}`, `eerste-${30 + THRESHOLD - 1}`]);
    // What was skipped would not have been found: its symmetric difference is at least the size difference.
    for (const skipped of earlier.filter((other) => Math.abs(other.fingerprint.unitCount - 30) >= THRESHOLD)) {
      expect(compareFingerprints(base, skipped.fingerprint).units).toBeGreaterThanOrEqual(THRESHOLD);
    }
  });

  it('fingerprints 11,346 households with 16 features well under a second', async () => {
    const salt = randomBytes(32);
    const columns = Array.from({ length: 15 }, (_, f) => `CASE WHEN i % ${17 + f} = 0 THEN NULL ELSE ((i * ${f + 7}) % ${f + 3})::VARCHAR END AS c${f}`);
    await session.query(`CREATE OR REPLACE TEMP TABLE analysis_households AS
      SELECT lpad(i::VARCHAR, 10, '0') AS household_key, '20170101' AS household_start, (i * 37 % 50000)::DOUBLE AS disposable_income, ${columns.join(', ')}
      FROM range(11346) t(i)`);
    const features: FeatureSpec[] = [{ id: 'disposable_income', sql: 'disposable_income' }, ...columns.map((_, f) => ({ id: `c${f}`, sql: `c${f}` }))];
    let best = Number.POSITIVE_INFINITY;
    let fingerprint: PopulationFingerprint | undefined;
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      fingerprint = await fingerprintPopulation(session, predicatePopulation('true'), features, salt);
      best = Math.min(best, performance.now() - started);
    }
    console.info(
      `fingerprint of 11,346 households x 16 features: ${best.toFixed(0)} ms, ` +
        `${fingerprint!.units.length + 16 * fingerprint!.features[0]!.hashes.length} bytes`,
    );
    expect(fingerprint!.unitCount).toBe(11346);
    expect(fingerprint!.features).toHaveLength(16);
    expect(best).toBeLessThan(1000);
  });
});

describe('the refusal and the justification', () => {
  it('says which output, which earlier export and why, but never the small number', async () => {
    const store = new DifferencingStore(await tempFolder());
    await buildTable();
    await exportClients(store, 'Proefstudie');
    // Six clients fewer: the message says "fewer than 10", not 6.
    await buildTable([
      `UPDATE analysis_households SET client = false WHERE household_key IN (${KEYS.slice(0, 12)
        .map((key) => `'${key}'`)
        .join(', ')})`,
    ]);
    const fewer = await fingerprintPopulation(session, CLIENTS, FEATURES, await store.salt());
    const [finding] = differencingFindings(
      { id: 'klanten', label: 'Klanthuishoudens', outputIds: ['inkomen-klanten'], fingerprint: fewer },
      earlierPopulations(await store.listExports()),
      THRESHOLD,
    );
    const text = describeFinding(finding!, (id) => (id === 'inkomen-klanten' ? 'Inkomen van klanthuishoudens' : undefined));
    expect(text).toContain('"Klanthuishoudens" (uitvoer "Inkomen van klanthuishoudens")');
    expect(text).toContain('verschilt minder dan 10 huishoudens');
    expect(text).toContain('eerdere export "Klanten in Gilze en Rijen" (studie "Proefstudie", geëxporteerd op 03-12-2025');
    expect(text).not.toMatch(/6/);
    expect(JSON.stringify(finding)).not.toMatch(/\b6\b/);
    const reasons = refusalReasons([finding!]);
    expect(reasons.at(-1)).toMatch(/onderbouwing.*minstens 80 tekens en 12 woorden.*output log/);

    await buildTable([`UPDATE analysis_households SET disposable_income = 1 WHERE household_key = '${KEYS[8]}'`]);
    const [income] = await findingsAgainstStore(store, await fingerprintPopulation(session, CLIENTS, FEATURES, await store.salt()));
    expect(describeFinding(income!)).toMatch(/dezelfde huishoudens als .* maar bij minder dan 10 van die huishoudens is "Besteedbaar inkomen" anders/);
  });

  it('accepts only a justification of real length, says what is missing, and logs it', () => {
    expect(validJustification('')).toMatchObject({ ok: false, message: expect.stringMatching(/geen onderbouwing/) });
    expect(validJustification('Akkoord van de outputcontroleur.')).toEqual({
      ok: false,
      message: expect.stringMatching(/ontbreken nog 48 tekens en 8 woorden/),
    });
    expect(validJustification('x '.repeat(60))).toEqual({ ok: false, message: expect.stringMatching(/ontbreken nog 12 woorden/) });
    expect(validJustification('Dit is echt nodig. '.repeat(6))).toEqual({ ok: false, message: expect.stringMatching(/dezelfde woorden \(4 verschillende\)/) });
    expect(validJustification('a'.repeat(4001))).toMatchObject({ ok: false, message: expect.stringMatching(/hoogstens 4000/) });
    const good =
      '  De tweede export gaat alleen naar  de gemeente zelf;\n het verschil van één klant is met de outputcontroleur besproken en akkoord bevonden. ';
    const checked = validJustification(good);
    expect(checked).toEqual({
      ok: true,
      text: 'De tweede export gaat alleen naar de gemeente zelf; het verschil van één klant is met de outputcontroleur besproken en akkoord bevonden.',
    });
    const finding = {
      candidate: { id: 'klanten', label: 'Klanthuishoudens', outputIds: ['inkomen-klanten'] },
      earlier: {
        export: { exportId: 'e', title: 'Eerdere export', studyName: 'Proefstudie', exportedAt: EXPORTED_AT.toISOString(), exportFolder: '/x' },
        id: 'k',
        label: 'Klanthuishoudens',
        outputIds: ['t'],
      },
      threshold: THRESHOLD,
      kind: 'units' as const,
    };
    expect(justificationLogEntry('inkomen-klanten', [finding], good)).toBe(
      'Verschilcontrole: populatie "Klanthuishoudens" verschilt minder dan 10 huishoudens van "Klanthuishoudens" ' +
        'in de export "Eerdere export" (studie "Proefstudie", ' +
        `${describeFinding(finding).match(/geëxporteerd op (.*?)\)/)![1]}). Onderbouwing van de analist: ${checked.ok ? checked.text : ''}`,
    );
    expect(justificationLogEntry('andere-tabel', [finding], good)).toBeUndefined();
    expect(() => justificationLogEntry('inkomen-klanten', [finding], 'ok')).toThrow(/te kort/);
  });
});
