// Merges atoms that no printed set tells apart into classes: exact for the attacker, and it keeps the programs small.

/**
 * Groups items (0..count-1) into classes of items that no given set distinguishes (each item in all of a class's
 * sets or in none). Classes come in order of their first item; members ascending.
 */
export function classesOf(count: number, sets: readonly ReadonlySet<number>[]): number[][] {
  const classes = new Map<string, number[]>();
  for (let item = 0; item < count; item += 1) {
    const signature = sets.map((set) => (set.has(item) ? '1' : '0')).join('');
    const members = classes.get(signature);
    if (members) members.push(item);
    else classes.set(signature, [item]);
  }
  return [...classes.values()];
}
