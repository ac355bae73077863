// An amount (income, age, household size) for the client households and for all households, as a table of figures:
// households with a known value, mean, quartiles and median; means of incomes also pass dominance (NK, p%).
import type { Figure } from '../publication/figures';
import type { PublicationLedger } from '../publication/ledger';
import { ALL_ID, CLIENTS_ID } from '../publication/population-atoms';
import { knownFeatureId } from '../publication/feature-catalogue';
import { TableDraft } from '../publication/table-draft';
import type { AmountFeature } from './features';
import { ALL_HOUSEHOLDS, CLIENT_HOUSEHOLDS } from './population';

const STATISTICS = [
  { id: 'gemiddelde', label: 'Gemiddelde', statistic: 'mean' },
  { id: 'kwartiel1', label: 'Eerste kwartiel', statistic: 'quartile1' },
  { id: 'mediaan', label: 'Mediaan', statistic: 'median' },
  { id: 'kwartiel3', label: 'Derde kwartiel', statistic: 'quartile3' },
] as const;

export function amountTableId(featureId: string): string {
  return `bedragen-${featureId.replaceAll('_', '-')}`;
}

export function draftAmountComparison(ledger: PublicationLedger, feature: AmountFeature): TableDraft {
  const groups = [
    { id: 'klanten', label: CLIENT_HOUSEHOLDS.label, population: CLIENTS_ID },
    { id: 'alle', label: ALL_HOUSEHOLDS.label, population: ALL_ID },
  ];
  const format: 'amount' | 'number' = feature.unit === 'euro' ? 'amount' : 'number';
  const draft = new TableDraft(ledger, {
    id: amountTableId(feature.id),
    title: `${feature.label}: ${groups.map((group) => group.label.toLowerCase()).join(' en ')}`,
    unit: 'huishoudens',
    population: {
      id: ALL_HOUSEHOLDS.id,
      label: ALL_HOUSEHOLDS.label,
      total: { kind: 'count', cell: { feature: feature.id, codes: null, population: ALL_ID } },
    },
    rowHeader: 'Groep',
    columns: [
      { id: 'aantal', label: 'Met bekende waarde', format: 'count' },
      ...STATISTICS.map((statistic) => ({ id: statistic.id, label: statistic.label, format })),
    ],
    protection: 'none',
  });
  for (const group of groups) {
    const known: Figure = { kind: 'count', cell: { feature: knownFeatureId(feature.id), codes: ['bekend'], population: group.population } };
    draft.row(group.id, group.label, [
      { figure: known },
      ...STATISTICS.map(({ statistic }) => ({ figure: { kind: 'amount' as const, feature: feature.id, statistic, population: group.population } })),
    ]);
  }
  draft.note('Statistieken alleen over ten minste het drempelaantal huishoudens met een bekende waarde; bedragen afgerond op honderden euro.');
  if (feature.magnitude) draft.note('Gemiddelden van bedragen zijn ook getoetst op dominantie (NK-regel en p%-regel).');
  return draft;
}
