// What stands out in each cluster compared with all clients, as figures of the publication: categories that occur
// significantly more or less often (hypergeometric test) and amounts with a significantly higher or lower mean, with
// their counts, shares, v-tests and p-values; in plain Dutch once the publication is protected.
import type { PublishedCell } from '../../disclosure/checked-table';
import { dutchAmountText, dutchFigure } from '../../publication/dutch-format';
import type { CountCell, Figure } from '../../publication/figures';
import type { PublicationLedger } from '../../publication/ledger';
import { CLIENTS_ID, clusterPopulationId, type PublishedClusteringRef } from '../../publication/population-atoms';
import { amountDecimals, SHARE_DECIMALS } from '../../publication/precision';
import { TableDraft, type PublishedTable } from '../../publication/table-draft';
import type { AmountFeature, Feature } from '../features';
import { knownFeatureId } from '../../publication/feature-catalogue';
import { SIZE_ROW } from './cluster-table';
import { PROFILE_FEATURES } from './profile-features';

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
  /** The published share (categories) or mean (amounts) in the cluster and among all clients. */
  inCluster: PublishedCell;
  overall: PublishedCell;
  /** The v-test as published (one decimal), for ordering. */
  vTest: number;
  /** Flagged for an output checker: (nearly) all of the cluster has this category. */
  review: boolean;
  /** The trait in plain Dutch. */
  sentence: string;
  /** The ledger's figures behind the two shares (or means), for the package's definitions. */
  figures: { inCluster: Figure; overall: Figure };
}

export interface ClusterStandOut {
  cluster: number;
  /** Sorted by v-test, most over-represented first, most under-represented last. */
  traits: StandOutTrait[];
  table: PublishedTable;
}

interface TraitDraft {
  featureId: string;
  featureLabel: string;
  code: string | null;
  label: string;
  amount: AmountFeature | null;
  inCluster: Figure;
  overall: Figure;
  vTest: Figure;
  rowId: string;
}

export interface StandOutDraft {
  cluster: number;
  draft: TableDraft;
  traits: TraitDraft[];
  /** Significant traits not registered because a count behind them is below the threshold. */
  withheld: number;
}

