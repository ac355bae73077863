// Studies whose client population is too small to publish: neighbouring municipalities of the demo world with a
// handful of client households (Goirle, 0785; Dongen, 0766). Linking succeeds,
// the link report is published with every small count hidden, the comparisons and clusters are refused in Dutch, and
// the export offers only what can leave. A clustering with a too-small cluster is refused without naming the cluster.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from '../../../src-main/disclosure/rule-set';
import type { PublishedCell } from '../../../src-main/disclosure/checked-table';
import { generatedWorld, linkedStudy, quickClustering, type StudyFixture } from '../support/study-fixture';
import { municipalityCodeOf } from '../../../src-main/common/municipality-code';

const T = DEFAULT_RULE_SET.threshold;

function smallValues(cells: readonly PublishedCell[]): number[] {
  return cells.flatMap((cell) => ('value' in cell && (cell.format ?? 'count') === 'count' && cell.value > 0 && cell.value < T ? [cell.value] : []));
}

describe.each([
  ['0785', 'Goirle'],
  ['0766', 'Dongen'],
])('municipality %s (%s) of the demo world', (code, name) => {
  let study: StudyFixture;

  beforeAll(async () => {
    const world = await generatedWorld();
    study = await linkedStudy({ world, cluster: null, edit: (base) => ({ ...base, municipality: { code: municipalityCodeOf(code), name } }) });
  }, 240_000);

  afterAll(() => study?.close());

  it('links, and publishes the link report with no count of 1 to 9', async () => {
    const publication = await study.session.publication('suppression');
    const cells = publication.linkTable.table.rows.flatMap((row) => row.cells);
    expect(cells.length).toBeGreaterThan(5);
    expect(smallValues(cells)).toEqual([]);
  });

  it('refuses the comparisons in Dutch, saying the client households are too few', async () => {
    const publication = await study.session.publication('suppression');
    expect(publication.comparisons).toEqual([]);
    expect(publication.refusals.join(' ')).toMatch(/De vergelijking wordt niet gepubliceerd: Klanthuishoudens telt minder dan 10 huishoudens/);
  });

  it('offers only the link report for export, with the refusal on the Export page', async () => {
    const preview = await study.session.exportPreview('suppression');
    expect(preview.candidates.map((candidate) => candidate.id)).toEqual(['koppelrapport']);
    expect(preview.refusals.length).toBeGreaterThan(0);
  });
});

describe('a clustering with a cluster under the minimum', () => {
  let study: StudyFixture;

  beforeAll(async () => {
    study = await linkedStudy({ cluster: quickClustering(14) });
  }, 240_000);

  afterAll(() => study?.close());

  it('is refused without naming the small cluster, and nothing of the clusters is published', async () => {
    const publication = await study.session.publication('suppression');
    expect(publication.clusters).toBeNull();
    const said = publication.refusals.join(' ');
    expect(said).toMatch(/De clusters worden niet gepubliceerd: .*een of meer clusters tellen minder dan 10 huishoudens/);
    expect(said).not.toMatch(/Cluster \d/);
    const preview = await study.session.exportPreview('suppression');
    expect(preview.candidates.some((candidate) => candidate.id.startsWith('clusterprofiel') || candidate.id === 'persona-kaarten')).toBe(false);
  });
});
