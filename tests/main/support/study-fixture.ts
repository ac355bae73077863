// A real study for a test: a synthetic world generated into a temp folder (the demo's seed by default, or another),
// its study file's inputs opened and linked in a real StudySession (as `groepsbeeld run` does), optionally clustered.
import { join } from 'node:path';
import { realpath } from 'node:fs/promises';
import { SEED_TABLE_FEATURES } from './seed-table-features';
import type { ClusteringRequestSpec } from '../../../src-main/analysis/clustering-service/cluster-features';
import { clusteringRequestSchema } from '../../../src-main/analysis/clustering-service/cluster-features';
import { DEFAULT_RULE_SET, type RuleSet } from '../../../src-main/disclosure/rule-set';
import { StudyEngine } from '../../../src-main/engine/study-engine';
import { demoStudy } from '../../../src-main/linking/demo-study';
import type { Study } from '../../../src-main/linking/study-file';
import { StudySession } from '../../../src-main/study/study-session';
import { generateExtracts } from '../../../src-main/synthetic/generate-extracts';
import { tempFolder } from './temp-folder';

export interface StudyFixture {
  folder: string;
  world: string;
  userData: string;
  study: Study;
  engine: StudyEngine;
  session: StudySession;
  close(): Promise<void>;
}

export { SEED_TABLE_FEATURES } from './seed-table-features';

/** A quick clustering for tests: one k, few resamples (the app's minimum of 50 resamples is for the analyst). */
export function quickClustering(k = 5, overrides: Partial<ClusteringRequestSpec> = {}): ClusteringRequestSpec {
  return { ...clusteringRequestSchema.parse({}), algorithm: 'kmeans', features: SEED_TABLE_FEATURES, kRange: [k, k], resamples: 5, ...overrides };
}

/** Generates a world (seed 2017 is the demo's) once; a study of it may be changed before it is linked. */
export async function generatedWorld(seed = 2017): Promise<{ folder: string; world: string }> {
  const folder = await tempFolder('groepsbeeld-study-');
  const world = join(folder, 'world');
  await generateExtracts({ out: world, seed, scale: 1, format: 'csv', clientsXlsx: false, force: false });
  return { folder, world };
}

export async function linkedStudy(
  options: {
    seed?: number;
    world?: { folder: string; world: string };
    edit?: (study: Study) => Study;
    rules?: RuleSet;
    userData?: string;
    cluster?: ClusteringRequestSpec | null;
  } = {},
): Promise<StudyFixture> {
  const { folder, world } = options.world ?? (await generatedWorld(options.seed));
  const base = demoStudy({ folder: world });
  const edited = options.edit ? options.edit(base) : base;
  const study = { ...edited, inputs: await Promise.all(edited.inputs.map(async (input) => ({ ...input, path: await realpath(input.path) }))) };
  const rules = options.rules ?? DEFAULT_RULE_SET;
  const engine = await StudyEngine.create({ checks: 'whileLinking', rules });
  await engine.openInputs(study.inputs.map((input) => input.path));
  const userData = options.userData ?? join(folder, 'userdata');
  const session = new StudySession({ engine, rules, userData, appVersion: 'test' });
  await session.linkStudy(study);
  if (options.cluster !== null) await session.cluster(options.cluster ?? quickClustering());
  return { folder, world, userData, study, engine, session, close: () => engine.close() };
}
