// The output checker's attacks on a written export package, from a reader's view: find the tables by their file
// names and row labels, combine what they publish, and report every hidden client cell (or small group) the
// combination pins down. Nothing here reads the app's code or data: only the package, public definitions (the CBS
// code lists, FactoMineR's catdes tests the README names) and integer arithmetic.
import {
  columnIndex,
  figureRange,
  findRow,
  headerUnits,
  normalise,
  populationUnits,
  type Figure,
  type Package,
  type Range,
  type Row,
  type Table,
} from './package-reader';

/** What an attack learned about one cell: the interval it is pinned to (a value when the interval is one number). */
export interface Recovery {
  attack: string;
  /** E.g. "Type huishouden / Ongehuwd paar met kinderen / klanten". */
  cell: string;
  interval: [number, number];
  value?: number;
  /** How, in a few words. */
  via: string;
}

/** A hidden cell counts as protected only when an attacker's interval for it is at least this wide. */
export const PROTECTION_WIDTH = 10;

export function isNarrow(recovery: Recovery): boolean {
  return recovery.interval[1] - recovery.interval[0] < PROTECTION_WIDTH;
}

export function describeRecoveries(recoveries: readonly Recovery[]): string[] {
  return recoveries.map((r) => `${r.cell} = ${r.value ?? `${r.interval[0]}..${r.interval[1]}`} (${r.via})`);
}

function recovery(attack: string, cell: string, lo: number, hi: number, via: string): Recovery {
  return { attack, cell, interval: [lo, hi], ...(lo === hi ? { value: lo } : {}), via };
}

// ---------------------------------------------------------------------------------------------------------------
// An attacker's integer solver: bounds on integer cells, linear constraints lo <= sum(a x) <= hi, propagated to a
// fixpoint and then, where few cells remain open, enumerated to the exact integer hull (what an ILP attacker gets).

const BIG = 1e9;
const EPS = 1e-7;

interface Term {
  name: string;
  a: number;
}

interface Constraint {
  terms: Term[];
  lo: number;
  hi: number;
  why: string;
}

type Domains = Map<string, Range>;

export class IntegerSystem {
  readonly domains: Domains = new Map();
  readonly constraints: Constraint[] = [];

  declare(name: string, lo = 0, hi = BIG): void {
    const current = this.domains.get(name);
    const next = { lo: Math.ceil(lo - EPS), hi: Math.floor(hi + EPS) };
    this.domains.set(name, current ? { lo: Math.max(current.lo, next.lo), hi: Math.min(current.hi, next.hi) } : next);
  }

  add(terms: readonly [string, number][], lo: number, hi: number, why: string): void {
    for (const [name] of terms) if (!this.domains.has(name)) this.declare(name);
    this.constraints.push({ terms: terms.map(([name, a]) => ({ name, a })), lo, hi, why });
  }

  equal(terms: readonly [string, number][], value: number, why: string): void {
    this.add(terms, value, value, why);
  }

  clone(): IntegerSystem {
    const copy = new IntegerSystem();
    for (const [name, range] of this.domains) copy.domains.set(name, { ...range });
    copy.constraints.push(...this.constraints);
    return copy;
  }

  /** The tightest integer intervals the constraints allow, or null when they contradict each other. */
  solve(): Domains | null {
    const domains: Domains = new Map([...this.domains].map(([name, range]) => [name, { ...range }]));
    if (!propagate(domains, this.constraints)) return null;
    if (!enumerate(domains, this.constraints)) return null;
    return domains;
  }
}

function termBounds(domains: Domains, term: Term): [number, number] {
  const range = domains.get(term.name)!;
  return term.a > 0 ? [term.a * range.lo, term.a * range.hi] : [term.a * range.hi, term.a * range.lo];
}

function propagate(domains: Domains, constraints: readonly Constraint[]): boolean {
  for (let round = 0; round < 10_000; round++) {
    let changed = false;
    for (const constraint of constraints) {
      const bounds = constraint.terms.map((term) => termBounds(domains, term));
      const minSum = bounds.reduce((sum, [lo]) => sum + lo, 0);
      const maxSum = bounds.reduce((sum, [, hi]) => sum + hi, 0);
      if (minSum > constraint.hi + EPS || maxSum < constraint.lo - EPS) return false;
      constraint.terms.forEach((term, index) => {
        const [ownMin, ownMax] = bounds[index]!;
        const restMin = minSum - ownMin;
        const restMax = maxSum - ownMax;
        const low = constraint.lo - restMax;
        const high = constraint.hi - restMin;
        const [lo, hi] = term.a > 0 ? [low / term.a, high / term.a] : [high / term.a, low / term.a];
        const range = domains.get(term.name)!;
        const nextLo = Math.max(range.lo, Math.ceil(lo - EPS));
        const nextHi = Math.min(range.hi, Math.floor(hi + EPS));
        if (nextLo !== range.lo || nextHi !== range.hi) {
          range.lo = nextLo;
          range.hi = nextHi;
          changed = true;
        }
      });
      if (constraint.terms.some((term) => domains.get(term.name)!.lo > domains.get(term.name)!.hi)) return false;
    }
    if (!changed) return true;
  }
  return true;
}

