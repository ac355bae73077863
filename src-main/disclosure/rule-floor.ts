// The institution's rule set is a floor: a study's own rule set may make rules stricter, field by field, never weaker.
//
// What "stricter" means per field (a study value must be at least as strict as the institution's, else it is refused):
//
// | field                    | stricter when          | why                                                                  |
// |--------------------------|------------------------|----------------------------------------------------------------------|
// | threshold                | higher or equal        | more units needed before a count or share is shown                   |
// | statisticThreshold       | higher or equal        | more units needed for a mean, median, sd or percentile               |
// | zeroCells                | 'review' over 'allow'  | a zero sent for review is never shown unseen                         |
// | dominance.n              | higher or equal        | the top n contributors together hold more, so more cells fail       |
// | dominance.k              | lower or equal         | a smaller share of the top n already fails                           |
// | pPercent                 | higher or equal        | the rest must be a larger share of the largest contributor           |
// | groupShare               | lower or equal         | a smaller majority in one category already counts as disclosure      |
// | clusterMinimum           | higher or equal        | more households needed before a cluster or persona card is shown     |
// | residualDegreesOfFreedom | higher or equal        | more residual degrees of freedom needed for a model                  |
// | protectionLevel          | higher or equal        | a blocked cell's feasible interval must be wider                     |
// | roundingBase             | higher or equal        | coarser rounding (10 over 5) hides more                              |
//
// `version` is the format (always 1) and `name` is not a rule. Every field of an accepted study rule set is at least
// as strict as the floor's, so the rules used are the study's values, under a name that says both names; the schema's
// own checks (roundingBase >= protectionLevel) held for the study's file, so they hold for the result.
import type { RuleSet } from './rule-set';
import { rulesPercentText, rulesUnitsText, zeroCellsText } from './rule-summary';

/** Where the institution's rules live when the caller does not say (see institution-rules.ts). */
const DEFAULT_FLOOR_SOURCE = 'het regelbestand van de instelling, regels-outputcontrole.json in de map met app-gegevens van Groepsbeeld';

/** How one field compares: -1 the study is weaker, 0 equal, 1 stricter. */
type Comparison = -1 | 0 | 1;

interface FieldRule {
  /** The field's path in the rule set, as reported in `weaker` and `tightened`. */
  field: string;
  compare: (study: RuleSet, floor: RuleSet) => Comparison;
  /** The Dutch clause for a weaker study value, e.g. "drempel 1 is lager dan de 10 van de instelling". */
  weakerText: (study: RuleSet, floor: RuleSet) => string;
}

const sign = (difference: number): Comparison => (difference > 0 ? 1 : difference < 0 ? -1 : 0);
const higherIsStricter = (study: number, floor: number): Comparison => sign(study - floor);
const lowerIsStricter = (study: number, floor: number): Comparison => sign(floor - study);
const zeroCellsStrictness = (value: RuleSet['zeroCells']): number => (value === 'review' ? 1 : 0);

/** A field where a higher number is stricter: the weaker study value is lower. */
function higher(field: string, label: string, value: (rules: RuleSet) => number, text: (value: number) => string = rulesUnitsText): FieldRule {
  return {
    field,
    compare: (study, floor) => higherIsStricter(value(study), value(floor)),
    weakerText: (study, floor) => `${label} ${text(value(study))} is lager dan de ${text(value(floor))} van de instelling`,
  };
}

/** A field where a lower number is stricter: the weaker study value is higher. */
function lower(field: string, label: string, value: (rules: RuleSet) => number, text: (value: number) => string): FieldRule {
  return {
    field,
    compare: (study, floor) => lowerIsStricter(value(study), value(floor)),
    weakerText: (study, floor) => `${label} ${text(value(study))} is hoger dan de ${text(value(floor))} van de instelling`,
  };
}

