// Writes one world's CSV extracts and its ground truth, household by household, with bounded memory.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { yyyymmdd, dayOf } from '../common/calendar';
import { CLIENT_CLUSTERS, CLIENT_HOUSEHOLDS, type ClientCluster } from './client-profiles';
import { CsvWriter, type CellValue } from './csv-writer';
import { EXTRACT_TABLES, type ExtractTableId } from './extract-tables';
import { draftHousehold } from './household-draft';
import type { HouseholdProfile } from './household-profile';
import { emitHousehold, type EmitContext, type EmittedHousehold } from './household-rows';
import { Counter, OBJECT_KIND, personKey, SOURCE } from './keys';
import { Random } from './random';
import { residentProfile } from './resident-profile';
import { DEMO_MUNICIPALITY, neighbourhoodOf, OPEN_END_DAY, planWorld, REFERENCE_DAY, type MunicipalityPlan } from './world-plan';
import { GENERATOR_VERSION, type WorldOptions, type WorldSummary } from './world-writer';

const DAY_CLIENTS_FROM = dayOf(2014, 1, 1);
const PROGRESS_EVERY = 2_000;
const MOVED_IN_FROM_ELSEWHERE = 0.06;

type DurationBand = 'short' | 'medium' | 'long';
const DURATION_BANDS: readonly (readonly [DurationBand, number])[] = [
  ['short', 0.13],
  ['medium', 0.32],
  ['long', 0.55],
];

/** Client period length in days up to the reference date: short under six months, long over a year. */
function clientPeriodDays(random: Random, band: DurationBand): number {
  if (band === 'short') return random.int(30, 182);
  if (band === 'medium') return random.int(183, 365);
  return random.int(366, 1_400);
}

/**
 * A client period that includes the reference date; `days` is its length up to and including the reference date (the
 * seed's durations are counted so). About half are still open on the list (the open end 20501231), the others end
 * within a year after the reference date.
 */
function currentClientPeriod(random: Random, band: DurationBand = random.pick(DURATION_BANDS)): { start: number; end: number; days: number } {
  const planned = clientPeriodDays(random, band);
  const start = Math.max(DAY_CLIENTS_FROM, REFERENCE_DAY - planned + 1);
  const after = random.int(0, planned - 1);
  const end = after % 2 === 0 ? OPEN_END_DAY : REFERENCE_DAY + 1 + (after % 365);
  return { start, end, days: REFERENCE_DAY - start + 1 };
}

interface ClientSlot {
  cluster: ClientCluster;
  /** Bands are dealt out in the seed's proportions (13 % short, 55 % long), not drawn, so the shares hold exactly. */
  band: DurationBand;
}

/** Which of Gilze en Rijen's households are the food bank's clients, in which planted cluster, for how long. */
function clientSlots(seed: number, households: number): Map<number, ClientSlot> {
  const random = Random.stream(seed, 'client-slots');
  const total = CLIENT_HOUSEHOLDS;
  const short = Math.round(total * 0.13);
  const long = Math.round(total * 0.55);
  const bands: DurationBand[] = [...Array<DurationBand>(short).fill('short'), ...Array<DurationBand>(long).fill('long')];
  while (bands.length < total) bands.push('medium');
  for (let i = bands.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [bands[i], bands[j]] = [bands[j]!, bands[i]!];
  }
  const slots = new Map<number, ClientSlot>();
  for (const cluster of CLIENT_CLUSTERS) {
    for (let placed = 0; placed < cluster.size;) {
      const index = random.int(0, households - 1);
      if (!slots.has(index)) {
        slots.set(index, { cluster, band: bands[slots.size]! });
        placed += 1;
      }
    }
  }
  return slots;
}

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

