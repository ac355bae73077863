// A CBS municipality code as a value: four digits (0784 Gilze en Rijen), checked once at the edge and then carried as
// MunicipalityCode to the SQL that cuts the national files down.
import { z } from 'zod';

declare const municipalityCodeBrand: unique symbol;
export type MunicipalityCode = string & { readonly [municipalityCodeBrand]: true };

export const municipalityCodeSchema = z
  .string()
  .regex(/^\d{4}$/, 'een CBS-gemeentecode van 4 cijfers, bijvoorbeeld 0784')
  .transform((text) => text as MunicipalityCode);

/** The text as a MunicipalityCode, or null when it is not four digits. */
export function parseMunicipalityCode(text: string): MunicipalityCode | null {
  const parsed = municipalityCodeSchema.safeParse(text);
  return parsed.success ? parsed.data : null;
}

/** The text as a MunicipalityCode for a code the code itself names (the demo's 0784); throws when it is none. */
export function municipalityCodeOf(text: string): MunicipalityCode {
  const code = parseMunicipalityCode(text);
  if (code === null) throw new Error(`Not a municipality code: ${JSON.stringify(text)}`);
  return code;
}
