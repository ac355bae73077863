// The reference date as a Dutch reader writes it (31-12-2017), read into the YYYYMMDD the main process takes; a
// text field, so the format does not depend on the system's language as a browser date field does.

/** 'YYYYMMDD' for a real calendar date written d-m-yyyy (also with / or . between), or null. */
export function parseReferenceDate(text: string): string | null {
  const match = /^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s*$/.exec(text);
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
}

/** 'YYYYMMDD' (as a study file gives it) written as 31-12-2017. */
export function formatReferenceDate(yyyymmdd: string): string {
  return `${yyyymmdd.slice(6, 8)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(0, 4)}`;
}
