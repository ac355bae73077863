// The cases of the random-publication property tests: the looser and stricter rule sets, the worlds and cluster
// labellings whose packages are written, writing a case (world, study, clustering, package), and describing it.
import { DEFAULT_RULE_SET, ruleSetSchema, type RuleSet } from '../../../src-main/disclosure/rule-set';
import type { StudyPublication } from '../../../src-main/publication/study-publication';
import { referenceDateOf } from '../../../src-main/common/reference-date';
import {
  chooseRandomClustering,
  exportEverything,
  randomGenerator,
  randomInteger,
  randomSizes,
  type LabelOrder,
  type RandomClustering,
  type WrittenPackage,
} from './random-publications';
import { generatedWorld, linkedStudy, quickClustering, type StudyFixture } from './study-fixture';

/** Threshold and protection level 5 (rounding base 5 is then allowed); clusters from 5 households. */
const LOOSE: RuleSet = ruleSetSchema.parse({
  ...DEFAULT_RULE_SET,
  name: 'Proef drempel 5',
  threshold: 5,
  statisticThreshold: 5,
  clusterMinimum: 5,
  protectionLevel: 5,
  roundingBase: 5,
});
/** Threshold 15 (the protection level stays 10: the rounding base cannot exceed 10); clusters from 15 households. */
const STRICT: RuleSet = ruleSetSchema.parse({
  ...DEFAULT_RULE_SET,
  name: 'Proef drempel 15',
  threshold: 15,
  statisticThreshold: 15,
  clusterMinimum: 15,
});

/** The smallest cluster the rules let a labelling make. */
export const minimumOf = (rules: RuleSet) => Math.max(rules.threshold, rules.clusterMinimum);

/** The households of each cluster population of the publication, in cluster order. */
export function clusterSizes(publication: StudyPublication): number[] {
  return publication.ledger.data.populations.populations
    .filter((population) => population.cluster !== undefined)
    .sort((a, b) => a.cluster! - b.cluster!)
    .map((population) => publication.ledger.rawCount({ feature: 'household_type', codes: null, population: population.id }));
}

/** A random clustering in words, for the failure messages. */
export function describeClustering(clustering: RandomClustering): string {
  return (
    `k = ${clustering.k}, sizes ${clustering.sizes.join('/')}, ` +
    `${clustering.order.kind === 'random' ? 'at random' : `sorted by ${clustering.order.column}`}`
  );
}

/** One property case: a world (its seed and reference date), the rules, and the clustering the study is published with. */
export interface PackageCase {
  title: string;
  seed: number;
  referenceDate?: string;
  rules: RuleSet;
  /** The session's own clustering at k, or a random labelling. */
  clustering: { kind: 'real'; k: number } | { kind: 'random'; k: number; shape: 'unbalanced' | 'nearMinimum'; order: LabelOrder };
}

const randomK = (seed: number) => randomInteger(randomGenerator(seed * 31 + 1), 2, 8);

/** The worlds whose whole package is written and audited, besides world 7 (whose package is also changed to fail). */
export const PACKAGE_CASES: PackageCase[] = [
  {
    title: 'world 99 on 1-1-2018, threshold and protection level 5, random unbalanced clusters',
    seed: 99,
    referenceDate: '20180101',
    rules: LOOSE,
    clustering: { kind: 'random', k: randomK(99), shape: 'unbalanced', order: { kind: 'random' } },
  },
  {
    title: 'world 4242 on 30-6-2017, threshold 15, clusters at the minimum cut along the benefit type',
    seed: 4242,
    referenceDate: '20170630',
    rules: STRICT,
    clustering: { kind: 'random', k: randomK(4242), shape: 'nearMinimum', order: { kind: 'sortedBy', column: 'benefit_type' } },
  },
];

/** A case as written: its linked study, its package, its publication and the clustering drawn for it. */
export interface Written {
  study: StudyFixture;
  /** The package as written and read back, or null when the writer refused it (`refused` says why). */
  written: WrittenPackage | null;
  refused: string[];
  publication: StudyPublication;
  clustering: RandomClustering | null;
}

/** Generates and links the case's world, labels its clusters as the case says, and writes and audits its package. */
export async function writeCase(testCase: PackageCase): Promise<Written> {
  const world = await generatedWorld(testCase.seed);
  const study = await linkedStudy({
    world,
    rules: testCase.rules,
    cluster: testCase.clustering.kind === 'real' ? quickClustering(testCase.clustering.k) : null,
    ...(testCase.referenceDate ? { edit: (base) => ({ ...base, referenceDate: referenceDateOf(testCase.referenceDate!) }) } : {}),
  });
  let clustering: RandomClustering | null = null;
  if (testCase.clustering.kind === 'random') {
    const { k, shape, order } = testCase.clustering;
    const random = randomGenerator(testCase.seed);
    clustering = await chooseRandomClustering(study, {
      k,
      order,
      random,
      sizes: (households) => randomSizes(households, k, minimumOf(testCase.rules), shape, random),
    });
  }
  const exported = await exportEverything(study);
  const publication = await study.session.publication('suppression');
  return 'written' in exported
    ? { study, written: exported.written, refused: [], publication, clustering }
    : { study, written: null, refused: exported.refused, publication, clustering };
}

/** The case and its clustering in words, for the failure messages. */
export function contextOf(testCase: PackageCase, case_: Written): string {
  return `${testCase.title}${case_.clustering ? ` (${describeClustering(case_.clustering)})` : ''}`;
}