/** Exact integer hulls of the open cells, component by component, where the search is small enough. */
function enumerate(domains: Domains, constraints: readonly Constraint[]): boolean {
  const open = [...domains].filter(([, range]) => range.hi > range.lo && range.hi - range.lo < 1000).map(([name]) => name);
  const seen = new Set<string>();
  for (const start of open) {
    if (seen.has(start)) continue;
    const component = new Set<string>([start]);
    const queue = [start];
    while (queue.length > 0) {
      const name = queue.pop()!;
      for (const constraint of constraints) {
        if (!constraint.terms.some((term) => term.name === name)) continue;
        for (const term of constraint.terms) {
          const range = domains.get(term.name)!;
          if (!component.has(term.name) && range.hi > range.lo) {
            if (range.hi - range.lo >= 1000) continue;
            component.add(term.name);
            queue.push(term.name);
          }
        }
      }
    }
    for (const name of component) seen.add(name);
    const names = [...component].sort((a, b) => domains.get(a)!.hi - domains.get(a)!.lo - (domains.get(b)!.hi - domains.get(b)!.lo));
    const size = names.reduce((product, name) => product * (domains.get(name)!.hi - domains.get(name)!.lo + 1), 1);
    if (size > 5e6) continue;
    const involved = constraints.filter((constraint) => constraint.terms.some((term) => component.has(term.name)));
    const hull = new Map(names.map((name) => [name, { lo: Number.POSITIVE_INFINITY, hi: Number.NEGATIVE_INFINITY }]));
    const value = new Map<string, number>();
    const fits = (constraint: Constraint): boolean => {
      let lo = 0;
      let hi = 0;
      for (const term of constraint.terms) {
        const assigned = value.get(term.name);
        if (assigned !== undefined) {
          lo += term.a * assigned;
          hi += term.a * assigned;
        } else {
          const [tlo, thi] = termBounds(domains, term);
          lo += tlo;
          hi += thi;
        }
      }
      return lo <= constraint.hi + EPS && hi >= constraint.lo - EPS;
    };
    const search = (depth: number): void => {
      if (depth === names.length) {
        for (const name of names) {
          const range = hull.get(name)!;
          const assigned = value.get(name)!;
          range.lo = Math.min(range.lo, assigned);
          range.hi = Math.max(range.hi, assigned);
        }
        return;
      }
      const name = names[depth]!;
      const range = domains.get(name)!;
      for (let candidate = range.lo; candidate <= range.hi; candidate++) {
        value.set(name, candidate);
        if (involved.every(fits)) search(depth + 1);
      }
      value.delete(name);
    };
    search(0);
    for (const [name, range] of hull) {
      if (range.lo > range.hi) return false;
      domains.set(name, range);
    }
  }
  return true;
}

// ---------------------------------------------------------------------------------------------------------------
// The comparison tables as cells of one system: per feature, the client count of every category, the total, and
// the clients whose value is unknown (the denominators of shares "onder de huishoudens met een bekende waarde").

export interface ComparisonModel {
  table: Table;
  feature: string;
  totalVar: string;
  unknownVar: string;
  /** Normalised category label → cell name. */
  cells: Map<string, string>;
  /** Cells whose client count the package hides. */
  hidden: string[];
}

const clientCell = (feature: string, category: string): string => `${feature} / ${category} / klanten`;

function integerRange(figure: Figure | undefined): Range | null {
  if (!figure) return null;
  const range = figureRange(figure);
  if (!range) return null;
  return { lo: Math.ceil(range.lo - EPS), hi: Math.floor(range.hi + EPS) };
}

function isTotal(row: Row): boolean {
  return /^totaal$/i.test(row.label.trim());
}

/** Adds every comparison table of the package to the system; returns the models by normalised feature label. */
export function comparisonModels(pkg: Package, system: IntegerSystem): Map<string, ComparisonModel> {
  const models = new Map<string, ComparisonModel>();
  for (const table of pkg.tables.values()) {
    if (!table.name.startsWith('vergelijking-')) continue;
    const feature = table.header[0] ?? table.name;
    const count = columnIndex(table, /klant/i, /aantal/i);
    if (count === -1) continue;
    const share = columnIndex(table, /klant/i, /%/);
    const all = columnIndex(table, /alle huishoudens/i, /aantal/i);
    const totalVar = clientCell(feature, 'Totaal');
    const unknownVar = clientCell(feature, '(onbekende waarde)');
    const totalRow = table.rows.find(isTotal);
    const total = integerRange(totalRow?.figures[count]);
    system.declare(totalVar, total?.lo ?? 0, total?.hi ?? BIG);
    system.declare(unknownVar);
    const model: ComparisonModel = { table, feature, totalVar, unknownVar, cells: new Map(), hidden: [] };
    const terms: [string, number][] = [];
    let unknownRow: [string, 'exact' | 'within'] | null = null;
    for (const row of table.rows) {
      if (isTotal(row)) continue;
      const name = clientCell(feature, row.label);
      model.cells.set(normalise(row.label), name);
      terms.push([name, 1]);
      const figure = row.figures[count];
      const published = integerRange(figure);
      if (published) system.declare(name, published.lo, published.hi);
      else {
        system.declare(name);
        if (figure?.hidden) model.hidden.push(name);
        // A hidden count whose share is published: the share of the total.
        const shareRange = share === -1 ? null : figureRange(row.figures[share]!);
        if (shareRange)
          system.add(
            [
              [name, 1],
              [totalVar, -shareRange.lo / 100],
            ],
            0,
            BIG,
            `${table.name}: aandeel`,
          );
        if (shareRange)
          system.add(
            [
              [name, 1],
              [totalVar, -shareRange.hi / 100],
            ],
            -BIG,
            0,
            `${table.name}: aandeel`,
          );
      }
      // Clients are households: no category holds more clients than households.
      const households = all === -1 ? null : integerRange(row.figures[all]);
      if (households) system.add([[name, 1]], 0, households.hi, `${table.name}: klanten <= alle huishoudens`);
      if (/onbekend/i.test(row.label)) unknownRow = [name, normalise(row.label) === 'onbekend' ? 'exact' : 'within'];
    }
    system.equal([...terms, [totalVar, -1]], 0, `${table.name}: de rijen tellen op tot het totaal`);
    if (!unknownRow) system.equal([[unknownVar, 1]], 0, `${table.name}: geen onbekende waarden`);
    else if (unknownRow[1] === 'exact')
      system.equal(
        [
          [unknownVar, 1],
          [unknownRow[0], -1],
        ],
        0,
        `${table.name}: onbekend`,
      );
    else
      system.add(
        [
          [unknownVar, 1],
          [unknownRow[0], -1],
        ],
        -BIG,
        0,
        `${table.name}: onbekend valt in ${unknownRow[0]}`,
      );
    models.set(normalise(feature), model);
  }
  return models;
}

