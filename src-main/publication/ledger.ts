// The study's publication ledger: every figure that may leave the main process is registered here with its
// definition, protected together with every other figure of the publication, and only then resolved to the cell
// that leaves (a rounded value, or one mark for a hidden one). The reasons stay here, for the output log.
import type { AmountFeature } from '../analysis/features';
import { categoryVTest, amountVTest } from '../analysis/profiles/hypergeometric';
import { chiSquareTest } from '../analysis/statistics/chi-square';
import { magnitudeSummaryStatus } from '../disclosure/cell-check';
import type { PublishedCell, ValueFormat } from '../disclosure/checked-table';
import type { ProtectionMethod } from '../disclosure/frequency-protection';
import type { BlockingRule } from '../disclosure/primary-rules';
import type { RuleSet } from '../disclosure/rule-set';
import { protectMeans } from './amount-protection';
import { protectFamily, type AttackedInterval, type FamilyCount } from './count-protection';
import { atLeastCount, countInputs, countKey, figureKey, type CountCell, type Figure } from './figures';
import { ALL_ID } from './population-atoms';
import { dutchFigure } from './dutch-format';
import {
  amountDecimals,
  P_VALUE_DECIMALS,
  publishAmount,
  publishModel,
  publishPValue,
  publishRoundedCount,
  publishShare,
  publishTest,
  SHARE_DECIMALS,
  TEST_DECIMALS,
} from './precision';
import type { AmountData, AmountStatistics, PublicationData } from './publication-data';
import type { PublishedFeature } from './published-feature';
import { protectRecords, type RecordRelation } from './record-protection';
import type { VariableFamily } from './variable-families';

/** A record-level family (the link report's counts of rows and persons) with its relations. */
export interface RecordFamily {
  id: string;
  cells: readonly { id: string; label: string; value: number; printed: boolean }[];
  relations: readonly RecordRelation[];
}

export interface LedgerOptions {
  rules: RuleSet;
  method: ProtectionMethod;
  data: PublicationData;
  features: readonly PublishedFeature[];
  amounts: readonly AmountFeature[];
  records: readonly RecordFamily[];
}

/** Why a figure does not leave: a primary rule, secondary suppression, or computed from a hidden figure. */
export type HiddenBecause = { kind: 'primary'; rule: BlockingRule } | { kind: 'secondary' } | { kind: 'derived' };

interface CountEntry {
  cell: CountCell;
  family: VariableFamily | null;
  atoms: boolean[] | null;
  populations: boolean[];
  value: number;
  weight: number;
  /** Published exactly by some figure (otherwise it only takes part through its bound, or as an input never printed). */
  exact: boolean;
  hidden: HiddenBecause | null;
  interval: AttackedInterval | null;
  /** A lower bound published by a share "80 % of meer", protected as a constraint of its own. */
  bound: { atLeast: number; weight: number; hidden: HiddenBecause | null } | null;
}

export interface LedgerStatistics {
  figures: number;
  counts: number;
  hiddenCounts: number;
  programs: number;
  milliseconds: number;
}

function stat(statistics: AmountStatistics, statistic: 'mean' | 'median' | 'quartile1' | 'quartile3'): number | null {
  return statistics[statistic];
}

export class PublicationLedger {
  private readonly figures = new Map<string, { figure: Figure; weight: number }>();
  private readonly counts = new Map<string, CountEntry>();
  private readonly featureFamily = new Map<string, { family: VariableFamily; index: number; feature: PublishedFeature }>();
  private readonly amountFeatures: Map<string, AmountFeature>;
  private readonly recordValues = new Map<string, { family: RecordFamily; value: number; hidden: HiddenBecause | null; interval: AttackedInterval | null }>();
  private amountHidden = new Map<string, HiddenBecause>();
  private protectedAt: number | null = null;
  private programs = 0;

  constructor(private readonly options: LedgerOptions) {
    for (const family of options.data.families) {
      family.features.forEach((feature, index) => this.featureFamily.set(feature.id, { family, index, feature }));
    }
    this.amountFeatures = new Map(options.amounts.map((feature) => [feature.id, feature]));
    for (const family of options.records)
      for (const cell of family.cells) this.recordValues.set(`${family.id}:${cell.id}`, { family, value: cell.value, hidden: null, interval: null });
  }

  get rules(): RuleSet {
    return this.options.rules;
  }

