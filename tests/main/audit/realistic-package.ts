// A package the size of a real study (about 20 outputs, 600 printed figures, a family of 41 atoms x 8 population atoms), for timing.
import type { CountCellDefinition, FamilyDefinition, FigureDefinition, PackageDefinitions } from '../../../src-main/publication/definitions-file';
import { Random } from '../../../src-main/synthetic/random';
import { count, countFigure, type FixtureOutput, type FixturePackage } from './package-fixtures';

const CLUSTERS = 7;
const clusterAtoms = Array.from({ length: CLUSTERS }, (_, index) => `cluster-${index + 1}`);
const POPULATIONS: PackageDefinitions['populations'] = {
  atoms: ['niet-klant', ...clusterAtoms],
  sets: {
    alle: { label: 'Alle huishoudens', atoms: ['niet-klant', ...clusterAtoms] },
    klanten: { label: 'Klanthuishoudens', atoms: clusterAtoms },
    ...Object.fromEntries(clusterAtoms.map((atom, index) => [atom, { label: `Cluster ${index + 1}`, atoms: [atom] }])),
  },
};

function family(id: string, features: readonly { id: string; codes: readonly string[] }[], atoms?: readonly (readonly string[])[]): FamilyDefinition {
  const all = features.reduce<string[][]>(
    (combinations, feature) => combinations.flatMap((combination) => feature.codes.map((code) => [...combination, code])),
    [[]],
  );
  return {
    id,
    features: features.map((feature) => feature.id),
    categories: features.map((feature) => feature.codes.map((code) => ({ code, label: `${feature.id} ${code}` }))),
    atoms: (atoms ?? all).map((atom) => [...atom]),
  };
}

const ages = ['0-1', '2-3', '4-5', '6-8', '9-11', '12-14', '15-17', '18+'];
const FAMILIES: FamilyDefinition[] = [
  family(
    'huishouden',
    [
      { id: 'type', codes: ['1', '2', '3', '4', '5', '6'] },
      { id: 'samenstelling', codes: ['alleen', 'paar', 'eenouder'] },
    ],
    [
      ['1', 'alleen'],
      ['2', 'paar'],
      ['3', 'paar'],
      ['4', 'paar'],
      ['5', 'paar'],
      ['6', 'eenouder'],
    ],
  ),
  // 1 + 5 x 8 = 41 atoms: no children and no youngest child, or 1..5+ children with the youngest in one of 8 age groups.
  family(
    'kinderen',
    [
      { id: 'aantal', codes: ['0', '1', '2', '3', '4', '5+'] },
      { id: 'jongste', codes: ['geen', ...ages] },
    ],
    [['0', 'geen'], ...['1', '2', '3', '4', '5+'].flatMap((children) => ages.map((age) => [children, age]))],
  ),
  ...[
    ['opleiding', 3],
    ['bron', 6],
    ['uitkering', 5],
    ['woning', 4],
    ['migratie', 3],
    ['jeugdhulp', 2],
    ['wmo', 2],
    ['inkomen', 5],
    ['leeftijd', 6],
  ].map(([id, size]) => family(id as string, [{ id: id as string, codes: Array.from({ length: size as number }, (_, index) => `${index + 1}`) }])),
];

/** The true counts: per family, per population atom, per family atom. */
function trueCounts(random: Random): { sizes: number[]; counts: Map<string, number[][]> } {
  const sizes = [11155, ...clusterAtoms.map(() => random.int(15, 45))];
  const counts = new Map<string, number[][]>();
  for (const definition of FAMILIES) {
    counts.set(
      definition.id,
      sizes.map((size) => {
        // A few big atoms, many small ones, as in real data.
        const weights = definition.atoms.map(() => random.next() ** 3 + 0.01);
        const sum = weights.reduce((a, b) => a + b, 0);
        const raw = weights.map((weight) => (weight / sum) * size);
        const whole = raw.map(Math.floor);
        let rest = size - whole.reduce((a, b) => a + b, 0);
        const order = raw.map((value, index) => [value - Math.floor(value), index] as const).sort((a, b) => b[0] - a[0]);
        for (const [, index] of order) {
          if (rest <= 0) break;
          whole[index] = (whole[index] as number) + 1;
          rest -= 1;
        }
        return whole;
      }),
    );
  }
  return { sizes, counts };
}

const percent = (value: number, decimals: number): string => value.toFixed(decimals).replace('.', ',');

