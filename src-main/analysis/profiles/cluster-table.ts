// The cluster comparison table of the seed study as a checked table: features as rows, clusters (and all clients,
// all households) as columns; a category's modal value with its share, an amount's median, or "varieert".
import type { CheckedTable, PublishedCell, ValueFormat } from '../../disclosure/checked-table';
import { checkCell } from '../../disclosure/cell-check';
import { protectFrequencyTable } from '../../disclosure/frequency-protection';
import { groupStatus, shareStatus } from '../../disclosure/primary-rules';
import { publishCount } from '../../disclosure/published-count';
import { ruleSetDigest, type RuleSet } from '../../disclosure/rule-set';
import type { AmountFeature } from '../features';
import type { AmountStatistics, CategoryRowData, ClusterProfileData, ProfileRowData } from './cluster-data';
import { amountText, countText, percentText, roundAmount } from './dutch-text';

/** Dominance: the modal category must hold at least half of the cluster's known values, and alone. */
export const DOMINANT_SHARE = 50;
/** An amount varies when the middle half of the cluster spans more than this fraction of the median: (Q3 - Q1) > 0,4 x mediaan. */
export const AMOUNT_SPREAD = 0.4;
export const VARIES_TEXT = 'varieert';

/** A profile cell as the main process knows it: the published cell and, behind it, what it was decided from. */
export interface ProfileCell {
  cell: PublishedCell;
  /** The modal category (categories) and whether it dominates; absent for amounts, hidden columns and blocked cells. */
  modal?: { code: string; label: string; share: number; units: number; dominant: boolean };
  /** The rounded median (amounts), when published. */
  median?: number;
  varies: boolean;
}

/** A column of the profile: a cluster, all clients, or all households. */
export interface ProfileColumn {
  id: string;
  label: string;
  /** The cluster number, null for the two reference columns. */
  cluster: number | null;
  units: number;
  /** The published N (blocked or secondary when too small, or when it would give away a small cluster's N). */
  count: PublishedCell;
  /** False: the cluster is below the rule set's cluster minimum (or its N is suppressed) and gets no values. */
  shown: boolean;
}

export interface ClusterProfile {
  columns: ProfileColumn[];
  /** cells[row][column], rows in the data's order. */
  rows: { id: string; label: string; format: ValueFormat; cells: ProfileCell[] }[];
  notes: string[];
}

function nLabel(name: string, count: PublishedCell, rules: RuleSet): string {
  if (count.status === 'blocked') return `${name} (N < ${rules.threshold})`;
  if (!('value' in count)) return `${name} (N onderdrukt)`;
  return `${name} (N = ${countText(count.value)})`;
}

/** The columns with their published N: the cluster sizes are protected as one row with its total, as in the clustering result. */
export function profileColumns(data: ClusterProfileData, rules: RuleSet): { columns: ProfileColumn[]; notes: string[] } {
  const sizes = data.clusters.map(({ units }) => units);
  const clientUnits = sizes.reduce((sum, units) => sum + units, 0);
  const protectedSizes = protectFrequencyTable([sizes], rules, 'suppression');
  const notes: string[] = [];
  const columns: ProfileColumn[] = data.clusters.map(({ cluster, units }, index) => {
    const count = protectedSizes.inner[0]![index]!;
    const shown = units >= rules.clusterMinimum && 'value' in count;
    if (!shown) {
      notes.push(
        units < rules.clusterMinimum
          ? `Cluster ${cluster} heeft minder dan ${rules.clusterMinimum} huishoudens: het krijgt geen waarden in deze tabel.`
          : `Cluster ${cluster}: het aantal huishoudens is onderdrukt, zodat een kleiner cluster niet is terug te rekenen; het krijgt geen waarden.`,
      );
    }
    return { id: `cluster-${cluster}`, label: nLabel(`Cluster ${cluster}`, count, rules), cluster, units, count, shown };
  });
  const clientCount = protectedSizes.rowTotals[0]!;
  const allCount = checkCell({ kind: 'count', units: data.allUnits }, rules);
  columns.push(
    { id: 'alle-klanten', label: nLabel('Alle klanten', clientCount, rules), cluster: null, units: clientUnits, count: clientCount, shown: clientUnits >= rules.clusterMinimum },
    { id: 'alle-huishoudens', label: nLabel('Alle huishoudens', allCount, rules), cluster: null, units: data.allUnits, count: allCount, shown: data.allUnits >= rules.threshold },
  );
  return { columns, notes: [...protectedSizes.notes, ...notes] };
}

