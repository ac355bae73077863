// Which municipalities the world has, how many households each, and their address-object ranges.
import { dayOf, yyyymmdd } from '../common/calendar';

export const REFERENCE_DAY = dayOf(2017, 12, 31);
/** Open-ended spells end on this date, as CBS commonly writes them (a setting in the loaders). */
export const OPEN_END_DAY = dayOf(2050, 12, 31);
/** The open end as the extracts write it (20501231). */
export const OPEN_END = yyyymmdd(OPEN_END_DAY);
/** Days in an average year, for ages and durations drawn in days. */
export const YEAR_DAYS = 365.25;
export const DEMO_MUNICIPALITY = '0784';

export interface District {
  /** wc2017: municipality code + 2 digits. */
  code: string;
  name: string;
  weight: number;
}

export interface MunicipalityPlan {
  code: string;
  name: string;
  /** Households living here on the reference date (before the few that other households' histories add). */
  households: number;
  districts: District[];
  /** 0 rural .. 1 big city: shifts household types, tenure and migration background. */
  urbanity: number;
  /** Address objects [firstObject, firstObject + objectCount): one per household, the rest vacant for movers. */
  firstObject: number;
  objectCount: number;
  /** Part of the demo world (its content never depends on --scale). */
  demo: boolean;
}

const GILZE_EN_RIJEN_HOUSEHOLDS = 11_346;

const DEMO_MUNICIPALITIES: Omit<MunicipalityPlan, 'firstObject' | 'objectCount' | 'demo'>[] = [
  {
    code: DEMO_MUNICIPALITY,
    name: 'Gilze en Rijen',
    households: GILZE_EN_RIJEN_HOUSEHOLDS,
    urbanity: 0.25,
    districts: [
      { code: '078401', name: 'Gilze', weight: 0.33 },
      { code: '078402', name: 'Rijen', weight: 0.55 },
      { code: '078403', name: 'Hulten', weight: 0.05 },
      { code: '078404', name: 'Molenschot', weight: 0.07 },
    ],
  },
  { code: '0758', name: 'Breda', households: 4_200, urbanity: 0.8, districts: [] },
  { code: '0826', name: 'Oosterhout', households: 3_000, urbanity: 0.5, districts: [] },
  { code: '0766', name: 'Dongen', households: 1_800, urbanity: 0.3, districts: [] },
  { code: '0855', name: 'Tilburg', households: 4_000, urbanity: 0.85, districts: [] },
  { code: '0785', name: 'Goirle', households: 1_500, urbanity: 0.3, districts: [] },
];

/** Households of the neighbours together: what one unit of --scale adds beyond scale 1. */
export const HOUSEHOLDS_PER_SCALE_UNIT = DEMO_MUNICIPALITIES.slice(1).reduce((sum, m) => sum + m.households, 0);
const EXTRA_MUNICIPALITY_HOUSEHOLDS = 20_000;
const OBJECTS_PER_HOUSEHOLD = 1.25;

function defaultDistricts(code: string): District[] {
  return [1, 2, 3, 4, 5].map((index) => ({ code: `${code}0${index}`, name: `Wijk ${index}`, weight: 1 / index }));
}

/** Codes for the municipalities that --scale adds: 4 digits, none of the demo codes. */
function extraCodes(count: number): string[] {
  const taken = new Set(DEMO_MUNICIPALITIES.map((m) => m.code));
  const codes: string[] = [];
  for (let n = 1; codes.length < count; n++) {
    const code = String(n * 7 + 3).padStart(4, '0');
    if (!taken.has(code)) codes.push(code);
    if (n > 9_999) throw new Error('Too many municipalities for 4-digit codes.');
  }
  return codes;
}

/**
 * The world for a scale: the demo municipalities always come first with the same sizes (so Gilze en
 * Rijen and its neighbours are identical at every scale); scale s adds about (s - 1) times the
 * neighbours' households in extra municipalities of 20,000 households.
 */
export function planWorld(scale: number): MunicipalityPlan[] {
  if (!Number.isFinite(scale) || scale < 1) throw new Error(`Scale must be a number of at least 1 (got ${scale}).`);
  const extraHouseholds = Math.round((scale - 1) * HOUSEHOLDS_PER_SCALE_UNIT);
  const extraCount = Math.ceil(extraHouseholds / EXTRA_MUNICIPALITY_HOUSEHOLDS);
  const extras = extraCodes(extraCount).map((code, index) => ({
    code,
    name: `Gemeente ${code}`,
    households: Math.min(EXTRA_MUNICIPALITY_HOUSEHOLDS, extraHouseholds - index * EXTRA_MUNICIPALITY_HOUSEHOLDS),
    urbanity: ((index * 37) % 100) / 100,
    districts: [] as District[],
  }));
  let nextObject = 1;
  return [...DEMO_MUNICIPALITIES, ...extras].map((municipality, index) => {
    const objectCount = Math.ceil(municipality.households * OBJECTS_PER_HOUSEHOLD) + 50;
    const plan: MunicipalityPlan = {
      ...municipality,
      districts: municipality.districts.length > 0 ? municipality.districts : defaultDistricts(municipality.code),
      firstObject: nextObject,
      objectCount,
      demo: index < DEMO_MUNICIPALITIES.length,
    };
    nextObject += objectCount;
    return plan;
  });
}

/** Neighbourhood code bc2017 of an address object: district code + 2 digits. */
export function neighbourhoodOf(districtCode: string, objectNumber: number): string {
  return `${districtCode}${String((objectNumber % 4) + 1).padStart(2, '0')}`;
}
