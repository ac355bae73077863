// Ctrl-C for the command line: the first press aborts the running job cleanly, a second one quits at once (exit 130).
import { UserFacingError } from './errors';

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
    controller.abort(new Error('Onderbroken (Ctrl-C)'));
  };
  process.on('SIGINT', listener);
  return { signal: controller.signal, dispose: () => process.off('SIGINT', listener) };
}

/**
 * How a command that failed ends: Ctrl-C says nothing was kept and exits 130, an error meant for the analyst
 * is printed and exits 1, anything else is a bug and is thrown on.
 */
export function failedCommandExitCode(error: unknown, signal: AbortSignal, err: (text: string) => void): number {
  if (signal.aborted) {
    err('Gestopt; er is niets bewaard.\n');
    return INTERRUPTED_EXIT_CODE;
  }
  if (error instanceof UserFacingError) {
    err(`${error.message}\n`);
    return 1;
  }
  throw error;
}