// ---------------------------------------------------------------------------------------------------------------
// Where a profile's category lives in the comparison tables. Directly (the same feature and category label), or by
// the CBS code lists (an attacker's public knowledge): composition "Paar" is household types 2, 3, 4 and 5, etc.

interface Coarse {
  feature: string;
  category: string;
  table: string;
  parts: string[];
}

const COARSE: readonly Coarse[] = [
  { feature: 'Samenstelling huishouden', category: 'Alleenstaande', table: 'Type huishouden', parts: ['Eenpersoonshuishouden'] },
  {
    feature: 'Samenstelling huishouden',
    category: 'Paar',
    table: 'Type huishouden',
    parts: ['Ongehuwd paar zonder kinderen', 'Gehuwd paar zonder kinderen', 'Ongehuwd paar met kinderen', 'Gehuwd paar met kinderen'],
  },
  { feature: 'Samenstelling huishouden', category: 'Eenouderhuishouden', table: 'Type huishouden', parts: ['Eenouderhuishouden'] },
  { feature: 'Samenstelling huishouden', category: 'Overig huishouden', table: 'Type huishouden', parts: ['Overig huishouden', 'Institutioneel huishouden'] },
  { feature: 'Kinderen', category: 'Met kinderen', table: 'Kinderen in het huishouden', parts: ['1 kind', '2 kinderen', '3 of meer kinderen'] },
  { feature: 'Kinderen', category: 'Zonder kinderen', table: 'Kinderen in het huishouden', parts: ['Geen kinderen'] },
  { feature: 'Jongste kind', category: 'Geen kinderen', table: 'Leeftijd jongste kind', parts: ['Geen kinderen'] },
];

/** Where a profile feature's unknowns are counted, when it has no comparison table of its own. */
const UNKNOWNS_OF: Readonly<Record<string, string>> = {
  'samenstelling huishouden': 'type huishouden',
  kinderen: 'kinderen in het huishouden',
  'jongste kind': 'leeftijd jongste kind',
};

export interface Target {
  model: ComparisonModel;
  vars: string[];
  how: 'direct' | 'coarse';
}

export function resolveTarget(models: Map<string, ComparisonModel>, feature: string, category: string): Target | null {
  const direct = models.get(normalise(feature));
  if (direct) {
    const cell = direct.cells.get(normalise(category));
    return cell ? { model: direct, vars: [cell], how: 'direct' } : null;
  }
  const coarse = COARSE.find((entry) => normalise(entry.feature) === normalise(feature) && normalise(entry.category) === normalise(category));
  const model = coarse && models.get(normalise(coarse.table));
  if (!coarse || !model) return null;
  const vars = coarse.parts.map((part) => model.cells.get(normalise(part)));
  if (vars.some((cell) => cell === undefined)) return null;
  return { model, vars: vars as string[], how: 'coarse' };
}

function unknownModel(models: Map<string, ComparisonModel>, feature: string): ComparisonModel | undefined {
  return models.get(normalise(feature)) ?? models.get(UNKNOWNS_OF[normalise(feature)] ?? '');
}

// ---------------------------------------------------------------------------------------------------------------
// Figures about all clients outside the comparison tables: the what-stands-out tables ("17 % van alle klanten",
// and counts where a coming format adds them) and the cluster table's "Alle klanten" column ("Paar 50 %").

export interface ClientFigure {
  source: string;
  feature: string;
  category: string;
  /** Percent of the clients with a known value. */
  share: Range | null;
  count: Range | null;
}

export interface Trait {
  table: Table;
  row: Row;
  feature: string;
  category: string;
  k: number;
  cluster: number;
}

/** "Ja (migratieachtergrond (een van de leden)) komt in dit cluster vaker voor: …" → category and feature. */
export function parseTraitSentence(sentence: string): { category: string; feature: string } | null {
  // Either the sentence ("Bijstand (type uitkering) komt in dit cluster vaker voor: ...") or the trait alone ("Bijstand (type uitkering)").
  const at = sentence.search(/ komt in dit cluster (?:vaker|minder vaak) voor/);
  const head = (at < 0 ? sentence : sentence.slice(0, at)).trim();
  if (at < 0 && /\(gemiddelde\)$/.test(head)) return null;
  if (!head.endsWith(')')) return null;
  let depth = 0;
  for (let i = head.length - 1; i >= 0; i--) {
    if (head[i] === ')') depth++;
    else if (head[i] === '(') depth--;
    if (depth === 0) return { category: head.slice(0, i).trim(), feature: head.slice(i + 1, -1).trim() };
  }
  return null;
}

export function traits(pkg: Package): Trait[] {
  const found: Trait[] = [];
  for (const table of pkg.tables.values()) {
    const name = /^clusterprofiel-opvallend-(\d+)-(\d+)$/.exec(table.name);
    if (!name) continue;
    for (const row of table.rows) {
      const parsed = parseTraitSentence(row.label);
      if (parsed) found.push({ table, row, ...parsed, k: Number(name[1]), cluster: Number(name[2]) });
    }
  }
  return found;
}

function shareAndCount(table: Table, row: Row, which: RegExp): { share: Range | null; count: Range | null } {
  const shareColumn = columnIndex(table, which, /^(?!.*aantal)/i);
  const countColumn = columnIndex(table, which, /aantal/i);
  const shareFigure = shareColumn === -1 ? undefined : row.figures[shareColumn];
  const isShare = shareFigure !== undefined && (shareFigure.unit === '%' || (shareFigure.unit === '' && /%/.test(table.header[shareColumn + 1] ?? '')));
  return {
    share: isShare ? figureRange(shareFigure) : null,
    count: countColumn === -1 ? null : integerRange(row.figures[countColumn]),
  };
}

