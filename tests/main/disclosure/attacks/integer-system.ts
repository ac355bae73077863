// An attacker's integer solver over a package's figures (read as integer ranges): bounds on integer cells, linear
// constraints lo <= sum(a x) <= hi, propagated to a fixpoint and then, where few cells remain open, enumerated to the
// exact integer hull (what an ILP attacker gets).
import { figureRange, type Figure, type Range } from './package-reader';

export const BIG = 1e9;
export const EPS = 1e-7;

interface Term {
  name: string;
  a: number;
}

interface Constraint {
  terms: Term[];
  lo: number;
  hi: number;
  why: string;
}

export type Domains = Map<string, Range>;

export class IntegerSystem {
  readonly domains: Domains = new Map();
  readonly constraints: Constraint[] = [];

  declare(name: string, lo = 0, hi = BIG): void {
    const current = this.domains.get(name);
    const next = { lo: Math.ceil(lo - EPS), hi: Math.floor(hi + EPS) };
    this.domains.set(name, current ? { lo: Math.max(current.lo, next.lo), hi: Math.min(current.hi, next.hi) } : next);
  }

  add(terms: readonly [string, number][], lo: number, hi: number, why: string): void {
    for (const [name] of terms) if (!this.domains.has(name)) this.declare(name);
    this.constraints.push({ terms: terms.map(([name, a]) => ({ name, a })), lo, hi, why });
  }

  equal(terms: readonly [string, number][], value: number, why: string): void {
    this.add(terms, value, value, why);
  }

  clone(): IntegerSystem {
    const copy = new IntegerSystem();
    for (const [name, range] of this.domains) copy.domains.set(name, { ...range });
    copy.constraints.push(...this.constraints);
    return copy;
  }

  /** The tightest integer intervals the constraints allow, or null when they contradict each other. */
  solve(): Domains | null {
    const domains: Domains = new Map([...this.domains].map(([name, range]) => [name, { ...range }]));
    if (!propagate(domains, this.constraints)) return null;
    if (!enumerate(domains, this.constraints)) return null;
    return domains;
  }
}

function termBounds(domains: Domains, term: Term): [number, number] {
  const range = domains.get(term.name)!;
  return term.a > 0 ? [term.a * range.lo, term.a * range.hi] : [term.a * range.hi, term.a * range.lo];
}

function propagate(domains: Domains, constraints: readonly Constraint[]): boolean {
  for (let round = 0; round < 10_000; round++) {
    let changed = false;
    for (const constraint of constraints) {
      const bounds = constraint.terms.map((term) => termBounds(domains, term));
      const minSum = bounds.reduce((sum, [lo]) => sum + lo, 0);
      const maxSum = bounds.reduce((sum, [, hi]) => sum + hi, 0);
      if (minSum > constraint.hi + EPS || maxSum < constraint.lo - EPS) return false;
      constraint.terms.forEach((term, index) => {
        const [ownMin, ownMax] = bounds[index]!;
        const restMin = minSum - ownMin;
        const restMax = maxSum - ownMax;
        const low = constraint.lo - restMax;
        const high = constraint.hi - restMin;
        const [lo, hi] = term.a > 0 ? [low / term.a, high / term.a] : [high / term.a, low / term.a];
        const range = domains.get(term.name)!;
        const nextLo = Math.max(range.lo, Math.ceil(lo - EPS));
        const nextHi = Math.min(range.hi, Math.floor(hi + EPS));
        if (nextLo !== range.lo || nextHi !== range.hi) {
          range.lo = nextLo;
          range.hi = nextHi;
          changed = true;
        }
      });
      if (constraint.terms.some((term) => domains.get(term.name)!.lo > domains.get(term.name)!.hi)) return false;
    }
    if (!changed) return true;
  }
  return true;
}

/** Exact integer hulls of the open cells, component by component, where the search is small enough. */
function enumerate(domains: Domains, constraints: readonly Constraint[]): boolean {
  const open = [...domains].filter(([, range]) => range.hi > range.lo && range.hi - range.lo < 1000).map(([name]) => name);
  const seen = new Set<string>();
  for (const start of open) {
    if (seen.has(start)) continue;
    const component = new Set<string>([start]);
    const queue = [start];
    while (queue.length > 0) {
      const name = queue.pop()!;
      for (const constraint of constraints) {
        if (!constraint.terms.some((term) => term.name === name)) continue;
        for (const term of constraint.terms) {
          const range = domains.get(term.name)!;
          if (!component.has(term.name) && range.hi > range.lo) {
            if (range.hi - range.lo >= 1000) continue;
            component.add(term.name);
            queue.push(term.name);
          }
        }
      }
    }
    for (const name of component) seen.add(name);
    const names = [...component].sort((a, b) => domains.get(a)!.hi - domains.get(a)!.lo - (domains.get(b)!.hi - domains.get(b)!.lo));
    const size = names.reduce((product, name) => product * (domains.get(name)!.hi - domains.get(name)!.lo + 1), 1);
    if (size > 5e6) continue;
    const involved = constraints.filter((constraint) => constraint.terms.some((term) => component.has(term.name)));
    const hull = new Map(names.map((name) => [name, { lo: Number.POSITIVE_INFINITY, hi: Number.NEGATIVE_INFINITY }]));
    const value = new Map<string, number>();
    const fits = (constraint: Constraint): boolean => {
      let lo = 0;
      let hi = 0;
      for (const term of constraint.terms) {
        const assigned = value.get(term.name);
        if (assigned !== undefined) {
          lo += term.a * assigned;
          hi += term.a * assigned;
        } else {
          const [tlo, thi] = termBounds(domains, term);
          lo += tlo;
          hi += thi;
        }
      }
      return lo <= constraint.hi + EPS && hi >= constraint.lo - EPS;
    };
    const search = (depth: number): void => {
      if (depth === names.length) {
        for (const name of names) {
          const range = hull.get(name)!;
          const assigned = value.get(name)!;
          range.lo = Math.min(range.lo, assigned);
          range.hi = Math.max(range.hi, assigned);
        }
        return;
      }
      const name = names[depth]!;
      const range = domains.get(name)!;
      for (let candidate = range.lo; candidate <= range.hi; candidate++) {
        value.set(name, candidate);
        if (involved.every(fits)) search(depth + 1);
      }
      value.delete(name);
    };
    search(0);
    for (const [name, range] of hull) {
      if (range.lo > range.hi) return false;
      domains.set(name, range);
    }
  }
  return true;
}

export function integerRange(figure: Figure | undefined): Range | null {
  if (!figure) return null;
  const range = figureRange(figure);
  if (!range) return null;
  return { lo: Math.ceil(range.lo - EPS), hi: Math.floor(range.hi + EPS) };
}

export function integersIn(range: Range | null, lo: number, hi: number): number[] {
  const from = Math.max(lo, range ? Math.ceil(range.lo - EPS) : lo);
  const to = Math.min(hi, range ? Math.floor(range.hi + EPS) : hi);
  const values: number[] = [];
  for (let value = from; value <= to; value++) values.push(value);
  return values;
}

export function within(range: Range | null, value: number, absolute = 1e-9): boolean {
  return range === null || (value >= range.lo - absolute && value <= range.hi + absolute);
}
