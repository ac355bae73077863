// A table of figures before protection: each cell a figure registered in the ledger (or a fixed empty cell), resolved to
// the checked table that leaves only after the whole publication has been protected. Keeps which figure each printed
// cell is, for the package's definitions file.
import type { CheckedTable, PublishedCell, ValueFormat } from '../disclosure/checked-table';
import { ruleSetDigest } from '../disclosure/rule-set';
import type { Figure } from './figures';
import type { PublicationLedger } from './ledger';

export type DraftCell = { figure: Figure; weight?: number; text?: (cell: PublishedCell) => string | undefined } | { fixed: PublishedCell };

interface DraftRow {
  id: string;
  label: string;
  total: boolean;
  format?: ValueFormat;
  cells: DraftCell[];
}

/** A checked table with, per printed cell, the figure it shows (null for cells without a figure). */
export interface PublishedTable {
  table: CheckedTable;
  figures: (Figure | null)[][];
  /** Figures printed in the notes (a chi-square test), which have no cell. */
  noteFigures: Figure[];
}

export interface DraftHeader {
  id: string;
  title: string;
  unit: string;
  population: { id: string; label: string; total: Figure };
  rowHeader: string;
  columns: CheckedTable['columns'];
  protection: CheckedTable['protection'];
}

export class TableDraft {
  private readonly rows: DraftRow[] = [];
  private readonly noteFigures: Figure[] = [];
  private readonly notes: ((ledger: PublicationLedger) => string | null)[] = [];

  constructor(
    private readonly ledger: PublicationLedger,
    private readonly header: DraftHeader,
  ) {
    ledger.register(header.population.total);
  }

  get id(): string {
    return this.header.id;
  }

  row(id: string, label: string, cells: DraftCell[], options: { total?: boolean; format?: ValueFormat } = {}): this {
    if (cells.length !== this.header.columns.length)
      throw new Error(`Table ${this.header.id}, row ${id}: ${cells.length} cells for ${this.header.columns.length} columns.`);
    for (const cell of cells) if ('figure' in cell) this.ledger.register(cell.figure, cell.weight ?? 1);
    this.rows.push({ id, label, total: options.total ?? false, ...(options.format ? { format: options.format } : {}), cells });
    return this;
  }

  get rowCount(): number {
    return this.rows.length;
  }

  /** A note, written once the publication is protected (it may depend on what was hidden). */
  note(note: string | ((ledger: PublicationLedger) => string | null)): this {
    this.notes.push(typeof note === 'string' ? () => note : note);
    return this;
  }

  /** A figure a note prints (it is registered, so protection treats it like a cell). */
  noteFigure(figure: Figure): Figure {
    this.ledger.register(figure);
    this.noteFigures.push(figure);
    return figure;
  }

  /** The checked table; `keep` leaves rows out (with their figures), `order` sorts the rows that stay. */
  build(options: { keep?: (rowId: string) => boolean; order?: (a: string, b: string) => number } = {}): PublishedTable {
    const ledger = this.ledger;
    const drafts = this.rows.filter((row) => options.keep?.(row.id) ?? true);
    if (options.order) drafts.sort((a, b) => options.order!(a.id, b.id));
    const resolve = (cell: DraftCell): PublishedCell => {
      if ('fixed' in cell) return cell.fixed;
      const published = ledger.cell(cell.figure);
      const text = cell.text?.(published);
      if (text === undefined || !('value' in published)) return published;
      return { ...published, text };
    };
    const total = ledger.cell(this.header.population.total);
    const rows = drafts.map((row) => ({
      id: row.id,
      label: row.label,
      total: row.total,
      ...(row.format ? { format: row.format } : {}),
      cells: row.cells.map(resolve),
    }));
    const hidden = rows.reduce((sum, row) => sum + row.cells.filter((cell) => cell.status === 'suppressed').length, 0);
    const notes = this.notes.map((note) => note(ledger)).filter((note): note is string => note !== null);
    if (hidden > 0)
      notes.push(
        `${hidden} ${hidden === 1 ? 'cel is' : 'cellen zijn'} niet getoond (x) ter bescherming van de huishoudens erachter; ` +
          'de reden per cel staat in het outputlog voor de outputcontroleur.',
      );
    const rounded = rows.some((row) => row.cells.some((cell) => cell.status === 'rounded'));
    if (rounded)
      notes.push(
        `Aantallen zijn afgerond op veelvouden van ${ledger.rules.roundingBase} en aandelen daaruit berekend; ` +
          'rijen en kolommen tellen daardoor niet altijd precies op.',
      );
    const table: CheckedTable = {
      id: this.header.id,
      title: this.header.title,
      unit: this.header.unit,
      population: {
        id: this.header.population.id,
        label: this.header.population.label,
        units: 'value' in total ? total.value : { below: ledger.rules.threshold },
      },
      rowHeader: this.header.rowHeader,
      columns: this.header.columns,
      rows,
      protection: this.header.protection,
      ruleSet: { name: ledger.rules.name, digest: ruleSetDigest(ledger.rules) },
      notes,
    };
    // A note figure that is hidden is not printed (the note says so instead), so it is no figure of the package.
    const noteFigures = this.noteFigures.filter((figure) => ledger.cell(figure).status !== 'suppressed');
    return { table, figures: drafts.map((row) => row.cells.map((cell) => ('figure' in cell ? cell.figure : null))), noteFigures };
  }
}