/** Modal category, its share and its status under the rules, for one column's counts over the known categories. */
export function categoryCell(categories: CategoryRowData['categories'], counts: readonly number[], rules: RuleSet): ProfileCell {
  const known = counts.reduce((sum, units) => sum + units, 0);
  let best = -1;
  counts.forEach((units, index) => {
    if (best < 0 || units > counts[best]!) best = index;
  });
  const units = best < 0 ? 0 : counts[best]!;
  if (known === 0 || best < 0) return { cell: { status: 'empty' }, varies: false };
  // The modal count must pass as a share's numerator, the cluster's known values as its denominator.
  const status = units === 0 ? { status: 'blocked' as const, rule: 'threshold' as const } : shareStatus(units, known, rules);
  if (status.status === 'blocked') return { cell: { status: 'blocked', rule: status.rule }, varies: false };
  const share = (100 * units) / known;
  const tied = counts.some((other, index) => index !== best && other === units);
  const dominant = share >= DOMINANT_SHARE && !tied;
  const rounded = Math.round(share);
  const label = categories[best]!.label;
  const text = dominant ? `${label} ${percentText(rounded)}` : VARIES_TEXT;
  // "(Nearly) everyone in this cluster has X" discloses about each of them: a checker looks at it.
  const cell: PublishedCell =
    groupStatus(counts, rules).status === 'review' ? { status: 'review', reason: 'group-disclosure', value: rounded, text } : { status: 'safe', value: rounded, text };
  return { cell, modal: { code: categories[best]!.code, label, share, units, dominant }, varies: !dominant };
}

/** The median of an amount over enough known values, or "varieert" when its middle half is wide. */
export function amountCell(feature: AmountFeature, statistics: AmountStatistics, rules: RuleSet): ProfileCell {
  const needed = Math.max(rules.threshold, rules.statisticThreshold);
  if (statistics.known < needed) return { cell: { status: 'blocked', rule: 'statistic-threshold' }, varies: false };
  const checked = checkCell({ kind: 'statistic', units: statistics.known, value: statistics.median }, rules);
  if (!('value' in checked) || statistics.median === null) return { cell: checked, varies: false };
  const median = roundAmount(feature, statistics.median);
  const spread = statistics.quartile3 !== null && statistics.quartile1 !== null ? statistics.quartile3 - statistics.quartile1 : 0;
  const varies = spread > AMOUNT_SPREAD * Math.abs(statistics.median);
  return { cell: { status: 'safe', value: median, text: varies ? VARIES_TEXT : amountText(feature, median) }, median, varies };
}

function rowCells(row: ProfileRowData, columns: readonly ProfileColumn[], rules: RuleSet): ProfileCell[] {
  return columns.map((column, index) => {
    if (!column.shown) return { cell: { status: 'empty' }, varies: false };
    if (row.kind === 'amount') {
      const statistics = column.cluster !== null ? row.clusterStatistics[index]! : column.id === 'alle-klanten' ? row.clientStatistics : row.allStatistics;
      return amountCell(row.feature, statistics, rules);
    }
    const counts =
      column.cluster !== null
        ? row.clusterCounts[index]!
        : column.id === 'alle-klanten'
          ? row.categories.map((_, j) => row.clusterCounts.reduce((sum, cluster) => sum + (cluster[j] ?? 0), 0))
          : row.allCounts;
    return categoryCell(row.categories, counts, rules);
  });
}

