// The record families of packages (the link report's counts) in the attacker's system: one variable per cell; sums
// are equations, "at most" inequalities. The same family in two packages is one.
import type { PackageDefinitions } from '../publication/definitions-file';
import { combine, sumOf } from './linear-expression';
import type { ReadPackage } from './read-package';
import type { SystemBuilder } from './system-parts';

function recordKey(family: PackageDefinitions['recordFamilies'][number]): string {
  return JSON.stringify([family.id, family.cells.map((cell) => cell.id).sort(), family.relations.map((relation) => JSON.stringify(relation)).sort()]);
}

/** Adds the record variables and relations; returns per package the variable of every cell of each of its families. */
export function buildRecordVariables(packages: readonly ReadPackage[], names: readonly string[], builder: SystemBuilder): Map<string, Map<string, number>>[] {
  const { constraints, classTargets, newVariable } = builder;
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
  return recordVariables;
}
