// The shape in which the cluster profiles leave the main process (IPC): the laid-out comparison table, every row
// for the layout editor, what stands out per cluster and the persona cards; checked aggregates only.
import { z } from 'zod';
import { checkedTableSchema } from '../../disclosure/checked-table';
import { personaCardSchema } from './persona-schema';

const rowIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]*$/)
  .max(80);

export const profileLayoutSchema = z.strictObject({
  /** Row ids in the order to show; rows not named follow in their own order. */
  rowOrder: z.array(rowIdSchema).max(100),
  hiddenRows: z.array(rowIdSchema).max(100),
});
export type ProfileLayout = z.infer<typeof profileLayoutSchema>;

export const personaEditRequestSchema = z.strictObject({
  cluster: z.number().int().positive().max(20),
  /** An empty title goes back to the automatic one. */
  title: z.string().max(200).optional(),
  narrative: z.string().max(4000).optional(),
});
export type PersonaEditRequest = z.infer<typeof personaEditRequestSchema>;

export const publishedProfilesSchema = z.strictObject({
  runId: z.string(),
  k: z.number().int().positive(),
  /** The cluster comparison table with the analyst's row order, hidden rows left out. */
  table: checkedTableSchema,
  /** Every row of the table in the shown order, hidden ones included, for reordering and hiding. */
  rows: z.array(z.strictObject({ id: z.string(), label: z.string(), hidden: z.boolean() })),
  standsOut: z.array(z.strictObject({ cluster: z.number().int().positive(), table: checkedTableSchema })),
  personas: z.array(personaCardSchema),
});
export type PublishedProfiles = z.infer<typeof publishedProfilesSchema>;
