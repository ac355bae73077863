// All attacks on one package at once: its shares, test inversions and nestings as one system of equations.
import { base, narrowed, noteVia } from './attack-base';
import { resolveTarget } from './category-targets';
import { addFigure, clientFigures } from './client-figures';
import { addNestings } from './nesting-attack';
import type { Package } from './package-reader';
import type { Recovery } from './recoveries';
import { addInversion, invertTests } from './test-inversion-attack';

/** Everything above at once: the package as one system of equations. */
export function jointAttack(pkg: Package): Recovery[] {
  const start = base(pkg);
  const via = new Map<string, string>();
  const system = start.system.clone();
  for (const figure of clientFigures(pkg)) {
    const target = resolveTarget(start.models, figure.feature, figure.category);
    if (!target) continue;
    addFigure(system, target, figure);
    noteVia(via, target.model, 'aandelen');
  }
  for (const inversion of invertTests(pkg, start.models, start.solution)) {
    addInversion(system, inversion);
    noteVia(via, inversion.target.model, 'v-test/p-waarde');
  }
  const nestingVia = new Map<string, string>();
  addNestings(system, start.models, nestingVia);
  for (const model of start.models.values()) if (nestingVia.has(model.feature)) noteVia(via, model, 'geneste kenmerken');
  return narrowed('alles samen', start, system, via);
}
