// KINDOUDER: each child's father and mother as the register links them, and the mothers it knows who live elsewhere.
import { civilOf } from '../common/calendar';
import type { CellValue } from './csv-writer';
import type { ExtractTableId } from './extract-tables';
import type { Position } from './household-draft';
import { OutsideKeys, SOURCE } from './keys';
import type { Random } from './random';
import { YEAR_DAYS } from './world-plan';

/** A person of the household data, as the traits need them. */
export interface TraitPerson {
  key: string;
  sex: 1 | 2;
  birthDay: number;
  position: Position;
  generation: 0 | 1 | 2;
  origin: string;
}

export interface TraitHousehold {
  /** Members on the reference date, reference person first. */
  members: readonly TraitPerson[];
  /** A single parent's former partner, the other parent of the children. */
  formerPartner: TraitPerson | null;
  /** Born after the reference date to the reference person and partner. */
  laterChild: TraitPerson | null;
}

export interface Parents {
  children: readonly TraitPerson[];
  father: string | null;
  mother: string | null;
  /** The mother when she is the household's reference person or partner. */
  motherInHousehold: TraitPerson | null;
}

type Write = (table: ExtractTableId, values: readonly CellValue[]) => void;

/**
 * GBAPERSOON rows for mothers of the municipality's children who are not in the household data (a single father's
 * children whose mother left before the history starts). Their keys come from OutsideKeys; the rows are appended to
 * GBAPERSOON after everything else, so the earlier rows stay as they were.
 */
export class MothersElsewhere {
  private readonly keys = new OutsideKeys();
  private readonly rows: CellValue[][] = [];

  /** A mother whose age at her first child is drawn from the profile's first-birth age. */
  add(random: Random, firstBirthAge: readonly [number, number], eldest: TraitPerson, origin: Pick<TraitPerson, 'generation' | 'origin'>): string {
    const [mean, sd] = firstBirthAge;
    const birthDay = eldest.birthDay - Math.floor(Math.max(16.5, random.normal(mean, sd)) * YEAR_DAYS) - random.int(0, 364);
    const key = this.keys.take();
    const birth = civilOf(birthDay);
    this.rows.push([SOURCE, key, 2, birth.year, String(birth.month).padStart(2, '0'), origin.generation, origin.origin]);
    return key;
  }

  writeAll(write: Write): void {
    for (const row of this.rows) write('persons', row);
  }
}

/** The parents of the household's children: the reference person and partner, else the former partner, else unknown. */
export function householdParents(
  random: Random,
  household: TraitHousehold,
  mothersElsewhere: MothersElsewhere | null,
  firstBirthAge: readonly [number, number],
): Parents {
  const children = [...household.members.filter((m) => m.position === 'child'), ...(household.laterChild ? [household.laterChild] : [])];
  if (children.length === 0) return { children, father: null, mother: null, motherInHousehold: null };
  const parents = household.members.filter((m) => m.position === 'reference' || m.position === 'partner');
  const former = household.formerPartner ? [household.formerPartner] : [];
  const father = parents.find((m) => m.sex === 1) ?? former.find((m) => m.sex === 1) ?? null;
  const motherInHousehold = parents.find((m) => m.sex === 2) ?? null;
  let mother = motherInHousehold?.key ?? former.find((m) => m.sex === 2)?.key ?? null;
  if (mother === null && mothersElsewhere) {
    const eldest = children.reduce((a, b) => (b.birthDay < a.birthDay ? b : a));
    mother = mothersElsewhere.add(random, firstBirthAge, eldest, household.members[0]!);
  }
  return { children, father: father?.key ?? null, mother, motherInHousehold };
}

/** One KINDOUDER row per child; a parent who is not known has an empty source and key. */
export function writeParentChild(write: Write, parents: Parents): void {
  const cells = (key: string | null) => (key === null ? ['', ''] : [SOURCE, key]);
  for (const child of parents.children) write('parentChild', [SOURCE, child.key, ...cells(parents.father), ...cells(parents.mother)]);
}

/** The mother's age at her first child as the files give it: eldest child's birth year minus hers. */
export function motherFirstChildAge(parents: Parents): number | null {
  const mother = parents.motherInHousehold;
  if (!mother || parents.children.length === 0) return null;
  const eldest = Math.min(...parents.children.map((child) => civilOf(child.birthDay).year));
  return eldest - civilOf(mother.birthDay).year;
}
