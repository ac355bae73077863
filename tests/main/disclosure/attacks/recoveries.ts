// What an attack on a written export package recovers: the interval it pins a hidden cell to, and when that is narrow.
//
// The output checker's attacks on a written export package, from a reader's view: find the tables by their file
// names and row labels, combine what they publish, and report every hidden client cell (or small group) the
// combination pins down. Nothing here reads the app's code or data: only the package, public definitions (the CBS
// code lists, FactoMineR's catdes tests the README names) and integer arithmetic.

/** What an attack learned about one cell: the interval it is pinned to (a value when the interval is one number). */
export interface Recovery {
  attack: string;
  /** E.g. "Type huishouden / Ongehuwd paar met kinderen / klanten". */
  cell: string;
  interval: [number, number];
  value?: number;
  /** How, in a few words. */
  via: string;
}

/** A hidden cell counts as protected only when an attacker's interval for it is at least this wide. */
export const PROTECTION_WIDTH = 10;

export function isNarrow(recovery: Recovery): boolean {
  return recovery.interval[1] - recovery.interval[0] < PROTECTION_WIDTH;
}

export function describeRecoveries(recoveries: readonly Recovery[]): string[] {
  return recoveries.map((r) => `${r.cell} = ${r.value ?? `${r.interval[0]}..${r.interval[1]}`} (${r.via})`);
}

export function recovery(attack: string, cell: string, lo: number, hi: number, via: string): Recovery {
  return { attack, cell, interval: [lo, hi], ...(lo === hi ? { value: lo } : {}), via };
}
