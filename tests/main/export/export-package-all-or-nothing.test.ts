// The export package of a real study (the demo world linked and clustered in a StudySession) on real folders, written
// whole or not at all: never over an earlier one, nothing left when aborted, when writing fails or when the audit
// refuses it, and a table that is not what the ledger publishes refused before anything is written.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ruleSetDigest } from '../../../src-main/disclosure/rule-set';
import { writeExportPackage } from '../../../src-main/export/export-package';
import type { PackageWriteResult } from '../../../src-main/export/package-request';
import { linkedStudy, type StudyFixture } from '../support/study-fixture';
import { tempFolder } from '../support/temp-folder';
import { filesOf, holdsNumber } from './support/package-files';
import { hiddenShare, NOW, outputOf, packageRequest, realPublication, withHiddenCountShown, type RealPublication } from './support/study-package';

let study: StudyFixture;
let real: RealPublication;

beforeAll(async () => {
  study = await linkedStudy();
  real = await realPublication(study);
}, 120_000);

afterAll(() => study?.close());

describe('writeExportPackage: nothing or everything', () => {
  const chosen = [{ id: 'vergelijking-household-type', chart: true }, { id: 'vergelijking-tenure' }];

  it('never overwrites: a second export in the same second gets a suffix, and the same moment gives the same bytes', async () => {
    const parent = await tempFolder('groepsbeeld-export-');
    const request = packageRequest(real, chosen);
    const first = await writeExportPackage(request, { folder: parent, now: NOW });
    const second = await writeExportPackage(request, { folder: parent, now: NOW });
    expect(first).toMatchObject({ ok: true, folder: join(parent, 'groepsbeeld-export-20261125-143005') });
    expect(second).toMatchObject({ ok: true, folder: join(parent, 'groepsbeeld-export-20261125-143005-2') });
    expect((await readdir(parent)).sort()).toEqual(['groepsbeeld-export-20261125-143005', 'groepsbeeld-export-20261125-143005-2']);
    const [a, b] = await Promise.all([first, second].map((result) => filesOf((result as Extract<PackageWriteResult, { ok: true }>).folder)));
    const zipsAndPdfs = [...a!.keys()].filter((name) => /\.(xlsx|pdf)$/.test(name));
    expect(zipsAndPdfs.sort()).toEqual(['output-log.xlsx', 'report.pdf', 'vergelijking-household-type.xlsx', 'vergelijking-tenure.xlsx']);
    for (const name of zipsAndPdfs) expect(b!.get(name)!.equals(a!.get(name)!), name).toBe(true);
    expect(b!.get('SHA256SUMS')!.equals(a!.get('SHA256SUMS')!)).toBe(true);
  }, 60_000);

  it('leaves nothing when aborted midway, at a chart or just before the audit', async () => {
    for (const at of ['vergelijking-household-type.png', 'definities.json']) {
      const parent = await tempFolder('groepsbeeld-export-');
      const controller = new AbortController();
      const result = await writeExportPackage(packageRequest(real, chosen), {
        folder: parent,
        now: NOW,
        signal: controller.signal,
        onProgress: (progress) => {
          if (progress.label === at) controller.abort();
        },
      });
      expect(result, at).toMatchObject({ ok: false, error: { code: 'aborted', message: expect.stringMatching(/niets geschreven/) } });
      expect(await readdir(parent), at).toEqual([]);
    }
  }, 60_000);

  it('leaves nothing, and what was there untouched, when writing fails midway (the font for the PDF is missing), and says why', async () => {
    const parent = await tempFolder('groepsbeeld-export-');
    await mkdir(join(parent, 'eerder'));
    await writeFile(join(parent, 'eerder', 'notitie.txt'), 'van vorige week');
    const missing = join(parent, 'ontbreekt.ttf');
    const result = await writeExportPackage(packageRequest(real, [{ id: 'vergelijking-tenure' }]), {
      folder: parent,
      now: NOW,
      fonts: { regular: missing, semibold: missing },
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'write-failed',
        message: expect.stringMatching(/^Het exportpakket kon niet worden geschreven; er is niets achtergebleven: .*ontbreekt\.ttf/),
      },
    });
    expect(await readdir(parent)).toEqual(['eerder']);
    expect(await readFile(join(parent, 'eerder', 'notitie.txt'), 'utf8')).toBe('van vorige week');
  });

  it('leaves nothing when a table cannot be written (a row with a missing cell)', async () => {
    const parent = await tempFolder('groepsbeeld-export-');
    const output = outputOf(real, 'vergelijking-tenure');
    const table = structuredClone(output.published.table);
    table.rows[0]!.cells = table.rows[0]!.cells.slice(1);
    const result = await writeExportPackage(packageRequest(real, [{ id: 'vergelijking-tenure', published: { ...output.published, table } }]), {
      folder: parent,
      now: NOW,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'write-failed', message: expect.stringMatching(/5 cells for 6 columns/) } });
    expect(await readdir(parent)).toEqual([]);
  });

  it('writes nothing when the audit finds a hidden cell recomputable (a secondary cell printed with its true value), and names the cell', async () => {
    const parent = await tempFolder('groepsbeeld-export-');
    const shown = withHiddenCountShown(real, 'vergelijking-household-type', 'secondary');
    const result = await writeExportPackage(packageRequest(real, [{ id: 'vergelijking-household-type', published: shown.published }]), {
      folder: parent,
      now: NOW,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code: 'audit-failed', message: expect.stringMatching(/verborgen cel.*er is niets geschreven/) });
    if (result.error.code !== 'audit-failed') return;
    // It names the output and the cell, never the interval the auditor reached (the package is not written, so that
    // figure must not leave with the refusal), nor the staging folder.
    const said = result.error.findings.join('\n');
    expect(said).toMatch(
      /uitvoer vergelijking-household-type: de verborgen cel "Overig of onbekend \/ Klanthuishoudens \(aantal\)" is uit de andere cijfers terug te rekenen/,
    );
    expect(said).not.toMatch(/\d+\.\.\d+|staging/);
    expect(await readdir(parent)).toEqual([]);
  }, 60_000);

  it('the same request without the printed value passes the audit (the refusal above is the audit’s, not the request’s)', async () => {
    const parent = await tempFolder('groepsbeeld-export-');
    const result = await writeExportPackage(packageRequest(real, [{ id: 'vergelijking-household-type' }]), { folder: parent, now: NOW });
    expect(result).toMatchObject({ ok: true, audit: { pass: true } });
  }, 60_000);

  it('says so when the picked folder does not exist or is a file', async () => {
    const parent = await tempFolder('groepsbeeld-export-');
    const request = packageRequest(real, [{ id: 'vergelijking-tenure' }]);
    expect(await writeExportPackage(request, { folder: join(parent, 'bestaat-niet'), now: NOW })).toMatchObject({
      ok: false,
      error: { code: 'write-failed', message: expect.stringMatching(/bestaat-niet bestaat niet/) },
    });
    await writeFile(join(parent, 'bestand'), '');
    expect(await writeExportPackage(request, { folder: join(parent, 'bestand'), now: NOW })).toMatchObject({
      ok: false,
      error: { code: 'write-failed', message: expect.stringMatching(/is geen map/) },
    });
    expect(await readdir(parent)).toEqual(['bestand']);
  });
});

