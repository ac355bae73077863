// The checks an output log names: ours, as the disclosure code names them, and ACRO's names for them in results.json.
import { z } from 'zod';
import { blockingRuleSchema } from '../disclosure/checked-table';

/** Our checks, as the disclosure code names them (primary rules, review reasons, secondary suppression, differencing). */
export const groepsbeeldCheckSchema = z.union([blockingRuleSchema, z.enum(['zero', 'group-disclosure', 'secondary', 'differencing'])]);
export type GroepsbeeldCheck = z.infer<typeof groepsbeeldCheckSchema>;

/** ACRO's own check names (acro_tables.py get_table_sdc), always present in a table's sdc summary and cells. */
export const ACRO_NATIVE_CHECKS = ['negative', 'missing', 'threshold', 'p-ratio', 'nk-rule', 'all-values-are-same'] as const;
/** Our names for checks ACRO does not have; present in sdc only when a cell carries them. */
export const ACRO_EXTRA_CHECKS = ['dof', 'min-max', 'zeros', 'group-disclosure', 'secondary', 'differencing'] as const;
export type AcroCheckName = (typeof ACRO_NATIVE_CHECKS)[number] | (typeof ACRO_EXTRA_CHECKS)[number];

/**
 * How our checks are named in results.json. ACRO's threshold check counts contributors for every statistic, so both
 * our thresholds map to it; p% is ACRO's "p-ratio", NK dominance its "nk-rule". ACRO has no check (0.4.x) for zeros
 * (zeros_are_disclosive only feeds the p-ratio), group disclosure, minima and maxima, secondary suppression or
 * differencing (issue #117); "all-values-are-same" is its check on mode statistics, so we do not borrow it.
 */
export const ACRO_CHECK_NAMES: Record<GroepsbeeldCheck, AcroCheckName> = {
  threshold: 'threshold',
  'statistic-threshold': 'threshold',
  'p-percent': 'p-ratio',
  dominance: 'nk-rule',
  'degrees-of-freedom': 'dof',
  'min-max': 'min-max',
  zero: 'zeros',
  'group-disclosure': 'group-disclosure',
  secondary: 'secondary',
  differencing: 'differencing',
};

/** Checks that only ask a checker to look (the cell may be shown); every other check requires protection. */
export const REVIEW_CHECKS: ReadonlySet<GroepsbeeldCheck> = new Set<GroepsbeeldCheck>(['zero', 'group-disclosure']);
export const REVIEW_NAMES: ReadonlySet<AcroCheckName> = new Set<AcroCheckName>(['zeros', 'group-disclosure']);
export const CHECK_ORDER: readonly AcroCheckName[] = [...ACRO_NATIVE_CHECKS, ...ACRO_EXTRA_CHECKS];
