// Benchmark of study-wide disclosure control: what protecting the publication (the ledger's joint suppression) and
// auditing the written package add to the demo pipeline (link, cluster, export), and how both grow with the number of
// published figures: a clustering with more clusters (random labels, so every k has clusters of about the same size),
// and the auditor reading ten exports of the same study together (ten times the printed figures) against one, as the
// tenth export of a study is audited with the nine before it.
import { mkdir, mkdtemp, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { storeAssignments } from '../../src-main/analysis/clustering-service/assignments';
import { clusteringRequestOf } from '../../src-main/analysis/clustering-service/study-clustering';
import { SeededRandom } from '../../src-main/analysis/clustering/seeded-random';
import { CLIENT_HOUSEHOLDS } from '../../src-main/analysis/population';
import { auditPackages } from '../../src-main/audit/audit-package';
import { readPackage, type ReadPackage } from '../../src-main/audit/read-package';
import { DEFAULT_RULE_SET } from '../../src-main/disclosure/rule-set';
import { StudyEngine } from '../../src-main/engine/study-engine';
import { ANALYSIS_TABLE } from '../../src-main/linking/analysis-table-name';
import { demoStudy } from '../../src-main/linking/demo-study';
import type { LinkReport } from '../../src-main/linking/link-report';
import type { Study } from '../../src-main/linking/study-file';
import { DifferencingStore } from '../../src-main/publication/differencing-store';
import { buildPublication, type StudyPublication } from '../../src-main/publication/study-publication';
import { exportableOutputs } from '../../src-main/study/export-outputs';
import { exportPublication } from '../../src-main/study/study-export';
import { StudySession } from '../../src-main/study/study-session';
import { generateExtracts } from '../../src-main/synthetic/generate-extracts';
import { median, type Timing } from './measure';

const RULES = DEFAULT_RULE_SET;
/** Stands in for the digest of the study file and of the data (the package records them; nothing checks them here). */
const BENCH_DIGEST = '0'.repeat(64);

/** A line on stderr, so a long run shows where it is. */
function progress(text: string): void {
  process.stderr.write(`  [publication] ${text}\n`);
}

/** Runs of the demo pipeline (BENCH_PUBLICATION_RUNS; medians). */
const DEMO_RUNS = Number(process.env.BENCH_PUBLICATION_RUNS ?? 3);

/** The larger clustering of the scaling run (BENCH_PUBLICATION_K; clusters of at least 10 of the 191 clients allow up to 19). */
const LARGE_K = Number(process.env.BENCH_PUBLICATION_K ?? 15);

async function sequential<T>(times: number, work: () => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let index = 0; index < times; index += 1) results.push(await work());
  return results;
}

async function time<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

interface Pipeline {
  engine: StudyEngine;
  session: StudySession;
  study: Study;
}

async function linkedDemo(folder: string): Promise<Pipeline> {
  const world = join(folder, 'world');
  await generateExtracts({ out: world, seed: 2017, scale: 1, format: 'csv', clientsXlsx: false, force: false });
  const base = demoStudy({ folder: world });
  const study = { ...base, inputs: await Promise.all(base.inputs.map(async (input) => ({ ...input, path: await realpath(input.path) }))) };
  const engine = await StudyEngine.create({ checks: 'whileLinking', rules: RULES });
  await engine.openInputs(study.inputs.map((input) => input.path));
  const session = new StudySession({ engine, rules: RULES, userData: join(folder, `userdata-${Math.random().toString(36).slice(2)}`), appVersion: 'bench' });
  return { engine, session, study };
}

/** The demo pipeline as `demo --out` runs it, in-process: link, cluster (the demo study's settings), export everything. */
async function demoPipeline(folder: string, out: string): Promise<{ totalMs: number; protectMs: number; packageFolder: string; figures: number }> {
  const { engine, session, study } = await linkedDemo(folder);
  try {
    const started = performance.now();
    await session.linkStudy(study);
    await session.cluster(clusteringRequestOf(study.clustering));
    const preview = await session.exportPreview('suppression');
    const written = await session.export({
      method: 'suppression',
      selection: preview.candidates.map((candidate) => ({ id: candidate.id, chart: candidate.chart })),
      folder: out,
    });
    const totalMs = performance.now() - started;
    if (written.status !== 'written') throw new Error(written.reasons.join('\n'));
    const statistics = (await session.publication('suppression')).ledger.statistics();
    return { totalMs, protectMs: statistics.milliseconds, packageFolder: written.folder, figures: statistics.figures };
  } finally {
    await engine.close();
  }
}

/** The publication of the linked demo with k clusters of random labels (each cluster about the same size). */
async function publicationWithClusters(pipeline: Pipeline, linkReport: LinkReport, k: number): Promise<StudyPublication> {
  return pipeline.engine.withSession(async (session) => {
    const rows = await session.query(
      `SELECT household_key::VARCHAR AS key, household_start::VARCHAR AS start FROM ${ANALYSIS_TABLE} WHERE coalesce(client, false) ORDER BY 1, 2`,
    );
    const random = new SeededRandom(k);
    const labels = rows.map((_, index) => index % k);
    for (let index = labels.length - 1; index > 0; index -= 1) {
      const other = random.int(index + 1);
      [labels[index], labels[other]] = [labels[other]!, labels[index]!];
    }
    const runId = `bench-${k}`;
    const stored = await storeAssignments(
      session,
      runId,
      k,
      { householdKey: rows.map((row) => String(row.key)), householdStart: rows.map((row) => String(row.start)) },
      labels,
    );
    if (!stored.ok) throw new Error(stored.message);
    const publication = await buildPublication(session, {
      rules: RULES,
      method: 'suppression',
      recodes: {},
      linkReport,
      clustering: { ref: { runId, k, population: CLIENT_HOUSEHOLDS, fingerprint: `b${k}` }, populationLabel: CLIENT_HOUSEHOLDS.label },
    });
    if (!publication.clusters) throw new Error(`k = ${k}: ${publication.refusals.join(' ')}`);
    return publication;
  });
}