export function clientFigures(pkg: Package): ClientFigure[] {
  const figures: ClientFigure[] = [];
  for (const trait of traits(pkg)) {
    const { share, count } = shareAndCount(trait.table, trait.row, /alle klanten/i);
    if (share || count)
      figures.push({ source: `${trait.table.name}: ${trait.category} (${trait.feature})`, feature: trait.feature, category: trait.category, share, count });
  }
  for (const table of pkg.tables.values()) {
    if (!/^clusterprofiel-k\d+$/.test(table.name)) continue;
    const column = columnIndex(table, /^alle klanten/i);
    if (column === -1) continue;
    for (const row of table.rows) {
      const figure = row.figures[column];
      if (!figure || figure.unit !== '%' || figure.label === '') continue;
      figures.push({
        source: `${table.name}: ${row.label} / ${table.header[column + 1]}`,
        feature: row.label,
        category: figure.label,
        share: figureRange(figure),
        count: null,
      });
    }
  }
  return figures;
}

/** A share of the known values, as two linear constraints: lo/100 (T - u) <= sum <= hi/100 (T - u). */
function addShare(system: IntegerSystem, target: Target, share: Range, why: string): void {
  const { totalVar, unknownVar } = target.model;
  const sum = target.vars.map((name): [string, number] => [name, 1]);
  system.add([...sum, [totalVar, -share.lo / 100], [unknownVar, share.lo / 100]], 0, BIG, why);
  system.add([...sum, [totalVar, -share.hi / 100], [unknownVar, share.hi / 100]], -BIG, 0, why);
}

function addFigure(system: IntegerSystem, target: Target, figure: ClientFigure): void {
  if (figure.share) addShare(system, target, figure.share, figure.source);
  if (figure.count)
    system.add(
      target.vars.map((name) => [name, 1]),
      figure.count.lo,
      figure.count.hi,
      figure.source,
    );
}

// ---------------------------------------------------------------------------------------------------------------
// Running an attack: the base system (the comparison tables alone) against the base plus the attack's constraints.

interface Base {
  system: IntegerSystem;
  models: Map<string, ComparisonModel>;
  solution: Domains;
}

function base(pkg: Package): Base {
  const system = new IntegerSystem();
  const models = comparisonModels(pkg, system);
  const solution = system.solve();
  if (!solution) throw new Error('The comparison tables contradict themselves as read: the reader is wrong.');
  return { system, models, solution };
}

/** The hidden client cells the attack narrowed, with their intervals (nothing when its constraints contradict). */
function narrowed(attack: string, start: Base, system: IntegerSystem, via: Map<string, string>): Recovery[] {
  const solution = system.solve();
  if (!solution) return [];
  const found: Recovery[] = [];
  for (const model of start.models.values()) {
    for (const cell of model.hidden) {
      const before = start.solution.get(cell)!;
      const after = solution.get(cell)!;
      if (after.hi - after.lo < before.hi - before.lo)
        found.push(recovery(attack, cell, after.lo, after.hi, via.get(model.feature) ?? 'samen met de tabel zelf'));
    }
  }
  return found;
}

function noteVia(via: Map<string, string>, model: ComparisonModel, source: string): void {
  const earlier = via.get(model.feature);
  if (!earlier?.includes(source)) via.set(model.feature, earlier ? `${earlier}; ${source}` : source);
}

/**
 * Shares (and counts) of the same category for the same population published elsewhere: "17 % van alle klanten"
 * with N = 191 puts a hidden comparison cell in [32, 33]; the table's own total does the rest.
 */
export function shareAttack(pkg: Package): Recovery[] {
  const start = base(pkg);
  const system = start.system.clone();
  const via = new Map<string, string>();
  for (const figure of clientFigures(pkg)) {
    const target = resolveTarget(start.models, figure.feature, figure.category);
    if (!target || target.how !== 'direct') continue;
    addFigure(system, target, figure);
    noteVia(via, target.model, figure.source);
  }
  return narrowed('aandelen', start, system, via);
}

/** Coarser categories as sums of the table's: composition "Paar 50 %" of all clients = household types 2 to 5. */
export function compositionAttack(pkg: Package): Recovery[] {
  const start = base(pkg);
  const system = start.system.clone();
  const via = new Map<string, string>();
  for (const figure of clientFigures(pkg)) {
    const target = resolveTarget(start.models, figure.feature, figure.category);
    if (!target || target.how !== 'coarse') continue;
    addFigure(system, target, figure);
    noteVia(via, target.model, figure.source);
  }
  return narrowed('samenstelling', start, system, via);
}

// ---------------------------------------------------------------------------------------------------------------
// Inverting a what-stands-out test: the v-test and p-value of a category in a cluster are exact functions of four
// counts (clients with a known value n, with the category K, in the cluster n_c, both x). Try every integer.

const logFactorials: number[] = [0];
function logFactorial(n: number): number {
  for (let i = logFactorials.length; i <= n; i++) logFactorials.push(logFactorials[i - 1]! + Math.log(i));
  return logFactorials[n]!;
}

function logChoose(n: number, k: number): number {
  return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
}

/** FactoMineR catdes: two-sided hypergeometric p-value and the signed v-test -Φ⁻¹(smaller tail). */
export function hypergeometricTest(n: number, K: number, nc: number, x: number): { p: number; v: number } {
  const low = Math.max(0, nc - (n - K));
  const high = Math.min(K, nc);
  const probability = (value: number) => Math.exp(logChoose(K, value) + logChoose(n - K, nc - value) - logChoose(n, nc));
  let lower = 0;
  for (let value = low; value <= x; value++) lower += probability(value);
  let upper = 0;
  for (let value = x; value <= high; value++) upper += probability(value);
  lower = Math.min(1, lower);
  upper = Math.min(1, upper);
  const tail = Math.min(lower, upper, 0.5);
  const expected = (nc * K) / n;
  const sign = x > expected ? 1 : x < expected ? -1 : 0;
  return { p: Math.min(1, 2 * Math.min(lower, upper)), v: sign * Math.max(0, -normalQuantile(tail)) };
}

// Acklam's rational approximation of the standard normal quantile (relative error below 1.2e-9).
const QA = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const QB = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const QC = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const QD = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const horner = (coefficients: readonly number[], x: number) => coefficients.reduce((sum, c) => sum * x + c, 0);