export async function writeWorldCsv(folder: string, options: WorldOptions): Promise<WorldSummary> {
  const { seed, scale, signal, onProgress } = options;
  const plan = planWorld(scale);
  const demo = plan.filter((m) => m.demo);
  const writers = new Map<ExtractTableId, CsvWriter>();
  for (const table of EXTRACT_TABLES) {
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
      const clients = municipality.code === DEMO_MUNICIPALITY ? clientSlots(seed, municipality.households) : new Map<number, ClientSlot>();

      for (let index = 0; index < municipality.households; index++) {
        const random = Random.stream(seed, 'household', municipality.code, index);
        const slot = clients.get(index);
        const cluster = slot?.cluster;
        const draft = draftHousehold(random, cluster ? cluster.profile : residents, MOVED_IN_FROM_ELSEWHERE);
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
        writeClientRows(random, emitted, slot, municipality, write, truth);
        if (municipality.code === DEMO_MUNICIPALITY) {
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
  } finally {
    for (const writer of writers.values()) writer.close();
  }
  onProgress?.({ householdsWritten, householdsPlanned, personsWritten: persons.value - 1, rowsWritten });

  const truthFolder = join(folder, 'ground-truth');
  mkdirSync(truthFolder);
  writeFileSync(join(truthFolder, 'clusters.csv'), ['HUISHOUDNR,DATUMAANVANGHH,CLUSTER,CLUSTERNAAM', ...truth.clusterRows].join('\n') + '\n');
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
  };
  writeFileSync(join(truthFolder, 'expected.json'), `${JSON.stringify(expected, null, 2)}\n`);

  const rows: Record<string, number> = {};
  for (const table of EXTRACT_TABLES) rows[`${table.fileName}.csv`] = writers.get(table.id)!.rows;
  return {
    seed,
    scale,
    persons: persons.value - 1,
    households: households.value - 1,
    rows,
    files: [...Object.keys(rows), 'ground-truth/clusters.csv', 'ground-truth/expected.json'],
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

/** The food bank's list: current clients, plus former and future ones and clients from elsewhere (noise). */
function writeClientRows(
  random: Random,
  household: EmittedHousehold,
  slot: ClientSlot | undefined,
  municipality: MunicipalityPlan,
  write: (table: ExtractTableId, values: readonly CellValue[]) => void,
  truth: GroundTruth,
): void {
  const list = (key: string, start: number, end: number) => write('clients', [SOURCE, key, yyyymmdd(start), yyyymmdd(end)]);
  const listed = (period: { start: number; end: number }) => {
    list(household.referenceKey, period.start, period.end);
    if (household.partnerKey && random.chance(0.25)) list(household.partnerKey, period.start, period.end);
  };
  if (slot) {
    const period = currentClientPeriod(random, slot.band);
    truth.clientPeriodDays.push(period.days);
    listed(period);
    return;
  }
  if (!municipality.demo) return;
  const roll = random.next();
  if (municipality.code === DEMO_MUNICIPALITY) {
    if (roll < 0.003) {
      const end = REFERENCE_DAY - random.int(30, 700);
      listed({ start: end - random.int(60, 600), end });
    } else if (roll < 0.0045) {
      const start = REFERENCE_DAY + random.int(1, 300);
      listed({ start, end: start + random.int(60, 600) });
    }
  } else if (roll < 0.004) {
    listed(currentClientPeriod(random));
  }
}

/** A partner's list is never clean: keys CBS could not find in the register, and a period typed backwards. */
function writeClientListErrors(seed: number, write: (table: ExtractTableId, values: readonly CellValue[]) => void): void {
  const random = Random.stream(seed, 'client-list-errors');
  // Numbers far beyond any world's person count give keys that no register holds.
  const unknownKey = (index: number) => personKey(900_000_000 + index);
  for (let index = 0; index < 3; index++) {
    const period = currentClientPeriod(random);
    write('clients', [SOURCE, unknownKey(index), yyyymmdd(period.start), yyyymmdd(period.end)]);
  }
  const end = REFERENCE_DAY - random.int(10, 200);
  write('clients', [SOURCE, unknownKey(3), yyyymmdd(end + random.int(30, 300)), yyyymmdd(end)]);
}
