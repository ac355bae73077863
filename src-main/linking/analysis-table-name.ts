// The name of the analysis table in the engine's session, in a module of its own so the IPC contract can use
// the analysis schemas without pulling the linking code into the preload bundle.
export const ANALYSIS_TABLE = 'analysis_households';
