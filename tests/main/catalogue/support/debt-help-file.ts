// A partner's debt-help file for a generated world, as the loader does not know it: lowercase columns, no RINPERSOONS,
// open ends written blank or 99999999. Planted for client households' reference persons: open kind-A spells from 2016
// (the feature's), kind-A spells that ended in 2013 and open kind-B spells (decoys it must not count).
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const DEBT_HELP_FILE = 'SCHULDHULP2017.csv';
export const DEBT_HELP_PLANTED = { counted: 40, ended: 15, otherKind: 15 } as const;

/** The feature an analyst defines on the file: an open kind-A spell any time in the 4 years before the reference date. */
export const DEBT_HELP_FEATURE = {
  id: 'debt_help_4y',
  label: 'Schuldhulp in de 4 jaar voor de peildatum',
  group: 'inkomen',
  source: { file: 'SCHULDHULP2017', begin: 'start', end: 'eind', where: { column: 'soort', in: ['A'] } },
  validity: 'window',
  years: 4,
  coding: { type: 'flag' },
} as const;

/** The reference person of each planted client household, from the household file and the ground truth. */
async function clientReferencePersons(world: string): Promise<string[]> {
  const clusters = (await readFile(join(world, 'ground-truth', 'clusters.csv'), 'utf8')).trim().split('\n').slice(1);
  const households = new Set(clusters.map((line) => line.split(',').slice(0, 2).join('|')));
  const [header, ...rows] = (await readFile(join(world, 'GBAHUISHOUDENS2018BUSV1.csv'), 'utf8')).trim().split('\n');
  const names = header!.split(',');
  const at = (name: string) => names.indexOf(name);
  const persons: string[] = [];
  for (const line of rows) {
    const row = line.split(',');
    if (row[at('REFPERSOONHH')] === '1' && households.has(`${row[at('HUISHOUDNR')]}|${row[at('DATUMAANVANGHH')]}`)) persons.push(row[at('RINPERSOON')]!);
  }
  return [...new Set(persons)];
}

/** Writes the file into the world's folder; spell i of the counted ones begins on the first of month (i mod 12) + 1 of 2016. */
export async function writeDebtHelpFile(world: string): Promise<void> {
  const { counted, ended, otherKind } = DEBT_HELP_PLANTED;
  const persons = await clientReferencePersons(world);
  if (persons.length < counted + ended + otherKind) throw new Error(`only ${persons.length} client households`);
  const lines = ['rinpersoon,start,eind,soort'];
  persons
    .slice(0, counted)
    .forEach((person, index) => lines.push(`${person},2016${String((index % 12) + 1).padStart(2, '0')}01,${index % 2 ? '' : '99999999'},A`));
  persons.slice(counted, counted + ended).forEach((person) => lines.push(`${person},20100101,20131231,A`));
  persons.slice(counted + ended, counted + ended + otherKind).forEach((person) => lines.push(`${person},20160101,,B`));
  await writeFile(join(world, DEBT_HELP_FILE), `${lines.join('\n')}\n`);
}
