// The study's publication ledger: every figure that may leave the main process is registered here with its
// definition, protected together with every other figure of the publication, and only then resolved to the cell
// that leaves (a rounded value, or one mark for a hidden one). The reasons stay here, for the output log.
import type { AmountFeature } from '../analysis/features';
import type { PublishedCell } from '../disclosure/checked-table';
import type { ProtectionMethod } from '../disclosure/disclosure-shapes';
import type { RuleSet } from '../disclosure/rule-set';
import { newCountEntry, type CountEntry, type FeaturePlace, type RecordEntry } from './count-entries';
import type { AttackedInterval } from './count-protection';
import { amountStatisticsOf, figureValue, type FigureInputs } from './figure-values';
import { atLeastCount, countInputs, countKey, figureKey, type CountCell, type Figure } from './figures';
import type { HiddenBecause, LedgerOptions, LedgerStatistics } from './ledger-options';
import { protectAmountFigures, protectCounts, protectRecordCounts } from './ledger-protection';
import { ALL_ID } from './population-atoms';
import { publishRoundedCount } from './precision';
import type { AmountStatistics, PublicationData } from './publication-data';
import { publishedCell } from './published-cells';
import type { PublishedFeature } from './published-feature';
import type { VariableFamily } from './variable-families';

export class PublicationLedger {
  private readonly figures = new Map<string, { figure: Figure; weight: number }>();
  private readonly counts = new Map<string, CountEntry>();
  private readonly featureFamily = new Map<string, FeaturePlace>();
  private readonly amountFeatures: Map<string, AmountFeature>;
  private readonly recordValues = new Map<string, RecordEntry>();
  private readonly inputs: FigureInputs;
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
    this.inputs = {
      feature: (id) => this.feature(id),
      amountStatistics: (feature, population) => this.amountStatistics(feature, population),
      recordValues: this.recordValues,
    };
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

  private countEntry(cell: CountCell): CountEntry {
    const key = countKey(cell);
    const existing = this.counts.get(key);
    if (existing) return existing;
    const entry = newCountEntry(cell, this.options.data, this.featureFamily);
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

  amountStatistics(feature: string, population: string): AmountStatistics {
    return amountStatisticsOf(this.options.data, feature, population);
  }

  /** A figure's value from the true counts (main process only). */
  raw(figure: Figure): number | null {
    return figureValue(figure, (cell) => this.rawCount(cell), this.inputs);
  }

  /** Protects every registered figure together; afterwards nothing more can be registered. */
  protect(): LedgerStatistics {
    if (this.protectedAt !== null) return this.statistics();
    const started = performance.now();
    const { rules } = this.options;
    const entries = [...this.counts.values()];
    protectCounts(entries, this.options.data, rules, (programs) => (this.programs += programs));
    protectRecordCounts(this.figures.values(), this.options, this.recordValues);
    protectAmountFigures(this.figures.values(), this.options, this.amountHidden);
    this.protectedAt = performance.now() - started;
    return this.statistics();
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

  /** The figure as it leaves: its rounded value with its status and format, or one mark when hidden. */
  cell(figure: Figure): PublishedCell {
    return publishedCell(figure, {
      rules: this.options.rules,
      method: this.options.method,
      amountFeatures: this.amountFeatures,
      inputs: this.inputs,
      hiddenBecause: (shown) => this.hiddenBecause(shown),
      rawCount: (cell) => this.rawCount(cell),
      publishedCount: (cell) => this.publishedCount(cell),
      reviewOf: (cell, value) => this.reviewOf(cell, value),
      raw: (shown) => this.raw(shown),
    });
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