/** Writes every table of a publication (the persona cards left out) as a package into `out`, as the export does. */
async function writePackage(pipeline: Pipeline, publication: StudyPublication, store: DifferencingStore, out: string): Promise<string> {
  const outputs = exportableOutputs(publication, { rowOrder: [], hiddenRows: [] }, null, RULES);
  const written = await exportPublication(
    {
      identity: { name: 'Benchmark', referenceDate: pipeline.study.referenceDate, municipality: pipeline.study.municipality.code, sha256: BENCH_DIGEST },
      rules: RULES,
      appVersion: 'bench',
      dataDigest: BENCH_DIGEST,
      selection: outputs.filter((output) => output.kind === 'table').map((output) => ({ id: output.id, chart: false })),
      justificationWhere: 'in de benchmark',
      folder: out,
    },
    { publication, outputs, store, session: (work) => pipeline.engine.withSession(work) },
  );
  if (written.status !== 'written') throw new Error(written.reasons.join('\n'));
  return written.folder;
}

export async function benchPublication(): Promise<Timing[]> {
  const folder = await mkdtemp(join(tmpdir(), 'groepsbeeld-bench-publication-'));
  try {
    const timings: Timing[] = [];

    // 1. What protection and the audit add to the demo pipeline (DEMO_RUNS runs, medians).
    const runs = [];
    for (let run = 0; run < DEMO_RUNS; run += 1) runs.push(await demoPipeline(join(folder, `demo-${run}`), join(folder, `demo-${run}`)));
    const packages: ReadPackage[] = [];
    const auditMs: number[] = [];
    for (const run of runs) {
      const pkg = await readPackage(run.packageFolder);
      packages.push(pkg);
      auditMs.push((await time(async () => auditPackages([pkg]))).ms);
    }
    progress(`demo pipeline: ${DEMO_RUNS} runs done`);
    const total = median(runs.map((run) => run.totalMs));
    const protect = median(runs.map((run) => run.protectMs));
    const audit = median(auditMs);
    timings.push({
      name: 'demo: protect the publication + audit the package',
      baseline: 'link, cluster and export the demo',
      baselineMs: total,
      measuredMs: protect + audit,
      detail: `protect ${protect.toFixed(0)} ms + audit ${audit.toFixed(0)} ms for ${runs[0]!.figures} figures (goal: at most 2000 ms)`,
    });

    // 2. Protection as the figures grow: more clusters, every cluster a column, a table and a persona of its own.
    // 3. The audit as the figures grow: ten packages of the same publication (k = 5), read together as the export
    //    reads a new package with the study's earlier ones, against the first alone.
    const pipeline = await linkedDemo(join(folder, 'scaling'));
    try {
      const linkReport = await pipeline.session.linking.runStudy(pipeline.study);
      const protectionOf = async (k: number) => (await publicationWithClusters(pipeline, linkReport, k)).ledger.statistics();
      const small = await protectionOf(5);
      progress(`k = 5: ${small.figures} figures protected in ${small.milliseconds.toFixed(0)} ms`);
      const large = await protectionOf(LARGE_K);
      progress(`k = ${LARGE_K}: ${large.figures} figures protected in ${large.milliseconds.toFixed(0)} ms`);
      timings.push({
        name: `protect: k = ${LARGE_K} clusters against k = 5`,
        baseline: 'k = 5',
        baselineMs: small.milliseconds,
        measuredMs: large.milliseconds,
        detail:
          `${large.figures} against ${small.figures} figures ` +
          `(${(large.figures / small.figures).toFixed(1)}x), ${large.programs} against ${small.programs} linear programs`,
      });

      const store = new DifferencingStore(join(folder, 'scaling-userdata'));
      const publication = await publicationWithClusters(pipeline, linkReport, 5);
      const written: ReadPackage[] = [];
      for (let index = 0; index < 10; index += 1) {
        const out = join(folder, `scaling-export-${index}`);
        await mkdir(out, { recursive: true });
        written.push(await readPackage(await writePackage(pipeline, publication, store, out)));
        progress(`export ${index + 1} of the same study written`);
      }
      const printed = (list: readonly ReadPackage[]) =>
        list.reduce((sum, pkg) => sum + pkg.outputs.reduce((cells, output) => cells + output.cells.length, 0), 0);
      const oneMs = median(await sequential(3, async () => (await time(async () => auditPackages([written[0]!]))).ms));
      const together = await time(async () => auditPackages(written));
      timings.push({
        name: 'audit: ten exports of the same study against one',
        baseline: 'one package',
        baselineMs: oneMs,
        measuredMs: together.ms,
        detail:
          `${printed(written)} against ${printed([written[0]!])} printed figures ` +
          `(${(printed(written) / printed([written[0]!])).toFixed(1)}x); together they ${together.value.pass ? 'pass' : 'fail'} the audit`,
      });
    } finally {
      await pipeline.engine.close();
    }
    return timings;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