function normalQuantile(p: number): number {
  if (p <= 0) return Number.NEGATIVE_INFINITY;
  if (p >= 1) return Number.POSITIVE_INFINITY;
  if (p < 0.02425) {
    const q = Math.sqrt(-2 * Math.log(p));
    return horner(QC, q) / (horner(QD, q) * q + 1);
  }
  if (p > 1 - 0.02425) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (horner(QA, r) * q) / (horner(QB, r) * r + 1);
}

/** Cluster sizes by "k:cluster": the cluster table's headers (or its "Aantal huishoudens" row), else the sheet's population. */
export function clusterSizes(pkg: Package): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const table of pkg.tables.values()) {
    const name = /^clusterprofiel-k(\d+)$/.exec(table.name);
    if (!name) continue;
    const countRow = table.rows.find((row) => /^aantal huishoudens$/i.test(row.label.trim()));
    table.header.forEach((header, position) => {
      const cluster = /^Cluster (\d+)/.exec(header);
      if (!cluster || position === 0) return;
      const counted = countRow ? integerRange(countRow.figures[position - 1]) : null;
      const units = counted && counted.lo === counted.hi ? counted.lo : headerUnits(header);
      if (units !== null) sizes.set(`${name[1]}:${cluster[1]}`, units);
    });
  }
  for (const table of pkg.tables.values()) {
    const name = /^clusterprofiel-opvallend-(\d+)-(\d+)$/.exec(table.name);
    const units = name ? populationUnits(table) : null;
    if (name && units !== null && !sizes.has(`${name[1]}:${name[2]}`)) sizes.set(`${name[1]}:${name[2]}`, units);
  }
  return sizes;
}

function integersIn(range: Range | null, lo: number, hi: number): number[] {
  const from = Math.max(lo, range ? Math.ceil(range.lo - EPS) : lo);
  const to = Math.min(hi, range ? Math.floor(range.hi + EPS) : hi);
  const values: number[] = [];
  for (let value = from; value <= to; value++) values.push(value);
  return values;
}

function within(range: Range | null, value: number, absolute = 1e-9): boolean {
  return range === null || (value >= range.lo - absolute && value <= range.hi + absolute);
}

interface Inversion {
  trait: Trait;
  target: Target;
  /** Every (n, K) the published v-test and p-value allow. */
  solutions: { n: number; K: number }[];
}

/** For every category trait with a v-test or p-value: the (n, K) pairs that reproduce them exactly. */
export function invertTests(pkg: Package, models: Map<string, ComparisonModel>, domains: Domains): Inversion[] {
  const sizes = clusterSizes(pkg);
  const inversions: Inversion[] = [];
  for (const trait of traits(pkg)) {
    const target = resolveTarget(models, trait.feature, trait.category);
    const clusterUnits = sizes.get(`${trait.k}:${trait.cluster}`);
    if (!target || clusterUnits === undefined) continue;
    const { table, row } = trait;
    const vColumn = columnIndex(table, /v-test/i);
    const pColumn = columnIndex(table, /p-waarde/i);
    const vRange = vColumn === -1 ? null : figureRange(row.figures[vColumn]!);
    const pRange = pColumn === -1 ? null : figureRange(row.figures[pColumn]!);
    if (!vRange && !pRange) continue;
    const overall = shareAndCount(table, row, /alle klanten/i);
    const inCluster = shareAndCount(table, row, /in dit cluster/i);
    const total = domains.get(target.model.totalVar)!;
    const unknown = domains.get(target.model.unknownVar)!;
    const kLo = target.vars.reduce((sum, name) => sum + domains.get(name)!.lo, 0);
    const kHi = target.vars.reduce((sum, name) => sum + domains.get(name)!.hi, 0);
    const nValues = integersIn(null, Math.max(1, total.lo - unknown.hi), total.hi - unknown.lo);
    if (nValues.length === 0 || nValues.length > 2000) continue;
    const solutions: { n: number; K: number }[] = [];
    for (const n of nValues) {
      const shareOfN = overall.share ? { lo: (overall.share.lo * n) / 100, hi: (overall.share.hi * n) / 100 } : null;
      const kValues = integersIn(shareOfN, kLo, Math.min(kHi, n)).filter((K) => within(overall.count, K));
      if (kValues.length === 0) continue;
      // The cluster's unknowns are among all the unknowns.
      const ncValues = integersIn(null, Math.max(1, clusterUnits - (total.hi - n)), Math.min(clusterUnits, n));
      let found = false;
      for (const K of kValues) {
        for (const nc of ncValues) {
          const shareOfNc = inCluster.share ? { lo: (inCluster.share.lo * nc) / 100, hi: (inCluster.share.hi * nc) / 100 } : null;
          for (const x of integersIn(shareOfNc, Math.max(0, nc - (n - K)), Math.min(K, nc))) {
            if (!within(inCluster.count, x)) continue;
            const test = hypergeometricTest(n, K, nc, x);
            if (within(vRange, test.v, 1e-6) && within(pRange, test.p, 1e-300)) {
              found = true;
              break;
            }
          }
          if (found) break;
        }
        if (found) solutions.push({ n, K });
        found = false;
      }
    }
    if (solutions.length > 0) inversions.push({ trait, target, solutions });
  }
  return inversions;
}

function addInversion(system: IntegerSystem, inversion: Inversion): string {
  const { target, solutions, trait } = inversion;
  const kValues = solutions.map((s) => s.K);
  const nValues = solutions.map((s) => s.n);
  const source = `${trait.table.name}: v-test en p-waarde van ${trait.category}`;
  system.add(
    target.vars.map((name) => [name, 1]),
    Math.min(...kValues),
    Math.max(...kValues),
    source,
  );
  system.add(
    [
      [target.model.totalVar, 1],
      [target.model.unknownVar, -1],
    ],
    Math.min(...nValues),
    Math.max(...nValues),
    source,
  );
  return source;
}

