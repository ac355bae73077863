// Side-by-side timing helpers for the benchmarks: medians of alternating runs, and one report format.
import { execFile } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Runs a TypeScript probe script in a fresh Node process (so its peak memory is its own) and parses its JSON output. */
export async function runProbe<T>(script: string, args: readonly string[]): Promise<T> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', script, ...args], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout) as T;
}

export interface Timing {
  /** What is measured, and against what. */
  name: string;
  baseline: string;
  baselineMs: number;
  measuredMs: number;
  /** Unit of the two figures when they are not milliseconds (e.g. MB of peak memory). */
  unit?: string;
  /** Throughput or other context printed after the ratio. */
  detail?: string;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Alternates baseline and measured runs so drift on the machine hits both equally. */
export async function sideBySide(repeats: number, baseline: () => Promise<void>, measured: () => Promise<void>): Promise<[number, number]> {
  const a: number[] = [];
  const b: number[] = [];
  await baseline();
  await measured();
  for (let i = 0; i < repeats; i++) {
    let start = performance.now();
    await baseline();
    a.push(performance.now() - start);
    start = performance.now();
    await measured();
    b.push(performance.now() - start);
  }
  return [median(a), median(b)];
}

export function printTimings(title: string, timings: readonly Timing[]): void {
  console.log(`\n${title} (medians; ratio = measured / baseline)`);
  for (const timing of timings) {
    const unit = timing.unit ?? 'ms';
    console.log(
      `  ${timing.name.padEnd(52)} ${timing.measuredMs.toFixed(1).padStart(9)} ${unit}   ` +
        `baseline (${timing.baseline}) ${timing.baselineMs.toFixed(1).padStart(9)} ${unit}   ratio ${(timing.measuredMs / timing.baselineMs).toFixed(2)}x` +
        (timing.detail ? `   ${timing.detail}` : ''),
    );
  }
}
