// Protecting the publication's figures together: the counts of every family with the population totals (primary
// and secondary suppression, with the attacker's intervals), the link report's record counts, and the amounts.
import { magnitudeSummaryStatus } from '../disclosure/cell-check';
import type { BlockingRule } from '../disclosure/primary-rules';
import type { RuleSet } from '../disclosure/rule-set';
import { protectMeans } from './amount-protection';
import { populationAtoms, type CountEntry, type RecordEntry } from './count-entries';
import { protectFamily, type FamilyCount } from './count-protection';
import { amountDataOf, amountStatisticsOf } from './figure-values';
import { figureKey, type Figure } from './figures';
import type { HiddenBecause, LedgerOptions } from './ledger-options';
import { ALL_ID } from './population-atoms';
import type { AmountStatistics, PublicationData } from './publication-data';
import { protectRecords } from './record-protection';

/**
 * The threshold and secondary suppression for the counts of every family, the population totals with them: sets each
 * entry's reason and attacked interval, and its bound's reason. Reports the linear programs each family took.
 */
export function protectCounts(entries: readonly CountEntry[], data: PublicationData, rules: RuleSet, addPrograms: (programs: number) => void): void {
  const totals = entries.filter((entry) => entry.cell.codes === null);
  for (const family of data.families) {
    const members = entries.filter((entry) => entry.family === family && entry.exact);
    const bounds = entries.filter((entry) => entry.family === family && entry.bound !== null);
    if (members.length === 0 && bounds.length === 0) continue;
    // The attacker is assumed to know which combinations of codes occur at all in the municipality (a one-parent
    // household has children; in these registers a WW benefit goes with WW as main income): only those atoms remain.
    const cover = data.cover.get(family.id)!;
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
    addPrograms(result.programs);
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
}

/** The rules for the link report's record counts: sets each hidden entry's reason and attacked interval. */
export function protectRecordCounts(
  figures: Iterable<{ figure: Figure }>,
  options: Pick<LedgerOptions, 'records' | 'rules'>,
  recordValues: ReadonlyMap<string, RecordEntry>,
): void {
  const printed = new Set([...figures].flatMap(({ figure }) => (figure.kind === 'record' ? [`${figure.family}:${figure.cell}`] : [])));
  for (const family of options.records) {
    const result = protectRecords({
      cells: family.cells.map((cell) => ({ id: cell.id, value: cell.value, printed: printed.has(`${family.id}:${cell.id}`) })),
      relations: family.relations,
      threshold: options.rules.threshold,
      protectionLevel: options.rules.protectionLevel,
    });
    for (const [id, reason] of result.hidden) {
      const entry = recordValues.get(`${family.id}:${id}`)!;
      entry.hidden = reason === 'primary' ? { kind: 'primary', rule: 'threshold' } : { kind: 'secondary' };
      entry.interval = result.intervals.get(id) ?? null;
    }
  }
}

/**
 * Primary rules for every statistic of an amount; for means also dominance and the differencing of sums. Sets the
 * reason of every hidden amount figure in `amountHidden`, by its figure key.
 */
export function protectAmountFigures(
  figures: Iterable<{ figure: Figure; weight: number }>,
  options: LedgerOptions,
  amountHidden: Map<string, HiddenBecause>,
): void {
  const { rules } = options;
  const atoms = options.data.populations.atoms;
  const amountFigures = [...figures].flatMap(({ figure, weight }) => (figure.kind === 'amount' ? [{ figure, weight }] : []));
  for (const feature of options.amounts) {
    const data = amountDataOf(options.data, feature.id);
    const fails = (statistics: AmountStatistics): BlockingRule | null => {
      if (statistics.known < Math.max(rules.threshold, rules.statisticThreshold)) return 'statistic-threshold';
      if (!feature.magnitude) return null;
      const status = magnitudeSummaryStatus(statistics.known, statistics.total, statistics.largest, rules);
      return status.status === 'blocked' ? status.rule : null;
    };
    const figures = amountFigures.filter(({ figure }) => figure.feature === feature.id);
    for (const { figure } of figures) {
      if (figure.statistic === 'mean') continue;
      const statistics = amountStatisticsOf(options.data, feature.id, figure.population);
      if (statistics.known < Math.max(rules.threshold, rules.statisticThreshold))
        amountHidden.set(figureKey(figure), { kind: 'primary', rule: 'statistic-threshold' });
    }
    const means = figures.filter(({ figure }) => figure.statistic === 'mean');
    const hidden = protectMeans({
      atomFails: atoms.map((atom) => fails(data.perAtom.get(atom.id)!) !== null),
      published: means.map(({ figure, weight }) => ({
        atoms: populationAtoms(options.data, figure.population),
        fails: fails(amountStatisticsOf(options.data, feature.id, figure.population)) !== null,
        // The whole municipality's mean is dearest; it is hidden last.
        weight: figure.population === ALL_ID ? weight + 1_000 : weight,
      })),
    });
    means.forEach(({ figure }, index) => {
      const reason = hidden[index];
      if (reason === 'primary')
        amountHidden.set(figureKey(figure), {
          kind: 'primary',
          rule: fails(amountStatisticsOf(options.data, feature.id, figure.population)) ?? 'statistic-threshold',
        });
      if (reason === 'secondary') amountHidden.set(figureKey(figure), { kind: 'secondary' });
    });
  }
}
