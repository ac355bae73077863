// A count as it may leave the main process: its value when the rules allow it, otherwise only "below the threshold".
import type { PublishedCount } from './disclosure-shapes';
import { countStatus } from './primary-rules';
import { DEFAULT_RULE_SET, type RuleSet } from './rule-set';

/**
 * The value of a blocked count never leaves: it becomes { below: threshold }. A zero is published (it
 * describes no one in a count of records such as a link report); tables where a zero can disclose
 * (everyone in a group has X) check `countStatus` themselves and send it for review.
 */
export function publishCount(units: number, rules: RuleSet = DEFAULT_RULE_SET): PublishedCount {
  const status = countStatus(units, rules);
  return status.status === 'blocked' ? { below: rules.threshold } : units;
}
