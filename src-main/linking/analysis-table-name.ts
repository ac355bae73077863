// The name of the analysis table in the engine's session, in a module of its own so the IPC contract can use
// the analysis schemas without pulling the linking code into the preload bundle.
export const ANALYSIS_TABLE = 'analysis_households';

/**
 * The table a link builds (steps 9 and 10): it takes the analysis table's place only when the whole link succeeded,
 * so a link that fails or is stopped leaves the last link's table, and what was published from it, as they were.
 */
export const ANALYSIS_TABLE_BUILD = 'analysis_households_build';
