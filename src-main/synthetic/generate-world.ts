// Writes one world's CSV extracts and its ground truth, household by household, with bounded memory.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { yyyymmdd } from '../common/calendar';
import { clientSlots, writeClientListErrors, writeClientRows, type ClientSlot } from './client-list';
import { CsvWriter, type CellValue } from './csv-writer';
import { EXTRACT_TABLES, type ExtractTableId } from './extract-tables';
import { draftHousehold, type HouseholdDraft } from './household-draft';
import type { HouseholdProfile } from './household-profile';
import { emitHousehold, type EmitContext, type EmittedHousehold } from './household-rows';
import { TRAIT_TABLES, writeHouseholdTraits, type TraitOutcome } from './household-traits';
import { Counter, OBJECT_KIND } from './keys';
import { MothersElsewhere, type TraitHousehold, type TraitPerson } from './parent-child';
import { plantedClusters } from './planted-structures';
import { Random } from './random';
import { residentProfile } from './resident-profile';
import { dealtTraits, drawnTraits, traitDraws, traitEligibility, type PlantingCandidate, type TraitFlags } from './trait-planting';
import { TRAITS_FILE, TraitsTruth } from './traits-truth';
import { DEMO_MUNICIPALITY, neighbourhoodOf, planWorld, REFERENCE_DAY, type MunicipalityPlan } from './world-plan';
import { GENERATOR_VERSION, type WorldOptions, type WorldSummary } from './world-writer';

const PROGRESS_EVERY = 2_000;
const MOVED_IN_FROM_ELSEWHERE = 0.06;

function hash(value: number): number {
  let x = Math.imul(value ^ (value >>> 16), 0x45d9f3b) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x45d9f3b) >>> 0;
  return (x ^ (x >>> 16)) >>> 0;
}

/** The district of an address object: a fixed weighted draw per object, so VSLGWB and households agree. */
export function districtOfObject(municipality: MunicipalityPlan, objectNumber: number): string {
  const total = municipality.districts.reduce((sum, d) => sum + d.weight, 0);
  let target = (hash(objectNumber) / 4294967296) * total;
  for (const district of municipality.districts) {
    target -= district.weight;
    if (target < 0) return district.code;
  }
  return municipality.districts[municipality.districts.length - 1]!.code;
}

interface GroundTruth {
  persons: number;
  households: number;
  householdsByType: Record<string, number>;
  clientHouseholdsByCluster: Record<string, number>;
  clientPeriodDays: number[];
  clusterRows: string[];
}

/** The household's people with their keys, for the traits (members, the former partner, a child born later). */
function traitHousehold(draft: HouseholdDraft, emitted: EmittedHousehold): TraitHousehold {
  const members = draft.members.map((member, index): TraitPerson => ({ ...member, key: emitted.memberKeys[index]! }));
  const reference = members[0]!;
  const formerPartner = draft.formerPartner && emitted.formerPartnerKey ? { ...draft.formerPartner, key: emitted.formerPartnerKey } : null;
  const later = draft.later;
  const laterChild =
    later.kind === 'birth' && emitted.laterChildKey
      ? { ...reference, key: emitted.laterChildKey, position: 'child' as const, sex: later.sex, birthDay: later.day }
      : null;
  return { members, formerPartner, laterChild };
}

/** The demo municipality's planted traits, dealt per cluster and for the residents over a first pass of (pure) drafts. */
function dealDemoTraits(seed: number, municipality: MunicipalityPlan, clients: ReadonlyMap<number, ClientSlot>, residents: HouseholdProfile): TraitFlags[] {
  const candidates: PlantingCandidate[] = [];
  for (let index = 0; index < municipality.households; index++) {
    const cluster = clients.get(index)?.cluster;
    const profile = cluster ? cluster.profile : residents;
    const draft = draftHousehold(Random.stream(seed, 'household', municipality.code, index), profile, MOVED_IN_FROM_ELSEWHERE);
    candidates.push({
      group: cluster ? String(cluster.id) : 'residents',
      rates: profile.traits,
      draws: traitDraws(Random.stream(seed, 'traits', municipality.code, index)),
      eligible: traitEligibility(draft.members),
    });
  }
  return dealtTraits(candidates);
}

