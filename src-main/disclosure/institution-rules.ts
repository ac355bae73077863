// Where the institution's rule set lives: one settings file in the app's data folder, the defaults without it.
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_RULE_SET, loadRuleSet, type RuleSet } from './rule-set';

export const RULE_SET_FILE = 'regels-outputcontrole.json';

/** The rule set file's path for an app data folder. */
export function institutionRulesPath(userData: string): string {
  return join(userData, RULE_SET_FILE);
}

/**
 * The institution's rules when the settings file exists (a damaged file is an error, never a silent
 * fallback to weaker defaults), else the defaults.
 */
export async function loadInstitutionRules(userData: string, explicitPath?: string): Promise<RuleSet> {
  const path = explicitPath ?? institutionRulesPath(userData);
  if (explicitPath === undefined) {
    try {
      await access(path);
    } catch {
      return DEFAULT_RULE_SET;
    }
  }
  return loadRuleSet(path);
}
