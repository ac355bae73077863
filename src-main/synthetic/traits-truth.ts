// The planted traits' ground truth: ground-truth/traits.csv (one row per household of the municipality on the
// reference date) and the counts per cluster and for residents that expected.json carries.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { yyyymmdd } from '../common/calendar';
import type { TraitOutcome } from './household-traits';
import { WINDOW_FIRST_DAY } from './trait-window';
import { REFERENCE_DAY } from './world-plan';

export const TRAITS_FILE = 'ground-truth/traits.csv';
export const TRAITS_HEADER = [
  'HUISHOUDNR',
  'DATUMAANVANGHH',
  'CLUSTER',
  'DEBT_4Y',
  'HALT_4Y',
  'SPECIAL_EDUCATION',
  'EARLY_SCHOOL_LEAVING_4Y',
  'MOTHER_FIRST_CHILD_AGE',
] as const;

/** Households with each trait, and (with*) those that could have it: the denominators of the planted rates. */
export interface TraitCounts {
  households: number;
  debt4y: number;
  withTeenager: number;
  halt4y: number;
  withSchoolChild: number;
  specialEducation: number;
  withPerson16to22: number;
  earlySchoolLeaving4y: number;
  withMother: number;
  motherFirstChildAgeAtMost25: number;
}

export interface TraitsSection {
  /** A date counts when after `after` and up to `upTo`; a spell when it begins by `upTo` and ends after `after` (or is open). */
  window: { after: string; upTo: string };
  residents: TraitCounts;
  byCluster: Record<string, TraitCounts>;
}

function emptyCounts(): TraitCounts {
  return {
    households: 0,
    debt4y: 0,
    withTeenager: 0,
    halt4y: 0,
    withSchoolChild: 0,
    specialEducation: 0,
    withPerson16to22: 0,
    earlySchoolLeaving4y: 0,
    withMother: 0,
    motherFirstChildAgeAtMost25: 0,
  };
}

const flag = (value: boolean) => (value ? 1 : 0);

export class TraitsTruth {
  private readonly rows: string[] = [TRAITS_HEADER.join(',')];
  private readonly residents = emptyCounts();
  private readonly byCluster: Record<string, TraitCounts> = {};

  add(householdKey: string, composedSince: string, cluster: number | null, outcome: TraitOutcome): void {
    const age = outcome.motherFirstChildAge;
    this.rows.push(
      [
        householdKey,
        composedSince,
        cluster ?? '',
        flag(outcome.debt4y),
        flag(outcome.halt4y),
        flag(outcome.specialEducation),
        flag(outcome.earlySchoolLeaving4y),
        age ?? '',
      ].join(','),
    );
    const counts = cluster === null ? this.residents : (this.byCluster[cluster] ??= emptyCounts());
    counts.households += 1;
    counts.debt4y += flag(outcome.debt4y);
    counts.withTeenager += flag(outcome.withTeenager);
    counts.halt4y += flag(outcome.halt4y);
    counts.withSchoolChild += flag(outcome.withSchoolChild);
    counts.specialEducation += flag(outcome.specialEducation);
    counts.withPerson16to22 += flag(outcome.withPerson16to22);
    counts.earlySchoolLeaving4y += flag(outcome.earlySchoolLeaving4y);
    counts.withMother += flag(age !== null);
    counts.motherFirstChildAgeAtMost25 += flag(age !== null && age <= 25);
  }

  write(folder: string): void {
    writeFileSync(join(folder, ...TRAITS_FILE.split('/')), `${this.rows.join('\n')}\n`);
  }

  section(): TraitsSection {
    return { window: { after: yyyymmdd(WINDOW_FIRST_DAY - 1), upTo: yyyymmdd(REFERENCE_DAY) }, residents: this.residents, byCluster: this.byCluster };
  }
}
