// Which features a publication holds, after the study's recodes: the comparison features, the cluster profile's own
// features, a "known or not" feature per amount (for its number of known values), and the link report's features.
import { FEATURES, type AmountFeature, type CategoricalFeature, type Feature } from '../analysis/features';
import { PROFILE_FEATURES } from '../analysis/profiles/profile-features';
import { UserFacingError } from '../common/errors';
import { publishedFeature, recodeProblems, type PublishedFeature, type Recodes } from './published-feature';

export function knownFeatureId(amountId: string): string {
  return `${amountId}_bekend`;
}

/** Whether an amount is known, as a feature of its own: the "Met bekende waarde" counts. */
function knownFeature(amount: AmountFeature): CategoricalFeature {
  return {
    id: knownFeatureId(amount.id),
    label: `${amount.label}: bekend`,
    group: amount.group,
    kind: 'category',
    columns: amount.columns,
    ...(amount.described ? { described: amount.described } : {}),
    sql: `CASE WHEN (${amount.sql}) IS NULL THEN NULL ELSE 'bekend' END`,
    categories: [{ code: 'bekend', label: 'Bekend' }],
  };
}

/** The link report's households with and without an income record, and with members outside the municipality. */
export const LINK_FEATURES: readonly CategoricalFeature[] = [
  {
    id: 'income_status',
    label: 'Inkomensgegevens',
    group: 'inkomen',
    kind: 'category',
    columns: ['has_income_record', 'disposable_income'],
    sql:
      "CASE WHEN NOT coalesce(has_income_record, false) THEN 'zonder-regel' " +
      "WHEN disposable_income IS NULL THEN 'inkomen-onbekend' ELSE 'inkomen-bekend' END",
    categories: [
      { code: 'zonder-regel', label: 'Zonder inkomensregel' },
      { code: 'inkomen-onbekend', label: 'Inkomen onbekend' },
      { code: 'inkomen-bekend', label: 'Inkomen bekend' },
    ],
  },
  {
    id: 'members_complete',
    label: 'Leden in de gemeente',
    group: 'huishouden',
    kind: 'category',
    columns: ['members_found', 'size'],
    sql: "CASE WHEN members_found < size THEN 'onvolledig' ELSE 'volledig' END",
    categories: [
      { code: 'volledig', label: 'Alle leden in de gemeente' },
      { code: 'onvolledig', label: 'Leden buiten de gemeente' },
    ],
  },
];

export interface PublicationCatalogue {
  /** Every categorical feature, published (recoded), in catalogue order. */
  features: PublishedFeature[];
  amounts: AmountFeature[];
}

/** The fixed features, then the catalogue features the link added (`LinkReport.features`), each once. */
export function analysisFeatures(linked: readonly Feature[] = []): Feature[] {
  return [...FEATURES, ...linked.filter((feature) => !FEATURES.some((fixed) => fixed.id === feature.id))];
}

export function publicationCatalogue(recodes: Recodes = {}, linked: readonly Feature[] = []): PublicationCatalogue {
  const all = analysisFeatures(linked);
  const amounts = all.filter((feature): feature is AmountFeature => feature.kind === 'amount');
  const categorical: CategoricalFeature[] = [];
  for (const feature of [...all, ...PROFILE_FEATURES, ...amounts.map(knownFeature), ...LINK_FEATURES]) {
    if (feature.kind === 'category' && !categorical.some((known) => known.id === feature.id)) categorical.push(feature);
  }
  const problems = Object.entries(recodes).flatMap(([id, recode]) => {
    const feature = categorical.find((candidate) => candidate.id === id);
    return feature ? recodeProblems(feature, recode) : [`er is geen kenmerk "${id}" met categorieën`];
  });
  if (problems.length > 0) throw new UserFacingError(`De samenvoegingen (publication.recodes) zijn niet geldig: ${problems.slice(0, 5).join('; ')}.`);
  return { features: categorical.map((feature) => publishedFeature(feature, recodes[feature.id])), amounts };
}