  get method(): ProtectionMethod {
    return this.options.method;
  }

  get data(): PublicationData {
    return this.options.data;
  }

  /** The published feature (its categories after the recode). */
  feature(id: string): PublishedFeature {
    const entry = this.featureFamily.get(id);
    if (!entry) throw new Error(`The publication has no feature ${id}.`);
    return entry.feature;
  }

  familyOf(featureId: string): VariableFamily {
    return this.featureFamily.get(featureId)?.family ?? this.options.data.families[0]!;
  }

  private populationAtoms(populationId: string): boolean[] {
    const population = this.options.data.populations.populations.find((candidate) => candidate.id === populationId);
    if (!population) throw new Error(`The publication has no population ${populationId}.`);
    return this.options.data.populations.atoms.map((atom) => population.atoms.includes(atom.id));
  }

  private countEntry(cell: CountCell): CountEntry {
    const key = countKey(cell);
    const existing = this.counts.get(key);
    if (existing) return existing;
    const populations = this.populationAtoms(cell.population);
    let family: VariableFamily | null = null;
    let atoms: boolean[] | null = null;
    let value: number;
    if (cell.codes === null) {
      // A population total: the same in every family.
      const any = this.options.data.families[0];
      const cover = any ? this.options.data.cover.get(any.id) : undefined;
      value = cover ? cover.reduce((sum, row) => sum + row.reduce((rowSum, units, index) => rowSum + (populations[index] ? units : 0), 0), 0) : 0;
    } else {
      const entry = this.featureFamily.get(cell.feature);
      if (!entry) throw new Error(`The publication has no feature ${cell.feature}.`);
      const unknown = cell.codes.filter((code) => !entry.feature.categories.some((category) => category.code === code));
      if (unknown.length > 0) throw new Error(`Feature ${cell.feature} has no category ${unknown.join(', ')}.`);
      family = entry.family;
      atoms = family.atoms.map((atom) => cell.codes!.includes(atom[entry.index]!));
      const cover = this.options.data.cover.get(family.id)!;
      value = cover.reduce(
        (sum, row, atom) => (atoms![atom] ? sum + row.reduce((rowSum, units, index) => rowSum + (populations[index] ? units : 0), 0) : sum),
        0,
      );
    }
    const entry: CountEntry = { cell, family, atoms, populations, value, weight: 0, exact: false, hidden: null, interval: null, bound: null };
    this.counts.set(key, entry);
    return entry;
  }

  /** Adds a figure (and the counts it is computed from) to the publication; `weight` says how dear it is to the reader. */
  register(figure: Figure, weight = 1): Figure {
    if (this.protectedAt !== null) throw new Error('A figure was registered after the publication was protected.');
    const key = figureKey(figure);
    const existing = this.figures.get(key);
    this.figures.set(key, { figure, weight: (existing?.weight ?? 0) + weight });
    for (const cell of countInputs(figure, (feature) => this.feature(feature).categories.map((category) => category.code))) {
      const entry = this.countEntry(cell);
      entry.weight += weight;
      entry.exact = true;
    }
    if (figure.kind === 'shareAtLeast') {
      const entry = this.countEntry(figure.numerator);
      const bound = atLeastCount(figure.floor, this.countEntry(figure.denominator).value);
      if (bound > entry.value) throw new Error(`A share of at least ${figure.floor} % was registered for a count below it.`);
      entry.bound = { atLeast: Math.max(entry.bound?.atLeast ?? 0, bound), weight: (entry.bound?.weight ?? 0) + weight, hidden: null };
    }
    if (figure.kind === 'record' && !this.recordValues.has(`${figure.family}:${figure.cell}`)) throw new Error(`The link report has no count ${figure.cell}.`);
    return figure;
  }

  /** A count's true value (main process only: for deciding what to publish, never to publish). */
  rawCount(cell: CountCell): number {
    const existing = this.counts.get(countKey(cell));
    if (existing) return existing.value;
    const probe = this.countEntry(cell);
    this.counts.delete(countKey(cell));
    return probe.value;
  }

  private amountData(feature: string): AmountData {
    const data = this.options.data.amounts.get(feature);
    if (!data) throw new Error(`The publication has no amount ${feature}.`);
    return data;
  }

  amountStatistics(feature: string, population: string): AmountStatistics {
    const statistics = this.amountData(feature).perPopulation.get(population);
    if (!statistics) throw new Error(`No statistics of ${feature} for ${population}.`);
    return statistics;
  }

