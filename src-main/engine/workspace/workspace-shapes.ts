// The shapes of the encrypted workspace verbs: the passphrase asked for, and what a save, open or delete reports.
import { z } from 'zod';
import { openedFileSchema } from '../engine-shapes';

/** At least 8 characters (the workspace's own minimum); zod's message never repeats the value. */
const passphraseSchema = z.string().min(8, 'at least 8 characters').max(1024, 'at most 1024 characters');

/** Only the passphrase: the main process asks for the path in its own dialog. */
export const workspaceRequestSchema = z.object({ passphrase: passphraseSchema });

export const savedWorkspaceSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('saved'), name: z.string(), bytes: z.number().int().nonnegative(), tables: z.number().int().nonnegative() }),
  z.object({ status: z.literal('cancelled') }),
]);
export type SavedWorkspace = z.infer<typeof savedWorkspaceSchema>;

export const openedWorkspaceSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('opened'), name: z.string(), files: z.array(openedFileSchema) }),
  z.object({ status: z.literal('cancelled') }),
]);
export type OpenedWorkspace = z.infer<typeof openedWorkspaceSchema>;

/** The analyst confirmed in the app; the main process still asks which file in its own dialog. */
export const deleteWorkspaceRequestSchema = z.object({ confirm: z.literal(true) });
export const deletedWorkspaceSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('deleted'), name: z.string() }),
  z.object({ status: z.literal('cancelled') }),
]);
export type DeletedWorkspace = z.infer<typeof deletedWorkspaceSchema>;

export const workspaceStatusSchema = z.object({
  running: z.enum(['none', 'saving', 'opening']),
  /** 0..1 when known. */
  fraction: z.number().min(0).max(1).nullable(),
});
export type WorkspaceStatus = z.infer<typeof workspaceStatusSchema>;
