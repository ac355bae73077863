// Which households get a planted trait. In the demo municipality the traits are dealt out, not drawn: per cluster and
// for the residents exactly round(rate x eligible households) get each one, so small clusters show their rates; elsewhere
// each household draws on its own. Both use the same first draws of the household's traits stream.
import type { Position } from './household-draft';
import type { TraitRates } from './household-profile';
import type { Random } from './random';
import { ageAtReference } from './trait-window';

export const TRAITS = ['debt4y', 'halt4y', 'specialEducation', 'earlySchoolLeaving4y'] as const;
export type Trait = (typeof TRAITS)[number];

/** Per trait: a uniform draw (the household's lot), whether it can have it, whether it gets it. */
export type TraitDraws = Record<Trait, number>;
export type TraitFlags = Record<Trait, boolean>;

/** The first four draws of a household's traits stream. */
export function traitDraws(random: Random): TraitDraws {
  return { debt4y: random.next(), halt4y: random.next(), specialEducation: random.next(), earlySchoolLeaving4y: random.next() };
}

const between = (birthDay: number, low: number, high: number) => ageAtReference(birthDay) >= low && ageAtReference(birthDay) <= high;

/** Debts need an adult (not a child of the household), Halt a member of 12-17, special education 4-17, leaving 16-22. */
export function traitEligibility(members: readonly { birthDay: number; position: Position }[]): TraitFlags {
  return {
    debt4y: members.some((m) => m.position !== 'child' && ageAtReference(m.birthDay) >= 18),
    halt4y: members.some((m) => between(m.birthDay, 12, 17)),
    specialEducation: members.some((m) => between(m.birthDay, 4, 17)),
    earlySchoolLeaving4y: members.some((m) => between(m.birthDay, 16, 22)),
  };
}

/** A household on its own: an eligible household gets a trait when its draw is below the rate. */
export function drawnTraits(draws: TraitDraws, eligible: TraitFlags, rates: TraitRates): TraitFlags {
  return {
    debt4y: eligible.debt4y && draws.debt4y < rates.debt4y,
    halt4y: eligible.halt4y && draws.halt4y < rates.halt4y,
    specialEducation: eligible.specialEducation && draws.specialEducation < rates.specialEducation,
    earlySchoolLeaving4y: eligible.earlySchoolLeaving4y && draws.earlySchoolLeaving4y < rates.earlySchoolLeaving4y,
  };
}

export interface PlantingCandidate {
  /** Households of one group (a cluster, or the residents) share their rates. */
  group: string;
  rates: TraitRates;
  draws: TraitDraws;
  eligible: TraitFlags;
}

/** Per group and trait, the round(rate x eligible) eligible households with the lowest draws (ties by position). */
export function dealtTraits(candidates: readonly PlantingCandidate[]): TraitFlags[] {
  const flags = candidates.map((): TraitFlags => ({ debt4y: false, halt4y: false, specialEducation: false, earlySchoolLeaving4y: false }));
  const groups = new Map<string, number[]>();
  for (const [index, candidate] of candidates.entries()) {
    const group = groups.get(candidate.group);
    if (group) group.push(index);
    else groups.set(candidate.group, [index]);
  }
  for (const members of groups.values()) {
    for (const trait of TRAITS) {
      const eligible = members.filter((index) => candidates[index]!.eligible[trait]);
      const count = Math.round(candidates[members[0]!]!.rates[trait] * eligible.length);
      eligible.sort((a, b) => candidates[a]!.draws[trait] - candidates[b]!.draws[trait] || a - b);
      for (const index of eligible.slice(0, count)) flags[index]![trait] = true;
    }
  }
  return flags;
}
