// Child process for the memory test: writes a world and prints its summary with the peak resident set size.
import { writeWorldCsv } from '../../../../src-main/synthetic/generate-world';

const [folder, scale] = process.argv.slice(2);
if (!folder || !scale) throw new Error('usage: rss-probe.ts FOLDER SCALE');
const started = performance.now();
const summary = await writeWorldCsv(folder, { seed: 2017, scale: Number(scale) });
process.stdout.write(
  JSON.stringify({
    persons: summary.persons,
    addressRows: summary.rows['GBAADRESOBJECT2018BUSV1.csv'],
    seconds: (performance.now() - started) / 1000,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  }),
);