  /** A figure's value from the true counts (main process only). */
  raw(figure: Figure): number | null {
    return this.compute(figure, (cell) => this.rawCount(cell));
  }

  private compute(figure: Figure, count: (cell: CountCell) => number): number | null {
    switch (figure.kind) {
      case 'count':
        return count(figure.cell);
      case 'share': {
        const denominator = count(figure.denominator);
        return denominator === 0 ? null : (100 * count(figure.numerator)) / denominator;
      }
      case 'shareAtLeast':
        return figure.floor;
      case 'difference': {
        const a = this.compute({ kind: 'share', ...figure.minuend }, count);
        const b = this.compute({ kind: 'share', ...figure.subtrahend }, count);
        return a === null || b === null ? null : a - b;
      }
      case 'residual': {
        const [inFocus, inWhole, focusTotal, wholeTotal] = countInputs(figure, () => []).map(count) as [number, number, number, number];
        const test = chiSquareTest([
          [inFocus, focusTotal - inFocus],
          [inWhole - inFocus, wholeTotal - focusTotal - (inWhole - inFocus)],
        ]);
        return wholeTotal === 0 ? null : (test.residuals[0]?.[0] ?? null);
      }
      case 'chiSquare':
        return this.chiSquare(figure, count)?.statistic ?? null;
      case 'vTest':
        return this.vTest(figure, count)?.vTest ?? null;
      case 'pValue':
        return figure.of.kind === 'chiSquare' ? (this.chiSquare(figure.of, count)?.pValue ?? null) : (this.vTest(figure.of, count)?.pValue ?? null);
      case 'amount':
        return stat(this.amountStatistics(figure.feature, figure.population), figure.statistic);
      case 'amountTest': {
        const part = this.amountStatistics(figure.feature, figure.part);
        const whole = this.amountStatistics(figure.feature, figure.whole);
        if (part.mean === null || whole.mean === null || whole.variance === null) return null;
        const test = amountVTest({
          units: whole.known,
          overallMean: whole.mean,
          overallVariance: whole.variance,
          inCluster: part.known,
          clusterMean: part.mean,
        });
        return test === null ? null : figure.result === 'vTest' ? test.vTest : test.pValue;
      }
      case 'record':
        return this.recordValues.get(`${figure.family}:${figure.cell}`)?.value ?? null;
      case 'model':
        return figure.value;
    }
  }

  private chiSquare(figure: Extract<Figure, { kind: 'chiSquare' }>, count: (cell: CountCell) => number) {
    const codes = this.feature(figure.feature).categories.map((category) => category.code);
    const rows = codes.map((code) => {
      const focus = count({ feature: figure.feature, codes: [code], population: figure.focus });
      return [focus, count({ feature: figure.feature, codes: [code], population: figure.whole }) - focus];
    });
    const test = chiSquareTest(rows);
    return test.degreesOfFreedom === 0 ? null : test;
  }

  private vTest(figure: Extract<Figure, { kind: 'vTest' }>, count: (cell: CountCell) => number) {
    const [inPart, inWhole, partTotal, wholeTotal] = countInputs(figure, () => []).map(count) as [number, number, number, number];
    if (wholeTotal === 0 || inWhole === 0 || partTotal === 0 || partTotal === wholeTotal) return null;
    return categoryVTest({ units: wholeTotal, withCategory: inWhole, inCluster: partTotal, inClusterWithCategory: inPart });
  }

