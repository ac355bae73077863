// What the analysis needs of an engine session: queries over the analysis table, nothing that loads or writes files.
import type { LockedSession } from '../engine/locked-session';

export type QuerySession = Pick<LockedSession, 'query'>;
