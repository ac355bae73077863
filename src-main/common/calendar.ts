// Dates as whole days since 1970-01-01 (UTC) and as CBS's 8-character YYYYMMDD text (shared by the generator and the .sav reader).

/** Days since 1970-01-01 for a civil date (proleptic Gregorian), without Date objects. */
export function dayOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export function civilOf(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** 8-character text, e.g. 20171231. */
export function yyyymmdd(days: number): string {
  const { year, month, day } = civilOf(days);
  return `${year}${month < 10 ? '0' : ''}${month}${day < 10 ? '0' : ''}${day}`;
}

export function parseYyyymmdd(text: string): number {
  if (!/^\d{8}$/.test(text)) throw new Error(`"${text}" is not a YYYYMMDD date.`);
  return dayOf(Number(text.slice(0, 4)), Number(text.slice(4, 6)), Number(text.slice(6, 8)));
}

/** Whole years between a birth (year, month) and a day, counting the birthday month as reached. */
export function ageOn(birthYear: number, birthMonth: number, days: number): number {
  const { year, month } = civilOf(days);
  return year - birthYear - (month < birthMonth ? 1 : 0);
}
