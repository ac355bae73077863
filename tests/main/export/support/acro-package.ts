// The realistic ACRO package of the results.json tests: its comparison table (and that table's CSV), its outputs, and the
// package written with its checksums folder into a folder.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AcroOutputInput, AcroResultsInput, AcroTableInput } from '../../../../src-main/export/acro-output-input';
import { acroResults } from '../../../../src-main/export/acro-results';
import { ACRO_RESULTS_FILE } from '../../../../src-main/export/acro-results-schema';
import { CHECKSUMS_FOLDER, checksumFiles } from '../../../../src-main/export/checksums-folder';

/** The moment of every output of the package. */
const NOW = new Date(Date.UTC(2026, 10, 25, 13, 30, 5));

/** The comparison table's CSV as table-csv.ts writes it: a header row, then the row label and the cells per line. */
export const COMPARISON_CSV = [
  'Opleidingsniveau;Klanten;Alle huishoudens',
  'Laag;48,2;22,5',
  'Middelbaar;geblokkeerd: minder dan 10 eenheden;40,1',
  'Hoog;secundair onderdrukt;37,4',
  'Onbekend;;0,0',
  '',
].join('\r\n');

/** The comparison table: one cell blocked by the threshold, one suppressed as secondary, under a suppression pattern. */
export function comparisonTable(): AcroTableInput {
  return {
    rowLabels: ['Laag', 'Middelbaar', 'Hoog', 'Onbekend'],
    columnLabels: ['Klanten', 'Alle huishoudens'],
    cells: [
      { row: 2, column: 0, rowLabel: 'Hoog', columnLabel: 'Klanten', checks: ['secondary'], treatment: 'suppressed' },
      { row: 1, column: 0, rowLabel: 'Middelbaar', columnLabel: 'Klanten', checks: ['threshold'], treatment: 'suppressed' },
    ],
  };
}

/** One output of the log: a crosstab table at NOW, without comments or exception unless `overrides` give them. */
export function output(overrides: Partial<AcroOutputInput> & Pick<AcroOutputInput, 'uid' | 'files'>): AcroOutputInput {
  return { type: 'table', method: 'crosstab', command: 'groepsbeeld export', timestamp: NOW, comments: [], exception: '', ...overrides };
}

/** A realistic package: a comparison table, a passing table, the persona cards, and an output that left on an exception. */
export function packageInput(): AcroResultsInput {
  return {
    outputs: [
      output({
        uid: 'vergelijking-opleiding',
        method: 'crosstab',
        mitigation: 'suppress',
        command: 'Groepsbeeld 0.1.0: vergelijking klanthuishoudens met alle huishoudens, opleidingsniveau',
        comments: ['Klanten tegen alle huishoudens van Gilze en Rijen, peildatum 31-12-2017.'],
        files: ['vergelijking-opleiding.csv', 'vergelijking-opleiding.xlsx', 'vergelijking-opleiding.svg', 'vergelijking-opleiding.png'],
        table: comparisonTable(),
      }),
      output({
        uid: 'woonsituatie',
        files: ['woonsituatie.csv', 'woonsituatie.xlsx'],
        table: { rowLabels: ['Huur met huurtoeslag', 'Koop'], columnLabels: ['Klanten'], cells: [] },
      }),
      output({
        uid: 'persona-kaarten',
        type: 'custom',
        method: 'persona cards',
        comments: ["Persona's van 4 clusters van cliënten; elk cijfer is gecontroleerd."],
        files: ['persona-kaarten.pdf', 'persona-kaarten.csv', 'persona-1.svg', 'persona-1.png', 'persona-kaarten.html'],
      }),
      output({
        uid: 'inkomen-per-cluster',
        method: 'pivot_table',
        mitigation: 'none',
        exception: 'Het gemiddelde inkomen van cluster 3 is alleen gemaskeerd; de marge geeft het niet terug omdat er geen totaalrij is.',
        files: ['inkomen-per-cluster.csv'],
        table: {
          rowLabels: ['Cluster 1', 'Cluster 2', 'Cluster 3'],
          columnLabels: ['Gem. inkomen'],
          cells: [{ row: 2, column: 0, rowLabel: 'Cluster 3', columnLabel: 'Gem. inkomen', checks: ['dominance'], treatment: 'masked' }],
        },
      }),
    ],
  };
}

/** Writes the realistic package (results.json included) with its checksums folder into a fresh folder. */
export async function writePackage(folder: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const result of packageInput().outputs) {
    for (const name of result.files) files.set(name, Buffer.from(`inhoud van ${name}\n`, 'utf8'));
  }
  files.set('vergelijking-opleiding.csv', Buffer.from(`\ufeff${COMPARISON_CSV}`, 'utf8'));
  files.set('output-log.json', Buffer.from('{"format":"groepsbeeld-output-log","version":1}\n'));
  files.set(ACRO_RESULTS_FILE, acroResults(packageInput()));
  await mkdir(join(folder, CHECKSUMS_FOLDER));
  for (const [name, bytes] of files) await writeFile(join(folder, name), bytes);
  for (const sum of checksumFiles([...files].map(([name, bytes]) => ({ name, bytes })))) await writeFile(join(folder, sum.name), sum.bytes);
  return files;
}