function rowFormat(row: ProfileRowData): ValueFormat {
  if (row.kind === 'category') return 'percent';
  return row.feature.unit === 'euro' ? 'amount' : 'number';
}

/**
 * Differencing: with a cluster hidden, when every shown cluster's modal category is also that of all clients, their
 * published shares and N's subtract from all clients' to the hidden clusters' count. All clients' cell is then suppressed.
 */
function withoutDifferencing(row: ProfileRowData, cells: ProfileCell[], columns: readonly ProfileColumn[]): { cells: ProfileCell[]; suppressed: boolean } {
  const clients = columns.findIndex((column) => column.id === 'alle-klanten');
  const shownClusters = columns.map((column, index) => ({ column, index })).filter(({ column }) => column.cluster !== null && column.shown);
  const hidden = columns.some((column) => column.cluster !== null && !column.shown);
  const code = cells[clients]?.modal?.code;
  if (row.kind !== 'category' || !hidden || code === undefined || !shownClusters.every(({ index }) => cells[index]?.modal?.code === code)) return { cells, suppressed: false };
  return { cells: cells.map((cell, index) => (index === clients ? { cell: { status: 'secondary' }, varies: false } : cell)), suppressed: true };
}

/** The profile with the decisions behind each cell (main process only); `clusterTable` publishes it. */
export function clusterProfile(data: ClusterProfileData, rules: RuleSet): ClusterProfile {
  const { columns, notes } = profileColumns(data, rules);
  let suppressed = 0;
  const rows = data.rows.map((row) => {
    const protectedCells = withoutDifferencing(row, rowCells(row, columns, rules), columns);
    if (protectedCells.suppressed) suppressed += 1;
    return { id: row.feature.id.replaceAll('_', '-'), label: row.feature.label, format: rowFormat(row), cells: protectedCells.cells };
  });
  const differencing = suppressed > 0 ? [`${suppressed} cel(len) van alle klanten onderdrukt: samen met de getoonde clusters zouden ze een te klein cluster verraden.`] : [];
  return { columns, rows, notes: [...notes, ...differencing] };
}

export const PROFILE_TABLE_NOTES = [
  `Per kenmerk de meest voorkomende waarde met haar aandeel onder de huishoudens met een bekende waarde; "${VARIES_TEXT}" als geen waarde minstens ${DOMINANT_SHARE} % heeft.`,
  `Bij bedragen de mediaan (afgerond); "${VARIES_TEXT}" als de middelste helft van het cluster meer dan ${AMOUNT_SPREAD * 100} % van de mediaan beslaat.`,
];

/** The published cluster table: rows are features (each with its own format), columns clusters, all clients and all households. */
export function clusterTable(data: ClusterProfileData, rules: RuleSet, profile: ClusterProfile = clusterProfile(data, rules)): CheckedTable {
  const clients = profile.columns.find((column) => column.id === 'alle-klanten');
  return {
    id: `clusterprofiel-k${data.run.k}`,
    title: `Clusters van ${data.run.population.label.toLowerCase()}: wat kenmerkt elk cluster`,
    unit: 'huishoudens',
    population: { id: data.run.population.id, label: data.run.population.label, units: publishCount(clients?.units ?? 0, rules) },
    rowHeader: 'Kenmerk',
    columns: profile.columns.map((column) => ({ id: column.id, label: column.label, format: 'percent' })),
    rows: profile.rows.map((row) => ({ id: row.id, label: row.label, total: false, format: row.format, cells: row.cells.map((cell) => cell.cell) })),
    protection: 'suppression',
    ruleSet: { name: rules.name, digest: ruleSetDigest(rules) },
    notes: [...PROFILE_TABLE_NOTES, ...profile.notes],
  };
}
