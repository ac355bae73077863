// The shape in which a clustering leaves the main process (IPC and CLI JSON): settings, advice and checked tables only.
import { z } from 'zod';
import { checkedTableSchema, publishedCountValueSchema } from '../../disclosure/checked-table';
import { clusteringAlgorithmSchema } from './cluster-features';

export const publishedClusteringSchema = z.strictObject({
  runId: z.string(),
  algorithm: clusteringAlgorithmSchema,
  features: z.array(z.strictObject({ id: z.string(), label: z.string(), weight: z.number() })),
  population: z.strictObject({ id: z.string(), label: z.string(), units: publishedCountValueSchema }),
  kRange: z.tuple([z.number().int(), z.number().int()]),
  resamples: z.number().int(),
  seed: z.number().int(),
  recommendedK: z.number().int(),
  /** Every k an index named (k-advice.ts), the recommended one among them. */
  defensible: z.array(z.number().int()),
  /** Dutch sentences: why this k, and which other k are defensible. */
  reason: z.string(),
  /** The k the clusters table and the stored assignments are for (the recommended k unless the analyst chose another). */
  chosenK: z.number().int(),
  quality: checkedTableSchema,
  clusters: checkedTableSchema,
});
export type PublishedClustering = z.infer<typeof publishedClusteringSchema>;
