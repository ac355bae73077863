// An amount (income, age, household size) for the client households and for all households as a checked table:
// households with a known value, mean, quartiles and median; means of incomes also pass dominance (NK, p%).
import { checkCell } from '../disclosure/cell-check';
import type { CheckedTable, PublishedCell } from '../disclosure/checked-table';
import { publishCount } from '../disclosure/published-count';
import { ruleSetDigest, type RuleSet } from '../disclosure/rule-set';
import type { RawAmountStatistics } from './cross-table';
import type { AmountFeature } from './features';
import type { Population } from './population';

export interface AmountColumn {
  id: string;
  label: string;
  statistics: RawAmountStatistics;
}

const STATISTICS = [
  { id: 'aantal', label: 'Met bekende waarde' },
  { id: 'gemiddelde', label: 'Gemiddelde' },
  { id: 'kwartiel1', label: 'Eerste kwartiel' },
  { id: 'mediaan', label: 'Mediaan' },
  { id: 'kwartiel3', label: 'Derde kwartiel' },
] as const;

function statisticCell(statistic: (typeof STATISTICS)[number]['id'], feature: AmountFeature, raw: RawAmountStatistics, rules: RuleSet): PublishedCell {
  switch (statistic) {
    case 'aantal':
      return checkCell({ kind: 'count', units: raw.known }, rules);
    case 'gemiddelde':
      // A mean of incomes is a sum divided by a published count: it discloses what the sum would.
      return feature.magnitude
        ? checkCell({ kind: 'magnitude', units: raw.known, value: raw.mean, total: raw.total, largest: raw.largest }, rules)
        : checkCell({ kind: 'statistic', units: raw.known, value: raw.mean }, rules);
    case 'kwartiel1':
      return checkCell({ kind: 'statistic', units: raw.known, value: raw.quartile1 }, rules);
    case 'mediaan':
      return checkCell({ kind: 'statistic', units: raw.known, value: raw.median }, rules);
    case 'kwartiel3':
      return checkCell({ kind: 'statistic', units: raw.known, value: raw.quartile3 }, rules);
  }
}

/** Rows are the groups (client households, all households), columns the statistics, each with its own format. */
export function amountTable(feature: AmountFeature, columns: readonly AmountColumn[], population: Population, rules: RuleSet): CheckedTable {
  const format = feature.unit === 'euro' ? 'amount' : 'number';
  const populationUnits = Math.max(...columns.map((column) => column.statistics.units));
  return {
    id: `bedragen-${feature.id.replaceAll('_', '-')}`,
    title: `${feature.label}: ${columns.map((column) => column.label.toLowerCase()).join(' en ')}`,
    unit: 'huishoudens',
    population: { id: population.id, label: population.label, units: publishCount(populationUnits, rules) },
    rowHeader: 'Groep',
    columns: STATISTICS.map((statistic) => ({ id: statistic.id, label: statistic.label, format: statistic.id === 'aantal' ? 'count' : format })),
    rows: columns.map((column) => ({
      id: column.id,
      label: column.label,
      total: false,
      cells: STATISTICS.map((statistic) => {
        const cell = statisticCell(statistic.id, feature, column.statistics, rules);
        return statistic.id === 'aantal' || cell.status !== 'safe' ? cell : { ...cell, value: Math.round(cell.value * 10) / 10 };
      }),
    })),
    protection: 'none',
    ruleSet: { name: rules.name, digest: ruleSetDigest(rules) },
    notes: feature.magnitude ? ['Gemiddelden van bedragen zijn ook getoetst op dominantie (NK-regel en p%-regel).'] : [],
  };
}
