// Benchmark of k-means: our implementation (one thread, and a team of threads) against ml-kmeans and scikit-learn on the same seeded blobs, in the same run.
import { spawn, execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { kmeans as mlKmeans } from 'ml-kmeans';
import { kmeans, KMeansTeam, simdAvailable } from '../../src-main/analysis/clustering/kmeans/index';

import { SeededRandom } from '../../src-main/analysis/clustering/seeded-random';
import { median, type Timing } from './measure';

const run = promisify(execFile);
const D = 30;
const K = 5;
const STARTS = 10;
/** BENCH_KMEANS_ROWS picks the sizes; BENCH_KMEANS_8M=1 adds the national scale (8 million households, about 2 GB of data). */
const SIZES = [...(process.env.BENCH_KMEANS_ROWS ?? '100000,1000000').split(',').map(Number), ...(process.env.BENCH_KMEANS_8M === '1' ? [8_000_000] : [])];
/** Above this many rows ml-kmeans (about 13 s per 100k x 30 x 10 starts) runs one start and is scaled to ten. */
const ML_FULL_LIMIT = 200_000;
/** Beyond this ml-kmeans (an array of arrays) is not run at all: one start would take minutes and gigabytes. */
const ML_LIMIT = 2_000_000;
/** scikit-learn uses every core through OpenMP; ours is timed on one thread and on as many threads. */
const THREADS = availableParallelism();

/** Blobs like scikit-learn's make_blobs: k centres uniform in [-10, 10]^d, unit spread around each. */
function blobs(n: number, seed: number): Float64Array {
  const random = new SeededRandom(seed);
  const centres = Array.from({ length: K }, () => Float64Array.from({ length: D }, () => random.uniform() * 20 - 10));
  const data = new Float64Array(n * D);
  for (let i = 0; i < n; i++) {
    const centre = centres[random.int(K)]!;
    for (let t = 0; t < D; t++) data[i * D + t] = centre[t]! + random.normal();
  }
  return data;
}

/** The first python3 that has scikit-learn (Debian's python3-sklearn lives in /usr/bin, a pyenv shim may come first). */
async function findSklearnPython(): Promise<string | undefined> {
  const candidates = [process.env.BENCH_PYTHON, 'python3', '/usr/bin/python3'].filter((c): c is string => Boolean(c));
  for (const python of candidates) {
    try {
      await run(python, ['-c', 'import sklearn']);
      return python;
    } catch {
      // not this one
    }
  }
  return undefined;
}

// Loads the raw float64 file both sides use once, then fits once per line it reads (the line is
// the random_state) and answers with the time of KMeans.fit only, so its runs interleave with ours.
const SKLEARN_SCRIPT = `
import json, sys, time
import numpy as np, sklearn
from sklearn.cluster import KMeans
path, n, d, k, starts = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
X = np.fromfile(path, dtype='<f8').reshape(n, d)
print(json.dumps({'ready': True, 'version': sklearn.__version__}), flush=True)
for line in sys.stdin:
    t = time.perf_counter()
    model = KMeans(n_clusters=k, n_init=starts, random_state=int(line), algorithm='lloyd').fit(X)
    print(json.dumps({'ms': (time.perf_counter() - t) * 1000, 'inertia': model.inertia_}), flush=True)
`;

interface SklearnFit {
  ms: number;
  inertia: number;
}

/** A python process that keeps the data loaded and fits on request. */
async function startSklearn(python: string, file: string, n: number): Promise<{ version: string; fit(seed: number): Promise<SklearnFit>; stop(): void }> {
  const child = spawn(python, ['-c', SKLEARN_SCRIPT, file, String(n), String(D), String(K), String(STARTS)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async <T>(): Promise<T> => {
    const line = await lines.next();
    if (line.done) throw new Error('scikit-learn stopped.');
    return JSON.parse(line.value) as T;
  };
  const { version } = await next<{ version: string }>();
  return {
    version,
    fit(seed) {
      child.stdin.write(`${seed}\n`);
      return next<SklearnFit>();
    },
    stop: () => child.stdin.end(),
  };
}

/**
 * The app ships the worker compiled; run from TypeScript source each helper would first
 * start tsx (about 0.7 s here), which is not what a user waits for. So the helper is bundled
 * once with esbuild (tsx's own dependency) and the timings use that file.
 */
async function bundleWorker(folder: string): Promise<URL | undefined> {
  try {
    const { build } = await import('esbuild');
    const outfile = join(folder, 'kmeans-worker.mjs');
    const entry = join(import.meta.dirname, '..', '..', 'src-main', 'analysis', 'clustering', 'kmeans', 'worker.ts');
    await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'silent' });
    return pathToFileURL(outfile);
  } catch {
    console.log('  esbuild not available: helper threads run from TypeScript source (includes tsx start-up).');
    return undefined;
  }
}

function timeOurs(data: Float64Array, n: number, seed: number, team?: KMeansTeam): { ms: number; inertia: number } {
  const start = performance.now();
  const { inertia } = kmeans(data, n, D, K, { starts: STARTS, seed, ...(team ? { team } : {}) });
  return { ms: performance.now() - start, inertia };
}

function timeMlKmeans(data: Float64Array, n: number, starts: number): { ms: number; inertia: number } {
  const rows = Array.from({ length: n }, (_, i) => Array.from(data.subarray(i * D, i * D + D)));
  let best = Infinity;
  const start = performance.now();
  // ml-kmeans has no multi-start option: one call per seed, keep the best, as a user of it would.
  for (let s = 0; s < starts; s++) {
    const result = mlKmeans(rows, K, { seed: s, initialization: 'kmeans++' });
    let inertia = 0;
    result.clusters.forEach((cluster, i) => {
      const centre = result.centroids[cluster]!;
      const row = rows[i]!;
      for (let t = 0; t < D; t++) inertia += (row[t]! - centre[t]!) ** 2;
    });
    best = Math.min(best, inertia);
  }
  return { ms: performance.now() - start, inertia: best };
}

const fmt = (x: number) => x.toExponential(6);

export async function benchClustering(): Promise<Timing[]> {
  const folder = await mkdtemp(join(tmpdir(), 'groepsbeeld-bench-kmeans-'));
  const timings: Timing[] = [];
  const python = await findSklearnPython();
  const workerUrl = await bundleWorker(folder);
  if (!python) console.log('  scikit-learn not installed (apt-get install python3-sklearn): its rows are left out.');
  if (!simdAvailable()) console.log('  WebAssembly SIMD not available: ours runs its JavaScript kernel.');
  const teamStart = performance.now();
  const team = THREADS > 1 ? await KMeansTeam.start(THREADS - 1, workerUrl) : undefined;
  const teamStartMs = performance.now() - teamStart;
  try {
    for (const n of SIZES) {
      const data = blobs(n, 2017 + n);
      const label = `k-means ${n.toLocaleString('en')} x ${D}, k=${K}, ${STARTS} starts`;
      const repeats = n <= ML_FULL_LIMIT ? 5 : n <= ML_LIMIT ? 3 : 1;
      let sklearn: Awaited<ReturnType<typeof startSklearn>> | undefined;
      if (python) {
        const file = join(folder, `blobs-${n}.f64`);
        await writeFile(file, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
        sklearn = await startSklearn(python, file, n);
      }
      // Interleaved, seed r on every side in repeat r, so a busy machine slows all three alike.
      const ours: { ms: number; inertia: number }[] = [];
      const oursTeam: { ms: number; inertia: number }[] = [];
      const theirs: SklearnFit[] = [];
      for (let r = 0; r < repeats; r++) {
        ours.push(timeOurs(data, n, r));
        if (team) oursTeam.push(timeOurs(data, n, r, team));
        if (sklearn) theirs.push(await sklearn.fit(r));
      }
      sklearn?.stop();
      const oursMs = median(ours.map((x) => x.ms));
      const oursInertia = Math.min(...ours.map((x) => x.inertia));
      const versions = [[`1 thread`, oursMs, oursInertia]] as [string, number, number][];
      if (team) versions.push([`${THREADS} threads`, median(oursTeam.map((x) => x.ms)), Math.min(...oursTeam.map((x) => x.inertia))]);

      if (sklearn) {
        const sklearnMs = median(theirs.map((x) => x.ms));
        const sklearnInertia = Math.min(...theirs.map((x) => x.inertia));
        for (const [who, ms, inertia] of versions) {
          timings.push({
            name: `${label}, ours on ${who}`,
            baseline: `scikit-learn ${sklearn.version}`,
            baselineMs: sklearnMs,
            measuredMs: ms,
            detail:
              `inertia ours ${fmt(inertia)}, scikit-learn ${fmt(sklearnInertia)}; median ` +
              `of ${repeats}${who === '1 thread' ? '' : `, team started once (${teamStartMs.toFixed(0)} ms, not included)`}`,
          });
        }
      } else {
        console.log(`  ${label}: scikit-learn not installed`);
      }

      if (n <= ML_LIMIT) {
        const mlStarts = n <= ML_FULL_LIMIT ? STARTS : 1;
        const ml = timeMlKmeans(data, n, mlStarts);
        timings.push({
          name: `${label}, ours on 1 thread`,
          baseline: mlStarts === STARTS ? 'ml-kmeans 7' : `ml-kmeans 7, 1 start x ${STARTS} (estimate)`,
          baselineMs: (ml.ms * STARTS) / mlStarts,
          measuredMs: oursMs,
          detail: `inertia ours ${fmt(oursInertia)}, ml-kmeans ${fmt(ml.inertia)}${mlStarts === STARTS ? '' : ' (its one start)'}`,
        });
      } else {
        console.log(`  ${label}: ml-kmeans not run (an array of ${n.toLocaleString('en')} arrays; one start would take minutes)`);
      }
    }
  } finally {
    await team?.close();
    await rm(folder, { recursive: true, force: true });
  }
  return timings;
}
