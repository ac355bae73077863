// Random cases for the publication's property tests: a seeded generator, random cluster labellings written into a real
// session's chosen clustering (the job's own run, its labels replaced, stored again with ClusteringJob.choose), the
// package written and audited as an output checker receives it, and the checks every package and ledger must pass.
import { auditPackages } from '../../../src-main/audit/audit-package';
import type { AuditReport } from '../../../src-main/audit/audit-report';
import { readPackage, type PrintedFigure, type ReadPackage } from '../../../src-main/audit/read-package';
import { labelsAt } from '../../../src-main/analysis/clustering-service/clustering-service';
import type { RuleSet } from '../../../src-main/disclosure/rule-set';
import { ANALYSIS_TABLE } from '../../../src-main/linking/analysis-table-name';
import type { FigureDefinition } from '../../../src-main/publication/definitions-file';
import type { CountCell } from '../../../src-main/publication/figures';
import { CLIENTS_ID } from '../../../src-main/publication/population-atoms';
import type { StudyPublication } from '../../../src-main/publication/study-publication';
import { quickClustering, type StudyFixture } from './study-fixture';

/** mulberry32: small, fast and the same on every platform. */
export function randomGenerator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomInteger(random: () => number, from: number, to: number): number {
  return from + Math.floor(random() * (to - from + 1));
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/**
 * k cluster sizes adding up to n, each at least `minimum`: 'unbalanced' spreads the rest by skewed random weights (one
 * cluster may take most of it), 'nearMinimum' keeps all but one cluster at the minimum or a household or two above.
 */
export function randomSizes(n: number, k: number, minimum: number, shape: 'unbalanced' | 'nearMinimum', random: () => number): number[] {
  if (k * minimum > n) throw new Error(`${k} clusters of at least ${minimum} do not fit in ${n} households.`);
  const sizes = new Array<number>(k).fill(minimum);
  let rest = n - k * minimum;
  if (shape === 'nearMinimum') {
    for (let index = 1; index < k && rest > 0; index++) {
      const extra = Math.min(rest, randomInteger(random, 0, 2));
      sizes[index]! += extra;
      rest -= extra;
    }
    sizes[0]! += rest;
  } else {
    const weights = sizes.map(() => random() ** 3 + 1e-3);
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    const shares = weights.map((weight) => Math.floor((rest * weight) / total));
    shares.forEach((share, index) => (sizes[index]! += share));
    sizes[randomInteger(random, 0, k - 1)]! += rest - shares.reduce((sum, share) => sum + share, 0);
  }
  return shuffled(sizes, random);
}

/** How the households are put into clusters: at random, or in runs of a register column (clusters that differ sharply). */
export type LabelOrder =
  { kind: 'random' } | { kind: 'sortedBy'; column: 'household_type' | 'tenure' | 'benefit_type' | 'reference_age' | 'disposable_income' };

export interface RandomClustering {
  k: number;
  sizes: number[];
  order: LabelOrder;
  runId: string;
}

/**
 * Clusters the session's clients (a quick real run at k, which leaves the job a run to choose from), then replaces the
 * run's labelling at k by a random one with the sizes `sizes(households)` gives and stores it as the chosen labelling: from then on every
 * publication and export of the session describes these clusters.
 */
export async function chooseRandomClustering(
  study: StudyFixture,
  options: { k: number; sizes: (households: number) => number[]; order: LabelOrder; random: () => number; seed?: number },
): Promise<RandomClustering> {
  const { k, order, random } = options;
  await study.session.clustering.run(quickClustering(k, options.seed === undefined ? {} : { seed: options.seed }));
  const run = study.session.clustering.lastRun()!;
  const labels = labelsAt(run, k)!;
  const sizes = options.sizes(run.n);
  if (sizes.length !== k || sizes.reduce((sum, size) => sum + size, 0) !== run.n)
    throw new Error(`Sizes ${sizes.join('+')} are not a split of ${run.n} households into ${k}.`);
  let positions = shuffled(
    Array.from({ length: run.n }, (_, index) => index),
    random,
  );
  if (order.kind === 'sortedBy') {
    const values = await study.engine.withSession(async (session) => {
      const rows = await session.query(
        `SELECT household_key::VARCHAR AS household_key, household_start::VARCHAR AS household_start, ${order.column}::VARCHAR AS v FROM ${ANALYSIS_TABLE}`,
      );
      return new Map(
        rows.map((row) => [`${String(row.household_key)}|${String(row.household_start)}`, row.v === null || row.v === undefined ? '' : String(row.v)]),
      );
    });
    const valueOf = (index: number) => values.get(`${run.keys.householdKey[index]}|${run.keys.householdStart[index]}`) ?? '';
    const numeric = order.column === 'reference_age' || order.column === 'disposable_income';
    // Stable sort of the shuffled positions: ties stay in random order.
    positions = positions
      .map((position, rank) => ({ position, rank, value: valueOf(position) }))
      .sort(
        (a, b) =>
          (numeric ? (a.value === '' ? Infinity : Number(a.value)) - (b.value === '' ? Infinity : Number(b.value)) : a.value.localeCompare(b.value)) ||
          a.rank - b.rank,
      )
      .map(({ position }) => position);
  }
  let next = 0;
  sizes.forEach((size, cluster) => {
    for (let i = 0; i < size; i++) labels[positions[next++]!] = cluster;
  });
  await study.session.clustering.choose(k);
  return { k, sizes, order, runId: run.runId };
}

export interface WrittenPackage {
  folder: string;
  pkg: ReadPackage;
  audit: AuditReport;
}

/** Every output the session offers, exported as the app does, then read back and audited independently; or the writer's refusal. */
export async function exportEverything(study: StudyFixture, chart = false): Promise<{ written: WrittenPackage } | { refused: string[] }> {
  const preview = await study.session.exportPreview('suppression');
  const result = await study.session.export({
    method: 'suppression',
    selection: preview.candidates.map((candidate) => ({ id: candidate.id, chart })),
    folder: study.folder,
  });
  if (result.status !== 'written') return { refused: result.reasons };
  const pkg = await readPackage(result.folder);
  return { written: { folder: result.folder, pkg, audit: auditPackages([pkg]) } };
}

function isClientPopulation(population: string): boolean {
  return population === CLIENTS_ID || population.startsWith('cluster-');
}

function populationOf(figure: FigureDefinition): string | null {
  return figure.kind === 'count' ? figure.cell.population : figure.kind === 'share' || figure.kind === 'shareAtLeast' ? figure.numerator.population : null;
}

/** How a cell is named in a problem: output, place and the reader's label. */
function where(output: string, cell: Pick<PrintedFigure, 'row' | 'column' | 'label'>): string {
  return `${output} [${cell.row}/${cell.column}] ${cell.label}`;
}

/** A count's true value, for a figure definition's cell (the ledger's raw data; main process only). */
export function trueCount(publication: StudyPublication, cell: { feature: string; codes: readonly string[] | null; population: string }): number {
  const countCell: CountCell = { feature: cell.feature, codes: cell.codes, population: cell.population };
  return publication.ledger.rawCount(countCell);
}

/**
 * What is wrong with a written package, as strings naming the cell (none when all is well): a failing audit finding,
 * a hidden cell the attacker pins to an interval narrower than the protection level that may lie below the threshold,
 * a hidden client cell the audit did not attack, or a printed count (of households or link-report records) of 1 to
 * threshold - 1.
 */
export function packageProblems(pkg: ReadPackage, audit: AuditReport, rules: Pick<RuleSet, 'threshold' | 'protectionLevel'>): string[] {
  const problems: string[] = [];
  const report = audit.packages[0]!;
  if (!audit.pass) problems.push('the audit fails');
  for (const finding of [...report.findings, ...audit.groups.flatMap((group) => group.findings)]) {
    if (finding.severity === 'fail') problems.push(`finding: ${finding.output ?? ''} ${finding.label ?? ''}: ${finding.message}`);
  }
  for (const output of pkg.outputs) {
    const attacked = report.outputs.find((candidate) => candidate.id === output.id)?.hiddenCells ?? [];
    for (const cell of output.cells) {
      const { figure, printed } = cell;
      if ((figure.kind === 'count' || figure.kind === 'record') && printed.kind === 'number' && printed.value > 0 && printed.value < rules.threshold) {
        problems.push(`printed small count ${printed.value}: ${where(output.id, cell)}`);
      }
      if (printed.kind !== 'hidden') continue;
      const population = populationOf(figure);
      const result = attacked.find((candidate) => candidate.row === cell.row && candidate.column === cell.column);
      if (!result) {
        if (population !== null && isClientPopulation(population)) problems.push(`hidden client cell not attacked: ${where(output.id, cell)}`);
        continue;
      }
      const width = result.upper === null ? Infinity : result.upper - result.lower;
      if (!(width >= rules.protectionLevel || result.lower >= rules.threshold))
        problems.push(`hidden cell pinned to [${result.lower}, ${result.upper}]: ${where(output.id, cell)}`);
    }
  }
  return problems;
}

/** The hidden counts of the ledger (and link-report records) whose attacked interval is narrow and may lie below the threshold. */
export function ledgerProblems(publication: StudyPublication, rules: Pick<RuleSet, 'threshold' | 'protectionLevel'>): { problems: string[]; hidden: number } {
  const { ledger } = publication;
  const problems: string[] = [];
  let hidden = 0;
  const check = (interval: { lower: number; upper: number } | null, name: string) => {
    if (interval === null) return;
    hidden += 1;
    if (!(interval.upper - interval.lower >= rules.protectionLevel || interval.lower >= rules.threshold))
      problems.push(`${name}: [${interval.lower}, ${interval.upper}]`);
  };
  for (const { cell } of ledger.registeredCounts()) {
    check(ledger.interval({ kind: 'count', cell }), `count ${cell.feature} ${cell.codes?.join('+') ?? 'totaal'} in ${cell.population}`);
  }
  for (const family of publication.records) {
    for (const cell of family.cells) check(ledger.interval({ kind: 'record', family: family.id, cell: cell.id }), `record ${family.id}:${cell.id}`);
  }
  return { problems, hidden };
}

export interface PrintedChange {
  output: string;
  row: number;
  column: number;
  value: number;
  decimals: number;
}

/** The package with some cells printed as given (what a reader would get had the writer let them through). */
export function withPrinted(pkg: ReadPackage, changes: readonly PrintedChange[]): ReadPackage {
  const changeOf = (output: string, cell: PrintedFigure) =>
    changes.find((change) => change.output === output && change.row === cell.row && change.column === cell.column);
  return {
    ...pkg,
    outputs: pkg.outputs.map((output) => ({
      ...output,
      cells: output.cells.map((cell) => {
        const change = changeOf(output.id, cell);
        return change ? { ...cell, printed: { kind: 'number' as const, value: change.value, decimals: change.decimals } } : cell;
      }),
    })),
  };
}

/** A hidden count or share of a package with its true value as the writer would have printed it (shares rounded to the package's decimals). */
export interface HiddenFigure extends PrintedChange {
  cell: PrintedFigure;
  /** The households it counts (a share's numerator). */
  count: number;
}

export function hiddenFigures(pkg: ReadPackage, publication: StudyPublication): HiddenFigure[] {
  const decimals = pkg.definitions.shareDecimals;
  return pkg.outputs.flatMap((output) =>
    output.cells.flatMap((cell): HiddenFigure[] => {
      if (cell.printed.kind !== 'hidden') return [];
      const { figure } = cell;
      const place = { output: output.id, row: cell.row, column: cell.column, cell };
      if (figure.kind === 'count') {
        const count = trueCount(publication, figure.cell);
        return [{ ...place, value: count, decimals: 0, count }];
      }
      if (figure.kind === 'share') {
        const count = trueCount(publication, figure.numerator);
        const denominator = trueCount(publication, figure.denominator);
        if (denominator === 0) return [];
        const factor = 10 ** decimals;
        return [{ ...place, value: Math.round(((100 * count) / denominator) * factor) / factor, decimals, count }];
      }
      return [];
    }),
  );
}
