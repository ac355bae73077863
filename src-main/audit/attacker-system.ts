// The attacker's linear system for one or more packages of the same data: variables per cell class, one constraint per printed figure.
import type { CountCellDefinition, FamilyDefinition, FigureDefinition, PackageDefinitions } from '../publication/definitions-file';
import { classesOf } from './atom-classes';
import type { Finding } from './audit-findings';
import { jointPopulations } from './joint-populations';
import { combine, linearExpression, sumOf, type LinearExpression, type RangedConstraint } from './linear-expression';
import type { PrintedValue, ReadPackage } from './read-package';

export interface SystemVariable {
  /** Dutch: which households (or records) the variable counts. */
  readonly label: string;
}

export interface ShareMeaning {
  readonly numerator: LinearExpression;
  readonly denominator: LinearExpression;
}

/** A figure in terms of the variables. Counts, shares and records are linear; the rest only names its inputs. */
export type FigureMeaning =
  | { readonly kind: 'count'; readonly expression: LinearExpression }
  | ({ readonly kind: 'share' } & ShareMeaning)
  | ({ readonly kind: 'shareAtLeast'; readonly floor: number } & ShareMeaning)
  | { readonly kind: 'difference'; readonly minuend: ShareMeaning; readonly subtrahend: ShareMeaning }
  | { readonly kind: 'record'; readonly expression: LinearExpression }
  | { readonly kind: 'statistic'; readonly statistic: 'residual' | 'chiSquare' | 'vTest' | 'pValue'; readonly inputs: readonly LinearExpression[] }
  | { readonly kind: 'amount'; readonly units: LinearExpression }
  | { readonly kind: 'model' };

export interface SystemFigure {
  readonly packageIndex: number;
  readonly package: string;
  readonly output: string;
  /** Null for a figure printed in an output's notes. */
  readonly row: number | null;
  readonly column: number | null;
  readonly label: string;
  /** Null for a figure in the notes: the package holds no value for it. */
  readonly printed: PrintedValue | null;
  readonly meaning: FigureMeaning;
}

/** A cell class the audit checks for being certainly small: one variable. */
export interface ClassTarget {
  readonly label: string;
  readonly expression: LinearExpression;
}

/** A printed difference of two shares, linear only once both denominators are known to be pinned. */
export interface PendingDifference {
  readonly figure: SystemFigure;
  readonly minuend: ShareMeaning;
  readonly subtrahend: ShareMeaning;
  /** The printed difference in percentage points, and how far the true difference may lie from it. */
  readonly value: number;
  readonly halfWidth: number;
}

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
 * Half the base: the contract of definities.json ("each count is known to within half the base"), which holds for
 * publication/precision.ts (the nearest multiple). Controlled rounding (disclosure/controlled-rounding.ts) may move a
 * count to either neighbouring multiple, up to base - 1 away: a package rounded that way can make this system
 * inconsistent, and the audit then says so.
 */
export function roundingHalfWidth(base: number): number {
  return base / 2;
}

/** Half a unit of the last printed decimal: "16,8" lies in [16,75; 16,85]. */
export function halfUnit(decimals: number): number {
  return 0.5 * 10 ** -decimals;
}

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

function recordKey(family: PackageDefinitions['recordFamilies'][number]): string {
  return JSON.stringify([family.id, family.cells.map((cell) => cell.id).sort(), family.relations.map((relation) => JSON.stringify(relation)).sort()]);
}

/** Every count cell a figure mentions. */
function countCellsOf(figure: FigureDefinition): CountCellDefinition[] {
  switch (figure.kind) {
    case 'count':
      return [figure.cell];
    case 'share':
    case 'shareAtLeast':
      return [figure.numerator, figure.denominator];
    case 'difference':
      return [...countCellsOf(figure.minuend), ...countCellsOf(figure.subtrahend)];
    case 'amount':
      return [figure.units];
    case 'record':
    case 'model':
      return [];
    default:
      return [...figure.inputs];
  }
}

function allFigures(definitions: PackageDefinitions): FigureDefinition[] {
  return definitions.outputs.flatMap((output) => [...output.cells.map((cell) => cell.figure), ...output.notes]);
}

