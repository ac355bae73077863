// Attacks by shares of all clients published outside the comparison tables: of the same category, or of a coarser
// one that is a sum of the table's categories.
import { base, narrowed, noteVia } from './attack-base';
import { resolveTarget } from './category-targets';
import { addFigure, clientFigures } from './client-figures';
import type { Package } from './package-reader';
import type { Recovery } from './recoveries';

/**
 * Shares (and counts) of the same category for the same population published elsewhere: "17 % van alle klanten"
 * with N = 191 puts a hidden comparison cell in [32, 33]; the table's own total does the rest.
 */
export function shareAttack(pkg: Package): Recovery[] {
  const start = base(pkg);
  const system = start.system.clone();
  const via = new Map<string, string>();
  for (const figure of clientFigures(pkg)) {
    const target = resolveTarget(start.models, figure.feature, figure.category);
    if (!target || target.how !== 'direct') continue;
    addFigure(system, target, figure);
    noteVia(via, target.model, figure.source);
  }
  return narrowed('aandelen', start, system, via);
}

/** Coarser categories as sums of the table's: composition "Paar 50 %" of all clients = household types 2 to 5. */
export function compositionAttack(pkg: Package): Recovery[] {
  const start = base(pkg);
  const system = start.system.clone();
  const via = new Map<string, string>();
  for (const figure of clientFigures(pkg)) {
    const target = resolveTarget(start.models, figure.feature, figure.category);
    if (!target || target.how !== 'coarse') continue;
    addFigure(system, target, figure);
    noteVia(via, target.model, figure.source);
  }
  return narrowed('samenstelling', start, system, via);
}
