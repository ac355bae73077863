// The feature form's definition builder: what the fields make (a recognised table by kind, a partner file by name,
// a yes/no feature as rollUp any) and each problem it names before anything is sent to the main process.
import { describe, expect, it } from 'vitest';
import { EMPTY_FIELDS, featureDraft, type FeatureFields } from '../../src-renderer/src/features/featureDraft';

const files: Parameters<typeof featureDraft>[1] = [
  {
    name: 'SCHULDHULP2017.csv',
    tableKind: 'unknown',
    sourceKind: null,
    columns: ['rinpersoon', 'start', 'eind', 'soort'],
    keyColumns: ['rinpersoon'],
    roles: { personKey: 'rinpersoon' },
  },
  {
    name: 'GBAPERSOON2018TABV1.csv',
    tableKind: 'persons',
    sourceKind: 'persons',
    columns: ['RINPERSOONS', 'RINPERSOON', 'GBAGEBOORTEJAAR'],
    keyColumns: ['RINPERSOON'],
    roles: {},
  },
  { name: 'KLANTEN.csv', tableKind: 'clients', sourceKind: null, columns: ['RINPERSOON', 'van', 'tot'], keyColumns: ['RINPERSOON'], roles: {} },
];
const debtHelp: FeatureFields = {
  ...EMPTY_FIELDS,
  id: 'schuldhulp_4j',
  label: '  Schuldhulp in 4 jaar ',
  group: 'inkomen',
  file: 'SCHULDHULP2017.csv',
  begin: 'start',
  end: 'eind',
  whereColumn: 'soort',
  whereCodes: 'A, B ,',
};

describe('the feature form', () => {
  it('makes a yes/no feature on a partner file, read by its name', () => {
    expect(featureDraft(debtHelp, files)).toEqual({
      ok: true,
      definition: {
        id: 'schuldhulp_4j',
        label: 'Schuldhulp in 4 jaar',
        group: 'inkomen',
        source: { file: 'SCHULDHULP2017', begin: 'start', end: 'eind', where: { column: 'soort', in: ['A', 'B'] } },
        unit: 'person',
        validity: 'window',
        years: 4,
        members: 'all',
        rollUp: 'any',
        coding: { type: 'flag' },
      },
    });
  });

  it('reads a recognised table by its kind, another recognised one (the client list) by its name', () => {
    const persons = featureDraft(
      {
        ...debtHelp,
        file: 'GBAPERSOON2018TABV1.csv',
        value: 'GBAGEBOORTEJAAR',
        whereColumn: '',
        begin: '',
        coding: 'amount',
        amountUnit: 'jaar',
        rollUp: 'max',
      },
      files,
    );
    expect(persons.ok && persons.definition.source).toEqual({ kind: 'persons', value: 'GBAGEBOORTEJAAR' });
    expect(persons.ok && persons.definition).toMatchObject({ rollUp: 'max', coding: { type: 'amount', unit: 'jaar', magnitude: false } });
    const clients = featureDraft({ ...debtHelp, file: 'KLANTEN.csv', whereColumn: '', begin: 'van', end: '' }, files);
    expect(clients.ok && clients.definition.source).toEqual({ file: 'KLANTEN', begin: 'van' });
  });

  it('writes codes and bins from "left = right" lines', () => {
    const codes = featureDraft({ ...debtHelp, value: 'soort', coding: 'codes', categories: 'A = Schuldhulp\n\nB = Budgetbeheer' }, files);
    expect(codes.ok && codes.definition).toMatchObject({
      rollUp: 'value',
      coding: {
        type: 'codes',
        codes: [
          { code: 'A', label: 'Schuldhulp' },
          { code: 'B', label: 'Budgetbeheer' },
        ],
      },
    });
    const bins = featureDraft(
      { ...debtHelp, value: 'start', coding: 'bins', rollUp: 'min', categories: '25 = 25 of jonger\n30,5 = 26 tot 30,5\n= ouder' },
      files,
    );
    expect(bins.ok && bins.definition.coding).toEqual({
      type: 'bins',
      bins: [
        { code: 'b1', label: '25 of jonger', upTo: 25 },
        { code: 'b2', label: '26 tot 30,5', upTo: 30.5 },
        { code: 'b3', label: 'ouder' },
      ],
    });
  });

  it('names each problem: id, name, file, value, a line without "=", codes, bins', () => {
    const problem = (fields: Partial<FeatureFields>) => {
      const draft = featureDraft({ ...debtHelp, ...fields }, files);
      return draft.ok ? 'ok' : `${draft.problem}${draft.line ? `@${draft.line}` : ''}`;
    };
    expect(problem({ id: 'Schuld hulp' })).toBe('features.problem.id');
    expect(problem({ id: '4jaar' })).toBe('features.problem.id');
    expect(problem({ label: ' ' })).toBe('features.problem.label');
    expect(problem({ file: 'WEG.csv' })).toBe('features.problem.file');
    expect(problem({ coding: 'codes', value: '' })).toBe('features.problem.value');
    expect(problem({ coding: 'codes', value: 'soort', categories: 'A = a\nB' })).toBe('features.problem.categoryLine@2');
    expect(problem({ coding: 'codes', value: 'soort', categories: 'A =' })).toBe('features.problem.codes');
    expect(problem({ coding: 'bins', value: 'start', categories: '25 = jong\n30 = ouder' })).toBe('features.problem.bins');
    expect(problem({ coding: 'bins', value: 'start', categories: 'jong = jong\n= ouder' })).toBe('features.problem.bins');
    expect(problem({})).toBe('ok');
  });
});
