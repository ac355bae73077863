// What a study export package holds, for the export package tests: the file names it should have for its candidates, and
// the data fields of one of its CSVs.
import { parsePackageCsv } from '../../../../src-main/audit/package-csv';
import { PERSONA_OUTPUT_ID } from '../../../../src-main/export/persona-content';
import type { ExportCandidate } from '../../../../src-main/study/study-shapes';

/** The package's files as they should be: per output its CSV and XLSX (and chart), the cards, the reports and logs. */
export function expectedFiles(candidates: readonly ExportCandidate[], cards: number): string[] {
  const outputs = candidates.flatMap((candidate) => {
    if (candidate.id === PERSONA_OUTPUT_ID) {
      return ['csv', 'html', 'pdf']
        .map((extension) => `${PERSONA_OUTPUT_ID}.${extension}`)
        .concat(
          Array.from({ length: cards }, (_, index) => [
            `${PERSONA_OUTPUT_ID}-cluster-${index + 1}.svg`,
            `${PERSONA_OUTPUT_ID}-cluster-${index + 1}.png`,
          ]).flat(),
        );
    }
    return [`${candidate.id}.csv`, `${candidate.id}.xlsx`, ...(candidate.chart ? [`${candidate.id}.svg`, `${candidate.id}.png`] : [])];
  });
  const top = [...outputs, 'report.html', 'report.pdf', 'definities.json', 'output-log.json', 'output-log.xlsx', 'results.json', 'SHA256SUMS'];
  return [...top, ...top.map((name) => `checksums/${name}.txt`)].sort();
}

/** The data fields of a package CSV: [row][column], the row label left out (as definities.json and results.json count). */
export function csvCells(bytes: Buffer): string[][] {
  return parsePackageCsv(bytes.toString('utf8'), 'test.csv').rows.map((row) => row.fields.slice(1));
}
