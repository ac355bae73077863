// What an export request must pass before a single byte is written: valid tables and persona cards, matching rule set,
// no card for a cluster below the minimum, no unmasked failures.
import { z } from 'zod';
import { personaCardSchema, type PersonaCard } from '../analysis/profiles/persona';
import { checkedTableSchema, statusCounts, tableVerdict, type CheckedTable } from '../disclosure/checked-table';
import { ruleSetDigest, ruleSetSchema, type RuleSet } from '../disclosure/rule-set';
import { hasChartableColumns } from './chart-svg';
import { blockedText } from './cell-text';
import { blockingRuleCounts } from './output-log';
import { PERSONA_OUTPUT_ID, personaFiguresTable, type PersonaPopulation } from './persona-content';

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

/** The persona cards as an export asks for them: one output, the cards of one clustering. */
export interface PersonaOutput {
  kind: 'personas';
  cards: PersonaCard[];
  /** A chart file (SVG and PNG) per card besides the HTML and PDF; true when absent. */
  chart?: boolean | undefined;
  /** Who the cards describe, for the output log; the client households when absent. */
  population?: PersonaPopulation | undefined;
  comment?: string | undefined;
  exceptionRequest?: string | undefined;
}

/** The cards once checked: parsed, and all their figures as one checked table (`figures`) for the verdict and the log. */
export interface CheckedPersonas {
  cards: PersonaCard[];
  figures: CheckedTable;
  chart: boolean;
  comment?: string | undefined;
  exceptionRequest?: string | undefined;
}

export const CLIENT_POPULATION: PersonaPopulation = { id: 'klanthuishoudens', label: 'Klanthuishoudens' };

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
    .map((issue) => `${issue.path.map(String).join('.') || '(geheel)'}: ${issue.message}`)
    .join('; ');
}

/**
 * The cards parsed (a blocked cell carrying a value, or a stray field, is refused), each cluster once, every card's
 * N published and at least the cluster minimum: a cluster too small to show gets no card, whoever made it.
 */
export function checkPersonaOutput(output: PersonaOutput, rules: RuleSet): { ok: true; personas: CheckedPersonas } | { ok: false; error: ExportError } {
  const invalid = (message: string) => ({ ok: false as const, error: { code: 'invalid-table' as const, outputId: PERSONA_OUTPUT_ID, message } });
  const parsed = z.array(personaCardSchema).min(1).safeParse(output.cards);
  if (!parsed.success) return invalid(`De personakaarten zijn niet geldig en worden geweigerd: ${issueText(parsed.error)}.`);
  const clusters = parsed.data.map((card) => card.cluster);
  if (new Set(clusters).size !== clusters.length) return invalid('Twee personakaarten beschrijven hetzelfde cluster; geef elk cluster één kaart.');
  for (const card of parsed.data) {
    if (card.kind !== 'card') continue;
    if (!('value' in card.count) || card.count.value < rules.clusterMinimum) {
      return invalid(`Cluster ${card.cluster} heeft minder dan ${rules.clusterMinimum} huishoudens, of het aantal wordt niet gepubliceerd: het krijgt geen personakaart.`);
    }
    // A fact is written from its checked cell; its own text must be that cell's reading, never something else.
    const stray = card.facts.find((fact) => 'value' in fact.cell && fact.cell.text !== undefined && fact.text !== fact.cell.text);
    if (stray) return invalid(`Cluster ${card.cluster}, kenmerk "${stray.label}": de tekst wijkt af van de gecontroleerde cel.`);
  }
  const figures = personaFiguresTable(parsed.data, rules, output.population ?? CLIENT_POPULATION);
  const table = checkedTableSchema.safeParse(figures);
  if (!table.success) return invalid(`De cijfers van de personakaarten vormen geen geldige gecontroleerde tabel: ${issueText(table.error)}.`);
  return { ok: true, personas: { cards: parsed.data, figures: table.data, chart: output.chart ?? true, comment: output.comment, exceptionRequest: output.exceptionRequest } };
}

/**
 * Checks the request as a whole and returns the tables and the persona cards as parsed (defence in depth: a blocked
 * cell that carries a value, or a row with too few cells, is refused here even if the producer let it through).
 */