/** The example package, built from a seed. */
export function realisticPackage(seed = 7): FixturePackage {
  const random = new Random(seed);
  const { sizes, counts } = trueCounts(random);
  const populationAtoms = (population: string): number[] => (POPULATIONS.sets[population]?.atoms ?? []).map((atom) => POPULATIONS.atoms.indexOf(atom));
  const valueOf = (cell: CountCellDefinition): number => {
    const definition = FAMILIES.find((candidate) => candidate.id === cell.family) as FamilyDefinition;
    const position = definition.features.indexOf(cell.feature);
    const table = counts.get(cell.family) as number[][];
    return populationAtoms(cell.population).reduce(
      (sum, atom) =>
        sum +
        definition.atoms.reduce(
          (inner, codes, index) =>
            inner + (cell.codes === null || cell.codes.includes(codes[position] as string) ? ((table[atom] as number[])[index] as number) : 0),
          0,
        ),
      0,
    );
  };
  /** Primary suppression (1..9) and, where a column would have a single hidden cell, its smallest visible neighbour too. */
  const protectColumn = (values: readonly number[]): boolean[] => {
    const hidden = values.map((value) => value > 0 && value < 10);
    if (hidden.filter(Boolean).length === 1) {
      const candidates = values
        .map((value, index) => [value, index] as const)
        .filter(([, index]) => !hidden[index])
        .sort((a, b) => a[0] - b[0]);
      if (candidates[0]) hidden[candidates[0][1]] = true;
    }
    return hidden;
  };
  const outputs: FixtureOutput[] = [];
  const features = FAMILIES.flatMap((definition) =>
    definition.features.map((feature, position) => ({ definition, feature, codes: (definition.categories[position] ?? []).map((category) => category.code) })),
  );

  // One comparison table per feature: clients and all households, counts, shares, difference, residual.
  for (const { definition, feature, codes } of features) {
    const cell = (codesOfRow: string[] | null, population: string): CountCellDefinition => count(definition.id, feature, codesOfRow, population);
    const share = (code: string, population: string): FigureDefinition & { kind: 'share' } => ({
      kind: 'share',
      numerator: cell([code], population),
      denominator: cell(null, population),
    });
    const clientValues = codes.map((code) => valueOf(cell([code], 'klanten')));
    const allValues = codes.map((code) => valueOf(cell([code], 'alle')));
    const clientHidden = protectColumn(clientValues);
    const allHidden = protectColumn(allValues);
    const clientTotal = valueOf(cell(null, 'klanten'));
    const allTotal = valueOf(cell(null, 'alle'));
    const rows = codes.map((code, row) => {
      const clientShare = (100 * (clientValues[row] as number)) / clientTotal;
      const allShare = (100 * (allValues[row] as number)) / allTotal;
      const shown = !clientHidden[row] && !allHidden[row];
      return {
        label: `${feature} ${code}`,
        fields: [
          clientHidden[row] ? 'x' : String(clientValues[row]),
          clientHidden[row] ? 'x' : percent(clientShare, 1),
          allHidden[row] ? 'x' : String(allValues[row]),
          allHidden[row] ? 'x' : percent(allShare, 1),
          shown ? percent(clientShare - allShare, 1) : 'x',
          shown ? percent(random.next() * 4 - 2, 1) : 'x',
        ],
      };
    });
    rows.push({ label: 'Totaal', fields: [String(clientTotal), '100,0', String(allTotal), '100,0', '', ''] });
    const cells: FixtureOutput['cells'][number][] = codes.flatMap((code, row) => [
      { row, column: 0, figure: countFigure(cell([code], 'klanten')) },
      { row, column: 1, figure: share(code, 'klanten') },
      { row, column: 2, figure: countFigure(cell([code], 'alle')) },
      { row, column: 3, figure: share(code, 'alle') },
      { row, column: 4, figure: { kind: 'difference', minuend: share(code, 'klanten'), subtrahend: share(code, 'alle') } },
      { row, column: 5, figure: { kind: 'residual', inputs: [cell([code], 'klanten'), cell([code], 'alle'), cell(null, 'klanten'), cell(null, 'alle')] } },
    ]);
    cells.push(
      { row: codes.length, column: 0, figure: countFigure(cell(null, 'klanten')) },
      { row: codes.length, column: 2, figure: countFigure(cell(null, 'alle')) },
    );
    outputs.push({ id: `vergelijking-${feature}`, rowHeader: feature, columns: ['Klanten', 'Klanten %', 'Alle', 'Alle %', 'Verschil', 'Residu'], rows, cells });
  }

  // The cluster table: per feature the modal category's share per cluster (whole percents), and the cluster sizes.
  const profilePopulations = [...clusterAtoms, 'klanten', 'alle'];
  const profileRows: FixtureOutput['rows'][number][] = [];
  const profileCells: FixtureOutput['cells'][number][] = [];
  profileRows.push({
    label: 'Aantal huishoudens',
    fields: profilePopulations.map((population) => String(sizes.length && valueOf(count('huishouden', 'type', null, population)))),
  });
  profilePopulations.forEach((population, column) => profileCells.push({ row: 0, column, figure: countFigure(count('huishouden', 'type', null, population)) }));
  features.forEach(({ definition, feature, codes }, index) => {
    const fields = profilePopulations.map((population, column) => {
      const values = codes.map((code) => valueOf(count(definition.id, feature, [code], population)));
      const total = values.reduce((a, b) => a + b, 0);
      const best = values.indexOf(Math.max(...values));
      const share = (100 * (values[best] as number)) / total;
      profileCells.push({
        row: index + 1,
        column,
        figure: {
          kind: 'share',
          numerator: count(definition.id, feature, [codes[best] as string], population),
          denominator: count(definition.id, feature, null, population),
        },
      });
      if ((values[best] as number) < 10) return 'x';
      return share >= 40 ? `${feature} ${codes[best]} ${percent(share, 0)} %` : 'varieert';
    });
    profileRows.push({ label: feature, fields });
  });
  outputs.push({ id: 'clustertabel', rowHeader: 'Kenmerk', columns: profilePopulations, rows: profileRows, cells: profileCells });

  // Counts per cluster for household type and number of children: small cells, so suppression per column.
  for (const [familyId, feature] of [
    ['huishouden', 'type'],
    ['kinderen', 'aantal'],
    ['huishouden', 'samenstelling'],
    ['opleiding', 'opleiding'],
  ] as const) {
    const definition = FAMILIES.find((candidate) => candidate.id === familyId) as FamilyDefinition;
    const codes = (definition.categories[definition.features.indexOf(feature)] ?? []).map((category) => category.code);
    const columnsHidden = clusterAtoms.map((population) => protectColumn(codes.map((code) => valueOf(count(familyId, feature, [code], population)))));
    const rows = codes.map((code, row) => ({
      label: `${feature} ${code}`,
      fields: clusterAtoms.map((population, column) => (columnsHidden[column]?.[row] ? 'x' : String(valueOf(count(familyId, feature, [code], population))))),
    }));
    const cells = codes.flatMap((code, row) =>
      clusterAtoms.map((population, column) => ({ row, column, figure: countFigure(count(familyId, feature, [code], population)) })),
    );
    outputs.push({ id: `clusters-${feature}`, rowHeader: feature, columns: clusterAtoms, rows, cells });
  }

  // The link report.
  const recordCells = ['regels', 'gekoppeld', 'niet-gevonden', 'buiten', 'dubbel', 'huishoudens'];
  const clientHouseholds = sizes.slice(1).reduce((a, b) => a + b, 0);
  outputs.push({
    id: 'koppelrapport',
    rowHeader: 'Stap',
    columns: ['Aantal'],
    rows: [
      ['Klantregels', String(clientHouseholds + 45)],
      ['Gekoppeld', String(clientHouseholds + 20)],
      ['Niet gevonden', '19'],
      ['Buiten de gemeente', '< 10'],
      ['Dubbel', '< 10'],
      ['Klanthuishoudens', String(clientHouseholds)],
    ].map(([label, value]) => ({ label: label as string, fields: [value as string] })),
    cells: recordCells.map((id, row) => ({ row, column: 0, figure: { kind: 'record', family: 'koppeling', cell: id } })),
  });
  return {
    families: FAMILIES,
    populations: POPULATIONS,
    recordFamilies: [
      {
        id: 'koppeling',
        cells: recordCells.map((id) => ({ id, label: id })),
        relations: [
          { kind: 'sum', total: 'regels', parts: ['gekoppeld', 'niet-gevonden', 'buiten', 'dubbel'] },
          { kind: 'atMost', part: 'huishoudens', whole: 'gekoppeld' },
        ],
      },
    ],
    outputs,
  };
}

/** Printed figures in the package (placed cells). */
export function figureCount(fixture: FixturePackage): number {
  return fixture.outputs.reduce((sum, output) => sum + output.cells.length, 0);
}
