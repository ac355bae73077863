// What the persona files show and how they are checked, prepared once: every card as display texts (a hidden cell as
// its one mark, it has no value), and all figures on the cards as one checked table for the output log.
import type { PersonaCard } from '../analysis/profiles/persona';
import type { CellStatusName, CheckedTable, PublishedCell, ValueFormat } from '../disclosure/checked-table';
import { ruleSetDigest, type RuleSet } from '../disclosure/rule-set';
import { dutchFigure } from '../publication/dutch-format';
import { cellDisplayText, statusLegend } from './cell-text';
import { barTitle, personaChartLayout, type PersonaChartLayout } from './persona-chart';

/** The id of the persona cards as one output (file names persona-kaarten.html, .pdf, persona-kaarten-cluster-N.svg/.png). */
export const PERSONA_OUTPUT_ID = 'persona-kaarten';
export const PERSONA_TITLE = "Persona's van de clusters";
export const PERSONA_CAUTION = 'Dit zijn de kenmerken die in dit cluster opvallen; dat betekent niet dat andere kenmerken er niet voorkomen.';

/** The population the cards describe, as the output log names it. */
export interface PersonaPopulation {
  id: string;
  label: string;
}

export interface DisplayPersona {
  cluster: number;
  title: string;
  /** "Cluster 3 · 26 huishoudens" */
  subtitle: string;
  narrative: string;
  /** True when the analyst changed the title or wrote a narrative: an output checker reads those words. */
  edited: boolean;
  facts: Array<{ label: string; text: string; status: PublishedCell['status'] }>;
  standsOut: string[];
  chart: PersonaChartLayout;
  /** The marks beside values on this card, explained ("c: ter controle ..."). */
  legend: Array<{ mark: string; text: string }>;
}

export interface PersonaDeck {
  cards: DisplayPersona[];
  /** Notes for clusters without a card (too small to show). */
  notes: string[];
}

export function chartFileName(cluster: number, extension: 'svg' | 'png'): string {
  return `${PERSONA_OUTPUT_ID}-cluster-${cluster}.${extension}`;
}

/** "15 %" and "EUR 14.000" never break between number and unit (a no-break space, in HTML and PDF alike). */
export function keepUnits(text: string): string {
  return text.replace(/(\d) (%)/g, '$1\u00a0$2').replace(/\bEUR (\d)/g, 'EUR\u00a0$1');
}

function cellText(cell: PublishedCell, format: ValueFormat): string {
  return keepUnits(cellDisplayText(cell, format));
}

function countText(cell: PublishedCell): string {
  return 'value' in cell ? `${dutchFigure(cell.value, 'count', 0)} huishoudens` : 'aantal huishoudens niet getoond';
}

type Card = Extract<PersonaCard, { kind: 'card' }>;

/** All cells a card shows. */
export function cardCells(card: Card): PublishedCell[] {
  return [card.count, ...card.facts.map((fact) => fact.cell), ...card.chart.flatMap((bar) => [bar.inCluster, bar.overall])];
}

/** Cells per status over every figure on the cards. */
export function personaCellCounts(cards: readonly PersonaCard[]): Record<CellStatusName, number> {
  const counts: Record<CellStatusName, number> = { safe: 0, review: 0, rounded: 0, suppressed: 0, empty: 0 };
  for (const card of cards) if (card.kind === 'card') for (const cell of cardCells(card)) counts[cell.status] += 1;
  return counts;
}

/** The cards' verdict, as a table's: review with a hidden or flagged figure, pass otherwise. */
export function personaVerdict(cards: readonly PersonaCard[]): 'pass' | 'review' {
  const counts = personaCellCounts(cards);
  return counts.suppressed > 0 || counts.review > 0 ? 'review' : 'pass';
}

export function isEdited(card: Card): boolean {
  return card.title !== card.automaticTitle || card.narrative.trim() !== '';
}

