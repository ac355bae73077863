// The shapes linking publishes: what the analyst asks to link (a real reference date, a CBS municipality code), the
// progress of a running link, and the municipalities to choose from. Linking owns them; the IPC contract imports them.
import { z } from 'zod';
import { municipalityCodeSchema } from '../common/municipality-code';
import { referenceDateSchema } from '../common/reference-date';
import { publishedCountSchema } from '../disclosure/disclosure-shapes';
import { referenceMomentSchema } from './reference-moment';

/** Link the open files at a reference date, cut to one municipality; the moment of measurement defaults to the date. */
export const linkRequestSchema = z.object({
  referenceDate: referenceDateSchema,
  municipality: municipalityCodeSchema,
  referenceMoment: referenceMomentSchema.optional(),
});
/** A request as the gate passed it on: both values parsed. */
export type LinkRequest = z.output<typeof linkRequestSchema>;

export const municipalitiesRequestSchema = z.object({ referenceDate: referenceDateSchema });

/** A municipality in the open address-region file, with its number of address objects (published through the rules). */
export const municipalityChoiceSchema = z.object({ code: z.string().regex(/^\d{4}$/), addresses: publishedCountSchema });

export const linkingStatusSchema = z.object({
  running: z.boolean(),
  step: z.number().int().nonnegative(),
  steps: z.number().int().nonnegative(),
  label: z.string(),
  /** The analysis table: none yet, current, or stale (a linked file changed, was re-mapped or joined: link again). */
  analysisTable: z.enum(['none', 'current', 'stale']),
});
export type LinkingStatus = z.infer<typeof linkingStatusSchema>;
