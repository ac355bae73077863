// The one error type of the .sav reader: names the file, says what is wrong and what to do.
import { basename } from 'node:path';
import { UserFacingError } from '../../errors';

export class SavFormatError extends UserFacingError {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${basename(path)}: ${problem} (file: ${path})`);
  }
}

/** Message for a file that ends early, with where it ended. */
export function truncatedError(path: string, where: string): SavFormatError {
  return new SavFormatError(path, `the file is truncated: it ends unexpectedly ${where}. Ask for a complete copy of the file.`);
}
