// Clients against all households, for every feature of the analysis table: the checked tables the app shows on
// the Vergelijking page and the export package carries.
import type { CheckedTable } from '../disclosure/checked-table';
import type { ProtectionMethod } from '../disclosure/frequency-protection';
import type { RuleSet } from '../disclosure/rule-set';
import { amountTable } from './amount-table';
import { comparisonTable } from './comparison-table';
import { amountStatistics, CLIENT_GROUPING, crossTabulate, type Grouping, type QuerySession } from './cross-table';
import { FEATURES, type Feature } from './features';
import { ALL_HOUSEHOLDS } from './population';

/** The whole population as one group: the "all households" column of an amount table. */
const WHOLE: Grouping = { sql: "'alle'", groups: [{ id: 'alle', label: 'Alle huishoudens' }], totalLabel: 'Alle huishoudens' };

export interface ComparisonSettings {
  rules: RuleSet;
  method: ProtectionMethod;
}

/** Features that describe clients only (such as the duration of being a client) have nothing to compare with. */
function comparable(feature: Feature): boolean {
  return feature.group !== 'klant';
}

/** One feature, checked: a category table with margins, or an amount's statistics. */
export async function compareFeature(session: QuerySession, feature: Feature, { rules, method }: ComparisonSettings): Promise<CheckedTable> {
  if (feature.kind === 'category') {
    const raw = await crossTabulate(session, feature, ALL_HOUSEHOLDS, CLIENT_GROUPING);
    return comparisonTable(feature, raw, ALL_HOUSEHOLDS, CLIENT_GROUPING, { rules, method, focusGroup: 'klanten' });
  }
  const [clients] = await amountStatistics(session, feature, ALL_HOUSEHOLDS, CLIENT_GROUPING);
  const [all] = await amountStatistics(session, feature, ALL_HOUSEHOLDS, WHOLE);
  return amountTable(
    feature,
    [
      { id: 'klanten', label: 'Klanthuishoudens', statistics: clients! },
      { id: 'alle', label: 'Alle huishoudens', statistics: all! },
    ],
    ALL_HOUSEHOLDS,
    rules,
  );
}

/** Every comparable feature, in catalogue order; `signal` stops between features. */
export async function compareAllFeatures(session: QuerySession, settings: ComparisonSettings, signal?: AbortSignal): Promise<CheckedTable[]> {
  const tables: CheckedTable[] = [];
  for (const feature of FEATURES.filter(comparable)) {
    signal?.throwIfAborted();
    tables.push(await compareFeature(session, feature, settings));
  }
  return tables;
}
