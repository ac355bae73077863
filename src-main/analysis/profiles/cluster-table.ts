// The cluster comparison table of the seed study as figures of the publication: features as rows, clusters (and all
// clients, all households) as columns; a category's modal value with its share, an amount's median, or "varieert".
import type { PublishedCell, ValueFormat } from '../../disclosure/checked-table';
import { dutchAmountText, dutchFigure } from '../../publication/dutch-format';
import { atLeastCount, type Figure } from '../../publication/figures';
import type { PublicationLedger } from '../../publication/ledger';
import { ALL_ID, CLIENTS_ID, clusterPopulationId, type PublishedClusteringRef } from '../../publication/population-atoms';
import { amountDecimals, SHARE_DECIMALS } from '../../publication/precision';
import { TableDraft, type DraftCell, type PublishedTable } from '../../publication/table-draft';
import type { AmountFeature, Feature } from '../features';
import { PROFILE_FEATURES } from './profile-features';

/** Dominance: the modal category must hold at least half of the column's households, and alone. */
export const DOMINANT_SHARE = 50;
/** An amount varies when the middle half of the column spans more than this fraction of the median: (Q3 - Q1) > 0,4 x mediaan. */
export const AMOUNT_SPREAD = 0.4;
export const VARIES_TEXT = 'varieert';
export const SIZE_ROW = 'aantal-huishoudens';

/** A column of the profile: a cluster, all clients, or all households. */
export interface ProfileColumn {
  id: string;
  label: string;
  /** The cluster number, null for the two reference columns. */
  cluster: number | null;
  population: string;
}

/** What a cell was decided from (main process only), next to the figure it shows. */
interface CellDecision {
  figure: Figure | null;
  modal?: { code: string; label: string };
  varies: boolean;
  text?: (cell: PublishedCell) => string | undefined;
}

/** A profile cell once published: the cell, and for categories the modal category it names. */
export interface ProfileCell {
  cell: PublishedCell;
  modal?: { code: string; label: string; dominant: boolean };
  varies: boolean;
}

export interface ClusterProfile {
  columns: ProfileColumn[];
  rows: { id: string; label: string; format: ValueFormat; cells: ProfileCell[] }[];
  notes: string[];
}

export interface ClusterProfileDraft {
  draft: TableDraft;
  columns: ProfileColumn[];
  decisions: { id: string; label: string; format: ValueFormat; cells: CellDecision[] }[];
}

export function profileColumns(clustering: PublishedClusteringRef): ProfileColumn[] {
  return [
    ...Array.from({ length: clustering.k }, (_, index) => ({
      id: `cluster-${index + 1}`,
      label: `Cluster ${index + 1}`,
      cluster: index + 1,
      population: clusterPopulationId(clustering, index + 1),
    })),
    { id: 'alle-klanten', label: 'Alle klanten', cluster: null, population: CLIENTS_ID },
    { id: 'alle-huishoudens', label: 'Alle huishoudens', cluster: null, population: ALL_ID },
  ];
}

export function rowId(featureId: string): string {
  return featureId.replaceAll('_', '-');
}

function categoryDecision(ledger: PublicationLedger, featureId: string, population: string): CellDecision {
  const feature = ledger.feature(featureId);
  const total = { feature: featureId, codes: null, population } as const;
  const units = ledger.rawCount(total);
  const candidates = feature.categories.filter((category) => category.code !== feature.restCode);
  const counts = candidates.map((category) => ledger.rawCount({ feature: featureId, codes: [category.code], population }));
  let best = -1;
  counts.forEach((count, index) => {
    if (best < 0 || count > counts[best]!) best = index;
  });
  if (units === 0 || best < 0) return { figure: null, varies: false };
  const tied = counts.some((count, index) => index !== best && count === counts[best]);
  const dominant = (100 * counts[best]!) / units >= DOMINANT_SHARE && !tied;
  const modal = { code: candidates[best]!.code, label: candidates[best]!.label };
  if (!dominant) return { figure: null, modal, varies: true };
  const numerator = { feature: featureId, codes: [modal.code], population };
  const rest = units - counts[best]!;
  // An exact share would say how few households are not in the category: then only "70 % of meer" is published, the
  // highest band that still leaves room for as many outside it as a hidden count needs (else the protection would
  // have to hide the band too, and the cluster's most telling trait with it).
  const { threshold, protectionLevel } = ledger.rules;
  if (rest > 0 && rest < threshold) {
    const share = (100 * counts[best]!) / units;
    const reached = SHARE_FLOORS.filter((candidate) => share >= candidate);
    const floor = reached.find((candidate) => units - atLeastCount(candidate, units) >= Math.max(threshold, protectionLevel)) ?? reached[reached.length - 1]!;
    return {
      figure: { kind: 'shareAtLeast', numerator, denominator: total, floor },
      modal,
      varies: false,
      text: (cell) => ('value' in cell ? `${modal.label} ${cell.text ?? ''}`.trim() : undefined),
    };
  }
  const figure: Figure = { kind: 'share', numerator, denominator: total };
  return {
    figure,
    modal,
    varies: false,
    text: (cell) => ('value' in cell ? `${modal.label} ${dutchFigure(cell.value, 'percent', SHARE_DECIMALS)}` : undefined),
  };
}

