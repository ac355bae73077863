// Benchmark of k-means: our implementation against ml-kmeans and scikit-learn on the same seeded blobs, in the same run.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { kmeans as mlKmeans } from 'ml-kmeans';
import { kmeans } from '../../src-main/analysis/clustering/kmeans';
import { kmeansParallel } from '../../src-main/analysis/clustering/kmeans-parallel';
import { SeededRandom } from '../../src-main/analysis/clustering/seeded-random';
import { median, type Timing } from './measure';

const run = promisify(execFile);
const D = 30;
const K = 5;
const STARTS = 10;
const SIZES = (process.env.BENCH_KMEANS_ROWS ?? '100000,1000000').split(',').map(Number);
/** Above this many rows ml-kmeans (about 13 s per 100k x 30 x 10 starts) runs one start and is scaled to ten. */
const ML_FULL_LIMIT = 200_000;
/** scikit-learn uses every core through OpenMP; ours is timed on one thread and on as many worker threads. */
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

// Reads the raw float64 file both sides use and times KMeans.fit only (not the import or the read).
const SKLEARN_SCRIPT = `
import json, sys, time
import numpy as np, sklearn
from sklearn.cluster import KMeans
path, n, d, k, starts, repeats = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
X = np.fromfile(path, dtype='<f8').reshape(n, d)
times, inertia = [], None
for r in range(repeats):
    t = time.perf_counter()
    model = KMeans(n_clusters=k, n_init=starts, random_state=r, algorithm='lloyd').fit(X)
    times.append((time.perf_counter() - t) * 1000)
    inertia = model.inertia_
print(json.dumps({'ms': sorted(times)[len(times) // 2], 'inertia': inertia, 'version': sklearn.__version__}))
`;

interface SklearnFigure {
  ms: number;
  inertia: number;
  version: string;
}

/**
 * The app ships the worker compiled; run from TypeScript source each worker would first
 * start tsx (about 0.7 s here), which is not what a user waits for. So the worker is bundled
 * once with esbuild (tsx's own dependency) and the timings use that file.
 */
async function bundleWorker(folder: string): Promise<URL | undefined> {
  try {
    const { build } = await import('esbuild');
    const outfile = join(folder, 'kmeans-worker.mjs');
    const entry = join(import.meta.dirname, '..', '..', 'src-main', 'analysis', 'clustering', 'kmeans-worker.ts');
    await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'silent' });
    return pathToFileURL(outfile);
  } catch {
    console.log('  esbuild not available: worker threads run from TypeScript source (includes tsx start-up).');
    return undefined;
  }
}

async function timeOurs(data: Float64Array, n: number, repeats: number, threads: number, workerUrl?: URL): Promise<{ ms: number; inertia: number }> {
  const times: number[] = [];
  let inertia = 0;
  for (let r = 0; r < repeats; r++) {
    const start = performance.now();
    const options = { starts: STARTS, seed: r };
    inertia = (threads === 1 ? kmeans(data, n, D, K, options) : await kmeansParallel(data, n, D, K, { ...options, threads, ...(workerUrl ? { workerUrl } : {}) })).inertia;
    times.push(performance.now() - start);
  }
  return { ms: median(times), inertia };
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

export async function benchClustering(): Promise<Timing[]> {
  const folder = await mkdtemp(join(tmpdir(), 'groepsbeeld-bench-kmeans-'));
  const timings: Timing[] = [];
  const python = await findSklearnPython();
  const workerUrl = await bundleWorker(folder);
  if (!python) console.log('  scikit-learn not installed (apt-get install python3-sklearn): its column is left out.');
  try {
    for (const n of SIZES) {
      const data = blobs(n, 2017 + n);
      const label = `k-means ${n.toLocaleString('en')} x ${D}, k=${K}, ${STARTS} starts`;
      const repeats = n <= ML_FULL_LIMIT ? 3 : 1;
      const ours = await timeOurs(data, n, repeats, 1);
      const oursThreaded = await timeOurs(data, n, repeats, THREADS, workerUrl);

      const mlStarts = n <= ML_FULL_LIMIT ? STARTS : 1;
      const ml = timeMlKmeans(data, n, mlStarts);
      const mlMs = (ml.ms * STARTS) / mlStarts;
      timings.push({
        name: `${label}, ours on 1 thread`,
        baseline: mlStarts === STARTS ? 'ml-kmeans 7' : `ml-kmeans 7, 1 start x ${STARTS} (estimate)`,
        baselineMs: mlMs,
        measuredMs: ours.ms,
        detail: `inertia ours ${ours.inertia.toExponential(6)}, ml-kmeans ${ml.inertia.toExponential(6)}${mlStarts === STARTS ? '' : ' (its one start)'}`,
      });

      if (python) {
        const file = join(folder, `blobs-${n}.f64`);
        await writeFile(file, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
        const { stdout } = await run(python, ['-c', SKLEARN_SCRIPT, file, String(n), String(D), String(K), String(STARTS), String(repeats)], {
          maxBuffer: 1 << 20,
        });
        const sklearn = JSON.parse(stdout) as SklearnFigure;
        for (const [who, figure] of [['1 thread', ours], [`${THREADS} worker threads`, oursThreaded]] as const) {
          timings.push({
            name: `${label}, ours on ${who}`,
            baseline: `scikit-learn ${sklearn.version}`,
            baselineMs: sklearn.ms,
            measuredMs: figure.ms,
            detail: `inertia ours ${figure.inertia.toExponential(6)}, scikit-learn ${sklearn.inertia.toExponential(6)}`,
          });
        }
        await rm(file, { force: true });
      } else {
        console.log(`  ${label}: scikit-learn not installed`);
      }
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  return timings;
}
