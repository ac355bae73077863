// The clustering defaults on worlds they were not tuned to: generated worlds with three, four and six planted client
// groups (other traits than the demo's) and the demo's five, clustered through the service with the default request.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clusteringRequestSchema } from '../../../../src-main/analysis/clustering-service/cluster-features';
import { chooseClusteringK, runClustering, validateRun, type ClusteringOutcome } from '../../../../src-main/analysis/clustering-service/clustering-service';
import { DEFAULT_RULE_SET } from '../../../../src-main/disclosure/rule-set';
import { demoStudy } from '../../../../src-main/linking/demo-study';
import { runStudy, type StudySession } from '../../../../src-main/linking/run-study';
import { writeWorldCsv } from '../../../../src-main/synthetic/generate-world';
import type { PlantedStructure } from '../../../../src-main/synthetic/planted-structures';
import { tempFolder } from '../../support/temp-folder';

const rules = DEFAULT_RULE_SET;
const sessions: StudySession[] = [];
afterAll(() => sessions.forEach((session) => session.close()));

function done(outcome: ClusteringOutcome) {
  if (outcome.status !== 'done') throw new Error(`Expected a finished run, got ${JSON.stringify(outcome)}`);
  return outcome;
}

/** Generates and links the world, clusters its client households with the default request, and validates each k. */
async function clusterWorld(planted: PlantedStructure, seed: number) {
  const folder = await tempFolder(`groepsbeeld-${planted}-`);
  await writeWorldCsv(folder, { seed, scale: 1, planted });
  const { session } = await runStudy(demoStudy({ folder }));
  sessions.push(session);
  const { run, published } = done(await runClustering(session, clusteringRequestSchema.parse({}), { rules, runId: `${planted}-${seed}` }));
  const reference = join(folder, 'ground-truth', 'clusters.csv');
  const ari = async (k: number) => {
    done(await chooseClusteringK(session, run, k, rules));
    const validation = await validateRun(run, reference, rules, k);
    if (!validation.ok) throw new Error(validation.message);
    return validation.validation.adjustedRandIndex;
  };
  return { run, published, ari };
}

describe('the default clustering on generated worlds', () => {
  it.each([
    ['pilot', 2017, 5],
    ['three', 31, 3],
    ['four', 41, 4],
  ] as const)(
    'advises the planted k on the %s world (seed %i) and finds its groups (ARI >= 0.8)',
    async (planted, seed, k) => {
      const { run, published, ari } = await clusterWorld(planted, seed);
      expect(run.request.algorithm).toBe('pam');
      // Every household trait with enough known values, one form of each: income source, not the benefit type.
      expect(run.request.features.map((feature) => feature.id)).toContain('income_source');
      expect(run.request.features.map((feature) => feature.id)).not.toContain('benefit_type');
      expect(published.recommendedK).toBe(k);
      expect(published.defensible).toContain(k);
      expect(await ari(k)).toBeGreaterThanOrEqual(0.8);
    },
    120_000,
  );

  it('names the planted six groups as defensible on the six-group world, where four of them pair up', async () => {
    const { published, ari } = await clusterWorld('six', 61);
    // The six groups are three pairs that share an income source or a household type: the coarser 4 is advised
    // too (README, "Clusteren"); the finer k = 6 must be named, and find the groups.
    expect(published.defensible).toContain(6);
    expect(published.reason).toContain('k = 6');
    expect(await ari(6)).toBeGreaterThanOrEqual(0.8);
  }, 120_000);
});
