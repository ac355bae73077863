// The families of packages of the same data in the attacker's system: merged across packages, split into atom classes
// by the category sets their figures print, one variable per class and population class; and the counts in them.
import type { CountCellDefinition, FamilyDefinition } from '../publication/definitions-file';
import { classesOf } from './atom-classes';
import { allFigures, countCellsOf } from './figure-cells';
import { combine, sumOf, type LinearExpression } from './linear-expression';
import type { PopulationClasses } from './population-classes';
import type { ReadPackage } from './read-package';
import type { SystemBuilder } from './system-parts';

interface MergedFamily {
  readonly label: string;
  readonly definition: FamilyDefinition;
  /** Atom classes: indices into definition.atoms. */
  classes: number[][];
  /** Variable of (class, population class), where the family is used with that population class. */
  readonly variables: Map<string, number>;
}

function familyKey(family: FamilyDefinition): string {
  return JSON.stringify([family.id, family.features, family.atoms.map((atom) => atom.join('\u0000')).sort()]);
}

/** A count cell of a package's definitions in terms of the variables. */
export type CountExpression = (packageIndex: number, cell: CountCellDefinition) => LinearExpression;

/**
 * Adds every family's class variables, each class with a target to check, and per population class the equation
 * that the family's classes add up to its households. Returns how a count cell reads in the variables.
 */
export function buildFamilyClasses(
  packages: readonly ReadPackage[],
  names: readonly string[],
  populations: PopulationClasses,
  builder: SystemBuilder,
): CountExpression {
  const { constraints, classTargets, newVariable } = builder;
  const { populationClassesOf, populationClassLabel, populationTotals } = populations;
  // Families: the same id, features and atoms in two packages are one family.
  const families: MergedFamily[] = [];
  const familyIndex = packages.map(() => new Map<string, number>());
  const byKey = new Map<string, number>();
  packages.forEach((item, packageIndex) => {
    for (const family of item.definitions.families) {
      const key = familyKey(family);
      let index = byKey.get(key);
      if (index === undefined) {
        const clash = families.some((other) => other.definition.id === family.id);
        index =
          families.push({ label: clash ? `${family.id} (${names[packageIndex]})` : family.id, definition: family, classes: [], variables: new Map() }) - 1;
        byKey.set(key, index);
      }
      familyIndex[packageIndex]?.set(family.id, index);
    }
  });
  const familyOf = (packageIndex: number, id: string): MergedFamily => families[familyIndex[packageIndex]?.get(id) as number] as MergedFamily;
  // The atoms of a category set, per family definition (the same set is printed by many figures).
  const atomSets = new Map<FamilyDefinition, Map<string, Set<number>>>();
  const atomsWith = (family: FamilyDefinition, feature: string, codes: readonly string[]): Set<number> => {
    let known = atomSets.get(family);
    if (!known) atomSets.set(family, (known = new Map()));
    const key = `${feature}\u0000${[...codes].sort().join('\u0000')}`;
    const cached = known.get(key);
    if (cached) return cached;
    const position = family.features.indexOf(feature);
    const wanted = new Set(codes);
    const atoms = new Set(family.atoms.flatMap((atom, index) => (wanted.has(atom[position] as string) ? [index] : [])));
    known.set(key, atoms);
    return atoms;
  };

  // Atom classes per family from the category sets its figures print; population classes each family is used with.
  const categorySets = families.map(() => new Map<string, Set<number>>());
  const usedWith = families.map(() => new Set<number>());
  packages.forEach((item, packageIndex) => {
    for (const cell of allFigures(item.definitions).flatMap(countCellsOf)) {
      if (cell.codes === null) continue;
      const index = familyIndex[packageIndex]?.get(cell.family) as number;
      const family = families[index] as MergedFamily;
      categorySets[index]?.set(`${cell.feature}\u0000${[...cell.codes].sort().join('\u0000')}`, atomsWith(family.definition, cell.feature, cell.codes));
      for (const populationClass of populationClassesOf.get(cell.population) ?? []) usedWith[index]?.add(populationClass);
    }
  });
  const categoryLabel = (family: FamilyDefinition, position: number, code: string): string =>
    family.categories[position]?.find((category) => category.code === code)?.label ?? code;
  const codeCounts = new Map<FamilyDefinition, number[]>();
  const codeCount = (family: FamilyDefinition, position: number): number => {
    let counts = codeCounts.get(family);
    if (!counts) codeCounts.set(family, (counts = family.features.map((_, index) => new Set(family.atoms.map((atom) => atom[index])).size)));
    return counts[position] as number;
  };
  const classLabel = (family: FamilyDefinition, members: readonly number[]): string =>
    family.features
      .map((feature, position) => {
        const codes = [...new Set(members.map((atom) => family.atoms[atom]?.[position] as string))];
        if (codes.length === codeCount(family, position) && codes.length > 1) return null;
        return codes.length === 1
          ? `${feature} = ${categoryLabel(family, position, codes[0] as string)}`
          : `${feature} ∈ {${codes.map((code) => categoryLabel(family, position, code)).join(', ')}}`;
      })
      .filter((part): part is string => part !== null)
      .join(', ') || 'alle categorieën';
  families.forEach((family, index) => {
    const sets = [...(categorySets[index] ?? new Map<string, Set<number>>()).values()];
    if (sets.length === 0) return;
    family.classes = classesOf(family.definition.atoms.length, sets);
    const labels = family.classes.map((atoms) => `${family.label}: ${classLabel(family.definition, atoms)}`);
    for (const populationClass of [...(usedWith[index] ?? [])].sort((a, b) => a - b)) {
      const members = family.classes.map((_, classIndex) => {
        const label = `${labels[classIndex]}, in ${populationClassLabel(populationClass)}`;
        const variable = newVariable(label);
        family.variables.set(`${classIndex}/${populationClass}`, variable);
        classTargets.push({ label, expression: sumOf([variable]) });
        return variable;
      });
      constraints.push({
        terms: combine(sumOf(members), 1, sumOf([populationTotals[populationClass] as number]), -1),
        lower: 0,
        upper: 0,
        source: `${family.label}: de categorieën tellen op tot de huishoudens in ${populationClassLabel(populationClass)}`,
      });
    }
  });

  const countExpressions = new Map<string, LinearExpression>();
  const countExpression = (packageIndex: number, cell: CountCellDefinition): LinearExpression => {
    const key = JSON.stringify([familyIndex[packageIndex]?.get(cell.family), cell.feature, cell.codes, cell.population]);
    let expression = countExpressions.get(key);
    if (expression === undefined) {
      expression = newCountExpression(packageIndex, cell);
      countExpressions.set(key, expression);
    }
    return expression;
  };
  function newCountExpression(packageIndex: number, cell: CountCellDefinition): LinearExpression {
    const populationClassList = populationClassesOf.get(cell.population) ?? [];
    if (cell.codes === null) return sumOf(populationClassList.map((index) => populationTotals[index] as number));
    const family = familyOf(packageIndex, cell.family);
    const atoms = atomsWith(family.definition, cell.feature, cell.codes);
    const classes = family.classes.flatMap((members, classIndex) => (atoms.has(members[0] as number) ? [classIndex] : []));
    return sumOf(
      classes.flatMap((classIndex) => populationClassList.map((populationClass) => family.variables.get(`${classIndex}/${populationClass}`) as number)),
    );
  }
  return countExpression;
}
