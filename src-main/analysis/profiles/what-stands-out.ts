// What stands out in each cluster compared with all clients: categories that occur significantly more or less
// often (hypergeometric test) and amounts with a significantly higher or lower mean, with v-tests, in plain Dutch.
import type { CheckedTable, PublishedCell } from '../../disclosure/checked-table';
import { checkCell } from '../../disclosure/cell-check';
import { groupStatus, shareStatus } from '../../disclosure/primary-rules';
import { publishCount } from '../../disclosure/published-count';
import { ruleSetDigest, type RuleSet } from '../../disclosure/rule-set';
import type { AmountRowData, CategoryRowData, ClusterProfileData } from './cluster-data';
import type { ProfileColumn } from './cluster-table';
import { amountText, percentText, roundAmount } from './dutch-text';
import { amountVTest, categoryVTest } from './hypergeometric';

/** A trait stands out when its two-sided p-value is below this (|v-test| > 1,96). */
export const SIGNIFICANCE = 0.05;

export interface StandOutTrait {
  featureId: string;
  featureLabel: string;
  /** The category's code, null for an amount. */
  code: string | null;
  /** The category's label, or the feature's for an amount. */
  label: string;
  direction: 'vaker' | 'minder vaak';
  /** Share in percent (categories) or rounded mean (amounts), in the cluster and among all clients. */
  inCluster: number;
  overall: number;
  vTest: number;
  pValue: number;
  /** Flagged for an output checker: (nearly) all of the cluster has this category. */
  review: boolean;
  /** The trait in plain Dutch. */
  sentence: string;
}

export interface ClusterStandOut {
  cluster: number;
  /** Sorted by v-test, most over-represented first, most under-represented last. */
  traits: StandOutTrait[];
  notes: string[];
}

function categoryTraits(row: CategoryRowData, index: number, rules: RuleSet): { traits: StandOutTrait[]; withheld: number } {
  const traits: StandOutTrait[] = [];
  let withheld = 0;
  const clusterCounts = row.clusterCounts[index]!;
  const inCluster = clusterCounts.reduce((sum, units) => sum + units, 0);
  const totals = row.categories.map((_, j) => row.clusterCounts.reduce((sum, counts) => sum + (counts[j] ?? 0), 0));
  const units = totals.reduce((sum, value) => sum + value, 0);
  if (inCluster === 0 || inCluster === units) return { traits, withheld };
  const review = groupStatus(clusterCounts, rules).status === 'review';
  row.categories.forEach((category, j) => {
    const withCategory = totals[j]!;
    const inClusterWithCategory = clusterCounts[j]!;
    if (withCategory === 0) return;
    const test = categoryVTest({ units, withCategory, inCluster, inClusterWithCategory });
    if (!(test.pValue < SIGNIFICANCE) || test.vTest === 0) return;
    // The v-test gives the count away as surely as the share does: both need the threshold, in the cluster and
    // overall. Stricter than the count rule, a zero is withheld too: "none in this cluster" is a figure from no one.
    const small = inClusterWithCategory < rules.threshold || withCategory < rules.threshold;
    if (small || shareStatus(inClusterWithCategory, inCluster, rules).status === 'blocked' || shareStatus(withCategory, units, rules).status === 'blocked') {
      withheld += 1;
      return;
    }
    const share = Math.round((100 * inClusterWithCategory) / inCluster);
    const overall = Math.round((100 * withCategory) / units);
    const direction = test.vTest > 0 ? 'vaker' : 'minder vaak';
    traits.push({
      featureId: row.feature.id,
      featureLabel: row.feature.label,
      code: category.code,
      label: category.label,
      direction,
      inCluster: share,
      overall,
      vTest: test.vTest,
      pValue: test.pValue,
      review: review && inClusterWithCategory >= rules.groupShare * inCluster,
      sentence: `${category.label} (${row.feature.label.toLowerCase()}) komt in dit cluster ${direction} voor: ${percentText(share)} tegen ${percentText(overall)} van alle klanten.`,
    });
  });
  return { traits, withheld };
}

function amountTrait(row: AmountRowData, index: number, rules: RuleSet): { trait: StandOutTrait | null; withheld: number } {
  const cluster = row.clusterStatistics[index]!;
  const clients = row.clientStatistics;
  if (cluster.mean === null || clients.mean === null || clients.variance === null) return { trait: null, withheld: 0 };
  const test = amountVTest({ units: clients.known, overallMean: clients.mean, overallVariance: clients.variance, inCluster: cluster.known, clusterMean: cluster.mean });
  if (!test || !(test.pValue < SIGNIFICANCE)) return { trait: null, withheld: 0 };
  // A mean of incomes is a magnitude (NK dominance, p%); a mean of ages a statistic over enough units.
  const check = (statistics: typeof cluster): PublishedCell =>
    row.feature.magnitude
      ? checkCell({ kind: 'magnitude', units: statistics.known, value: statistics.mean, total: statistics.total, largest: statistics.largest }, rules)
      : checkCell({ kind: 'statistic', units: statistics.known, value: statistics.mean }, rules);
  if (!('value' in check(cluster)) || !('value' in check(clients)) || cluster.known < rules.threshold) return { trait: null, withheld: 1 };
  const inCluster = roundAmount(row.feature, cluster.mean);
  const overall = roundAmount(row.feature, clients.mean);
  const direction = test.vTest > 0 ? 'vaker' : 'minder vaak';
  const comparison = test.vTest > 0 ? 'hoger' : 'lager';
  return {
    trait: {
      featureId: row.feature.id,
      featureLabel: row.feature.label,
      code: null,
      label: row.feature.label,
      direction,
      inCluster,
      overall,
      vTest: test.vTest,
      pValue: test.pValue,
      review: false,
      sentence: `${row.feature.label} is in dit cluster gemiddeld ${comparison}: ${amountText(row.feature, inCluster)} tegen ${amountText(row.feature, overall)} bij alle klanten.`,
    },
    withheld: 0,
  };
}