  /** Protects every registered figure together; afterwards nothing more can be registered. */
  protect(): LedgerStatistics {
    if (this.protectedAt !== null) return this.statistics();
    const started = performance.now();
    const { rules } = this.options;
    const entries = [...this.counts.values()];
    const totals = entries.filter((entry) => entry.cell.codes === null);
    for (const family of this.options.data.families) {
      const members = entries.filter((entry) => entry.family === family && entry.exact);
      const bounds = entries.filter((entry) => entry.family === family && entry.bound !== null);
      if (members.length === 0 && bounds.length === 0) continue;
      // The attacker is assumed to know which combinations of codes occur at all in the municipality (a one-parent
      // household has children; in these registers a WW benefit goes with WW as main income): only those atoms remain.
      const cover = this.options.data.cover.get(family.id)!;
      const observed = cover.flatMap((row, index) => (row.some((units) => units > 0) ? [index] : []));
      const on = (atoms: readonly boolean[]) => observed.map((index) => atoms[index]!);
      const published: FamilyCount[] = [
        ...members.map((entry) => ({ atoms: on(entry.atoms!), populations: entry.populations, weight: entry.weight, fixed: false })),
        ...bounds.map((entry) => ({
          atoms: on(entry.atoms!),
          populations: entry.populations,
          weight: entry.bound!.weight,
          fixed: false,
          atLeast: entry.bound!.atLeast,
        })),
        // A population total is fixed (always shown) unless it is small itself (a municipality with 6 client households).
        ...totals.map((entry) => ({
          atoms: observed.map(() => true),
          populations: entry.populations,
          weight: entry.weight,
          fixed: !(entry.value > 0 && entry.value < rules.threshold),
        })),
      ];
      const result = protectFamily({
        counts: observed.map((index) => cover[index]!),
        published,
        threshold: rules.threshold,
        protectionLevel: rules.protectionLevel,
      });
      this.programs += result.programs;
      const reasonOf = (reason: 'primary' | 'secondary' | null): HiddenBecause | null =>
        reason === 'primary' ? { kind: 'primary', rule: 'threshold' } : reason === 'secondary' ? { kind: 'secondary' } : null;
      members.forEach((entry, index) => {
        entry.hidden = reasonOf(result.hidden[index] ?? null);
        entry.interval = result.intervals[index] ?? null;
      });
      bounds.forEach((entry, index) => {
        entry.bound!.hidden = reasonOf(result.hidden[members.length + index] ?? null);
      });
      totals.forEach((entry, index) => {
        entry.hidden ??= reasonOf(result.hidden[members.length + bounds.length + index] ?? null);
      });
    }
    this.protectRecords();
    this.protectAmounts();
    this.protectedAt = performance.now() - started;
    return this.statistics();
  }

  private protectRecords(): void {
    const printed = new Set([...this.figures.values()].flatMap(({ figure }) => (figure.kind === 'record' ? [`${figure.family}:${figure.cell}`] : [])));
    for (const family of this.options.records) {
      const result = protectRecords({
        cells: family.cells.map((cell) => ({ id: cell.id, value: cell.value, printed: printed.has(`${family.id}:${cell.id}`) })),
        relations: family.relations,
        threshold: this.options.rules.threshold,
        protectionLevel: this.options.rules.protectionLevel,
      });
      for (const [id, reason] of result.hidden) {
        const entry = this.recordValues.get(`${family.id}:${id}`)!;
        entry.hidden = reason === 'primary' ? { kind: 'primary', rule: 'threshold' } : { kind: 'secondary' };
        entry.interval = result.intervals.get(id) ?? null;
      }
    }
  }

  /** Primary rules for every statistic of an amount; for means also dominance and the differencing of sums. */
  private protectAmounts(): void {
    const { rules } = this.options;
    const atoms = this.options.data.populations.atoms;
    const amountFigures = [...this.figures.values()].flatMap(({ figure, weight }) => (figure.kind === 'amount' ? [{ figure, weight }] : []));
    for (const feature of this.options.amounts) {
      const data = this.amountData(feature.id);
      const fails = (statistics: AmountStatistics): BlockingRule | null => {
        if (statistics.known < Math.max(rules.threshold, rules.statisticThreshold)) return 'statistic-threshold';
        if (!feature.magnitude) return null;
        const status = magnitudeSummaryStatus(statistics.known, statistics.total, statistics.largest, rules);
        return status.status === 'blocked' ? status.rule : null;
      };
      const figures = amountFigures.filter(({ figure }) => figure.feature === feature.id);
      for (const { figure } of figures) {
        if (figure.statistic === 'mean') continue;
        const statistics = this.amountStatistics(feature.id, figure.population);
        if (statistics.known < Math.max(rules.threshold, rules.statisticThreshold))
          this.amountHidden.set(figureKey(figure), { kind: 'primary', rule: 'statistic-threshold' });
      }
      const means = figures.filter(({ figure }) => figure.statistic === 'mean');
      const hidden = protectMeans({
        atomFails: atoms.map((atom) => fails(data.perAtom.get(atom.id)!) !== null),
        published: means.map(({ figure, weight }) => ({
          atoms: this.populationAtoms(figure.population),
          fails: fails(this.amountStatistics(feature.id, figure.population)) !== null,
          // The whole municipality's mean is dearest; it is hidden last.
          weight: figure.population === ALL_ID ? weight + 1_000 : weight,
        })),
      });
      means.forEach(({ figure }, index) => {
        const reason = hidden[index];
        if (reason === 'primary')
          this.amountHidden.set(figureKey(figure), {
            kind: 'primary',
            rule: fails(this.amountStatistics(feature.id, figure.population)) ?? 'statistic-threshold',
          });
        if (reason === 'secondary') this.amountHidden.set(figureKey(figure), { kind: 'secondary' });
      });
    }
  }

