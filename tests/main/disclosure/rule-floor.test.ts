// The institution's rule set is a floor: a study's rule set may only make rules stricter, field by field.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UserFacingError } from '../../../src-main/common/errors';
import { institutionRulesPath, loadEffectiveRules, loadInstitutionRules, RULES_FILE_VARIABLE } from '../../../src-main/disclosure/institution-rules';
import { FLOOR_FIELDS, stricterOnly } from '../../../src-main/disclosure/rule-floor';
import { DEFAULT_RULE_SET, ruleSetDigest, ruleSetSchema, type RuleSet } from '../../../src-main/disclosure/rule-set';
import { tempFolder } from '../support/temp-folder';

/** A floor that is not the defaults, so no test passes by accident because both sides are DEFAULT_RULE_SET. */
const FLOOR: RuleSet = {
  version: 1,
  name: 'Instelling X',
  threshold: 10,
  statisticThreshold: 12,
  zeroCells: 'allow',
  dominance: { n: 2, k: 0.8 },
  pPercent: 0.15,
  groupShare: 0.85,
  clusterMinimum: 15,
  residualDegreesOfFreedom: 20,
  protectionLevel: 5,
  roundingBase: 5,
};
const STUDY_PATH = '/studies/wijk/regels-studie.json';

function study(changes: Partial<RuleSet>): RuleSet {
  return ruleSetSchema.parse({ ...FLOOR, name: 'Studie Wijk', ...changes });
}

/**
 * Per field: a weaker and a stricter value, each changed alone against FLOOR, and the Dutch text the refusal must hold.
 * Where FLOOR already holds the weakest value (zeroCells 'allow', roundingBase 5), `weakerFloor` makes it stricter
 * for the refusal test.
 */
const DIRECTIONS: { field: string; weaker: Partial<RuleSet>; stricter: Partial<RuleSet>; text: string; weakerFloor?: Partial<RuleSet> }[] = [
  { field: 'threshold', weaker: { threshold: 9 }, stricter: { threshold: 11 }, text: 'drempel 9 is lager dan de 10 van de instelling' },
  {
    field: 'statisticThreshold',
    weaker: { statisticThreshold: 11 },
    stricter: { statisticThreshold: 13 },
    text: 'drempel voor statistieken 11 is lager dan de 12 van de instelling',
  },
  {
    field: 'zeroCells',
    weaker: { zeroCells: 'allow' },
    stricter: { zeroCells: 'review' },
    weakerFloor: { zeroCells: 'review' },
    text: 'nulcellen toegestaan is zwakker dan nulcellen ter beoordeling van de instelling',
  },
  {
    field: 'dominance.n',
    weaker: { dominance: { n: 1, k: 0.8 } },
    stricter: { dominance: { n: 3, k: 0.8 } },
    text: 'dominantie n (aantal grootste bijdragers) 1 is lager dan de 2 van de instelling',
  },
  {
    field: 'dominance.k',
    weaker: { dominance: { n: 2, k: 0.81 } },
    stricter: { dominance: { n: 2, k: 0.79 } },
    text: 'dominantie k (aandeel van de grootste bijdragers) 81 % is hoger dan de 80 % van de instelling',
  },
  { field: 'pPercent', weaker: { pPercent: 0.145 }, stricter: { pPercent: 0.2 }, text: 'p%-regel 14,5 % is lager dan de 15 % van de instelling' },
  {
    field: 'groupShare',
    weaker: { groupShare: 0.9 },
    stricter: { groupShare: 0.8 },
    text: 'groepsonthulling vanaf 90 % is hoger dan de 85 % van de instelling',
  },
  {
    field: 'clusterMinimum',
    weaker: { clusterMinimum: 14 },
    stricter: { clusterMinimum: 16 },
    text: 'minimum aantal huishoudens per cluster 14 is lager dan de 15 van de instelling',
  },
  {
    field: 'residualDegreesOfFreedom',
    weaker: { residualDegreesOfFreedom: 19 },
    stricter: { residualDegreesOfFreedom: 21 },
    text: 'minimum aantal vrijheidsgraden 19 is lager dan de 20 van de instelling',
  },
  {
    field: 'protectionLevel',
    weaker: { protectionLevel: 4 },
    stricter: { protectionLevel: 6, roundingBase: 10 },
    text: 'beschermingsniveau 4 is lager dan de 5 van de instelling',
  },
  {
    field: 'roundingBase',
    weaker: { roundingBase: 5 },
    stricter: { roundingBase: 10 },
    weakerFloor: { roundingBase: 10 },
    text: 'afrondingsbasis 5 is lager dan de 10 van de instelling',
  },
];

