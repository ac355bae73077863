// Worlds with one client household fewer, for the differencing tests: the line of a client row whose removal takes
// exactly one client household out of the study (per the world's ground truth), and a copy of the world without it.
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseCsv } from '../disclosure/attacks/package-reader';

export const CLIENT_FILE = 'VOEDSELBANK_KLANTEN.csv';
const HOUSEHOLD_FILE = 'GBAHUISHOUDENS2018BUSV1.csv';
const DEMO_REFERENCE_DATE = '20171231';

function rowsOf(text: string): { header: string[]; rows: string[][] } {
  const [header = [], ...rows] = parseCsv(text.replace(/^\uFEFF/, ''), ',').filter((row) => row.length > 1);
  return { header, rows };
}

/**
 * The line (1-based, after the header) of a client row whose removal takes exactly one client household out of the
 * study: the only client of a client household in the municipality (per the world's ground truth), with one period
 * on the reference date.
 */
export async function removableClientLine(world: string, referenceDate = DEMO_REFERENCE_DATE): Promise<number> {
  const planted = rowsOf(await readFile(join(world, 'ground-truth', 'clusters.csv'), 'utf8'));
  const clientHouseholds = new Set(planted.rows.map((row) => `${row[0]}|${row[1]}`));
  const households = rowsOf(await readFile(join(world, HOUSEHOLD_FILE), 'utf8'));
  const column = (name: string) => households.header.indexOf(name);
  const [person, begin, end, key] = ['RINPERSOON', 'DATUMAANVANGHH', 'DATUMEINDEHH', 'HUISHOUDNR'].map(column) as [number, number, number, number];
  const householdOf = new Map<string, string>();
  for (const row of households.rows) {
    if (row[begin]! <= referenceDate && row[end]! >= referenceDate) householdOf.set(row[person]!, `${row[key]}|${row[begin]}`);
  }
  const clients = rowsOf(await readFile(join(world, CLIENT_FILE), 'utf8'));
  const valid = clients.rows.map((row, index) => ({
    person: row[1]!,
    index,
    valid: row[2]! <= referenceDate && row[3]! >= referenceDate && row[3]! >= row[2]!,
  }));
  const clientsOfHousehold = new Map<string, Set<string>>();
  for (const row of valid.filter((candidate) => candidate.valid)) {
    const household = householdOf.get(row.person);
    if (household === undefined || !clientHouseholds.has(household)) continue;
    clientsOfHousehold.set(household, (clientsOfHousehold.get(household) ?? new Set()).add(row.person));
  }
  const chosen = valid.find((row) => {
    const household = householdOf.get(row.person);
    if (!row.valid || household === undefined || clientsOfHousehold.get(household)?.size !== 1) return false;
    return valid.filter((other) => other.valid && other.person === row.person).length === 1;
  });
  if (!chosen) throw new Error('No client row whose removal takes exactly one household out.');
  return chosen.index + 1;
}

/** A copy of the world with one line of the client list left out. */
export async function worldWithoutClientLine(world: string, copy: string, line: number): Promise<void> {
  await cp(world, copy, { recursive: true });
  const lines = (await readFile(join(world, CLIENT_FILE), 'utf8')).split('\n');
  await writeFile(join(copy, CLIENT_FILE), [...lines.slice(0, line), ...lines.slice(line + 1)].join('\n'));
}
