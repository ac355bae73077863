// Running an attack: the base system (the comparison tables alone) against the base plus the attack's constraints,
// and the hidden client cells the attack narrowed.
import { comparisonModels, type ComparisonModel } from './comparison-models';
import { IntegerSystem, type Domains } from './integer-system';
import type { Package } from './package-reader';
import { recovery, type Recovery } from './recoveries';

export interface Base {
  system: IntegerSystem;
  models: Map<string, ComparisonModel>;
  solution: Domains;
}

export function base(pkg: Package): Base {
  const system = new IntegerSystem();
  const models = comparisonModels(pkg, system);
  const solution = system.solve();
  if (!solution) throw new Error('The comparison tables contradict themselves as read: the reader is wrong.');
  return { system, models, solution };
}

/** The hidden client cells the attack narrowed, with their intervals (nothing when its constraints contradict). */
export function narrowed(attack: string, start: Base, system: IntegerSystem, via: Map<string, string>): Recovery[] {
  const solution = system.solve();
  if (!solution) return [];
  const found: Recovery[] = [];
  for (const model of start.models.values()) {
    for (const cell of model.hidden) {
      const before = start.solution.get(cell)!;
      const after = solution.get(cell)!;
      if (after.hi - after.lo < before.hi - before.lo)
        found.push(recovery(attack, cell, after.lo, after.hi, via.get(model.feature) ?? 'samen met de tabel zelf'));
    }
  }
  return found;
}

export function noteVia(via: Map<string, string>, model: ComparisonModel, source: string): void {
  const earlier = via.get(model.feature);
  if (!earlier?.includes(source)) via.set(model.feature, earlier ? `${earlier}; ${source}` : source);
}
