// The shapes disclosure control publishes: a count as it may leave, and how a table with margins is protected.
// Neutral (no Node): the owners' shapes and the renderer's types read them.
import { z } from 'zod';

/** A count of units as the disclosure rule set publishes it: a small one only as { below: threshold }. */
export const publishedCountSchema = z.union([z.number().int().nonnegative(), z.object({ below: z.number().int().positive() })]);
export type PublishedCount = z.infer<typeof publishedCountSchema>;

/** Secondary suppression, or controlled rounding to the rule set's base. */
export const PROTECTION_METHODS = ['suppression', 'rounding'] as const;
export const protectionMethodSchema = z.enum(PROTECTION_METHODS);
export type ProtectionMethod = z.infer<typeof protectionMethodSchema>;