/** The v-tests and p-values (full precision in the XLSX) of what stands out, inverted by trying every integer. */
export function testInversionAttack(pkg: Package): Recovery[] {
  const start = base(pkg);
  const system = start.system.clone();
  const via = new Map<string, string>();
  for (const inversion of invertTests(pkg, start.models, start.solution)) noteVia(via, inversion.target.model, addInversion(system, inversion));
  return narrowed('v-test/p-waarde', start, system, via);
}

// ---------------------------------------------------------------------------------------------------------------
// Features whose categories nest (CBS derives the benefit type from the main income source): the same households,
// so sums of one table's cells equal sums of the other's. Each relation is checked on the all-households column
// first, where both tables publish every cell: only relations that hold there are used.

const NESTINGS: readonly [string, string[], string, string[]][] = [
  [
    'Type uitkering',
    ['Geen uitkering'],
    'Belangrijkste inkomensbron',
    ['Loon', 'Directeur-grootaandeelhouder', 'Zelfstandige', 'Pensioen', 'Studiefinanciering', 'Vermogen'],
  ],
  ['Type uitkering', ['Werkloosheidsuitkering (WW)'], 'Belangrijkste inkomensbron', ['Werkloosheidsuitkering']],
  ['Type uitkering', ['Arbeidsongeschiktheidsuitkering'], 'Belangrijkste inkomensbron', ['Ziekte- of arbeidsongeschiktheidsuitkering']],
  ['Type uitkering', ['Bijstand'], 'Belangrijkste inkomensbron', ['Bijstand']],
  ['Type uitkering', ['Overige uitkering'], 'Belangrijkste inkomensbron', ['Overige sociale uitkering']],
  ['Type uitkering', ['Overig of onbekend'], 'Belangrijkste inkomensbron', ['Overig of onbekend']],
  ['Type uitkering', ['Onbekend'], 'Belangrijkste inkomensbron', ['Onbekend']],
  ['Kinderen in het huishouden', ['Geen kinderen'], 'Leeftijd jongste kind', ['Geen kinderen']],
  [
    'Kinderen in het huishouden',
    ['1 kind', '2 kinderen', '3 of meer kinderen'],
    'Leeftijd jongste kind',
    ['0 tot 4 jaar', '4 tot 12 jaar', '12 tot 18 jaar', '18 jaar of ouder'],
  ],
  ['Type huishouden', ['Institutioneel huishouden'], 'Woning', ['Institutioneel']],
];

function allHouseholds(model: ComparisonModel, label: string): number | null {
  const column = columnIndex(model.table, /alle huishoudens/i, /aantal/i);
  const row = findRow(model.table, label);
  const range = column === -1 || !row ? null : integerRange(row.figures[column]);
  return range && range.lo === range.hi ? range.lo : null;
}

/** Adds every nesting relation that holds on the all-households column, noting each in `via`. */
function addNestings(system: IntegerSystem, models: Map<string, ComparisonModel>, via: Map<string, string>): void {
  const sum = (values: (number | null)[]) => values.reduce<number>((total, value) => total + value!, 0);
  for (const [featureA, partsA, featureB, partsB] of NESTINGS) {
    const a = models.get(normalise(featureA));
    const b = models.get(normalise(featureB));
    if (!a || !b) continue;
    const cellsA = partsA.map((part) => a.cells.get(normalise(part)));
    const cellsB = partsB.map((part) => b.cells.get(normalise(part)));
    if (cellsA.some((cell) => !cell) || cellsB.some((cell) => !cell)) continue;
    const householdsA = partsA.map((part) => allHouseholds(a, part));
    const householdsB = partsB.map((part) => allHouseholds(b, part));
    if ([...householdsA, ...householdsB].some((value) => value === null) || sum(householdsA) !== sum(householdsB)) continue;
    const source = `${a.table.name} en ${b.table.name}: ${partsA.join(' + ')} = ${partsB.join(' + ')}`;
    system.equal([...cellsA.map((cell): [string, number] => [cell!, 1]), ...cellsB.map((cell): [string, number] => [cell!, -1])], 0, source);
    noteVia(via, a, source);
    noteVia(via, b, source);
  }
}

/** Nested features: the benefit type's cells are sums of the income source's, so each gives the other's away. */
export function nestingAttack(pkg: Package): Recovery[] {
  const start = base(pkg);
  const system = start.system.clone();
  const via = new Map<string, string>();
  addNestings(system, start.models, via);
  return narrowed('nesting', start, system, via);
}

/** Everything above at once: the package as one system of equations. */
export function jointAttack(pkg: Package): Recovery[] {
  const start = base(pkg);
  const via = new Map<string, string>();
  const system = start.system.clone();
  for (const figure of clientFigures(pkg)) {
    const target = resolveTarget(start.models, figure.feature, figure.category);
    if (!target) continue;
    addFigure(system, target, figure);
    noteVia(via, target.model, 'aandelen');
  }
  for (const inversion of invertTests(pkg, start.models, start.solution)) {
    addInversion(system, inversion);
    noteVia(via, inversion.target.model, 'v-test/p-waarde');
  }
  const nestingVia = new Map<string, string>();
  addNestings(system, start.models, nestingVia);
  for (const model of start.models.values()) if (nestingVia.has(model.feature)) noteVia(via, model, 'geneste kenmerken');
  return narrowed('alles samen', start, system, via);
}

// ---------------------------------------------------------------------------------------------------------------
// Cluster shares: with N <= 100 a whole-percent share names one count. The rest of the cluster (N minus that count)
// is a group of households too; a group of 1 to 9 is a count under the threshold, published.