describe('writeExportPackage: a table that is not what the ledger publishes', () => {
  // The writer refuses such tables ('invalid-table') before writing anything.
  it('refuses a hidden cell that carries a value, or keeps that value out of every file', async () => {
    const parent = await tempFolder('groepsbeeld-export-');
    const output = outputOf(real, 'vergelijking-household-type');
    const hidden = hiddenShare(real, [output.id]);
    const table = structuredClone(output.published.table);
    (table.rows[hidden.row]!.cells as unknown[])[hidden.column] = { status: 'suppressed', value: Math.round(hidden.value * 10) / 10, decimals: 1 };
    const result = await writeExportPackage(packageRequest(real, [{ id: output.id, chart: true, published: { ...output.published, table } }]), {
      folder: parent,
      now: NOW,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-table' } });
    expect(await readdir(parent)).toEqual([]);
    if (!result.ok) return;
    for (const [name, bytes] of await filesOf(result.folder)) expect(holdsNumber(name, bytes, hidden.numbers), name).toBe(false);
  }, 60_000);

  it('refuses a table checked with another rule set', async () => {
    const parent = await tempFolder('groepsbeeld-export-');
    const output = outputOf(real, 'vergelijking-tenure');
    const other = { ...real.rules, threshold: 15 };
    const table = { ...output.published.table, ruleSet: { name: other.name, digest: ruleSetDigest(other) } };
    const result = await writeExportPackage(packageRequest(real, [{ id: output.id, published: { ...output.published, table } }]), { folder: parent, now: NOW });
    expect(result.ok).toBe(false);
    expect(await readdir(parent)).toEqual([]);
  }, 60_000);
});
