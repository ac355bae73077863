// The .sav reader's public surface.
export { openSav, type SavBatchOptions, type SavFile } from './open-sav';
export { SavFormatError } from './sav-error';
export { spssDateTimeToIso, spssDateToIso } from './formats';
export * from './types';
