// The counts a ledger holds: each count's cell, its atoms in its family and in the populations, its true value from
// the family's cover, and what protection decided; the link report's record counts likewise.
import type { AttackedInterval } from './count-protection';
import type { CountCell } from './figures';
import type { HiddenBecause, RecordFamily } from './ledger-options';
import type { PublicationData } from './publication-data';
import type { PublishedFeature } from './published-feature';
import type { VariableFamily } from './variable-families';

export interface CountEntry {
  cell: CountCell;
  family: VariableFamily | null;
  atoms: boolean[] | null;
  populations: boolean[];
  value: number;
  weight: number;
  /** Published exactly by some figure (otherwise it only takes part through its bound, or as an input never printed). */
  exact: boolean;
  hidden: HiddenBecause | null;
  interval: AttackedInterval | null;
  /** A lower bound published by a share "80 % of meer", protected as a constraint of its own. */
  bound: { atLeast: number; weight: number; hidden: HiddenBecause | null } | null;
}

/** A record count of the link report, with what protection decided. */
export interface RecordEntry {
  family: RecordFamily;
  value: number;
  hidden: HiddenBecause | null;
  interval: AttackedInterval | null;
}

/** Where a published feature sits: its family, its position in the family's atoms, and the feature itself. */
export interface FeaturePlace {
  family: VariableFamily;
  index: number;
  feature: PublishedFeature;
}

/** Which population atoms a population holds. */
export function populationAtoms(data: PublicationData, populationId: string): boolean[] {
  const population = data.populations.populations.find((candidate) => candidate.id === populationId);
  if (!population) throw new Error(`The publication has no population ${populationId}.`);
  return data.populations.atoms.map((atom) => population.atoms.includes(atom.id));
}

/** A new entry for a count: its atoms and its true value, not weighted, shown or protected yet. */
export function newCountEntry(cell: CountCell, data: PublicationData, featureFamily: ReadonlyMap<string, FeaturePlace>): CountEntry {
  const populations = populationAtoms(data, cell.population);
  let family: VariableFamily | null = null;
  let atoms: boolean[] | null = null;
  let value: number;
  if (cell.codes === null) {
    // A population total: the same in every family.
    const any = data.families[0];
    const cover = any ? data.cover.get(any.id) : undefined;
    value = cover ? cover.reduce((sum, row) => sum + row.reduce((rowSum, units, index) => rowSum + (populations[index] ? units : 0), 0), 0) : 0;
  } else {
    const entry = featureFamily.get(cell.feature);
    if (!entry) throw new Error(`The publication has no feature ${cell.feature}.`);
    const unknown = cell.codes.filter((code) => !entry.feature.categories.some((category) => category.code === code));
    if (unknown.length > 0) throw new Error(`Feature ${cell.feature} has no category ${unknown.join(', ')}.`);
    family = entry.family;
    atoms = family.atoms.map((atom) => cell.codes!.includes(atom[entry.index]!));
    const cover = data.cover.get(family.id)!;
    value = cover.reduce(
      (sum, row, atom) => (atoms![atom] ? sum + row.reduce((rowSum, units, index) => rowSum + (populations[index] ? units : 0), 0) : sum),
      0,
    );
  }
  return { cell, family, atoms, populations, value, weight: 0, exact: false, hidden: null, interval: null, bound: null };
}
