// The shapes the study session publishes: the comparison and export verbs (what can leave, what the analyst chose, what
// was written) and the study file verbs (saved, opened, the settings pages prefill). The IPC contract
// imports them.
import { z } from 'zod';
import { referenceMomentSchema } from '../linking/reference-moment';
import { catalogueListingSchema } from '../catalogue/catalogue-listing';
import { featureDefinitionSchema } from '../catalogue/feature-definition-shapes';
import { checkedTableSchema } from '../disclosure/checked-table';
import { protectionMethodSchema } from '../disclosure/disclosure-shapes';
import { openedFileSchema } from '../engine/engine-shapes';

export const comparisonRequestSchema = z.object({ method: protectionMethodSchema });

/** The outputs a study can export (ids the main process recomputes; the renderer never sends a table back). */
const outputIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/)
  .max(80);

export const exportPreviewRequestSchema = z.object({ method: protectionMethodSchema });

/** One output that could be exported now, with its check verdict. */
export const exportCandidateSchema = z.object({
  id: outputIdSchema,
  title: z.string(),
  /** review: cells are hidden by protection or flagged for a checker; pass: nothing to look at. */
  verdict: z.enum(['pass', 'review']),
  hidden: z.number().int().nonnegative(),
  review: z.number().int().nonnegative(),
  chart: z.boolean(),
});
export type ExportCandidate = z.infer<typeof exportCandidateSchema>;

export const exportPreviewSchema = z.object({
  candidates: z.array(exportCandidateSchema),
  /** Earlier exports (of any study, in the app or the CLI) whose population differs from a candidate's by fewer than the threshold. */
  differencing: z.array(z.object({ outputId: outputIdSchema, message: z.string() })),
  ruleSet: z.object({ name: z.string(), digest: z.string() }),
  /** Why part of the study is not published now (a cluster too small, too few clients). */
  refusals: z.array(z.string()),
});
export type ExportPreview = z.infer<typeof exportPreviewSchema>;

/** The analyst's choices on the Export page: the protection, the outputs with their comments, and a justification. */
export const exportChoicesSchema = z.object({
  method: protectionMethodSchema,
  outputs: z
    .array(
      z.object({
        id: outputIdSchema,
        chart: z.boolean(),
        comment: z.string().max(4000).optional(),
        exceptionRequest: z.string().max(4000).optional(),
      }),
    )
    .min(1)
    .max(100),
  /** Required when the differencing guard warns: why this export is still acceptable (at least 80 characters, 12 words). */
  differencingJustification: z.string().max(4000).optional(),
});
export type ExportChoices = z.infer<typeof exportChoicesSchema>;

/** What became of an export the analyst asked for in the app: written, cancelled in the folder dialog, or refused. */
export const exportOutcomeSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('written'),
    folder: z.string(),
    files: z.array(z.object({ name: z.string(), bytes: z.number().int().nonnegative(), sha256: z.string() })),
  }),
  z.object({ status: z.literal('cancelled') }),
  /** Nothing was written; the reasons say what to change. */
  z.object({ status: z.literal('refused'), reasons: z.array(z.string()).min(1) }),
]);
export type ExportOutcome = z.infer<typeof exportOutcomeSchema>;

/** The study's name; the main process asks where to save (its own dialog). */
export const saveStudyRequestSchema = z.object({ name: z.string().trim().min(1, 'a name for the study').max(200) });
export const savedStudySchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('saved'), file: z.string(), inputs: z.number().int().nonnegative() }),
  z.object({ status: z.literal('cancelled') }),
]);
export type SavedStudy = z.infer<typeof savedStudySchema>;

export const openedStudySchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('opened'),
    name: z.string(),
    files: z.array(openedFileSchema),
    referenceDate: z.string(),
    municipality: z.string(),
    referenceMoment: referenceMomentSchema,
    /** Roles of the study that did not fit its files (the analyst sets them on the Data page). */
    notes: z.array(z.string()),
  }),
  z.object({ status: z.literal('cancelled') }),
]);
export type OpenedStudy = z.infer<typeof openedStudySchema>;

/** What the pages prefill from the opened (or saved) study; null when there is none. */
export const studySettingsSchema = z
  .object({
    name: z.string(),
    referenceDate: z.string(),
    municipality: z.string(),
    referenceMoment: referenceMomentSchema,
    clustering: z
      .object({
        features: z.array(z.object({ id: z.string(), weight: z.number() })).optional(),
        algorithm: z.enum(['kmeans', 'kprototypes', 'pam']).optional(),
        kRange: z.tuple([z.number().int(), z.number().int()]).optional(),
        k: z.number().int().optional(),
      })
      .nullable(),
  })
  .nullable();
export type StudySettings = z.infer<typeof studySettingsSchema>;

/** A feature the analyst defines on the feature screen (replacing the study's own one of the same id). */
export const defineFeatureRequestSchema = z.object({ definition: featureDefinitionSchema });
export const removeFeatureRequestSchema = z.object({ id: z.string().min(1).max(40) });

/** The catalogue after a change and, when the study was linked again, the feature's table as the publication shows it. */
export const featureChangeSchema = z.object({ listing: catalogueListingSchema, preview: checkedTableSchema.nullable(), relinked: z.boolean() });
export type FeatureChange = z.infer<typeof featureChangeSchema>;
