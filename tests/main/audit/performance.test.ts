// The audit of a study-sized package (19 outputs, 644 figures, a family of 41 atoms x 8 population atoms) stays well under a second.
import { describe, expect, it } from 'vitest';
import { auditPackages } from '../../../src-main/audit/audit-package';
import { readPackage } from '../../../src-main/audit/read-package';
import { tempFolder } from '../support/temp-folder';
import { writePackage } from './package-fixtures';
import { figureCount, realisticPackage } from './realistic-package';

describe('audit performance', () => {
  it('audits a study-sized package in a fraction of a second', async () => {
    const fixture = realisticPackage(7);
    expect(fixture.outputs.length).toBeGreaterThanOrEqual(19);
    expect(figureCount(fixture)).toBeGreaterThanOrEqual(600);
    expect(Math.max(...fixture.families.map((family) => family.atoms.length))).toBe(41);
    const read = await readPackage(await writePackage(await tempFolder(), 'studie', fixture));
    auditPackages([read]); // warm-up: the JIT, not the audit, is slow on the first run
    const started = performance.now();
    const report = auditPackages([read]);
    const milliseconds = performance.now() - started;
    const group = report.groups[0];
    // The run must have done the real work: every cell class checked, and the 41 x 8 family solved as one program.
    expect(group?.audited).toBe(true);
    expect(group?.checkedClasses).toBeGreaterThan(600);
    expect(group?.statistics?.largestComponent.variables).toBeGreaterThan(300);
    expect(report.packages[0]?.outputs.flatMap((output) => output.hiddenCells).length).toBeGreaterThan(100);
    // Measured 0.2 s of CPU on a loaded 2-core machine; the bound leaves room for a busier one.
    expect(milliseconds).toBeLessThan(2000);
  });
});
