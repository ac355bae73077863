// Holds one table as the screen shows it against the same table in every format of a written export package: the CSV,
// the XLSX (each number read in its own number format), the HTML report and the PDF report's drawn text.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import { csvFigure, csvLines, displayText, excelDutch, htmlTableRows, sheetRows, squeezed, withPlainSpaces, type ScreenRow } from './package-reading';

/**
 * Every row of table `id` on screen (`rows`) reads the same in the package in `folder`: in `id`.csv and `id`.xlsx, in
 * `html` (the package's report.html) and in `pdf` (report.pdf's drawn text, squeezed), every hidden cell as "x".
 */
export async function expectSameInEveryFormat(folder: string, id: string, rows: ScreenRow[], html: string, pdf: string): Promise<void> {
  const csv = csvLines(await readFile(join(folder, `${id}.csv`)));
  expect(csv[0]?.[0], `${id}.csv`).toMatch(/^# Regelset /);
  const sheet = await sheetRows(await readFile(join(folder, `${id}.xlsx`)));
  const report = htmlTableRows(html, id);
  expect(
    report.map((row) => row.label),
    `${id} in report.html`,
  ).toEqual(rows.map((row) => row.label));

  for (const row of rows) {
    const where = `${id} / ${row.label}`;
    const csvRow = csv.find((line) => line[0] === row.label);
    expect(csvRow?.slice(1), `${where} in the CSV`).toEqual(
      row.cells.map((cell) =>
        cell.status === 'suppressed' ? 'x' : cell.status === 'empty' && !cell.words ? '' : cell.words ? cell.reading : csvFigure(cell.reading),
      ),
    );

    const sheetRow = sheet.find((line) => line[0]?.value === row.label);
    expect(sheetRow, `${where} in the XLSX`).toBeDefined();
    row.cells.forEach((cell, index) => {
      const sheetCell = sheetRow![index + 1]!;
      if (cell.status === 'suppressed') expect(sheetCell.value, `${where} [${index}] in the XLSX`).toBe('x');
      else if (cell.status === 'empty' && !cell.words) expect(sheetCell.value, `${where} [${index}] in the XLSX`).toBeNull();
      else if (cell.words) expect(sheetCell.value, `${where} [${index}] in the XLSX`).toBe(cell.reading);
      else {
        expect(typeof sheetCell.value, `${where} [${index}] in the XLSX`).toBe('number');
        expect(excelDutch(sheetCell.value as number, sheetCell.format ?? 'General'), `${where} [${index}] in the XLSX (${sheetCell.format})`).toBe(
          withPlainSpaces(cell.reading),
        );
      }
    });

    const reportRow = report.find((line) => line.label === row.label);
    expect(
      reportRow?.cells.map((cell) => cell.text),
      `${where} in report.html`,
    ).toEqual(row.cells.map(displayText));
    expect(
      reportRow?.cells.map((cell) => cell.status),
      `${where} in report.html`,
    ).toEqual(row.cells.map((cell) => cell.status));

    expect(pdf, `${where} in report.pdf`).toContain(squeezed(row.label + row.cells.map(displayText).join('')));
  }
}