export function clusterShareAttack(pkg: Package): Recovery[] {
  const start = base(pkg);
  const sizes = clusterSizes(pkg);
  const found = new Map<string, Recovery>();
  const note = (cell: string, lo: number, hi: number, via: string) => {
    if (!(lo >= 1 && hi < PROTECTION_WIDTH)) return;
    const key = normalise(cell);
    const earlier = found.get(key);
    if (earlier) {
      const nextLo = Math.max(earlier.interval[0], lo);
      const nextHi = Math.min(earlier.interval[1], hi);
      found.set(key, recovery('clusteraandelen', earlier.cell, nextLo, nextHi, `${earlier.via}; ${via}`));
    } else found.set(key, recovery('clusteraandelen', cell, lo, hi, via));
  };
  const consider = (k: number, cluster: number, feature: string, category: string, share: Range | null, count: Range | null, source: string) => {
    const units = sizes.get(`${k}:${cluster}`);
    if (units === undefined || (!share && !count)) return;
    const model = unknownModel(start.models, feature);
    const unknownMax = model ? start.solution.get(model.unknownVar)!.hi : 0;
    let xLo = Number.POSITIVE_INFINITY;
    let xHi = Number.NEGATIVE_INFINITY;
    for (let known = Math.max(1, units - unknownMax); known <= units; known++) {
      const ofKnown = share ? { lo: (share.lo * known) / 100, hi: (share.hi * known) / 100 } : null;
      for (const x of integersIn(ofKnown, 0, known)) {
        if (!within(count, x)) continue;
        xLo = Math.min(xLo, x);
        xHi = Math.max(xHi, x);
      }
    }
    if (xLo > xHi) return;
    note(`Cluster ${cluster} / ${feature} / ${category}`, xLo, xHi, source);
    note(`Cluster ${cluster} / ${feature} / niet ${category}`, units - xHi, units - xLo, source);
  };
  for (const table of pkg.tables.values()) {
    const name = /^clusterprofiel-k(\d+)$/.exec(table.name);
    if (!name) continue;
    table.header.forEach((header, position) => {
      const cluster = /^Cluster (\d+)/.exec(header);
      if (!cluster || position === 0) return;
      for (const row of table.rows) {
        const figure = row.figures[position - 1];
        if (!figure || figure.unit !== '%' || figure.label === '') continue;
        consider(
          Number(name[1]),
          Number(cluster[1]),
          row.label,
          figure.label,
          figureRange(figure),
          null,
          `${table.name}: "${figure.text}" bij N = ${sizes.get(`${name[1]}:${cluster[1]}`)}`,
        );
      }
    });
  }
  for (const trait of traits(pkg)) {
    const { share, count } = shareAndCount(trait.table, trait.row, /in dit cluster/i);
    consider(trait.k, trait.cluster, trait.feature, trait.category, share, count, `${trait.table.name}: ${trait.category}`);
  }
  return [...found.values()].filter((r) => r.interval[0] >= 1 && r.interval[1] < PROTECTION_WIDTH);
}

// ---------------------------------------------------------------------------------------------------------------
// The link report adds up: the clients with a period on the date live in the municipality, elsewhere, or nowhere.

const LINK_RELATIONS: readonly [string, string[]][] = [
  [
    'Klanten met een periode op de peildatum',
    ['Klanten die op de peildatum in de gemeente wonen', 'Klanten die op de peildatum elders wonen', 'Klanten zonder adres of huishouden op de peildatum'],
  ],
  ['Personen met een adres in de gemeente op de peildatum', ['Inwoners gevonden in het persoonsregister', 'Inwoners niet in het persoonsregister']],
  ['Personen met een adres in de gemeente op de peildatum', ['Inwoners met een huishouden op de peildatum', 'Inwoners zonder huishouden op de peildatum']],
  ['Huishoudens', ['Huishoudens met een inkomensregel', 'Huishoudens zonder inkomensregel']],
  ['Huishoudens', ['Huishoudens met een bekend opleidingsniveau', 'Huishoudens zonder bekend opleidingsniveau']],
  ['Huishoudens in de analysetabel', ['Huishoudens']],
];