export function standOutId(k: number, cluster: number): string {
  return `clusterprofiel-opvallend-${k}-${cluster}`;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Registers the figures of one cluster's traits. */
export function draftStandsOut(ledger: PublicationLedger, clustering: PublishedClusteringRef, cluster: number, linked: readonly Feature[] = []): StandOutDraft {
  const { threshold } = ledger.rules;
  const part = clusterPopulationId(clustering, cluster);
  const draft = new TableDraft(ledger, {
    id: standOutId(clustering.k, cluster),
    title: `Wat opvalt in cluster ${cluster}`,
    unit: 'huishoudens',
    population: { id: part, label: `Cluster ${cluster}`, total: { kind: 'count', cell: { feature: 'household_type', codes: null, population: part } } },
    rowHeader: 'Kenmerk',
    columns: [
      { id: 'cluster-aantal', label: 'Aantal', format: 'count', group: 'In dit cluster' },
      { id: 'cluster', label: '% of gemiddelde', format: 'percent', group: 'In dit cluster' },
      { id: 'alle-klanten-aantal', label: 'Aantal', format: 'count', group: 'Alle klanten' },
      { id: 'alle-klanten', label: '% of gemiddelde', format: 'percent', group: 'Alle klanten' },
      { id: 'v-test', label: 'v-test', format: 'number' },
      { id: 'p-waarde', label: 'p-waarde', format: 'pValue' },
    ],
    protection: 'suppression',
  });
  const traits: TraitDraft[] = [];
  let withheld = 0;
  // The sizes the shares and tests are computed from, printed so the table stands on its own.
  draft.row(SIZE_ROW, 'Aantal huishoudens', [
    { figure: { kind: 'count', cell: { feature: 'household_type', codes: null, population: part } } },
    { fixed: { status: 'empty' } },
    { figure: { kind: 'count', cell: { feature: 'household_type', codes: null, population: CLIENTS_ID } } },
    { fixed: { status: 'empty' } },
    { fixed: { status: 'empty' } },
    { fixed: { status: 'empty' } },
  ]);
  for (const feature of [...PROFILE_FEATURES, ...linked]) {
    if (feature.kind === 'category') {
      const published = ledger.feature(feature.id);
      for (const category of published.categories) {
        if (category.code === published.restCode) continue;
        const codes = [category.code];
        const vTest: Figure = { kind: 'vTest', feature: feature.id, codes, part, whole: CLIENTS_ID };
        const value = ledger.raw(vTest);
        const p = ledger.raw({ kind: 'pValue', of: vTest });
        if (value === null || p === null || !(p < SIGNIFICANCE) || value === 0) continue;
        const inCluster: CountCell = { feature: feature.id, codes, population: part };
        const overall: CountCell = { feature: feature.id, codes, population: CLIENTS_ID };
        // Below the threshold in the cluster or among all clients, the trait would only be hidden: leave it out.
        if (ledger.rawCount(inCluster) < threshold || ledger.rawCount(overall) < threshold) {
          withheld += 1;
          continue;
        }
        const rowId = `${feature.id.replaceAll('_', '-')}-${slug(category.code)}`;
        const trait: TraitDraft = {
          featureId: feature.id,
          featureLabel: feature.label,
          code: category.code,
          label: category.label,
          amount: null,
          inCluster: { kind: 'share', numerator: inCluster, denominator: { ...inCluster, codes: null } },
          overall: { kind: 'share', numerator: overall, denominator: { ...overall, codes: null } },
          vTest,
          rowId,
        };
        traits.push(trait);
        draft.row(rowId, `${category.label} (${feature.label.toLowerCase()})`, [
          { figure: { kind: 'count', cell: inCluster } },
          { figure: trait.inCluster },
          { figure: { kind: 'count', cell: overall } },
          { figure: trait.overall },
          { figure: vTest },
          { figure: { kind: 'pValue', of: vTest } },
        ]);
      }
    } else {
      const vTest: Figure = { kind: 'amountTest', feature: feature.id, part, whole: CLIENTS_ID, result: 'vTest' };
      const value = ledger.raw(vTest);
      const p = ledger.raw({ ...vTest, result: 'pValue' });
      if (value === null || p === null || !(p < SIGNIFICANCE)) continue;
      const rowId = `${feature.id.replaceAll('_', '-')}-gemiddelde`;
      const trait: TraitDraft = {
        featureId: feature.id,
        featureLabel: feature.label,
        code: null,
        label: feature.label,
        amount: feature,
        inCluster: { kind: 'amount', feature: feature.id, statistic: 'mean', population: part },
        overall: { kind: 'amount', feature: feature.id, statistic: 'mean', population: CLIENTS_ID },
        vTest,
        rowId,
      };
      traits.push(trait);
      const known = (population: string): Figure => ({ kind: 'count', cell: { feature: knownFeatureId(feature.id), codes: ['bekend'], population } });
      draft.row(rowId, `${feature.label} (gemiddelde)`, [
        { figure: known(part) },
        { figure: trait.inCluster },
        { figure: known(CLIENTS_ID) },
        { figure: trait.overall },
        { figure: vTest },
        { figure: { ...vTest, result: 'pValue' } },
      ]);
    }
  }
  draft.note('Dit zijn de kenmerken die in dit cluster opvallen ten opzichte van alle klanten; andere kenmerken komen er ook voor.');
  draft.note('Aandelen bij categorieën, gemiddelden (afgerond) bij bedragen. Een v-test boven 1,96 of onder -1,96 is significant (p < 0,05).');
  return { cluster, draft, traits, withheld };
}

function sentence(trait: TraitDraft, direction: 'vaker' | 'minder vaak', inCluster: PublishedCell, overall: PublishedCell): string {
  if (!('value' in inCluster) || !('value' in overall)) return '';
  if (trait.amount) {
    const unit = trait.amount.unit;
    const text = (cell: typeof inCluster) => dutchAmountText(cell.value, unit, amountDecimals(unit));
    return (
      `${trait.featureLabel} is in dit cluster ` +
      `gemiddeld ${direction === 'vaker' ? 'hoger' : 'lager'}: ${text(inCluster)} tegen ${text(overall)} bij alle klanten.`
    );
  }
  const percent = (cell: typeof inCluster) => dutchFigure(cell.value, 'percent', SHARE_DECIMALS);
  return (
    `${trait.label} (${trait.featureLabel.toLowerCase()}) komt in dit ` +
    `cluster ${direction} voor: ${percent(inCluster)} tegen ${percent(overall)} van alle klanten.`
  );
}

/**
 * The protected traits: a trait is kept only when its shares (or means) and its v-test are published; the others are
 * left out of the table too, with a note. Sorted by v-test.
 */
export function resolveStandsOut(ledger: PublicationLedger, standOut: StandOutDraft): ClusterStandOut {
  const kept: (StandOutTrait & { rowId: string })[] = [];
  for (const trait of standOut.traits) {
    const inCluster = ledger.cell(trait.inCluster);
    const overall = ledger.cell(trait.overall);
    const vTest = ledger.cell(trait.vTest);
    if (!('value' in inCluster) || !('value' in overall) || !('value' in vTest)) continue;
    const direction = vTest.value > 0 ? 'vaker' : 'minder vaak';
    kept.push({
      rowId: trait.rowId,
      featureId: trait.featureId,
      featureLabel: trait.featureLabel,
      code: trait.code,
      label: trait.label,
      direction,
      inCluster,
      overall,
      vTest: vTest.value,
      review: inCluster.status === 'review',
      sentence: sentence(trait, direction, inCluster, overall),
      figures: { inCluster: trait.inCluster, overall: trait.overall },
    });
  }
  kept.sort((a, b) => b.vTest - a.vTest);
  const rank = new Map(kept.map((trait, index) => [trait.rowId, index]));
  // One note for the traits withheld before protection and those protection left out.
  const dropped = standOut.withheld + standOut.traits.length - kept.length;
  if (dropped > 0) standOut.draft.note(`${dropped} opvallend(e) kenmerk(en) niet getoond ter bescherming van de huishoudens erachter.`);
  const position = (rowId: string) => (rowId === SIZE_ROW ? -1 : rank.get(rowId)!);
  const table = standOut.draft.build({ keep: (rowId) => rowId === SIZE_ROW || rank.has(rowId), order: (a, b) => position(a) - position(b) });
  return { cluster: standOut.cluster, traits: kept.map(({ rowId, ...trait }) => (void rowId, trait)), table };
}
