// The one error type of the .sav reader: names the file, says what is wrong and what to do.
import { basename } from 'node:path';
import { UserFacingError } from '../../common/errors';

export class SavFormatError extends UserFacingError {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${basename(path)}: ${problem} (bestand: ${path})`);
  }
}

/** Message for a file that ends early, with where it ended. */
export function truncatedError(path: string, where: string): SavFormatError {
  return new SavFormatError(path, `het bestand is afgebroken: het houdt onverwacht op ${where}. Vraag om een volledige kopie van het bestand.`);
}
