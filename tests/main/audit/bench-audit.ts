// Times the audit of the study-sized example package: `npx tsx tests/main/audit/bench-audit.ts [runs]`.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditPackages } from '../../../src-main/audit/audit-package';
import { readPackage } from '../../../src-main/audit/read-package';
import { writePackage } from './package-fixtures';
import { figureCount, realisticPackage } from './realistic-package';

const runs = Number(process.argv[2] ?? 10);
const folder = await mkdtemp(join(tmpdir(), 'groepsbeeld-audit-bench-'));
try {
  const fixture = realisticPackage(7);
  const path = await writePackage(folder, 'studie', fixture);
  const family = Math.max(...fixture.families.map((item) => item.atoms.length));
  console.log(
    `${fixture.outputs.length} outputs, ${figureCount(fixture)} figures, largest family ${family} atoms x ${fixture.populations.atoms.length} population atoms`,
  );
  const samples: { read: number; audit: number; cpu: number }[] = [];
  for (let run = 0; run < runs; run += 1) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const read = await readPackage(path);
    const readDone = performance.now();
    const report = auditPackages([read]);
    const done = performance.now();
    const used = process.cpuUsage(cpu);
    samples.push({ read: readDone - started, audit: done - readDone, cpu: (used.user + used.system) / 1000 });
    if (run === 0) {
      const group = report.groups[0];
      console.log(
        `first run (cold JIT): read ${(readDone - started).toFixed(0)} ms, audit ${(done - readDone).toFixed(0)} ms; ` +
          `statistics ${JSON.stringify(group?.statistics)}`,
      );
    }
  }
  const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
  const warm = samples.slice(1);
  console.log(
    `warm, median of ${warm.length}: read ${median(warm.map((sample) => sample.read)).toFixed(0)} ms, ` +
      `audit ${median(warm.map((sample) => sample.audit)).toFixed(0)} ms wall, ` +
      `read + audit ${median(warm.map((sample) => sample.cpu)).toFixed(0)} ms CPU`,
  );
} finally {
  await rm(folder, { recursive: true, force: true });
}
