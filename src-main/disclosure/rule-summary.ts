// The disclosure rules actually used, in Dutch: one line for a CSV comment and the output log, a few lines for a report page.
import { ruleSetDigest, type RuleSet } from './rule-set';

/** A whole number of units, Dutch style (1.000). */
export function rulesUnitsText(units: number): string {
  return units.toLocaleString('nl-NL', { maximumFractionDigits: 0 });
}

/** A share of the rule set as a Dutch percentage: 0.9 → "90 %", 0.925 → "92,5 %" (up to two decimals, never rounded to a whole). */
export function rulesPercentText(share: number): string {
  return `${(share * 100).toLocaleString('nl-NL', { maximumFractionDigits: 2, useGrouping: false })} %`;
}

/** What the zero-cell setting means, in words. */
export function zeroCellsText(zeroCells: RuleSet['zeroCells']): string {
  return zeroCells === 'review' ? 'ter beoordeling' : 'toegestaan';
}

/**
 * The rule set's name made safe for one line of a CSV comment: no ';' (the CSV delimiter), no line breaks or
 * other control characters, no runs of spaces.
 */
function oneLineName(name: string): string {
  return (
    name
      .replace(/;/g, ',')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** The first 12 hex digits of the rule set's SHA-256: enough to tell rule sets apart on a page; the log has the whole digest. */
function shortDigest(rules: RuleSet): string {
  return ruleSetDigest(rules).slice(0, 12);
}

/** The thresholds, in the order of the one-line summary. */
function ruleParts(rules: RuleSet): string[] {
  return [
    `drempel ${rulesUnitsText(rules.threshold)}`,
    `nulcellen ${zeroCellsText(rules.zeroCells)}`,
    `statistieken over ten minste ${rulesUnitsText(rules.statisticThreshold)} eenheden`,
    `dominantie ${rulesUnitsText(rules.dominance.n)} grootste ≥ ${rulesPercentText(rules.dominance.k)}`,
    `p%-regel ${rulesPercentText(rules.pPercent)}`,
    `groepsonthulling vanaf ${rulesPercentText(rules.groupShare)}`,
    `clusters vanaf ${rulesUnitsText(rules.clusterMinimum)} huishoudens`,
    `modellen met ten minste ${rulesUnitsText(rules.residualDegreesOfFreedom)} vrijheidsgraden`,
    `beschermingsniveau ${rulesUnitsText(rules.protectionLevel)}`,
    `afronding op ${rulesUnitsText(rules.roundingBase)}`,
  ];
}

/**
 * One Dutch line with the rule set's name, the start of its SHA-256 and every threshold it holds, e.g.
 * "Regelset Groepsbeeld standaard (SHA-256 0123456789ab): drempel 10, nulcellen ter beoordeling, …, afronding op 10."
 * It never holds ';' or a line break, so it fits a CSV comment line; it goes on every report page, at the top of
 * every CSV and in the output log.
 */
export function ruleSummary(rules: RuleSet): string {
  return `Regelset ${oneLineName(rules.name)} (SHA-256 ${shortDigest(rules)}): ${ruleParts(rules).join(', ')}.`;
}

/** The same facts as a few short lines for a report page. */
export function ruleSummaryLines(rules: RuleSet): string[] {
  return [
    `Regelset ${oneLineName(rules.name)} (SHA-256 ${shortDigest(rules)})`,
    `Aantallen: drempel ${rulesUnitsText(rules.threshold)}, nulcellen ${zeroCellsText(rules.zeroCells)}`,
    `Statistieken over ten minste ${rulesUnitsText(rules.statisticThreshold)} eenheden, ` +
      `modellen met ten minste ${rulesUnitsText(rules.residualDegreesOfFreedom)} vrijheidsgraden`,
    `Bedragen: dominantie ${rulesUnitsText(rules.dominance.n)} grootste ≥ ${rulesPercentText(rules.dominance.k)}, p%-regel ${rulesPercentText(rules.pPercent)}`,
    `Groepsonthulling vanaf ${rulesPercentText(rules.groupShare)}, clusters vanaf ${rulesUnitsText(rules.clusterMinimum)} huishoudens`,
    `Bescherming: beschermingsniveau ${rulesUnitsText(rules.protectionLevel)}, afronding op ${rulesUnitsText(rules.roundingBase)}`,
  ];
}
