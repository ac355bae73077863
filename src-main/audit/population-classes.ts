// The population classes of packages of the same data: joint population atoms that no population used by a figure
// tells apart, each with a variable counting its households.
import { classesOf } from './atom-classes';
import { allFigures, countCellsOf } from './figure-cells';
import { jointPopulations } from './joint-populations';
import type { ReadPackage } from './read-package';
import type { SystemBuilder } from './system-parts';

export interface PopulationClasses {
  /** The joint atoms of each class. */
  readonly populationClasses: number[][];
  /** The classes each population used by a figure holds, ascending. */
  readonly populationClassesOf: Map<string, number[]>;
  readonly populationClassLabel: (index: number) => string;
  /** The variable of each class's households. */
  readonly populationTotals: number[];
}

/** The classes, with a failing finding for every population atom that fits no combination with the other packages. */
export function buildPopulationClasses(packages: readonly ReadPackage[], names: readonly string[], builder: SystemBuilder): PopulationClasses {
  const { findings, newVariable } = builder;
  // Population classes: joint atoms that no population used by a figure tells apart.
  const joint = jointPopulations(packages.map((item) => item.definitions.populations));
  for (const orphan of joint.orphans) {
    findings.push({
      severity: 'fail',
      package: names[orphan.packageIndex],
      message:
        `Populatie-atoom ${orphan.atom} past bij geen enkele combinatie met de andere pakketten: ` +
        'de pakketten spreken elkaar tegen over wie in welke populatie zit.',
    });
  }
  const usedPopulations = [
    ...new Set(
      packages.flatMap((item) =>
        allFigures(item.definitions)
          .flatMap(countCellsOf)
          .map((cell) => cell.population),
      ),
    ),
  ].sort();
  const populationClasses = classesOf(
    joint.atoms.length,
    usedPopulations.map((id) => new Set(joint.sets.get(id) ?? [])),
  );
  const classOfJointAtom = new Array<number>(joint.atoms.length).fill(-1);
  populationClasses.forEach((members, index) => members.forEach((atom) => (classOfJointAtom[atom] = index)));
  const populationClassesOf = new Map<string, number[]>(
    usedPopulations.map((id) => [id, [...new Set((joint.sets.get(id) ?? []).map((atom) => classOfJointAtom[atom] as number))].sort((a, b) => a - b)]),
  );
  const jointAtomLabel = (atom: number): string =>
    (joint.atoms[atom] ?? []).map((position, packageIndex) => packages[packageIndex]?.definitions.populations.atoms[position] ?? '?').join(' ∩ ');
  const populationClassLabel = (index: number): string => {
    const exact = usedPopulations.find((id) => {
      const classes = populationClassesOf.get(id) ?? [];
      return classes.length === 1 && classes[0] === index;
    });
    if (exact !== undefined) return joint.labels.get(exact) ?? exact;
    return (populationClasses[index] ?? []).map(jointAtomLabel).join(' + ');
  };
  const populationTotals = populationClasses.map((_, index) => newVariable(`huishoudens in ${populationClassLabel(index)}`));
  return { populationClasses, populationClassesOf, populationClassLabel, populationTotals };
}
