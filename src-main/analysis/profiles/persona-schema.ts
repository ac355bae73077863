// The persona card's shape (zod), apart from how cards are made, so the IPC contract and the preload can use it
// without the profile computation: a card per cluster (title, N, facts, chart, narrative) or a note.
import { z } from 'zod';
import { publishedCellSchema } from '../../disclosure/checked-table';

/** The profile rows a persona's facts are taken from, in this order (the seed table's order, age last). */
export const FACT_ROWS = [
  'benefit-type',
  'disposable-income',
  'household-composition',
  'has-children',
  'youngest-child',
  'care',
  'education-level',
  'tenure',
  'reference-age-years',
  'migration-background',
] as const;
export const MIN_FACTS = 5;
export const MAX_FACTS = 8;

const factSchema = z.strictObject({ label: z.string().min(1), text: z.string().min(1), cell: publishedCellSchema });
export type PersonaFact = z.infer<typeof factSchema>;

/** A card's chart holds at most this many bars (and, when the cluster has that many distinctive categories, at least MIN_CHART_BARS). */
export const MIN_CHART_BARS = 3;
export const MAX_CHART_BARS = 6;

/**
 * One bar pair of a card's chart: the share (percent) of households with a trait in the cluster next to its share
 * among all clients. Both are published cells: a blocked one carries no value and is drawn as a hatched slot.
 */
const chartBarSchema = z.strictObject({
  /** The feature, e.g. "Uitkering". */
  feature: z.string().min(1),
  /** The category, e.g. "Bijstand". */
  label: z.string().min(1),
  inCluster: publishedCellSchema,
  overall: publishedCellSchema,
});
export type PersonaChartBar = z.infer<typeof chartBarSchema>;

export const personaCardSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('card'),
    cluster: z.number().int().positive(),
    /** The published N of the cluster. */
    count: publishedCellSchema,
    automaticTitle: z.string().min(1).max(200),
    /** Editable by the analyst; defaults to the automatic title. */
    title: z.string().min(1).max(200),
    /** Editable by the analyst; empty by default. */
    narrative: z.string().max(4000),
    facts: z.array(factSchema).max(MAX_FACTS),
    /** What stands out, in plain Dutch: the most over-represented traits first. */
    standsOut: z.array(z.string()).max(5),
    /** The chart: the cluster's most distinctive categories, share in the cluster against share among all clients. */
    chart: z.array(chartBarSchema).max(MAX_CHART_BARS),
  }),
  z.strictObject({ kind: z.literal('note'), cluster: z.number().int().positive(), note: z.string().min(1) }),
]);
export type PersonaCard = z.infer<typeof personaCardSchema>;