export function checkExportRequest(
  requested: ReadonlyArray<(CheckedOutput & { kind?: 'table' }) | PersonaOutput>,
  ruleSet: RuleSet,
  maskBlocked: boolean,
): { ok: true; outputs: CheckedOutput[]; personas: CheckedPersonas | null; digest: string } | { ok: false; error: ExportError } {
  const rules = ruleSetSchema.safeParse(ruleSet);
  if (!rules.success) return { ok: false, error: { code: 'invalid-request', message: `De regelset is niet geldig: ${issueText(rules.error)}.` } };
  if (requested.length === 0) return { ok: false, error: { code: 'invalid-request', message: 'Er is niets om te exporteren: kies ten minste één tabel.' } };
  const digest = ruleSetDigest(rules.data);
  const checked: CheckedOutput[] = [];
  const ids = new Set<string>();
  const personaOutputs = requested.filter((output): output is PersonaOutput => output.kind === 'personas');
  const outputs = requested.filter((output): output is CheckedOutput & { kind?: 'table' } => output.kind !== 'personas');
  if (personaOutputs.length > 1) return { ok: false, error: { code: 'invalid-request', message: 'Een exportpakket kan de personakaarten maar één keer bevatten; kies ze één keer.' } };
  let personas: CheckedPersonas | null = null;
  if (personaOutputs[0]) {
    const persona = checkPersonaOutput(personaOutputs[0], rules.data);
    if (!persona.ok) return persona;
    personas = persona.personas;
    ids.add(PERSONA_OUTPUT_ID);
  }
  for (const [index, output] of outputs.entries()) {
    const parsed = checkedTableSchema.safeParse(output.table);
    const outputId = typeof output.table?.id === 'string' ? output.table.id : `#${index + 1}`;
    if (!parsed.success) {
      return { ok: false, error: { code: 'invalid-table', outputId, message: `Tabel ${outputId} is geen geldige gecontroleerde tabel en wordt geweigerd: ${issueText(parsed.error)}.` } };
    }
    const table = parsed.data;
    const short = table.rows.find((row) => row.cells.length !== table.columns.length);
    if (short) {
      return { ok: false, error: { code: 'invalid-table', outputId, message: `Tabel ${outputId}, rij "${short.label}": ${short.cells.length} cellen voor ${table.columns.length} kolommen.` } };
    }
    if (table.ruleSet.digest !== digest) {
      return {
        ok: false,
        error: { code: 'invalid-table', outputId, message: `Tabel ${outputId} is gecontroleerd met een andere regelset (${table.ruleSet.name}) dan die van deze export (${rules.data.name}); controleer de tabel eerst opnieuw.` },
      };
    }
    if (ids.has(table.id)) return { ok: false, error: { code: 'invalid-request', message: `Twee tabellen hebben dezelfde id ${table.id}; elke uitvoer heeft een eigen id nodig.` } };
    ids.add(table.id);
    if (output.chart && !hasChartableColumns(table)) {
      return { ok: false, error: { code: 'invalid-request', message: `Tabel ${table.id} heeft geen kolom met percentages en kan dus niet als grafiek worden getekend; exporteer de tabel zonder grafiek.` } };
    }
    checked.push({ table, chart: output.chart, comment: output.comment, exceptionRequest: output.exceptionRequest });
  }
  if (!maskBlocked) {
    const failing: FailingOutput[] = [...checked, ...(personas ? [{ table: personas.figures }] : [])]
      .filter((output) => tableVerdict(output.table) === 'fail')
      .map(({ table }) => ({ id: table.id, title: table.title, verdict: 'fail', reasons: failureReasons(table, rules.data) }));
    if (failing.length > 0) {
      const list = failing.map((output) => `${output.title} (${output.reasons.join(', ')})`).join('; ');
      return {
        ok: false,
        error: {
          code: 'failing-outputs',
          outputs: failing,
          message: `Er is niets geschreven: ${failing.length === 1 ? 'één tabel voldoet' : `${failing.length} tabellen voldoen`} niet aan de regels voor outputcontrole: ${list}. Exporteer met gemaskeerde geblokkeerde cellen, of pas de tabellen aan.`,
        },
      };
    }
  }
  return { ok: true, outputs: checked, personas, digest };
}