function traitKey(trait: StandOutTrait): string {
  return `${trait.featureId}:${trait.code ?? ''}`;
}

/** What stands out in each shown cluster (`columns` from profileColumns decides which are shown). */
export function whatStandsOut(data: ClusterProfileData, columns: readonly ProfileColumn[], rules: RuleSet): ClusterStandOut[] {
  const found = data.clusters.flatMap(({ cluster }, index) => {
    if (!columns.find((column) => column.cluster === cluster)?.shown) return [];
    const traits: StandOutTrait[] = [];
    let withheld = 0;
    for (const row of data.rows) {
      if (row.kind === 'category') {
        const category = categoryTraits(row, index, rules);
        traits.push(...category.traits);
        withheld += category.withheld;
      } else {
        const amount = amountTrait(row, index, rules);
        if (amount.trait) traits.push(amount.trait);
        withheld += amount.withheld;
      }
    }
    return [{ cluster, traits, withheld }];
  });
  // Differencing: with a cluster hidden, a trait whose exact count (or sum) is given for every shown cluster and for
  // all clients gives the hidden clusters' count away by subtraction. Such a trait is withheld everywhere.
  const hidden = columns.some((column) => column.cluster !== null && !column.shown);
  const everywhere = new Set(
    hidden && found.length > 0 ? found[0]!.traits.map(traitKey).filter((key) => found.every((entry) => entry.traits.some((trait) => traitKey(trait) === key))) : [],
  );
  return found.map(({ cluster, traits, withheld }) => {
    const kept = traits.filter((trait) => !everywhere.has(traitKey(trait))).sort((a, b) => b.vTest - a.vTest);
    const notes = [
      'Dit zijn de kenmerken die in dit cluster opvallen ten opzichte van alle klanten; andere kenmerken komen er ook voor.',
      ...(withheld > 0 ? [`${withheld} opvallend(e) kenmerk(en) weggelaten: te weinig huishoudens (minder dan ${rules.threshold}) om ze te tonen.`] : []),
      ...(kept.length < traits.length
        ? [`${traits.length - kept.length} kenmerk(en) weggelaten: samen met alle klanten zouden ze een te klein cluster verraden.`]
        : []),
    ];
    return { cluster, traits: kept, notes };
  });
}

/** One cluster's traits as a checked table: share (or mean) in the cluster and among all clients, v-test, p-value. */
export function standOutTable(standOut: ClusterStandOut, data: ClusterProfileData, clusterUnits: number, rules: RuleSet): CheckedTable {
  const rows: CheckedTable['rows'] = standOut.traits.map((trait) => {
    const row = data.rows.find((candidate) => candidate.feature.id === trait.featureId);
    const amountFeature = row?.kind === 'amount' ? row.feature : null;
    const figure = (value: number): PublishedCell => {
      const text = amountFeature ? amountText(amountFeature, value) : percentText(value);
      return trait.review ? { status: 'review', reason: 'group-disclosure', value, text } : { status: 'safe', value, text };
    };
    return {
      id: `${trait.featureId.replaceAll('_', '-')}-${(trait.code ?? 'gemiddelde').toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
      label: trait.sentence,
      total: false,
      cells: [figure(trait.inCluster), figure(trait.overall), { status: 'safe', value: Math.round(trait.vTest * 100) / 100 }, { status: 'safe', value: trait.pValue }],
    };
  });
  return {
    id: `clusterprofiel-opvallend-${data.run.k}-${standOut.cluster}`,
    title: `Wat opvalt in cluster ${standOut.cluster}`,
    unit: 'huishoudens',
    population: { id: `${data.run.population.id}-cluster-${standOut.cluster}`, label: `Cluster ${standOut.cluster}`, units: publishCount(clusterUnits, rules) },
    rowHeader: 'Kenmerk',
    columns: [
      { id: 'cluster', label: 'In dit cluster', format: 'percent' },
      { id: 'alle-klanten', label: 'Alle klanten', format: 'percent' },
      { id: 'v-test', label: 'v-test', format: 'number' },
      { id: 'p-waarde', label: 'p-waarde', format: 'pValue' },
    ],
    rows,
    protection: 'none',
    ruleSet: { name: rules.name, digest: ruleSetDigest(rules) },
    notes: [...standOut.notes, 'Aandelen bij categorieën, gemiddelden (afgerond) bij bedragen. Een v-test boven 1,96 of onder -1,96 is significant (p < 0,05).'],
  };
}
