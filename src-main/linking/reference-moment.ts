// The moment at which a household's features are measured: the reference date for every household, or the start of
// the client period for client households (all other households then at the reference date). Web-safe: the IPC
// contract and the study file read the choice from here.
import { z } from 'zod';

export const REFERENCE_MOMENTS = ['referenceDate', 'clientStart'] as const;
export const referenceMomentSchema = z.enum(REFERENCE_MOMENTS);
export type ReferenceMoment = z.infer<typeof referenceMomentSchema>;

/** What is measured at the moment (care, and every catalogue feature valid on, or in a window before, it). */
export const MOMENT_MEASURES = 'zorg (jeugdhulp, jeugdbescherming, Wmo) en de kenmerken uit de catalogus die op of vóór het meetmoment gelden';