  statistics(): LedgerStatistics {
    const hiddenCounts = [...this.counts.values()].filter((entry) => entry.hidden !== null).length;
    return { figures: this.figures.size, counts: this.counts.size, hiddenCounts, programs: this.programs, milliseconds: this.protectedAt ?? 0 };
  }

  private requireProtected(figure: Figure): void {
    if (this.protectedAt === null) this.protect();
    if (!this.figures.has(figureKey(figure))) throw new Error(`A figure was resolved that was never registered: ${figureKey(figure)}.`);
  }

  private countHidden(cell: CountCell): HiddenBecause | null {
    return this.counts.get(countKey(cell))?.hidden ?? null;
  }

  /** A count as published: exact, or rounded to the base under the rounding method. */
  private publishedCount(cell: CountCell): number {
    const value = this.counts.get(countKey(cell))!.value;
    return this.options.method === 'rounding' ? publishRoundedCount(value, this.options.rules.roundingBase) : value;
  }

  /** Why the figure does not leave, or null when it does. */
  hiddenBecause(figure: Figure): HiddenBecause | null {
    this.requireProtected(figure);
    switch (figure.kind) {
      case 'count':
        return this.countHidden(figure.cell);
      case 'amount':
        return this.amountHidden.get(figureKey(figure)) ?? null;
      case 'amountTest': {
        const mean = (population: string) => this.amountHidden.get(figureKey({ kind: 'amount', feature: figure.feature, statistic: 'mean', population }));
        return mean(figure.part) || mean(figure.whole) ? { kind: 'derived' } : null;
      }
      case 'record':
        return this.recordValues.get(`${figure.family}:${figure.cell}`)?.hidden ?? null;
      case 'model':
        return null;
      case 'shareAtLeast': {
        const bound = this.counts.get(countKey(figure.numerator))?.bound?.hidden ?? null;
        return bound ?? (this.countHidden(figure.denominator) ? { kind: 'derived' } : null);
      }
      default:
        return countInputs(figure, (feature) => this.feature(feature).categories.map((category) => category.code)).some(
          (cell) => this.countHidden(cell) !== null,
        )
          ? { kind: 'derived' }
          : null;
    }
  }

  /** The attacker's interval of a hidden count or record count (for the output log). */
  interval(figure: Figure): AttackedInterval | null {
    if (figure.kind === 'count') return this.counts.get(countKey(figure.cell))?.interval ?? null;
    if (figure.kind === 'share') return this.counts.get(countKey(figure.numerator))?.interval ?? null;
    if (figure.kind === 'record') return this.recordValues.get(`${figure.family}:${figure.cell}`)?.interval ?? null;
    return null;
  }

  private reviewOf(cell: CountCell, value: number): { reason: 'zero' | 'group-disclosure' } | null {
    const { rules } = this.options;
    // No one with an unknown value says nothing about anyone: only a zero of a real category is a checker's concern.
    const rest = cell.codes !== null && this.featureFamily.has(cell.feature) && cell.codes.every((code) => code === this.feature(cell.feature).restCode);
    if (value === 0) return rules.zeroCells === 'review' && !rest ? { reason: 'zero' } : null;
    if (cell.codes !== null && cell.population !== ALL_ID) {
      const total = this.rawCount({ feature: cell.feature, codes: null, population: cell.population });
      if (total > 0 && value >= rules.groupShare * total) return { reason: 'group-disclosure' };
    }
    return null;
  }

