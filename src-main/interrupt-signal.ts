// Ctrl-C for the command line: the first press aborts the running job cleanly, a second one quits at once (exit 130).
export interface InterruptSignal {
  /** Aborted on the first Ctrl-C (SIGINT). */
  signal: AbortSignal;
  /** Stops listening for Ctrl-C; call it when the job is over. */
  dispose(): void;
}

/** Exit code of a process stopped by Ctrl-C (128 + SIGINT). */
export const INTERRUPTED_EXIT_CODE = 130;

/**
 * Listens for Ctrl-C while one job runs. `onInterrupt` runs before the abort (e.g. to say that the partial
 * output is being removed); the job then stops and cleans up itself. A second Ctrl-C while it cleans up
 * exits at once, as a user who presses twice expects.
 */
export function interruptOnCtrlC(onInterrupt?: () => void): InterruptSignal {
  const controller = new AbortController();
  const listener = (): void => {
    if (controller.signal.aborted) process.exit(INTERRUPTED_EXIT_CODE);
    onInterrupt?.();
    controller.abort(new Error('Interrupted (Ctrl-C)'));
  };
  process.on('SIGINT', listener);
  return { signal: controller.signal, dispose: () => process.off('SIGINT', listener) };
}
