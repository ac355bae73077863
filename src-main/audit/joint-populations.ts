// Combines the population partitions of packages of the same data: joint atoms consistent with every population id they share.

export interface PackagePopulations {
  readonly atoms: readonly string[];
  readonly sets: Readonly<Record<string, { readonly label: string; readonly atoms: readonly string[] }>>;
}

export interface JointPopulations {
  /** Per joint atom, the atom index it has in each package (same order as the packages). */
  readonly atoms: readonly (readonly number[])[];
  /** Per population id (of any package): the joint atoms it holds. Packages sharing an id agree by construction. */
  readonly sets: ReadonlyMap<string, readonly number[]>;
  readonly labels: ReadonlyMap<string, string>;
  /** Package atoms that fit no combination: the packages disagree about them (or they hold no one). */
  readonly orphans: readonly { readonly packageIndex: number; readonly atom: string }[];
}

/**
 * One joint atom per combination of package atoms (one per package) that agrees on every population id the
 * packages share: a joint atom lies in population P of package A iff its A-atom does. Built package by package, so
 * only consistent partial combinations are carried forward (two partitions of 8 atoms give at most 64 pairs).
 */
export function jointPopulations(packages: readonly PackagePopulations[]): JointPopulations {
  const membership = packages.map((populations) => {
    const index = new Map(populations.atoms.map((atom, position) => [atom, position]));
    return new Map(Object.entries(populations.sets).map(([id, set]) => [id, new Set(set.atoms.map((atom) => index.get(atom) as number))] as const));
  });
  let combinations: number[][] = [[]];
  packages.forEach((populations, packageIndex) => {
    const shared = [...(membership[packageIndex] ?? new Map<string, Set<number>>()).keys()].flatMap((id) =>
      membership.slice(0, packageIndex).flatMap((earlier, earlierIndex) => (earlier.has(id) ? [{ id, earlierIndex }] : [])),
    );
    const next: number[][] = [];
    for (const combination of combinations) {
      populations.atoms.forEach((_, atom) => {
        const agrees = shared.every(({ id, earlierIndex }) => {
          const mine = membership[packageIndex]?.get(id)?.has(atom) ?? false;
          const theirs = membership[earlierIndex]?.get(id)?.has(combination[earlierIndex] as number) ?? false;
          return mine === theirs;
        });
        if (agrees) next.push([...combination, atom]);
      });
    }
    combinations = next;
  });
  const sets = new Map<string, number[]>();
  const labels = new Map<string, string>();
  packages.forEach((populations, packageIndex) => {
    for (const [id, set] of Object.entries(populations.sets)) {
      if (!labels.has(id)) labels.set(id, set.label);
      if (sets.has(id)) continue;
      const members = membership[packageIndex]?.get(id) ?? new Set<number>();
      sets.set(
        id,
        combinations.flatMap((combination, joint) => (members.has(combination[packageIndex] as number) ? [joint] : [])),
      );
    }
  });
  const orphans = packages.flatMap((populations, packageIndex) =>
    populations.atoms.flatMap((atom, position) => (combinations.some((combination) => combination[packageIndex] === position) ? [] : [{ packageIndex, atom }])),
  );
  return { atoms: combinations, sets, labels, orphans };
}
