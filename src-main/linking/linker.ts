// The steps of one link run: each statement with progress before it, a cancel honoured before and during, a failure
// naming its files, and the report's counts registered along the way and taken together in one statement at the end.
import { UserFacingError } from '../common/errors';
import type { LockedSession } from '../engine/locked-session';
import type { LinkTables } from './link-inputs';
import type { LinkCount, LinkReport, LinkStep } from './link-report';
import type { InputKind, Study } from './study-file';

export interface LinkProgress {
  step: number;
  steps: number;
  label: string;
}

export interface LinkOptions {
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: LinkProgress) => void) | undefined;
}

/** Runs the statements of one link as numbered steps (progress, cancel, the failing file named) and takes its counts. */
export class Linker {
  private readonly counts = new Map<string, LinkCount[]>();
  private readonly pending: { stepId: string; id: string; label: string; sql: string }[] = [];
  private step = 0;

  constructor(
    private readonly session: LockedSession,
    private readonly study: Study,
    private readonly tables: LinkTables,
    private readonly options: LinkOptions,
    private readonly totalSteps: number,
  ) {}

  /** What the analyst should know about how the inputs were read (a role defaulted, a column chosen, an input missing). */
  private readonly notes: string[] = [];

  get referenceDate(): string {
    return this.study.referenceDate;
  }

  get municipality(): string {
    return this.study.municipality.code;
  }

  /** Adds a note for the link report (never a count: notes are not protected). */
  note(text: string): void {
    this.notes.push(text);
  }

  /** The bound values a statement names: the reference date, the municipality, the open end, the input paths. */
  private parameters(sql: string): Record<string, string> {
    const values: Record<string, string> = {
      reference: this.study.referenceDate,
      municipality: this.study.municipality.code,
      openEnd: this.study.openEndDate,
    };
    for (const input of this.tables) Object.assign(values, input.parameters);
    return Object.fromEntries(Object.entries(values).filter(([name]) => new RegExp(`\\$${name}\\b`).test(sql)));
  }

  /** Runs one statement as a step: progress before, cancel honoured before and during. */
  async run(label: string, sql: string, kinds: InputKind[]): Promise<void> {
    this.options.signal?.throwIfAborted();
    this.step += 1;
    this.options.onProgress?.({ step: this.step, steps: this.totalSteps, label });
    const onAbort = () => this.session.interrupt();
    this.options.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      await this.session.query(sql, this.parameters(sql));
    } catch (error) {
      this.options.signal?.throwIfAborted();
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
      const files = kinds
        .map((kind) => this.tables.find((table) => table.kind === kind)?.name)
        .filter(Boolean)
        .join(', ');
      throw new UserFacingError(`${label} is mislukt${files ? ` (${files})` : ''}: ${message}`);
    } finally {
      this.options.signal?.removeEventListener('abort', onAbort);
    }
  }

  /** Registers a count of the report; all are taken together, in one statement, when the linking is done. */
  count(stepId: string, id: string, label: string, sql: string): void {
    this.pending.push({ stepId, id, label, sql });
  }

  async report(steps: { id: string; label: string }[]): Promise<LinkReport> {
    const columns = this.pending.map((count, index) => `(${count.sql}) AS c${index}`);
    const [row] = columns.length > 0 ? await this.session.query(`SELECT ${columns.join(', ')}`) : [{}];
    for (const [index, count] of this.pending.entries()) {
      const list = this.counts.get(count.stepId) ?? [];
      list.push({ id: count.id, label: count.label, count: Number(row?.[`c${index}`] ?? 0) });
      this.counts.set(count.stepId, list);
    }
    const out: LinkStep[] = steps.map((step) => ({ ...step, counts: this.counts.get(step.id) ?? [] }));
    const notes = [...this.tables.flatMap((input) => input.notes), ...this.notes];
    return {
      referenceDate: this.study.referenceDate,
      municipality: this.study.municipality.code,
      referenceMoment: this.study.referenceMoment,
      steps: out,
      notes,
    };
  }
}