export function linkReportAttack(pkg: Package): Recovery[] {
  const table = pkg.tables.get('koppelrapport');
  if (!table) return [];
  const column = columnIndex(table, /aantal/i);
  const system = new IntegerSystem();
  const byName = new Map<string, string>();
  const hidden: string[] = [];
  for (const row of table.rows) {
    const name = row.label.includes(': ') ? row.label.slice(row.label.indexOf(': ') + 2) : row.label;
    byName.set(normalise(name), row.label);
    const figure = row.figures[column === -1 ? 0 : column];
    const range = integerRange(figure);
    if (figure && (figure.hidden || figure.bound !== null)) hidden.push(row.label);
    system.declare(row.label, range && figure?.bound === null ? range.lo : 0, range ? range.hi : BIG);
    if (range && figure?.bound === '<') system.declare(row.label, 0, Math.ceil(range.hi) - 1);
  }
  const before = system.solve();
  let used = false;
  for (const [whole, parts] of LINK_RELATIONS) {
    const wholeRow = byName.get(normalise(whole));
    const partRows = parts.map((part) => byName.get(normalise(part)));
    if (!wholeRow || partRows.some((row) => !row)) continue;
    system.equal([[wholeRow, 1], ...partRows.map((row): [string, number] => [row!, -1])], 0, `${whole} = ${parts.join(' + ')}`);
    used = true;
  }
  const after = used ? system.solve() : null;
  if (!before || !after) return [];
  return hidden.flatMap((label) => {
    const a = before.get(label)!;
    const b = after.get(label)!;
    return b.hi - b.lo < a.hi - a.lo ? [recovery('koppelrapport', `Koppelrapport / ${label}`, b.lo, b.hi, 'de stappen tellen op')] : [];
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Status words: one mark for every hidden cell, or the reader learns which hidden cells are the small ones.

export interface StatusWords {
  /** Every distinct way a hidden cell is marked in the package (CSV text, sheet text and the sheet's status code). */
  markers: string[];
  /** Hidden cells whose mark says they are the small ones (below the threshold). */
  recoveries: Recovery[];
}

export function statusWordAttack(pkg: Package): StatusWords {
  const cells: { cell: string; marker: string }[] = [];
  for (const table of pkg.tables.values()) {
    for (const row of table.rows) {
      row.figures.forEach((figure, index) => {
        if (!figure.hidden) return;
        const marker = `${normalise(figure.text)}${row.status === null ? '' : ` [status ${row.status}]`}`;
        cells.push({ cell: `${table.name} / ${row.label} / ${table.header[index + 1] ?? index}`, marker });
      });
    }
  }
  const markers = [...new Set(cells.map((cell) => cell.marker))].sort();
  const recoveries =
    markers.length <= 1
      ? []
      : cells
          .filter((cell) => /geblokkeerd|minder dan|drempel|\[status [^\]]*x/i.test(cell.marker))
          .map((cell) => recovery('statuswoorden', cell.cell, 1, 9, `gemarkeerd als "${cell.marker}", andere verborgen cellen anders`));
  return { markers, recoveries };
}

// ---------------------------------------------------------------------------------------------------------------
// Across exports: two packages of near-identical studies. Outputs whose populations differ by 1 to 9 households give
// those households away: their categories by difference of the counts, their amounts by difference of the sums.
// A population is used only when its difference is clean: in every comparison table each published category moves
// the same way as the total and by no more than it, so the net difference is the whole difference (one household
// left out, not twenty who moved in and nineteen who moved out).

const POPULATIONS = [
  { id: 'klanten', columns: [/klant/i, /aantal/i], amountRow: /^klant/i },
  { id: 'alle huishoudens', columns: [/alle huishoudens/i, /aantal/i], amountRow: /^alle huishoudens$/i },
] as const;

function exactCount(figure: Figure | undefined): number | null {
  const range = integerRange(figure);
  return range && range.lo === range.hi && figure?.bound === null ? range.lo : null;
}

interface TableDifference {
  table: string;
  feature: string;
  total: number;
  categories: { label: string; delta: number }[];
}

function comparisonDifferences(first: Package, second: Package, columns: readonly RegExp[]): TableDifference[] {
  const differences: TableDifference[] = [];
  for (const [name, a] of first.tables) {
    const b = second.tables.get(name);
    if (!b || !name.startsWith('vergelijking-')) continue;
    const columnA = columnIndex(a, ...columns);
    const columnB = columnIndex(b, ...columns);
    if (columnA === -1 || columnB === -1) continue;
    const totalA = exactCount(a.rows.find(isTotal)?.figures[columnA]);
    const totalB = exactCount(b.rows.find(isTotal)?.figures[columnB]);
    if (totalA === null || totalB === null) continue;
    const categories = a.rows.flatMap((row) => {
      if (isTotal(row)) return [];
      const countA = exactCount(row.figures[columnA]);
      const countB = exactCount(findRow(b, row.label)?.figures[columnB]);
      return countA === null || countB === null ? [] : [{ label: row.label, delta: countA - countB }];
    });
    differences.push({ table: name, feature: a.header[0] ?? name, total: totalA - totalB, categories });
  }
  return differences;
}

function isClean(differences: readonly TableDifference[]): boolean {
  return differences.every(
    ({ total, categories }) =>
      categories.every(({ delta }) => delta === 0 || Math.sign(delta) === Math.sign(total)) &&
      categories.reduce((sum, { delta }) => sum + Math.abs(delta), 0) <= Math.abs(total),
  );
}

export function differencingAttack(first: Package, second: Package): Recovery[] {
  const found: Recovery[] = [];
  for (const population of POPULATIONS) {
    const differences = comparisonDifferences(first, second, population.columns);
    const totals = [...new Set(differences.map((difference) => difference.total))];
    if (totals.length !== 1 || !isClean(differences)) continue;
    const households = Math.abs(totals[0]!);
    if (households < 1 || households >= PROTECTION_WIDTH) continue;
    const via = `de populaties (${population.id}) verschillen ${households} huishouden(s)`;
    for (const difference of differences) {
      for (const { label, delta } of difference.categories) {
        if (delta !== 0)
          found.push(
            recovery('verschil tussen exports', `${difference.feature} / ${label} / ${population.id}, verschil`, delta, delta, `${difference.table}: ${via}`),
          );
      }
    }
    // Amounts: the sum over the households in one population and not the other, n_a m_a - n_b m_b.
    for (const [name, a] of first.tables) {
      const b = second.tables.get(name);
      if (!b || !name.startsWith('bedragen-')) continue;
      const feature = a.sheetPreamble[0]?.split(':')[0] ?? name;
      const [knownA, meanA, knownB, meanB] = [
        columnIndex(a, /bekende waarde/i),
        columnIndex(a, /gemiddelde/i),
        columnIndex(b, /bekende waarde/i),
        columnIndex(b, /gemiddelde/i),
      ];
      const rowA = a.rows.find((row) => population.amountRow.test(row.label));
      const rowB = rowA && findRow(b, rowA.label);
      if (!rowA || !rowB || [knownA, meanA, knownB, meanB].includes(-1)) continue;
      const unitsA = exactCount(rowA.figures[knownA]);
      const unitsB = exactCount(rowB.figures[knownB]);
      const averageA = figureRange(rowA.figures[meanA]!);
      const averageB = figureRange(rowB.figures[meanB]!);
      if (unitsA === null || unitsB === null || !averageA || !averageB) continue;
      const units = Math.abs(unitsA - unitsB);
      if (units < 1 || units > households) continue;
      const lo = unitsA * averageA.lo - unitsB * averageB.hi;
      const hi = unitsA * averageA.hi - unitsB * averageB.lo;
      const [from, to] = unitsA > unitsB ? [lo, hi] : [-hi, -lo];
      // Only an interval that says something: narrower than the amount it brackets.
      if (!(to - from < Math.abs(from + to) / 2)) continue;
      found.push(
        recovery(
          'verschil tussen exports',
          `${feature} / ${rowA.label} / som van ${units} huishouden(s)`,
          Math.round(from),
          Math.round(to),
          `${name}: ${unitsA} tegen ${unitsB} met een bekende waarde; ${via}`,
        ),
      );
    }
  }
  return found;
}