describe('stricterOnly', () => {
  it('refuses a study rule set with threshold 1, naming the field and both values', () => {
    const result = stricterOnly(DEFAULT_RULE_SET, { ...DEFAULT_RULE_SET, name: 'Groepsbeeld standaard', threshold: 1 }, STUDY_PATH);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.weaker).toEqual(['threshold']);
    expect(result.message).toContain('drempel 1 is lager dan de 10 van de instelling');
    expect(result.message).toContain('alleen strenger');
    expect(result.message).toContain(STUDY_PATH);
    expect(result.message).toContain('regels-outputcontrole.json');
  });

  it('names every weaker field in one refusal, and where the institution file is when told', () => {
    const result = stricterOnly(FLOOR, study({ threshold: 3, groupShare: 0.95, zeroCells: 'allow' }), STUDY_PATH, '/etc/groepsbeeld/regels.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.weaker).toEqual(['threshold', 'groupShare']);
    expect(result.message).toContain('drempel 3 is lager dan de 10 van de instelling');
    expect(result.message).toContain('groepsonthulling vanaf 95 % is hoger dan de 85 % van de instelling');
    expect(result.message).toContain('De regels van de instelling staan in /etc/groepsbeeld/regels.json');
  });

  it('accepts a rule set that is stricter on some fields and says so in its name', () => {
    const stricter = study({ threshold: 15, dominance: { n: 3, k: 0.7 }, zeroCells: 'review' });
    const result = stricterOnly(FLOOR, stricter, STUDY_PATH);
    expect(result).toEqual({
      ok: true,
      rules: { ...stricter, name: 'Studie Wijk (strenger dan Instelling X)' },
      tightened: ['threshold', 'zeroCells', 'dominance.n', 'dominance.k'],
    });
    if (result.ok) expect(ruleSetSchema.safeParse(result.rules).success).toBe(true);
  });

  it('does not add the suffix twice to a rule set written out under the combined name', () => {
    const result = stricterOnly(FLOOR, study({ name: 'Studie Wijk (strenger dan Instelling X)', threshold: 15 }), STUDY_PATH);
    expect(result.ok && result.rules.name).toBe('Studie Wijk (strenger dan Instelling X)');
  });

  it('passes equal rules unchanged: the institution’s rule set, with its own name and digest', () => {
    const equal = stricterOnly(FLOOR, { ...FLOOR }, STUDY_PATH);
    expect(equal).toEqual({ ok: true, rules: FLOOR, tightened: [] });
    const renamed = stricterOnly(FLOOR, study({}), STUDY_PATH);
    expect(renamed.ok && ruleSetDigest(renamed.rules)).toBe(ruleSetDigest(FLOOR));
  });

  it('covers every rule of the schema', () => {
    const schemaFields = Object.keys(ruleSetSchema.shape).filter((key) => key !== 'version' && key !== 'name');
    const compared = new Set(FLOOR_FIELDS.map((field) => field.split('.')[0]));
    expect([...compared].sort()).toEqual(schemaFields.sort());
    expect(DIRECTIONS.map((direction) => direction.field)).toEqual([...FLOOR_FIELDS]);
  });

  describe.each(DIRECTIONS)('$field', ({ field, weaker, stricter, text, weakerFloor }) => {
    it('refuses a weaker value alone', () => {
      const floor = ruleSetSchema.parse({ ...FLOOR, ...weakerFloor });
      const result = stricterOnly(floor, study({ ...floor, name: 'Studie Wijk', ...weaker }), STUDY_PATH);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.weaker).toEqual([field]);
      expect(result.message).toContain(text);
    });

    it('accepts a stricter value', () => {
      const result = stricterOnly(FLOOR, study(stricter), STUDY_PATH);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.tightened).toContain(field);
      expect(result.rules).toMatchObject({ ...stricter, name: 'Studie Wijk (strenger dan Instelling X)' });
    });
  });
});