/** The largest whole count below a printed bound "< value". */
function belowBound(value: number): number {
  return Math.ceil(value) - 1;
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
      message: `De pakketten gebruiken verschillende regels; getoetst is met de strengste: drempel ${rules.threshold}, beschermingsniveau ${rules.protectionLevel}.`,
    });
  }

  // Population classes: joint atoms that no population used by a figure tells apart.
  const joint = jointPopulations(packages.map((item) => item.definitions.populations));
  for (const orphan of joint.orphans) {
    findings.push({
      severity: 'fail',
      package: names[orphan.packageIndex],
      message: `Populatie-atoom ${orphan.atom} past bij geen enkele combinatie met de andere pakketten: de pakketten spreken elkaar tegen over wie in welke populatie zit.`,
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
  const classTargets: ClassTarget[] = [];
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
  populationClasses.forEach((_, index) =>
    classTargets.push({ label: `huishoudens in ${populationClassLabel(index)}`, expression: sumOf([populationTotals[index] as number]) }),
  );

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

  // Record families: one variable per cell; sums are equations, "at most" inequalities.
  const recordVariables = packages.map(() => new Map<string, Map<string, number>>());
  const recordByKey = new Map<string, Map<string, number>>();
  const recordIds = new Set<string>();
  packages.forEach((item, packageIndex) => {
    for (const family of item.definitions.recordFamilies) {
      const key = recordKey(family);
      let cells = recordByKey.get(key);
      if (cells === undefined) {
        const label = recordIds.has(family.id) ? `${family.id} (${names[packageIndex]})` : family.id;
        recordIds.add(family.id);
        const created = new Map(family.cells.map((cell) => [cell.id, newVariable(`${label}: ${cell.label}`)] as const));
        for (const cell of family.cells) classTargets.push({ label: `${label}: ${cell.label}`, expression: sumOf([created.get(cell.id) as number]) });
        for (const relation of family.relations) {
          if (relation.kind === 'sum') {
            const parts = sumOf(relation.parts.map((part) => created.get(part) as number));
            constraints.push({
              terms: combine(parts, 1, sumOf([created.get(relation.total) as number]), -1),
              lower: 0,
              upper: 0,
              source: `${label}: ${relation.total} is de som van ${relation.parts.join(', ')}`,
            });
          } else {
            const terms = combine(sumOf([created.get(relation.part) as number]), 1, sumOf([created.get(relation.whole) as number]), -1);
            constraints.push({ terms, lower: -Infinity, upper: 0, source: `${label}: ${relation.part} is ten hoogste ${relation.whole}` });
          }
        }
        cells = created;
        recordByKey.set(key, cells);
      }
      recordVariables[packageIndex]?.set(family.id, cells);
    }
  });

  const meaningOf = (packageIndex: number, figure: FigureDefinition): FigureMeaning => {
    const count = (cell: CountCellDefinition): LinearExpression => countExpression(packageIndex, cell);
    switch (figure.kind) {
      case 'count':
        return { kind: 'count', expression: count(figure.cell) };
      case 'share':
        return { kind: 'share', numerator: count(figure.numerator), denominator: count(figure.denominator) };
      case 'shareAtLeast':
        return { kind: 'shareAtLeast', floor: figure.floor, numerator: count(figure.numerator), denominator: count(figure.denominator) };
      case 'difference':
        return {
          kind: 'difference',
          minuend: { numerator: count(figure.minuend.numerator), denominator: count(figure.minuend.denominator) },
          subtrahend: { numerator: count(figure.subtrahend.numerator), denominator: count(figure.subtrahend.denominator) },
        };
      case 'record':
        return { kind: 'record', expression: sumOf([recordVariables[packageIndex]?.get(figure.family)?.get(figure.cell) as number]) };
      case 'amount':
        return { kind: 'amount', units: count(figure.units) };
      case 'model':
        return { kind: 'model' };
      default:
        return { kind: 'statistic', statistic: figure.kind, inputs: figure.inputs.map(count) };
    }
  };

  const figures: SystemFigure[] = [];
  const differences: PendingDifference[] = [];
  packages.forEach((item, packageIndex) => {
    const { counts } = item.definitions;
    for (const output of item.outputs) {
      for (const cell of output.cells) {
        const figure: SystemFigure = {
          packageIndex,
          package: item.name,
          output: output.id,
          row: cell.row,
          column: cell.column,
          label: cell.label,
          printed: cell.printed,
          meaning: meaningOf(packageIndex, cell.figure),
        };
        figures.push(figure);
        const source = `${item.name}: ${output.csv}, ${cell.label}`;
        const { printed } = cell;
        const { meaning } = figure;
        if (printed.kind === 'text' && (meaning.kind === 'count' || meaning.kind === 'record')) {
          findings.push({
            severity: 'warning',
            package: item.name,
            output: output.id,
            row: cell.row,
            column: cell.column,
            label: cell.label,
            message: `Een aantal staat in woorden zonder getal ("${printed.text}"); het telt niet mee in het stelsel van de aanvaller.`,
          });
        }
        if (printed.kind !== 'number' && printed.kind !== 'below') continue;
        if (meaning.kind === 'count' || meaning.kind === 'record') {
          if (printed.kind === 'below') {
            constraints.push({ terms: meaning.expression, lower: 0, upper: belowBound(printed.value), source });
          } else if (meaning.kind === 'count' && counts.method === 'rounded') {
            const half = roundingHalfWidth(counts.base);
            constraints.push({ terms: meaning.expression, lower: Math.max(0, printed.value - half), upper: printed.value + half, source });
          } else {
            constraints.push({ terms: meaning.expression, lower: printed.value, upper: printed.value, source });
          }
        } else if (meaning.kind === 'share') {
          const half = printed.kind === 'below' ? 0 : halfUnit(printed.decimals);
          const top = (printed.value + half) / 100;
          const bottom = (printed.value - half) / 100;
          // Under rounding the share is computed from the rounded counts, each within `slack` of the true one:
          // n' <= top·d' gives n <= top·d + slack·(1 + top), and n' >= bottom·d' gives n >= bottom·d - slack·(1 + bottom).
          const slack = counts.method === 'rounded' ? roundingHalfWidth(counts.base) : 0;
          // A printed share has a denominator of at least one household.
          constraints.push({ terms: meaning.denominator, lower: 1, upper: Infinity, source: `${source} (een aandeel heeft een noemer)` });
          constraints.push({ terms: combine(meaning.numerator, 1, meaning.denominator, -top), lower: -Infinity, upper: slack * (1 + top), source });
          if (printed.kind === 'number' && bottom > 0) {
            constraints.push({ terms: combine(meaning.numerator, 1, meaning.denominator, -bottom), lower: -slack * (1 + bottom), upper: Infinity, source });
          }
        } else if (meaning.kind === 'shareAtLeast') {
          // "80 % of meer": the writer decides it on the true counts.
          constraints.push({ terms: meaning.denominator, lower: 1, upper: Infinity, source: `${source} (een aandeel heeft een noemer)` });
          constraints.push({ terms: combine(meaning.numerator, 1, meaning.denominator, -meaning.floor / 100), lower: 0, upper: Infinity, source });
        } else if (meaning.kind === 'difference' && printed.kind === 'number') {
          // The difference of the two shares as printed (each rounded): the true difference lies within two half units.
          differences.push({
            figure,
            minuend: meaning.minuend,
            subtrahend: meaning.subtrahend,
            value: printed.value,
            halfWidth: 2 * halfUnit(printed.decimals),
          });
        }
      }
      output.notes.forEach((note, index) => {
        const meaning = meaningOf(packageIndex, note);
        const label = `toelichting ${index + 1}`;
        figures.push({ packageIndex, package: item.name, output: output.id, row: null, column: null, label, printed: null, meaning });
        if (
          meaning.kind === 'count' ||
          meaning.kind === 'share' ||
          meaning.kind === 'shareAtLeast' ||
          meaning.kind === 'difference' ||
          meaning.kind === 'record'
        ) {
          findings.push({
            severity: 'fail',
            package: item.name,
            output: output.id,
            label,
            message: 'Een aantal of aandeel in de toelichting heeft geen waarde in het pakket: de auditor kan niet nagaan wat het prijsgeeft.',
          });
        }
      });
    }
  });
  return { packages: names, rules, variables, constraints, figures, classTargets, differences, findings };
}

/** The difference of two shares as a linear constraint, once both denominators are known exactly. */
export function differenceConstraint(difference: PendingDifference, minuendDenominator: number, subtrahendDenominator: number): RangedConstraint {
  const terms = linearExpression([
    ...difference.minuend.numerator.map((term) => ({ variable: term.variable, coefficient: (100 * term.coefficient) / minuendDenominator })),
    ...difference.subtrahend.numerator.map((term) => ({ variable: term.variable, coefficient: (-100 * term.coefficient) / subtrahendDenominator })),
  ]);
  const { figure } = difference;
  return {
    terms,
    lower: difference.value - difference.halfWidth,
    upper: difference.value + difference.halfWidth,
    source: `${figure.package}: uitvoer ${figure.output}, ${figure.label} (verschil van aandelen)`,
  };
}
