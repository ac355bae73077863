// Small seeded mixed tables (amounts and categories) with planted groups, for the mixed-data clustering tests.
import type { FeatureSpec, MixedRow } from '../../../../src-main/analysis/clustering/mixed-table';
import { SeededRandom } from '../../../../src-main/analysis/clustering/seeded-random';

export interface MixedDataset {
  rows: MixedRow[];
  specs: FeatureSpec[];
  truth: Int32Array;
}

/**
 * `groups` planted groups: two amounts around group-specific means (far apart, unit noise)
 * and two categories that take the group's own value with probability `purity`, else a
 * random one of `groups` values.
 */
export function mixedGroups(n: number, groups: number, seed: number, purity = 0.9): MixedDataset {
  const random = new SeededRandom(seed);
  const specs: FeatureSpec[] = [
    { id: 'income', kind: 'numeric' },
    { id: 'age', kind: 'numeric' },
    { id: 'benefit', kind: 'categorical' },
    { id: 'tenure', kind: 'categorical' },
  ];
  const truth = new Int32Array(n);
  const category = (group: number) => `c${random.uniform() < purity ? group : random.int(groups)}`;
  const rows = Array.from({ length: n }, (_, i) => {
    const group = i % groups;
    truth[i] = group;
    return [10_000 + 8_000 * group + 1_000 * random.normal(), 30 + (group % 2) * 25 + 3 * random.normal(), category(group), category(group)];
  });
  return { rows, specs, truth };
}