describe('loadEffectiveRules', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });
  /** Without this the test would read whatever GROEPSBEELD_RULES_FILE the shell running it has set. */
  const noOverride = () => vi.stubEnv(RULES_FILE_VARIABLE, '');

  const write = async (path: string, rules: unknown) => {
    await writeFile(path, JSON.stringify(rules, null, 2));
    return path;
  };

  it('gives the defaults without an institution file or a study rule set', async () => {
    noOverride();
    const userData = await tempFolder();
    await expect(loadEffectiveRules(userData)).resolves.toEqual(DEFAULT_RULE_SET);
  });

  it('gives the institution file’s rules, and a stricter study rule set on top of them', async () => {
    noOverride();
    const userData = await tempFolder();
    await write(institutionRulesPath(userData), FLOOR);
    await expect(loadEffectiveRules(userData)).resolves.toEqual(FLOOR);
    const studyFile = await write(join(userData, 'studie-regels.json'), study({ threshold: 20, clusterMinimum: 25 }));
    const rules = await loadEffectiveRules(userData, studyFile);
    expect(rules).toEqual({ ...FLOOR, threshold: 20, clusterMinimum: 25, name: 'Studie Wijk (strenger dan Instelling X)' });
  });

  it('refuses a study rule set weaker than the institution file, saying where that file is', async () => {
    noOverride();
    const userData = await tempFolder();
    await write(institutionRulesPath(userData), FLOOR);
    const studyFile = await write(join(userData, 'zwak.json'), { ...DEFAULT_RULE_SET, name: 'Groepsbeeld standaard', threshold: 1 });
    const refusal = loadEffectiveRules(userData, studyFile);
    await expect(refusal).rejects.toBeInstanceOf(UserFacingError);
    await expect(refusal).rejects.toThrow(/drempel 1 is lager dan de 10 van de instelling/);
    await expect(refusal).rejects.toThrow(institutionRulesPath(userData));
    await expect(refusal).rejects.toThrow(studyFile);
  });

  it('measures a study rule set against the defaults when the institution has no file', async () => {
    noOverride();
    const userData = await tempFolder();
    const studyFile = await write(join(userData, 'zwak.json'), { ...DEFAULT_RULE_SET, name: 'Zwak', roundingBase: 5, protectionLevel: 5 });
    await expect(loadEffectiveRules(userData, studyFile)).rejects.toThrow(
      /beschermingsniveau 5 is lager dan de 10 van de instelling, afrondingsbasis 5 is lager dan de 10 van de instelling/,
    );
  });

  it('refuses through loadInstitutionRules too, the call existing callers make with a study rule set', async () => {
    noOverride();
    const userData = await tempFolder();
    const studyFile = await write(join(userData, 'zwak.json'), { ...DEFAULT_RULE_SET, name: 'Groepsbeeld standaard', threshold: 1 });
    await expect(loadInstitutionRules(userData, studyFile)).rejects.toThrow(/drempel 1 is lager dan de 10/);
    await expect(loadInstitutionRules(userData)).resolves.toEqual(DEFAULT_RULE_SET);
  });

  it('takes the institution file from GROEPSBEELD_RULES_FILE over the app-data file', async () => {
    const userData = await tempFolder();
    const elsewhere = await tempFolder();
    await write(institutionRulesPath(userData), DEFAULT_RULE_SET);
    const overridePath = await write(join(elsewhere, 'ci-regels.json'), { ...FLOOR, name: 'CI', threshold: 5 });
    vi.stubEnv(RULES_FILE_VARIABLE, overridePath);
    await expect(loadEffectiveRules(userData)).resolves.toEqual({ ...FLOOR, name: 'CI', threshold: 5 });
    await expect(loadInstitutionRules(userData)).resolves.toEqual({ ...FLOOR, name: 'CI', threshold: 5 });
    // The override is the floor a study is measured against: threshold 7 passes under CI's 5 ...
    const studyFile = await write(join(elsewhere, 'studie.json'), { ...FLOOR, name: 'Studie', threshold: 7 });
    await expect(loadEffectiveRules(userData, studyFile)).resolves.toMatchObject({ threshold: 7, name: 'Studie (strenger dan CI)' });
    // ... and a study under it is refused, naming the variable as where the institution's rules are.
    const weakFile = await write(join(elsewhere, 'zwak.json'), { ...FLOOR, name: 'Zwak', threshold: 4 });
    await expect(loadEffectiveRules(userData, weakFile)).rejects.toThrow(new RegExp(`drempel 4 is lager dan de 5 van de instelling.*${RULES_FILE_VARIABLE}`));
  });

  it('refuses a GROEPSBEELD_RULES_FILE that does not exist instead of falling back to the defaults', async () => {
    const userData = await tempFolder();
    vi.stubEnv(RULES_FILE_VARIABLE, join(userData, 'bestaat-niet.json'));
    await expect(loadEffectiveRules(userData)).rejects.toThrow(/GROEPSBEELD_RULES_FILE.*bestaat niet/);
  });

  it('refuses a damaged institution file instead of falling back to the defaults', async () => {
    noOverride();
    const userData = await tempFolder();
    await writeFile(institutionRulesPath(userData), '{"version": 1, "name": "kapot"');
    await expect(loadEffectiveRules(userData)).rejects.toThrow(/geen geldige JSON/);
  });
});
