// The demo world's extracts in other shapes for the linking tests (as a Dutch spreadsheet saves a CSV, as CBS delivers
// a .sav), and the client households the world's ground truth planted.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeSav } from '../../engine/sav/support/sav-writer';

/** The planted client households of a generated world, as "household_key,household_start". */
export async function plantedClientHouseholds(folder: string): Promise<string[]> {
  return (await readFile(join(folder, 'ground-truth', 'clusters.csv'), 'utf8'))
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(',').slice(0, 2).join(','));
}

/** Windows-1252 bytes of text that only uses Latin-1 characters and the euro sign (as Excel on Windows saves a CSV). */
function windows1252(text: string): Buffer {
  return Buffer.from(Array.from(text, (character) => (character === '€' ? 0x80 : character.charCodeAt(0))));
}

/** A CSV of the demo world as a Dutch spreadsheet saves it: ";" between fields, Windows-1252, plus text and amount columns. */
export async function asDutchSpreadsheet(from: string, to: string, extra: (row: number) => string[], extraNames: string[]): Promise<void> {
  const [header, ...rows] = (await readFile(from, 'utf8')).trim().split('\n');
  const lines = [[...header!.split(','), ...extraNames].join(';'), ...rows.map((row, index) => [...row.split(','), ...extra(index)].join(';'))];
  await writeFile(to, windows1252(`${lines.join('\r\n')}\r\n`));
}

/**
 * The world's client list and person register as .sav files in `copy` (VOEDSELBANK_KLANTEN.sav with STARTDAT and
 * EINDDAT, GBAPERSOON2018TABV1.sav with JAAR, MAAND and GENERATI), keys as text.
 */
export async function writeSavExtracts(folder: string, copy: string): Promise<void> {
  const csvRows = async (name: string) =>
    (await readFile(join(folder, name), 'utf8'))
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','));
  const clients = await csvRows('VOEDSELBANK_KLANTEN.csv');
  await writeSav(join(copy, 'VOEDSELBANK_KLANTEN.sav'), {
    variables: [
      { name: 'RINPERSS', width: 1 },
      { name: 'RINPERS', width: 9 },
      { name: 'STARTDAT', width: 8 },
      { name: 'EINDDAT', width: 8 },
    ],
    caseCount: clients.length,
    caseValues: (index) => clients[index]!,
    compression: 1,
  });
  const persons = await csvRows('GBAPERSOON2018TABV1.csv');
  // Birth year, month and generation as SPSS numbers, keys as text.
  await writeSav(join(copy, 'GBAPERSOON2018TABV1.sav'), {
    variables: [
      { name: 'RINPERSS', width: 1 },
      { name: 'RINPERS', width: 9 },
      { name: 'JAAR', width: 0 },
      { name: 'MAAND', width: 0 },
      { name: 'GENERATI', width: 0 },
    ],
    caseCount: persons.length,
    caseValues: (index) => {
      const row = persons[index]!;
      return [row[0]!, row[1]!, Number(row[3]), Number(row[4]), Number(row[5])];
    },
    compression: 1,
  });
}