/** The cards as display texts for the HTML and the PDF. */
export function personaDeck(cards: readonly PersonaCard[], rules: RuleSet, population = 'klanthuishoudens'): PersonaDeck {
  const shown = cards.filter((card): card is Card => card.kind === 'card');
  // Only review and rounded cells carry a mark beside their value; the others are written out in words.
  const marks = statusLegend(rules).filter((entry) => entry.status === 'review' || entry.status === 'rounded');
  const display = shown.map((card) => ({
    cluster: card.cluster,
    title: card.title,
    subtitle: `Cluster ${card.cluster} · ${countText(card.count)}`,
    narrative: card.narrative.trim(),
    edited: isEdited(card),
    facts: card.facts.map((fact) => ({ label: fact.label, text: cellText(fact.cell, 'number'), status: fact.cell.status })),
    standsOut: card.standsOut.map(keepUnits),
    chart: personaChartLayout(card.chart, population),
    legend: marks.filter((entry) => cardCells(card).some((cell) => cell.status === entry.status)).map(({ mark, text }) => ({ mark, text })),
  }));
  return { cards: display, notes: cards.flatMap((card) => (card.kind === 'note' ? [card.note] : [])) };
}

/**
 * Every figure on the cards as one checked table with one column, a row per figure (each card's N, facts and both
 * bars of each chart trait): the export checks it like any table (schema, blocked cells, verdict) and the output
 * log records its cell counts. The population's units are the sum of the cards' published N's, which the cards
 * show anyway; a card's N that is not published makes it "below the threshold".
 */
export function personaFiguresTable(cards: readonly PersonaCard[], rules: RuleSet, population: PersonaPopulation): CheckedTable {
  const shown = cards.filter((card): card is Card => card.kind === 'card');
  const rows: CheckedTable['rows'] = shown.flatMap((card) => {
    const prefix = `Cluster ${card.cluster}`;
    return [
      { id: `cluster-${card.cluster}-aantal`, label: `${prefix}: aantal huishoudens`, total: false, format: 'count' as const, cells: [card.count] },
      ...card.facts.map((fact, index) => ({
        id: `cluster-${card.cluster}-feit-${index + 1}`,
        label: `${prefix}: ${fact.label}`,
        total: false,
        cells: [fact.cell],
      })),
      ...card.chart.flatMap((bar, index) => [
        {
          id: `cluster-${card.cluster}-staaf-${index + 1}-cluster`,
          label: `${prefix}: ${barTitle(bar)}, in dit cluster`,
          total: false,
          format: 'percent' as const,
          cells: [bar.inCluster],
        },
        {
          id: `cluster-${card.cluster}-staaf-${index + 1}-alle-klanten`,
          label: `${prefix}: ${barTitle(bar)}, alle klanten`,
          total: false,
          format: 'percent' as const,
          cells: [bar.overall],
        },
      ]),
    ];
  });
  const counts = shown.map((card) => card.count);
  const units = counts.every((cell) => 'value' in cell)
    ? counts.reduce((sum, cell) => sum + ('value' in cell ? cell.value : 0), 0)
    : { below: rules.threshold };
  const partial = cards.some((card) => card.kind === 'note');
  const edited = shown.filter(isEdited).map((card) => card.cluster);
  return {
    id: PERSONA_OUTPUT_ID,
    title: PERSONA_TITLE,
    unit: 'huishoudens',
    population: { id: population.id, label: partial ? `${population.label} in clusters met een persona` : population.label, units },
    rowHeader: 'Cijfer op de kaart',
    columns: [{ id: 'waarde', label: 'Waarde', format: 'number' }],
    rows,
    protection: 'none',
    ruleSet: { name: rules.name, digest: ruleSetDigest(rules) },
    notes: [
      `${shown.length} ${shown.length === 1 ? 'personakaart' : 'personakaarten'}; elk cijfer op een kaart staat hierboven als cel en is gecontroleerd.`,
      ...cards.flatMap((card) => (card.kind === 'note' ? [card.note] : [])),
      'De zinnen onder "Wat opvalt" herhalen cijfers uit wat opvalt per cluster (clusterprofiel-opvallend-…), die daar als cellen zijn gecontroleerd.',
      ...(edited.length > 0 ? [`Titel of verhaal door de analist geschreven bij cluster ${edited.join(', ')}: lees die tekst na.`] : []),
    ],
  };
}
