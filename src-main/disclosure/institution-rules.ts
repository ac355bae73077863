// Where the institution's rule set lives: one settings file in the app's data folder, the defaults without it.
//
// The institution's rules are a floor: a study file may name its own rule set (`ruleSet`), but that may only make
// rules stricter (rule-floor.ts); a weaker one is refused, so no study runs under lower thresholds than the institution's.
//
// GROEPSBEELD_RULES_FILE: for tests and the CI, this environment variable may name the institution's rule set file
// instead of regels-outputcontrole.json in the app-data folder (absolute, or relative to the working directory). It
// is the institution's file, not the analyst's: it is read from the process environment only, a study file cannot
// set it, and the file it names must exist and be valid (never a silent fallback to the defaults). An empty value
// counts as not set.
import { access } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UserFacingError } from '../common/errors';
import { stricterOnly } from './rule-floor';
import { DEFAULT_RULE_SET, loadRuleSet, type RuleSet } from './rule-set';

export const RULE_SET_FILE = 'regels-outputcontrole.json';

/** The environment variable that may name the institution's rule set file (see the header). */
export const RULES_FILE_VARIABLE = 'GROEPSBEELD_RULES_FILE';

/** The rule set file's path for an app data folder. */
export function institutionRulesPath(userData: string): string {
  return join(userData, RULE_SET_FILE);
}

/** The institution's floor and where it came from, for messages that must say where the institution's rules live. */
interface InstitutionFloor {
  rules: RuleSet;
  /** Where the institution's rules are (or would be), in Dutch, for the analyst. */
  source: string;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** The institution's rules: the file GROEPSBEELD_RULES_FILE names, else the app-data file when it exists, else the defaults. */
async function loadFloor(userData: string, environment: NodeJS.ProcessEnv = process.env): Promise<InstitutionFloor> {
  const fromEnvironment = environment[RULES_FILE_VARIABLE]?.trim();
  if (fromEnvironment) {
    const path = resolve(fromEnvironment);
    let rules: RuleSet;
    try {
      rules = await loadRuleSet(path);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new UserFacingError(`${RULES_FILE_VARIABLE} wijst naar het regelbestand van de instelling, maar dat is niet te gebruiken. ${reason}`);
    }
    return { rules, source: `${path} (via ${RULES_FILE_VARIABLE})` };
  }
  const path = institutionRulesPath(userData);
  // A damaged file is an error (loadRuleSet throws), never a silent fallback to the defaults.
  if (await exists(path)) return { rules: await loadRuleSet(path), source: path };
  return {
    rules: DEFAULT_RULE_SET,
    source: `${path} (dat bestand is er niet, dus gelden de standaardregels van Groepsbeeld)`,
  };
}

/** Where the institution's rules come from, in Dutch (a path, or the path that would hold them), for messages. */
export async function institutionRulesSource(userData: string): Promise<string> {
  return (await loadFloor(userData)).source;
}

/**
 * The rules a study runs under: the institution's floor (GROEPSBEELD_RULES_FILE, else the app-data file, else the
 * defaults) and, when the study names a rule set file, that rule set if it is nowhere weaker than the floor (its
 * name then says both names). A weaker study rule set is refused with a UserFacingError naming every weaker field.
 */
export async function loadEffectiveRules(userData: string, studyRuleSetPath?: string): Promise<RuleSet> {
  const floor = await loadFloor(userData);
  if (studyRuleSetPath === undefined) return floor.rules;
  const study = await loadRuleSet(studyRuleSetPath);
  const result = stricterOnly(floor.rules, study, studyRuleSetPath, floor.source);
  if (!result.ok) throw new UserFacingError(result.message);
  return result.rules;
}

/**
 * The institution's rules when the settings file exists (a damaged file is an error, never a silent
 * fallback to weaker defaults), else the defaults; GROEPSBEELD_RULES_FILE overrides the file.
 * Kept for existing callers. A second argument used to replace the institution's rules outright; it is now
 * treated as the study's rule set and may only make rules stricter: the same as loadEffectiveRules, which new code
 * should call.
 */
export async function loadInstitutionRules(userData: string, studyRuleSetPath?: string): Promise<RuleSet> {
  return loadEffectiveRules(userData, studyRuleSetPath);
}
