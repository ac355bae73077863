// The institution's disclosure rules: defaults from the output-checking guidance, changeable in one settings file.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { UserFacingError } from '../common/errors';

const share = z.number().gt(0).lt(1);
const units = z.number().int().min(1);

export const ruleSetSchema = z
  .strictObject({
    version: z.literal(1),
    name: z.string().min(1),
    /** Unweighted units a count cell needs, and the numerator and denominator of a share. */
    threshold: units,
    /** Units a mean, median, standard deviation or percentile must be computed over. */
    statisticThreshold: units,
    /** Zero cells (everyone or no one in a group) are flagged for review, or allowed. */
    zeroCells: z.enum(['review', 'allow']),
    /** NK dominance: the largest n contributors may not make up k or more of a magnitude cell. */
    dominance: z.strictObject({ n: z.number().int().min(1), k: share }),
    /** p% rule: (total - largest - second) / largest must be at least p. */
    pPercent: share,
    /** Group disclosure: no category may hold this share or more of a group's units. */
    groupShare: share,
    /** Households a cluster (and so a persona card) needs to be shown at all. */
    clusterMinimum: units,
    /** Residual degrees of freedom a model needs. */
    residualDegreesOfFreedom: units,
    /**
     * Secondary suppression: the narrowest interval (in units) an attacker may be left with for a blocked cell,
     * given the rest of the table and its margins.
     */
    protectionLevel: units,
    /** Controlled rounding, the alternative to suppression: every cell becomes a multiple of this base. */
    roundingBase: z.union([z.literal(5), z.literal(10)]),
  })
  .superRefine((rules, context) => {
    // A rounded cell can lie anywhere within one base of what is shown; a base below the protection level would
    // protect less than suppression does (disclosure-control.md: "the base must be >= the protection level").
    if (rules.roundingBase < rules.protectionLevel) {
      context.addIssue({
        code: 'custom',
        path: ['roundingBase'],
        message: `de afrondingsbasis (${rules.roundingBase}) moet ten minste het beschermingsniveau (${rules.protectionLevel}) zijn`,
      });
    }
  });
export type RuleSet = z.infer<typeof ruleSetSchema>;

/** The defaults of ../shared/reference/disclosure-control.md (CBS, European guidelines, ACRO). */
export const DEFAULT_RULE_SET: RuleSet = {
  version: 1,
  name: 'Groepsbeeld standaard (drempel 10, NK 2/90 %, p 10 %)',
  threshold: 10,
  statisticThreshold: 10,
  zeroCells: 'review',
  dominance: { n: 2, k: 0.9 },
  pPercent: 0.1,
  groupShare: 0.9,
  clusterMinimum: 10,
  residualDegreesOfFreedom: 10,
  // Protection level = threshold: a blocked count holds 1 to 9 units, so an attacker left with an interval at
  // least 10 wide learns no more than the threshold rule itself concedes ("somewhere below 10").
  protectionLevel: 10,
  // Base 10 is the smallest allowed base that is >= the protection level of 10; base 5 is allowed only with a
  // protection level of 5 or less.
  roundingBase: 10,
};

/** Reads an institution's rule set; every field must be present, so no rule is silently left at a default. */
export async function loadRuleSet(path: string): Promise<RuleSet> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new UserFacingError(`De regelset ${path} bestaat niet of is niet te lezen.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UserFacingError(`De regelset ${path} is geen geldige JSON: ${error instanceof Error ? error.message : String(error)}.`);
  }
  const parsed = ruleSetSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || '(geheel)'}: ${issue.message}`);
    throw new UserFacingError(`De regelset ${path} is niet geldig: ${issues.join('; ')}.`);
  }
  return parsed.data;
}

/** SHA-256 of the rule set's canonical JSON: what every checked result records as the rules it passed. */
export function ruleSetDigest(rules: RuleSet): string {
  const canonical = (value: unknown): unknown =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(
          Object.keys(value)
            .sort()
            .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
        )
      : value;
  return createHash('sha256')
    .update(JSON.stringify(canonical(rules)))
    .digest('hex');
}
