// The food bank's client list: which households are clients in which planted cluster and for how long, the former,
// future and out-of-town clients around them, and the errors a partner's list always has.
import { dayOf, yyyymmdd } from '../common/calendar';
import type { ClientCluster } from './client-profiles';
import type { CellValue } from './csv-writer';
import type { ExtractTableId } from './extract-tables';
import type { EmittedHousehold } from './household-rows';
import { personKey, SOURCE } from './keys';
import { Random } from './random';
import { DEMO_MUNICIPALITY, OPEN_END_DAY, REFERENCE_DAY, type MunicipalityPlan } from './world-plan';

type Write = (table: ExtractTableId, values: readonly CellValue[]) => void;

const DAY_CLIENTS_FROM = dayOf(2014, 1, 1);

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

export interface ClientSlot {
  cluster: ClientCluster;
  /** Bands are dealt out in the seed's proportions (13 % short, 55 % long), not drawn, so the shares hold exactly. */
  band: DurationBand;
}

/** Which of Gilze en Rijen's households are the food bank's clients, in which planted cluster (of `clusters`), for how long. */
export function clientSlots(seed: number, households: number, clusters: readonly ClientCluster[]): Map<number, ClientSlot> {
  const random = Random.stream(seed, 'client-slots');
  const total = clusters.reduce((sum, cluster) => sum + cluster.size, 0);
  const short = Math.round(total * 0.13);
  const long = Math.round(total * 0.55);
  const bands: DurationBand[] = [...Array<DurationBand>(short).fill('short'), ...Array<DurationBand>(long).fill('long')];
  while (bands.length < total) bands.push('medium');
  for (let i = bands.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [bands[i], bands[j]] = [bands[j]!, bands[i]!];
  }
  const slots = new Map<number, ClientSlot>();
  for (const cluster of clusters) {
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

/** The food bank's list: current clients, plus former and future ones and clients from elsewhere (noise). */
export function writeClientRows(
  random: Random,
  household: EmittedHousehold,
  slot: ClientSlot | undefined,
  municipality: MunicipalityPlan,
  write: Write,
  clientPeriodDays: number[],
): void {
  const list = (key: string, start: number, end: number) => write('clients', [SOURCE, key, yyyymmdd(start), yyyymmdd(end)]);
  const listed = (period: { start: number; end: number }) => {
    list(household.referenceKey, period.start, period.end);
    if (household.partnerKey && random.chance(0.25)) list(household.partnerKey, period.start, period.end);
  };
  if (slot) {
    const period = currentClientPeriod(random, slot.band);
    clientPeriodDays.push(period.days);
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
export function writeClientListErrors(seed: number, write: Write): void {
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
