// Child process of the linking benchmark: runs the app's linking or the hand-written SQL once, reports time and peak memory.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { demoStudy } from '../../../src-main/linking/demo-study';
import { ANALYSIS_TABLE } from '../../../src-main/linking/analysis-table-name';
import { runStudy } from '../../../src-main/linking/run-study';
import { EXTRACT_TABLES } from '../../../src-main/synthetic/extract-tables';

const [mode, folder, extension] = process.argv.slice(2) as ['app' | 'sql', string, 'csv' | 'parquet'];
const started = performance.now();
let households: number;
if (mode === 'app') {
  const { session } = await runStudy(demoStudy({ folder }, extension));
  households = Number((await session.query(`SELECT count(*) AS n FROM ${ANALYSIS_TABLE}`))[0]!.n);
  await session.close();
} else {
  // The benchmark's own generated files: paths are pasted here on purpose, as a hand-written script would.
  let sql = await readFile(join(import.meta.dirname, 'hand-written-link.sql'), 'utf8');
  for (const table of EXTRACT_TABLES) {
    const path = join(folder, `${table.fileName}.${extension}`);
    sql = sql.replaceAll(`{${table.id}}`, extension === 'csv' ? `read_csv('${path}', header = true, all_varchar = true)` : `read_parquet('${path}')`);
  }
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(sql);
  households = Number((await connection.runAndReadAll('SELECT count(*) FROM baseline_households')).getRows()[0]![0]);
  connection.closeSync();
  instance.closeSync();
}
process.stdout.write(JSON.stringify({ seconds: (performance.now() - started) / 1000, households, maxRssBytes: process.resourceUsage().maxRSS * 1024 }));