  /** How a figure's value reads wherever it is shown: its format and the decimals it was rounded to. */
  private formatOf(figure: Figure): { format: ValueFormat; decimals: number } {
    switch (figure.kind) {
      case 'count':
      case 'record':
        return { format: 'count', decimals: 0 };
      case 'share':
        return { format: 'percent', decimals: SHARE_DECIMALS };
      case 'shareAtLeast':
        return { format: 'percent', decimals: 0 };
      case 'difference':
        return { format: 'percentagePoints', decimals: SHARE_DECIMALS };
      case 'residual':
        return { format: 'residual', decimals: TEST_DECIMALS };
      case 'chiSquare':
      case 'vTest':
        return { format: 'number', decimals: TEST_DECIMALS };
      case 'pValue':
        return { format: 'pValue', decimals: P_VALUE_DECIMALS };
      case 'amountTest':
        return figure.result === 'vTest' ? { format: 'number', decimals: TEST_DECIMALS } : { format: 'pValue', decimals: P_VALUE_DECIMALS };
      case 'amount': {
        const unit = this.amountFeatures.get(figure.feature)!.unit;
        return unit === 'euro' ? { format: 'amount', decimals: 0 } : { format: 'number', decimals: amountDecimals(unit) };
      }
      case 'model':
        return { format: 'number', decimals: figure.decimals };
    }
  }

  /** The figure as it leaves: its rounded value with its status and format, or one mark when hidden. */
  cell(figure: Figure): PublishedCell {
    if (this.hiddenBecause(figure) !== null) return { status: 'suppressed' };
    const rounding = this.options.method === 'rounding';
    const { format, decimals } = this.formatOf(figure);
    const withStatus = (value: number, review: { reason: 'zero' | 'group-disclosure' } | null, rounded = false, text?: string): PublishedCell => {
      const shape = { value, decimals, format, ...(text === undefined ? {} : { text }) };
      if (review) return { status: 'review', reason: review.reason, ...shape };
      if (rounded) return { status: 'rounded', base: this.options.rules.roundingBase, ...shape };
      return { status: 'safe', ...shape };
    };
    switch (figure.kind) {
      case 'count':
        return withStatus(this.publishedCount(figure.cell), this.reviewOf(figure.cell, this.rawCount(figure.cell)), rounding);
      case 'share': {
        const denominator = this.publishedCount(figure.denominator);
        if (denominator === 0) return { status: 'empty' };
        return withStatus(
          publishShare((100 * this.publishedCount(figure.numerator)) / denominator),
          this.reviewOf(figure.numerator, this.rawCount(figure.numerator)),
          rounding,
        );
      }
      case 'shareAtLeast':
        return withStatus(
          figure.floor,
          this.reviewOf(figure.numerator, this.rawCount(figure.numerator)),
          false,
          `${dutchFigure(figure.floor, 'percent', 0)} of meer`,
        );
      case 'difference': {
        const a = this.cell({ kind: 'share', ...figure.minuend });
        const b = this.cell({ kind: 'share', ...figure.subtrahend });
        if (!('value' in a) || !('value' in b)) return { status: 'empty' };
        return withStatus(publishShare(a.value - b.value), null, rounding);
      }
      case 'residual':
      case 'chiSquare':
      case 'vTest': {
        const value = this.compute(figure, (cell) => this.publishedCount(cell));
        return value === null || !Number.isFinite(value) ? { status: 'empty' } : withStatus(publishTest(value), null);
      }
      case 'pValue':
      case 'amountTest': {
        const value = figure.kind === 'pValue' ? this.compute(figure, (cell) => this.publishedCount(cell)) : this.raw(figure);
        if (value === null || !Number.isFinite(value)) return { status: 'empty' };
        if (figure.kind === 'amountTest' && figure.result === 'vTest') return withStatus(publishTest(value), null);
        const published = publishPValue(value);
        return withStatus(published.value, null, false, published.text);
      }
      case 'amount': {
        const value = this.raw(figure);
        const feature = this.amountFeatures.get(figure.feature)!;
        return value === null ? { status: 'empty' } : withStatus(publishAmount(feature.unit, value), null);
      }
      case 'record':
        return withStatus(this.recordValues.get(`${figure.family}:${figure.cell}`)!.value, null);
      case 'model':
        return withStatus(publishModel(figure.value, figure.decimals), null);
    }
  }

  /** Every registered figure (for the definitions file and the log). */
  registered(): Figure[] {
    return [...this.figures.values()].map(({ figure }) => figure);
  }

  /** Every registered count with its family (for the definitions file). */
  registeredCounts(): { cell: CountCell; family: VariableFamily | null }[] {
    return [...this.counts.values()].map((entry) => ({ cell: entry.cell, family: entry.family }));
  }
}
