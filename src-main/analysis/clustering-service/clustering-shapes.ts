// The shapes the app's clustering publishes besides its result: progress of a run, the features to choose from, and
// the analyst's pick of k. The clustering service owns them; the IPC contract imports them.
import { z } from 'zod';

export const clusteringStatusSchema = z.object({
  running: z.boolean(),
  phase: z.enum(['idle', 'reading', 'cluster', 'resample', 'reference', 'storing']),
  k: z.number().int().nullable(),
  /** 0..1 over the whole run. */
  fraction: z.number().min(0).max(1),
});
export type ClusteringStatus = z.infer<typeof clusteringStatusSchema>;

/** The features the analyst can cluster on, with their Dutch labels, and the default selection. */
export const clusteringOptionsSchema = z.object({
  features: z.array(z.object({ id: z.string(), label: z.string(), kind: z.enum(['numeric', 'categorical']), selected: z.boolean() })),
});
export type ClusteringOptions = z.infer<typeof clusteringOptionsSchema>;

/** The analyst picks another k of the last clustering. */
export const chooseClusterCountRequestSchema = z.object({ k: z.number().int().min(2).max(20) });
