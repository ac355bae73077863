// What every command of the command line writes to, and how a failed command ends (its exit code and last words).
import { UserFacingError } from '../common/errors';

export interface CommandOutput {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Whether stderr is a terminal, so progress can redraw one line (a log gets a line per step instead). */
  errIsTerminal?: boolean | undefined;
}

/** Exit code of a process stopped by Ctrl-C (128 + SIGINT). */
export const INTERRUPTED_EXIT_CODE = 130;

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
