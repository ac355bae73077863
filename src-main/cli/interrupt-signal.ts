// Ctrl-C for the command line: the first press aborts the running job cleanly, a second one quits at once (exit 130).
import { INTERRUPTED_EXIT_CODE } from './output';

export interface InterruptSignal {
  /** Aborted on the first Ctrl-C (SIGINT). */
  signal: AbortSignal;
  /** Stops listening for Ctrl-C; call it when the job is over. */
  dispose(): void;
}

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
    controller.abort(new Error('Onderbroken (Ctrl-C)'));
  };
  process.on('SIGINT', listener);
  return { signal: controller.signal, dispose: () => process.off('SIGINT', listener) };
}
