// Errors whose message is written for the analyst: what was wrong, in which file/column, what to do.
export class UserFacingError extends Error {
  override readonly name = 'UserFacingError';
}