/** The bands a dominant share is published in when its exact value would be too telling. */
const SHARE_FLOORS = [90, 80, 70, 60, 50] as const;

function amountDecision(ledger: PublicationLedger, feature: AmountFeature, population: string): CellDecision {
  const statistics = ledger.amountStatistics(feature.id, population);
  if (statistics.median === null) return { figure: null, varies: false };
  const spread = statistics.quartile3 !== null && statistics.quartile1 !== null ? statistics.quartile3 - statistics.quartile1 : 0;
  if (spread > AMOUNT_SPREAD * Math.abs(statistics.median)) return { figure: null, varies: true };
  return {
    figure: { kind: 'amount', feature: feature.id, statistic: 'median', population },
    varies: false,
    text: (cell) => ('value' in cell ? dutchAmountText(cell.value, feature.unit, amountDecimals(feature.unit)) : undefined),
  };
}

const VARIES_CELL: PublishedCell = { status: 'empty', text: VARIES_TEXT };

export const PROFILE_TABLE_NOTES = [
  `Per kenmerk de meest voorkomende waarde met haar aandeel onder alle huishoudens ` +
    `van de kolom; "${VARIES_TEXT}" als geen waarde minstens ${DOMINANT_SHARE} % heeft.`,
  `Bij bedragen de mediaan (afgerond); "${VARIES_TEXT}" als de middelste helft van de kolom meer dan ${AMOUNT_SPREAD * 100} % van de mediaan beslaat.`,
];

export function clusterProfileId(k: number): string {
  return `clusterprofiel-k${k}`;
}

/** Registers the cluster table's figures; it is built once the publication is protected. */
export function draftClusterProfile(
  ledger: PublicationLedger,
  clustering: PublishedClusteringRef,
  populationLabel: string,
  linked: readonly Feature[] = [],
): ClusterProfileDraft {
  const columns = profileColumns(clustering);
  const draft = new TableDraft(ledger, {
    id: clusterProfileId(clustering.k),
    title: `Clusters van ${populationLabel.toLowerCase()}: wat kenmerkt elk cluster`,
    unit: 'huishoudens',
    population: { id: CLIENTS_ID, label: populationLabel, total: { kind: 'count', cell: { feature: 'household_type', codes: null, population: CLIENTS_ID } } },
    rowHeader: 'Kenmerk',
    columns: columns.map((column) => ({ id: column.id, label: column.label, format: 'percent' })),
    protection: 'suppression',
  });
  const decisions: ClusterProfileDraft['decisions'] = [
    {
      id: SIZE_ROW,
      label: 'Aantal huishoudens',
      format: 'count',
      cells: columns.map((column) => ({
        figure: { kind: 'count', cell: { feature: 'household_type', codes: null, population: column.population } },
        varies: false,
      })),
    },
  ];
  for (const feature of [...PROFILE_FEATURES, ...linked]) {
    const isAmount = feature.kind === 'amount';
    decisions.push({
      id: rowId(feature.id),
      label: feature.label,
      format: isAmount ? (feature.unit === 'euro' ? 'amount' : 'number') : 'percent',
      cells: columns.map((column) =>
        feature.kind === 'amount' ? amountDecision(ledger, feature, column.population) : categoryDecision(ledger, feature.id, column.population),
      ),
    });
  }
  for (const row of decisions) {
    const cells: DraftCell[] = row.cells.map((decision) =>
      decision.figure
        ? { figure: decision.figure, weight: 2, ...(decision.text ? { text: decision.text } : {}) }
        : { fixed: decision.varies ? VARIES_CELL : { status: 'empty' } },
    );
    draft.row(row.id, row.label, cells, { format: row.format });
  }
  for (const note of PROFILE_TABLE_NOTES) draft.note(note);
  return { draft, columns, decisions };
}

/** The built table and the profile behind it (for the persona cards). */
export function resolveClusterProfile(profile: ClusterProfileDraft, table: PublishedTable): ClusterProfile {
  return {
    columns: profile.columns,
    rows: profile.decisions.map((row, rowIndex) => ({
      id: row.id,
      label: row.label,
      format: row.format,
      cells: row.cells.map((decision, columnIndex) => {
        const cell = table.table.rows[rowIndex]!.cells[columnIndex]!;
        return { cell, ...(decision.modal ? { modal: { ...decision.modal, dominant: !decision.varies && 'value' in cell } } : {}), varies: decision.varies };
      }),
    })),
    notes: table.table.notes,
  };
}
