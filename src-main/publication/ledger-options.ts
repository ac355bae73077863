// What a publication ledger is made from (the rules, the method, the data and the figures' families) and what it
// reports: why a figure is hidden, and the statistics of its protection.
import type { AmountFeature } from '../analysis/features';
import type { ProtectionMethod } from '../disclosure/disclosure-shapes';
import type { BlockingRule } from '../disclosure/primary-rules';
import type { RuleSet } from '../disclosure/rule-set';
import type { PublicationData } from './publication-data';
import type { PublishedFeature } from './published-feature';
import type { RecordRelation } from './record-protection';

/** A record-level family (the link report's counts of rows and persons) with its relations. */
export interface RecordFamily {
  id: string;
  cells: readonly { id: string; label: string; value: number; printed: boolean }[];
  relations: readonly RecordRelation[];
}

export interface LedgerOptions {
  rules: RuleSet;
  method: ProtectionMethod;
  data: PublicationData;
  features: readonly PublishedFeature[];
  amounts: readonly AmountFeature[];
  records: readonly RecordFamily[];
}

/** Why a figure does not leave: a primary rule, secondary suppression, or computed from a hidden figure. */
export type HiddenBecause = { kind: 'primary'; rule: BlockingRule } | { kind: 'secondary' } | { kind: 'derived' };

export interface LedgerStatistics {
  figures: number;
  counts: number;
  hiddenCounts: number;
  programs: number;
  milliseconds: number;
}
