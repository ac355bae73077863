// The linear programs of the system's components, and every target split into a constant and one part per component
// it touches, over the shifted variables x' = x - lower of the variables presolve left free.
import type { LinearConstraint } from '../disclosure/linear-program';
import type { SystemComponent } from './components';
import { UNKNOWN, type IntervalRequest, type Knowledge } from './interval-targets';
import { hasWholeCoefficients, type RangedConstraint } from './linear-expression';
import type { PresolvedSystem } from './presolve';

/** Where each free variable sits: its component, and its index within the component. */
export type ComponentPlaces = ReadonlyMap<number, { component: number; local: number }>;

export interface Part {
  readonly request: number;
  readonly component: number;
  /** (local variable of the component, coefficient), over the shifted variables x' = x - lower. */
  readonly terms: readonly (readonly [number, number])[];
  readonly lazy: boolean;
  knowledge: Knowledge;
  solved: { lower: boolean; upper: boolean };
}

/** Each component's program over x' = x - lower >= 0. */
export function componentPrograms(system: PresolvedSystem, components: readonly SystemComponent[], componentOf: ComponentPlaces): LinearConstraint[][] {
  return components.map((component) => {
    const rows: LinearConstraint[] = [];
    const width = component.variables.length;
    for (const rowIndex of component.rows) {
      const row = system.rows[rowIndex] as RangedConstraint;
      const coefficients = new Array<number>(width).fill(0);
      let shift = 0;
      for (const { variable, coefficient } of row.terms) {
        coefficients[componentOf.get(variable)?.local as number] = coefficient;
        shift += coefficient * (system.lower[variable] as number);
      }
      if (row.lower === row.upper) rows.push({ coefficients, relation: '=', rhs: row.lower - shift });
      else {
        if (row.lower !== -Infinity) rows.push({ coefficients, relation: '>=', rhs: row.lower - shift });
        if (row.upper !== Infinity) rows.push({ coefficients, relation: '<=', rhs: row.upper - shift });
      }
    }
    component.variables.forEach((variable, local) => {
      const upper = system.upper[variable] as number;
      if (system.explicitUpper[variable] && upper !== Infinity) {
        const coefficients = new Array<number>(width).fill(0);
        coefficients[local] = 1;
        rows.push({ coefficients, relation: '<=', rhs: upper - (system.lower[variable] as number) });
      }
    });
    return rows;
  });
}

export interface TargetParts {
  /** Per request: what its variables fixed by presolve (and the shift) add. */
  readonly constants: number[];
  /** Per request: whether its coefficients are all whole. */
  readonly whole: boolean[];
  /** Per request: its parts. */
  readonly partsOf: Part[][];
  /** Per component: the parts in it. */
  readonly partsIn: Part[][];
}

/** Splits every target into a constant and one part per component it touches. */
export function targetParts(
  system: PresolvedSystem,
  components: readonly SystemComponent[],
  componentOf: ComponentPlaces,
  requests: readonly IntervalRequest[],
): TargetParts {
  const constants: number[] = [];
  const whole: boolean[] = [];
  const partsOf: Part[][] = requests.map(() => []);
  const partsIn: Part[][] = components.map(() => []);
  requests.forEach((request, index) => {
    let constant = 0;
    const byComponent = new Map<number, [number, number][]>();
    for (const { variable, coefficient } of request.target) {
      constant += coefficient * (system.lower[variable] as number);
      const place = componentOf.get(variable);
      if (place === undefined) continue;
      let terms = byComponent.get(place.component);
      if (!terms) {
        terms = [];
        byComponent.set(place.component, terms);
      }
      terms.push([place.local, coefficient]);
    }
    constants.push(constant);
    whole.push(hasWholeCoefficients(request.target));
    // A check (a target with a verdict callback) within one component may stop early; any other target gets both sides.
    const lazy = byComponent.size === 1 && request.settled !== undefined;
    for (const [component, terms] of byComponent) {
      // Bounds from presolve alone (x' in [0, upper - lower]).
      let lowerProven = 0;
      let upperProven = 0;
      const variables = components[component]?.variables ?? [];
      for (const [local, coefficient] of terms) {
        const variable = variables[local] as number;
        const room = (system.upper[variable] as number) - (system.lower[variable] as number);
        if (coefficient > 0) upperProven += coefficient * room;
        else lowerProven += coefficient * room;
      }
      const part: Part = {
        request: index,
        component,
        terms,
        lazy,
        knowledge: { ...UNKNOWN, lowerProven, upperProven },
        solved: { lower: false, upper: false },
      };
      partsOf[index]?.push(part);
      partsIn[component]?.push(part);
    }
  });
  return { constants, whole, partsOf, partsIn };
}
