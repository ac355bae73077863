// Register keys as CBS delivers them: text of fixed width with leading zeros, never numbers.

/** The key sources CBS writes for persons (RINPERSOONS) and address objects (SOORTOBJECTNUMMER). */
export const SOURCE = 'R';
export const OBJECT_KIND = 'I';

/** A multiplier coprime with 10^9 scatters consecutive numbers over the whole 9-digit range. */
const PERSON_MULTIPLIER = 387_420_489; // 3^18
const PERSON_MODULUS = 1_000_000_000;

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** The n-th person's RINPERSOON: unique for n < 10^9, 9 digits, about one in ten starting with 0. */
export function personKey(n: number): string {
  return pad(Number((BigInt(n) * BigInt(PERSON_MULTIPLIER) + 12_345n) % BigInt(PERSON_MODULUS)), 9);
}

export function householdKey(n: number): string {
  return pad(n, 10);
}

export function addressObjectKey(n: number): string {
  return pad(n, 12);
}

/** Hands out consecutive numbers; the world plan reserves ranges so that growing the world keeps keys. */
export class Counter {
  constructor(private nextValue: number) {}
  take(): number {
    return this.nextValue++;
  }
  get value(): number {
    return this.nextValue;
  }
}
