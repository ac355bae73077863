// Means of amounts published for several populations give the sums of their differences (the mean of all clients and
// of four of five clusters give the fifth): a population atom whose own statistics fail the rules must not be
// determined by the published means. Hides means until none is.

export interface AmountProblem {
  /** Per population atom: whether its own mean would fail (too few known values, dominance, p%). */
  atomFails: readonly boolean[];
  /** Per published mean: the atoms of its population, whether it fails itself, and what it is worth to the reader. */
  published: readonly { atoms: readonly boolean[]; fails: boolean; weight: number }[];
}

/** True when the unit vector of `atom` lies in the span of the rows (Gaussian elimination; rows are 0/1, small). */
function determined(rows: readonly (readonly boolean[])[], atom: number, size: number): boolean {
  const matrix = rows.map((row) => row.map((member) => (member ? 1 : 0)));
  const target = Array.from({ length: size }, (_, index) => (index === atom ? 1 : 0));
  // Reduce the rows to echelon form, then reduce the target by them: zero remainder means it is a combination.
  const basis: number[][] = [];
  for (const row of matrix) {
    const reduced = [...row];
    for (const vector of basis) {
      const pivot = vector.findIndex((value) => Math.abs(value) > 1e-9);
      if (Math.abs(reduced[pivot]!) > 1e-9) {
        const factor = reduced[pivot]! / vector[pivot]!;
        for (let index = 0; index < size; index += 1) reduced[index]! -= factor * vector[index]!;
      }
    }
    if (reduced.some((value) => Math.abs(value) > 1e-9)) basis.push(reduced);
  }
  const rest = [...target];
  for (const vector of basis) {
    const pivot = vector.findIndex((value) => Math.abs(value) > 1e-9);
    if (Math.abs(rest[pivot]!) > 1e-9) {
      const factor = rest[pivot]! / vector[pivot]!;
      for (let index = 0; index < size; index += 1) rest[index]! -= factor * vector[index]!;
    }
  }
  return rest.every((value) => Math.abs(value) <= 1e-9);
}

/** Per published mean: 'primary' (it fails itself), 'secondary' (hidden so no failing atom is determined) or null. */
export function protectMeans(problem: AmountProblem): ('primary' | 'secondary' | null)[] {
  const size = problem.atomFails.length;
  const hidden: ('primary' | 'secondary' | null)[] = problem.published.map((mean) => (mean.fails ? 'primary' : null));
  for (;;) {
    const shown = problem.published.filter((_, index) => hidden[index] === null).map((mean) => mean.atoms);
    const exposed = problem.atomFails.findIndex((fails, atom) => fails && determined(shown, atom, size));
    if (exposed < 0) return hidden;
    const candidates = problem.published
      .map((mean, index) => ({ mean, index }))
      .filter(({ mean, index }) => hidden[index] === null && mean.atoms[exposed])
      .sort((a, b) => a.mean.weight - b.mean.weight || a.index - b.index);
    const chosen = candidates[0];
    if (!chosen) throw new Error('A failing population atom is determined by means that do not contain it.');
    hidden[chosen.index] = 'secondary';
  }
}