/** Every rule of a rule set, in the order of the schema. */
const FIELD_RULES: readonly FieldRule[] = [
  higher('threshold', 'drempel', (rules) => rules.threshold),
  higher('statisticThreshold', 'drempel voor statistieken', (rules) => rules.statisticThreshold),
  {
    field: 'zeroCells',
    compare: (study, floor) => higherIsStricter(zeroCellsStrictness(study.zeroCells), zeroCellsStrictness(floor.zeroCells)),
    weakerText: (study, floor) => `nulcellen ${zeroCellsText(study.zeroCells)} is zwakker dan nulcellen ${zeroCellsText(floor.zeroCells)} van de instelling`,
  },
  higher('dominance.n', 'dominantie n (aantal grootste bijdragers)', (rules) => rules.dominance.n),
  lower('dominance.k', 'dominantie k (aandeel van de grootste bijdragers)', (rules) => rules.dominance.k, rulesPercentText),
  higher('pPercent', 'p%-regel', (rules) => rules.pPercent, rulesPercentText),
  lower('groupShare', 'groepsonthulling vanaf', (rules) => rules.groupShare, rulesPercentText),
  higher('clusterMinimum', 'minimum aantal huishoudens per cluster', (rules) => rules.clusterMinimum),
  higher('residualDegreesOfFreedom', 'minimum aantal vrijheidsgraden', (rules) => rules.residualDegreesOfFreedom),
  higher('protectionLevel', 'beschermingsniveau', (rules) => rules.protectionLevel),
  higher('roundingBase', 'afrondingsbasis', (rules) => rules.roundingBase),
];

/** The rules' fields this module compares, for tests that must cover every one. */
export const FLOOR_FIELDS: readonly string[] = FIELD_RULES.map((rule) => rule.field);

export type StricterOnlyResult = { ok: true; rules: RuleSet; tightened: string[] } | { ok: false; weaker: string[]; message: string };

/**
 * Applies a study's rule set on top of the institution's floor. Accepted when no field is weaker than the floor's:
 * - nothing tightened: the floor itself, unchanged (same name, same digest: the institution's rules are what is used);
 * - some fields tightened: the study's values, named "<study name> (strenger dan <institution name>)", with
 *   `tightened` listing the stricter fields.
 * Refused when any field is weaker: `weaker` lists those fields and `message` (Dutch, for the analyst) names each with
 * both values, says that a study may only make rules stricter, and where the institution's rules live
 * (`floorSource`, a path or a description; the app-data file when not given).
 */
export function stricterOnly(floor: RuleSet, study: RuleSet, studyPath: string, floorSource: string = DEFAULT_FLOOR_SOURCE): StricterOnlyResult {
  const weaker: FieldRule[] = [];
  const tightened: string[] = [];
  for (const rule of FIELD_RULES) {
    const comparison = rule.compare(study, floor);
    if (comparison < 0) weaker.push(rule);
    else if (comparison > 0) tightened.push(rule.field);
  }
  if (weaker.length > 0) {
    const clauses = weaker.map((rule) => rule.weakerText(study, floor));
    const message =
      `De regelset van de studie (${studyPath}, "${study.name}") is op ${weaker.length === 1 ? 'één punt' : `${weaker.length} punten`} ` +
      `zwakker dan die van de instelling ("${floor.name}"): ${clauses.join(', ')}. ` +
      `Een studie mag de regels voor outputcontrole alleen strenger maken, nooit zwakker. ` +
      `De regels van de instelling staan in ${floorSource}; pas de regelset van de studie aan of laat hem weg.`;
    return { ok: false, weaker: weaker.map((rule) => rule.field), message };
  }
  if (tightened.length === 0) return { ok: true, rules: floor, tightened };
  const suffix = `(strenger dan ${floor.name})`;
  // A rule set written out earlier under the combined name keeps that name instead of growing a second suffix.
  const name = study.name.endsWith(suffix) ? study.name : `${study.name} ${suffix}`;
  return { ok: true, rules: { ...study, name }, tightened };
}
