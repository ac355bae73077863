// Register keys as CBS delivers them: text of fixed width with leading zeros, never numbers.

/** The key sources CBS writes for persons (RINPERSOONS) and address objects (SOORTOBJECTNUMMER). */
export const SOURCE = 'R';
export const OBJECT_KIND = 'I';

/** A multiplier coprime with 10^9 scatters consecutive numbers over the whole 9-digit range. */
const PERSON_MULTIPLIER = 387_420_489; // 3^18
const PERSON_MODULUS = 1_000_000_000;
/** PERSON_MULTIPLIER * PERSON_INVERSE = 1 (mod 10^9): turns a key back into its person number. */
const PERSON_INVERSE = 513_180_409;

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** The n-th person's RINPERSOON: unique for n < 10^9, 9 digits, about one in ten starting with 0. */
export function personKey(n: number): string {
  return pad(Number((BigInt(n) * BigInt(PERSON_MULTIPLIER) + 12_345n) % BigInt(PERSON_MODULUS)), 9);
}

/** The person number n with personKey(n) === key (every 9-digit key has exactly one). */
export function personNumberOf(key: string): number {
  const value = BigInt(key) - 12_345n + BigInt(PERSON_MODULUS);
  return Number(((value % BigInt(PERSON_MODULUS)) * BigInt(PERSON_INVERSE)) % BigInt(PERSON_MODULUS));
}

/** Person numbers below this are the world's own (scale 500 uses about 17 million); keys made outside the counter avoid them. */
export const PERSON_NUMBERS_IN_USE = 100_000_000;

/**
 * Keys for persons the register knows but the household data do not (mothers who live elsewhere): 900000001 upward,
 * skipping the few whose person number a world could hand out itself, so they never meet a counted person.
 */
export class OutsideKeys {
  private next = 900_000_001;
  take(): string {
    while (personNumberOf(String(this.next)) < PERSON_NUMBERS_IN_USE) this.next += 1;
    return String(this.next++);
  }
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
