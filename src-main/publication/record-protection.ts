// Protection of a record-level table with its own additivity (the link report: rows in = matched + not matched ...):
// small counts are hidden, then further counts until no hidden count can be pinned by the relations.
import { solveLinearPrograms, type LinearConstraint } from '../disclosure/linear-program';
import type { AttackedInterval, HiddenReason } from './count-protection';

export type RecordRelation = { kind: 'sum'; total: string; parts: readonly string[] } | { kind: 'atMost'; part: string; whole: string };

export interface RecordProblem {
  /** Every count of the family with its value; `printed` ones are published, the others only take part in relations. */
  cells: readonly { id: string; value: number; printed: boolean }[];
  relations: readonly RecordRelation[];
  threshold: number;
  protectionLevel: number;
}

export interface RecordProtection {
  hidden: ReadonlyMap<string, HiddenReason>;
  intervals: ReadonlyMap<string, AttackedInterval>;
}

const EPSILON = 1e-7;

export function protectRecords(problem: RecordProblem): RecordProtection {
  const index = new Map(problem.cells.map((cell, position) => [cell.id, position]));
  const at = (id: string): number => {
    const position = index.get(id);
    if (position === undefined) throw new Error(`A relation of the link report names the unknown count ${id}.`);
    return position;
  };
  const n = problem.cells.length;
  const hidden = new Map<string, HiddenReason>();
  for (const cell of problem.cells) if (cell.printed && cell.value > 0 && cell.value < problem.threshold) hidden.set(cell.id, 'primary');
  const relationCells = problem.relations.map((relation) =>
    (relation.kind === 'sum' ? [relation.total, ...relation.parts] : [relation.part, relation.whole]).map(at),
  );

  const attack = (targets: readonly string[]): AttackedInterval[] => {
    const constraints: LinearConstraint[] = [];
    const row = () => new Array<number>(n).fill(0);
    problem.cells.forEach((cell, position) => {
      if (!cell.printed || hidden.has(cell.id)) return;
      const coefficients = row();
      coefficients[position] = 1;
      constraints.push({ coefficients, relation: '=', rhs: cell.value });
    });
    for (const relation of problem.relations) {
      const coefficients = row();
      if (relation.kind === 'sum') {
        coefficients[at(relation.total)] = -1;
        for (const part of relation.parts) coefficients[at(part)]! += 1;
        constraints.push({ coefficients, relation: '=', rhs: 0 });
      } else {
        coefficients[at(relation.part)] = 1;
        coefficients[at(relation.whole)] = -1;
        constraints.push({ coefficients, relation: '<=', rhs: 0 });
      }
    }
    const objectives = targets.flatMap((id) => {
      const coefficients = row();
      coefficients[at(id)] = 1;
      return [
        { coefficients, direction: 'minimize' as const },
        { coefficients, direction: 'maximize' as const },
      ];
    });
    const results = solveLinearPrograms(n, constraints, objectives);
    return targets.map((_, position) => {
      const low = results[2 * position];
      const high = results[2 * position + 1];
      if (!low || !high || low.status === 'infeasible' || high.status === 'infeasible') throw new Error('The link report does not add up.');
      return {
        lower: low.status === 'optimal' ? Math.ceil(low.value - EPSILON) : 0,
        upper: high.status === 'optimal' ? Math.floor(high.value + EPSILON) : Infinity,
      };
    });
  };
  const isProtected = (interval: AttackedInterval) => interval.upper - interval.lower >= problem.protectionLevel || interval.lower >= problem.threshold;
  const neighbours = (id: string): string[] => {
    const position = at(id);
    const near = new Set(relationCells.filter((cells) => cells.includes(position)).flat());
    return [...near]
      .map((cell) => problem.cells[cell]!)
      .filter((cell) => cell.printed && !hidden.has(cell.id))
      .sort((a, b) => a.value - b.value || a.id.localeCompare(b.id))
      .map((cell) => cell.id);
  };

  for (;;) {
    const targets = [...hidden.keys()];
    const intervals = attack(targets);
    const exposed = targets.find((_, position) => !isProtected(intervals[position]!));
    if (exposed === undefined) return { hidden, intervals: new Map(targets.map((id, position) => [id, intervals[position]!])) };
    const pool = neighbours(exposed);
    let chosen = pool[0];
    for (const candidate of pool.slice(0, 6)) {
      hidden.set(candidate, 'secondary');
      const [trial] = attack([exposed]);
      hidden.delete(candidate);
      if (isProtected(trial!)) {
        chosen = candidate;
        break;
      }
    }
    if (chosen === undefined) {
      // Nothing shown is related to it any more, yet it is pinned: only a relation between hidden counts can do that.
      const fallback = problem.cells.find((cell) => cell.printed && !hidden.has(cell.id));
      if (!fallback) throw new Error('The link report cannot be protected.');
      chosen = fallback.id;
    }
    hidden.set(chosen, 'secondary');
  }
}