export async function writeWorldCsv(folder: string, options: WorldOptions): Promise<WorldSummary> {
  const { seed, scale, signal, onProgress } = options;
  const withTraits = options.traits !== false;
  const plan = planWorld(scale);
  const demo = plan.filter((m) => m.demo);
  const tables = withTraits ? EXTRACT_TABLES : EXTRACT_TABLES.filter((table) => !TRAIT_TABLES.includes(table.id));
  const writers = new Map<ExtractTableId, CsvWriter>();
  for (const table of tables) {
    writers.set(
      table.id,
      new CsvWriter(
        join(folder, `${table.fileName}.csv`),
        table.columns.length,
        table.columns.map(([name]) => name),
      ),
    );
  }
  const persons = new Counter(1);
  const households = new Counter(1);
  let rowsWritten = 0;
  const write = (table: ExtractTableId, values: readonly CellValue[]) => {
    writers.get(table)!.write(values);
    rowsWritten += 1;
  };
  const truth: GroundTruth = { persons: 0, households: 0, householdsByType: {}, clientHouseholdsByCluster: {}, clientPeriodDays: [], clusterRows: [] };
  const traitsTruth = new TraitsTruth();
  const mothersElsewhere = new MothersElsewhere();
  const householdsPlanned = plan.reduce((sum, m) => sum + m.households, 0);
  let householdsWritten = 0;

  try {
    for (const [municipalityIndex, municipality] of plan.entries()) {
      for (let object = municipality.firstObject; object < municipality.firstObject + municipality.objectCount; object++) {
        const district = districtOfObject(municipality, object);
        write('addressRegions', [
          OBJECT_KIND,
          String(object).padStart(12, '0'),
          municipality.code,
          district,
          neighbourhoodOf(district, object),
          municipality.code,
        ]);
      }
      const reachable = municipality.demo
        ? demo
        : [municipality, ...demo.slice(1), ...[1, 2, 3].map((step) => plan[(municipalityIndex + step * 7) % plan.length]!).filter((m) => !m.demo)];
      const residents: HouseholdProfile = residentProfile(municipality.urbanity);
      const isDemo = municipality.code === DEMO_MUNICIPALITY;
      const clients = isDemo ? clientSlots(seed, municipality.households, plantedClusters(options.planted)) : new Map<number, ClientSlot>();
      const demoTraits = withTraits && isDemo ? dealDemoTraits(seed, municipality, clients, residents) : null;

      for (let index = 0; index < municipality.households; index++) {
        const random = Random.stream(seed, 'household', municipality.code, index);
        const slot = clients.get(index);
        const cluster = slot?.cluster;
        const profile = cluster ? cluster.profile : residents;
        const draft = draftHousehold(random, profile, MOVED_IN_FROM_ELSEWHERE);
        const objectNumber = draft.district ? objectInDistrict(random, municipality, draft.district) : municipality.firstObject + index;
        const context: EmitContext = {
          random,
          municipality,
          reachable,
          objectNumber,
          persons,
          households,
          write,
          anyObject: (r, m) => m.firstObject + r.int(0, m.objectCount - 1),
          vacantObject: (r, m) => m.firstObject + m.households + r.int(0, m.objectCount - m.households - 1),
        };
        const emitted = emitHousehold(draft, context);
        writeClientRows(random, emitted, slot, municipality, write, truth.clientPeriodDays);
        // The traits draw from a stream of their own, so every file above is the same with or without them.
        let traits: TraitOutcome | null = null;
        if (withTraits) {
          const traitsRandom = Random.stream(seed, 'traits', municipality.code, index);
          const draws = traitDraws(traitsRandom);
          const planted = demoTraits?.[index] ?? drawnTraits(draws, traitEligibility(draft.members), profile.traits);
          traits = writeHouseholdTraits(traitsRandom, traitHousehold(draft, emitted), planted, {
            write,
            firstBirthAge: profile.firstBirthAge,
            mothersElsewhere: isDemo ? mothersElsewhere : null,
          });
        }
        if (isDemo) {
          if (traits) traitsTruth.add(emitted.householdKey, emitted.composedSince, cluster?.id ?? null, traits);
          truth.persons += emitted.persons;
          truth.households += 1;
          truth.householdsByType[draft.type] = (truth.householdsByType[draft.type] ?? 0) + 1;
          if (cluster) {
            truth.clientHouseholdsByCluster[cluster.id] = (truth.clientHouseholdsByCluster[cluster.id] ?? 0) + 1;
            truth.clusterRows.push(`${emitted.householdKey},${emitted.composedSince},${cluster.id},${cluster.name}`);
          }
        }
        householdsWritten += 1;
        if (householdsWritten % PROGRESS_EVERY === 0) {
          onProgress?.({ householdsWritten, householdsPlanned, personsWritten: persons.value - 1, rowsWritten });
          // Let the event loop run (Ctrl-C, the UI) and honour a cancel between households.
          await new Promise((resolve) => setImmediate(resolve));
          signal?.throwIfAborted();
        }
      }
    }
    writeClientListErrors(seed, write);
    // Appended last, so GBAPERSOON without the traits is a prefix of GBAPERSOON with them.
    if (withTraits) mothersElsewhere.writeAll(write);
  } finally {
    for (const writer of writers.values()) writer.close();
  }
  onProgress?.({ householdsWritten, householdsPlanned, personsWritten: persons.value - 1, rowsWritten });

  const truthFolder = join(folder, 'ground-truth');
  mkdirSync(truthFolder);
  writeFileSync(join(truthFolder, 'clusters.csv'), ['HUISHOUDNR,DATUMAANVANGHH,CLUSTER,CLUSTERNAAM', ...truth.clusterRows].join('\n') + '\n');
  if (withTraits) traitsTruth.write(folder);
  const days = truth.clientPeriodDays;
  const expected = {
    generatorVersion: GENERATOR_VERSION,
    seed,
    scale,
    referenceDate: yyyymmdd(REFERENCE_DAY),
    municipality: { code: DEMO_MUNICIPALITY, name: plan[0]!.name },
    persons: truth.persons,
    households: truth.households,
    householdsByType: truth.householdsByType,
    clientHouseholds: truth.clusterRows.length,
    clientHouseholdsByCluster: truth.clientHouseholdsByCluster,
    clientPeriod: {
      underSixMonths: days.filter((d) => d < 183).length / days.length,
      overOneYear: days.filter((d) => d > 365).length / days.length,
    },
    ...(withTraits ? { traits: traitsTruth.section() } : {}),
  };
  writeFileSync(join(truthFolder, 'expected.json'), `${JSON.stringify(expected, null, 2)}\n`);

  const rows: Record<string, number> = {};
  for (const table of tables) rows[`${table.fileName}.csv`] = writers.get(table.id)!.rows;
  return {
    seed,
    scale,
    persons: persons.value - 1,
    households: households.value - 1,
    rows,
    files: [...Object.keys(rows), 'ground-truth/clusters.csv', ...(withTraits ? [TRAITS_FILE] : []), 'ground-truth/expected.json'],
  };
}

/** A vacant address object in the wanted district (cluster 1 lives in the village of Gilze). */
function objectInDistrict(random: Random, municipality: MunicipalityPlan, district: string): number {
  const vacant = municipality.objectCount - municipality.households;
  const start = random.int(0, vacant - 1);
  for (let step = 0; step < vacant; step++) {
    const object = municipality.firstObject + municipality.households + ((start + step) % vacant);
    if (districtOfObject(municipality, object) === district) return object;
  }
  return municipality.firstObject + municipality.households + start;
}
