// The output log as an .xlsx workbook for a checker without a JSON viewer: overview, outputs, files.
import writeExcelFile, { type Cell, type Row } from 'write-excel-file/node';
import { unitsText } from './cell-text';
import type { OutputLog } from './output-log';
import { withFixedZipTime } from './table-xlsx';

const VERDICT_TEXT: Record<OutputLog['outputs'][number]['checks']['verdict'], string> = {
  pass: 'geslaagd',
  review: 'ter controle',
  fail: 'niet geslaagd',
};

function text(value: string, bold = false): Cell {
  return bold ? { type: String, value, fontWeight: 'bold' } : { type: String, value };
}

function count(value: number): Cell {
  return { type: Number, value, format: '#,##0' };
}

function header(labels: readonly string[]): Row {
  return labels.map((label) => ({ type: String, value: label, fontWeight: 'bold', backgroundColor: '#E8EEF4' }));
}

function overviewRows(log: OutputLog): Row[] {
  return [
    [text('Uitvoerlogboek Groepsbeeld', true)],
    [],
    [text('Aangemaakt'), text(log.createdAt)],
    [text('Programma'), text(`${log.tool.name} ${log.tool.version}`)],
    [text('Studie'), text(log.study.name)],
    [text('Peildatum'), text(log.study.referenceDate)],
    [text('Gemeente'), text(log.study.municipality)],
    [text('Studiebestand SHA-256'), text(log.study.sha256)],
    [text('Regelset'), text(log.ruleSet.name)],
    [text('Regelset SHA-256'), text(log.ruleSet.digest)],
    [text('Gebruikte regels'), text(log.ruleSet.summary)],
    [text('Drempel'), count(log.ruleSet.rules.threshold)],
    [text('Beschermingsniveau'), count(log.ruleSet.rules.protectionLevel)],
    [
      text('Controle van het geschreven pakket'),
      text(`${log.audit.hiddenCells} verborgen cellen aangevallen over ${log.audit.packages} pakket(ten); smalste interval ${log.audit.narrowest ?? '–'}`),
    ],
    [text('Logformaat'), text(`${log.format} versie ${log.version}`)],
  ];
}

function outputRows(log: OutputLog): Row[] {
  const rows: Row[] = [
    header([
      'Id',
      'Soort',
      'Titel',
      'Populatie',
      'Eenheden',
      'Oordeel',
      'Veilig',
      'Ter controle',
      'Afgerond',
      'Niet getoond',
      'Leeg',
      'Opmerkingen',
      'Toelichting analist',
      'Verzoek om uitzondering',
    ]),
  ];
  for (const output of log.outputs) {
    const cells = output.checks.cellCounts;
    rows.push([
      text(output.id),
      text(output.kind === 'table' ? 'tabel' : "persona's"),
      text(output.title),
      text(output.population.label),
      text(`${unitsText(output.population.units)} ${output.unit}`),
      text(VERDICT_TEXT[output.checks.verdict]),
      count(cells.safe),
      count(cells.review),
      count(cells.rounded),
      count(cells.suppressed),
      count(cells.empty),
      text(output.checks.notes.join('; ')),
      text(output.comment ?? ''),
      text(output.exceptionRequest ?? ''),
    ]);
  }
  return rows;
}

/** Every hidden cell with its reason and the interval an attacker who reads the whole package is left with. */
function hiddenRows(log: OutputLog): Row[] {
  const rows: Row[] = [header(['Uitvoer', 'Rij', 'Kolom', 'Reden', 'Ondergrens', 'Bovengrens'])];
  for (const output of log.outputs) {
    for (const cell of output.checks.hiddenCells) {
      rows.push([
        text(output.id),
        text(cell.rowLabel),
        text(cell.columnLabel),
        text(cell.description),
        cell.interval ? count(cell.interval.lower) : text(''),
        cell.interval ? (cell.interval.upper === null ? text('onbegrensd') : count(cell.interval.upper)) : text(''),
      ]);
    }
  }
  return rows;
}

function fileRows(log: OutputLog): Row[] {
  const rows: Row[] = [header(['Uitvoer', 'Bestand', 'Soort', 'Bytes', 'SHA-256'])];
  for (const output of log.outputs) {
    for (const file of output.files) rows.push([text(output.id), text(file.name), text(file.kind), count(file.bytes), text(file.sha256)]);
  }
  for (const file of log.files) rows.push([text('(rapport)'), text(file.name), text(file.kind), count(file.bytes), text(file.sha256)]);
  return rows;
}

/** The workbook's bytes, zip entries stamped with the log's creation time. */
export async function outputLogXlsx(log: OutputLog): Promise<Buffer> {
  const workbook = await writeExcelFile([
    { data: overviewRows(log), sheet: 'Overzicht', columns: [{ width: 40 }, { width: 70 }] },
    { data: outputRows(log), sheet: 'Uitvoer', columns: [16, 10, 40, 30, 16, 14, 8, 12, 10, 12, 8, 60, 40, 40].map((width) => ({ width })) },
    { data: hiddenRows(log), sheet: 'Niet getoond', columns: [{ width: 28 }, { width: 50 }, { width: 30 }, { width: 60 }, { width: 12 }, { width: 12 }] },
    { data: fileRows(log), sheet: 'Bestanden', columns: [{ width: 24 }, { width: 40 }, { width: 8 }, { width: 12 }, { width: 68 }] },
  ]).toBuffer();
  return withFixedZipTime(workbook, new Date(log.createdAt));
}
