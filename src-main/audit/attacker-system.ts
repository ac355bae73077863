// The attacker's linear system for one or more packages of the same data: variables per cell class, one constraint per printed figure.
import type { Finding } from './audit-findings';
import { buildFamilyClasses } from './family-classes';
import { sumOf, type RangedConstraint } from './linear-expression';
import { buildPopulationClasses } from './population-classes';
import type { ReadPackage } from './read-package';
import { buildRecordVariables } from './record-families';
import { buildFigures } from './system-figures';
import type { ClassTarget, PendingDifference, SystemBuilder, SystemFigure, SystemVariable } from './system-parts';

export interface AttackerSystem {
  readonly packages: readonly string[];
  /** The strictest rules of the packages (they should be equal). */
  readonly rules: { readonly threshold: number; readonly protectionLevel: number };
  readonly variables: readonly SystemVariable[];
  readonly constraints: readonly RangedConstraint[];
  readonly figures: readonly SystemFigure[];
  readonly classTargets: readonly ClassTarget[];
  readonly differences: readonly PendingDifference[];
  readonly findings: readonly Finding[];
}

/**
 * Builds the system. Variables: the households of each population class (atoms no printed population tells apart),
 * the households of each (family atom class × population class) where the family's printed categories use that
 * population class, and each record cell. Each family's classes add up to the population class's households, which
 * is what links families to each other (through population totals that are not pinned).
 */
export function buildAttackerSystem(packages: readonly ReadPackage[]): AttackerSystem {
  const findings: Finding[] = [];
  const variables: SystemVariable[] = [];
  const constraints: RangedConstraint[] = [];
  const newVariable = (label: string): number => variables.push({ label }) - 1;
  const names = packages.map((item) => item.name);

  const thresholds = packages.map((item) => item.definitions.rules.threshold);
  const levels = packages.map((item) => item.definitions.rules.protectionLevel);
  const rules = { threshold: Math.max(...thresholds), protectionLevel: Math.max(...levels) };
  if (new Set(thresholds).size > 1 || new Set(levels).size > 1) {
    findings.push({
      severity: 'warning',
      message:
        'De pakketten gebruiken verschillende regels; getoetst is met de strengste: ' +
        `drempel ${rules.threshold}, beschermingsniveau ${rules.protectionLevel}.`,
    });
  }
  const classTargets: ClassTarget[] = [];
  const builder: SystemBuilder = { constraints, findings, classTargets, newVariable };

  const populations = buildPopulationClasses(packages, names, builder);
  const { populationClasses, populationClassLabel, populationTotals } = populations;
  const countExpression = buildFamilyClasses(packages, names, populations, builder);
  populationClasses.forEach((_, index) =>
    classTargets.push({ label: `huishoudens in ${populationClassLabel(index)}`, expression: sumOf([populationTotals[index] as number]) }),
  );
  const recordVariables = buildRecordVariables(packages, names, builder);
  const { figures, differences } = buildFigures(packages, countExpression, recordVariables, builder);
  return { packages: names, rules, variables, constraints, figures, classTargets, differences, findings };
}
