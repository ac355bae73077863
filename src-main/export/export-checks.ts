// What an export request must pass before a single byte is written: valid tables, matching rule set, no unmasked failures.
import { checkedTableSchema, statusCounts, tableVerdict, type CheckedTable } from '../disclosure/checked-table';
import { ruleSetDigest, ruleSetSchema, type RuleSet } from '../disclosure/rule-set';
import { hasChartableColumns } from './chart-svg';
import { blockedText } from './cell-text';
import { blockingRuleCounts } from './output-log';

export interface FailingOutput {
  id: string;
  title: string;
  verdict: 'fail';
  /** Why, in words: which rules blocked how many cells, how many were suppressed as secondary. */
  reasons: string[];
}

export type ExportError =
  | { code: 'invalid-request'; message: string }
  | { code: 'invalid-table'; message: string; outputId: string }
  | { code: 'failing-outputs'; message: string; outputs: FailingOutput[] }
  | { code: 'aborted'; message: string }
  | { code: 'write-failed'; message: string };

export interface CheckedOutput {
  table: CheckedTable;
  chart: boolean;
  comment?: string | undefined;
  exceptionRequest?: string | undefined;
}

/** Why a failing table fails, cell counts per blocking rule first. */
export function failureReasons(table: CheckedTable, rules: RuleSet): string[] {
  const reasons = [...blockingRuleCounts(table)].map(([rule, cells]) => `${cells} ${cells === 1 ? 'cel' : 'cellen'} ${blockedText(rule, rules)}`);
  const secondary = statusCounts(table).secondary;
  if (secondary > 0) reasons.push(`${secondary} ${secondary === 1 ? 'cel' : 'cellen'} secundair onderdrukt`);
  return reasons;
}

function issueText(error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> }): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join('.') || '(top)'}: ${issue.message}`)
    .join('; ');
}

/**
 * Checks the request as a whole and returns the tables as parsed (defence in depth: a blocked cell that
 * carries a value, or a row with too few cells, is refused here even if the producer let it through).
 */
export function checkExportRequest(
  outputs: readonly CheckedOutput[],
  ruleSet: RuleSet,
  maskBlocked: boolean,
): { ok: true; outputs: CheckedOutput[]; digest: string } | { ok: false; error: ExportError } {
  const rules = ruleSetSchema.safeParse(ruleSet);
  if (!rules.success) return { ok: false, error: { code: 'invalid-request', message: `The rule set is not valid: ${issueText(rules.error)}.` } };
  if (outputs.length === 0) return { ok: false, error: { code: 'invalid-request', message: 'Nothing to export: pick at least one table.' } };
  const digest = ruleSetDigest(rules.data);
  const checked: CheckedOutput[] = [];
  const ids = new Set<string>();
  for (const [index, output] of outputs.entries()) {
    const parsed = checkedTableSchema.safeParse(output.table);
    const outputId = typeof output.table?.id === 'string' ? output.table.id : `#${index + 1}`;
    if (!parsed.success) {
      return { ok: false, error: { code: 'invalid-table', outputId, message: `Table ${outputId} is not a valid checked table and is refused: ${issueText(parsed.error)}.` } };
    }
    const table = parsed.data;
    const short = table.rows.find((row) => row.cells.length !== table.columns.length);
    if (short) {
      return { ok: false, error: { code: 'invalid-table', outputId, message: `Table ${outputId}, row "${short.label}": ${short.cells.length} cells for ${table.columns.length} columns.` } };
    }
    if (table.ruleSet.digest !== digest) {
      return {
        ok: false,
        error: { code: 'invalid-table', outputId, message: `Table ${outputId} was checked with another rule set (${table.ruleSet.name}) than this export's (${rules.data.name}); check it again first.` },
      };
    }
    if (ids.has(table.id)) return { ok: false, error: { code: 'invalid-request', message: `Two tables share the id ${table.id}; each output needs its own.` } };
    ids.add(table.id);
    if (output.chart && !hasChartableColumns(table)) {
      return { ok: false, error: { code: 'invalid-request', message: `Table ${table.id} has no percent column, so it cannot be drawn as a chart; export it without one.` } };
    }
    checked.push({ table, chart: output.chart, comment: output.comment, exceptionRequest: output.exceptionRequest });
  }
  if (!maskBlocked) {
    const failing: FailingOutput[] = checked
      .filter((output) => tableVerdict(output.table) === 'fail')
      .map(({ table }) => ({ id: table.id, title: table.title, verdict: 'fail', reasons: failureReasons(table, rules.data) }));
    if (failing.length > 0) {
      const list = failing.map((output) => `${output.title} (${output.reasons.join(', ')})`).join('; ');
      return {
        ok: false,
        error: {
          code: 'failing-outputs',
          outputs: failing,
          message: `Nothing was written: ${failing.length === 1 ? 'one table fails' : `${failing.length} tables fail`} the disclosure rules: ${list}. Export them with blocked cells masked, or change the tables.`,
        },
      };
    }
  }
  return { ok: true, outputs: checked, digest };
}
