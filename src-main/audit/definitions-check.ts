// The references inside a definities.json that its zod schema cannot check: families, features, codes, populations, record cells.
import type { CountCellDefinition, FigureDefinition, PackageDefinitions } from '../publication/definitions-file';

/** Every problem found, in Dutch, at most `limit` (the caller names the file). */
export function definitionProblems(definitions: PackageDefinitions, limit = 5): string[] {
  const problems: string[] = [];
  const add = (problem: string): void => {
    if (problems.length < limit) problems.push(problem);
  };
  const families = new Map(definitions.families.map((family) => [family.id, family]));
  if (families.size !== definitions.families.length) add('twee families hebben hetzelfde id');
  for (const family of definitions.families) {
    if (family.categories.length !== family.features.length) {
      add(`familie ${family.id}: ${family.features.length} kenmerken maar ${family.categories.length} categorielijsten`);
    }
    if (new Set(family.features).size !== family.features.length) add(`familie ${family.id}: een kenmerk staat er twee keer in`);
    family.atoms.forEach((atom, index) => {
      if (atom.length !== family.features.length) {
        add(`familie ${family.id}, atoom ${index + 1}: ${atom.length} codes, verwacht ${family.features.length} (één per kenmerk)`);
        return;
      }
      atom.forEach((code, position) => {
        if (!(family.categories[position] ?? []).some((category) => category.code === code)) {
          add(`familie ${family.id}, atoom ${index + 1}: code ${code} is geen categorie van ${family.features[position]}`);
        }
      });
    });
    if (new Set(family.atoms.map((atom) => atom.join('\u0000'))).size !== family.atoms.length) add(`familie ${family.id}: een atoom staat er twee keer in`);
  }
  const populationAtoms = new Set(definitions.populations.atoms);
  if (populationAtoms.size !== definitions.populations.atoms.length) add('populaties: een atoom staat er twee keer in');
  for (const [id, set] of Object.entries(definitions.populations.sets)) {
    for (const atom of set.atoms) if (!populationAtoms.has(atom)) add(`populatie ${id}: atoom ${atom} staat niet in populations.atoms`);
  }
  const records = new Map(definitions.recordFamilies.map((family) => [family.id, new Set(family.cells.map((cell) => cell.id))]));
  for (const family of definitions.recordFamilies) {
    const cells = records.get(family.id) ?? new Set<string>();
    for (const relation of family.relations) {
      const named = relation.kind === 'sum' ? [relation.total, ...relation.parts] : [relation.part, relation.whole];
      for (const cell of named) if (!cells.has(cell)) add(`recordfamilie ${family.id}: relatie noemt onbekende cel ${cell}`);
    }
  }
  const checkCell = (cell: CountCellDefinition, where: string): void => {
    const family = families.get(cell.family);
    if (family === undefined) return add(`${where}: onbekende familie ${cell.family}`);
    const position = family.features.indexOf(cell.feature);
    if (position < 0) return add(`${where}: familie ${cell.family} heeft geen kenmerk ${cell.feature}`);
    for (const code of cell.codes ?? []) {
      if (!(family.categories[position] ?? []).some((category) => category.code === code)) add(`${where}: ${code} is geen code van ${cell.feature}`);
    }
    if (definitions.populations.sets[cell.population] === undefined) add(`${where}: onbekende populatie ${cell.population}`);
  };
  const checkFigure = (figure: FigureDefinition, where: string): void => {
    switch (figure.kind) {
      case 'count':
        return checkCell(figure.cell, where);
      case 'share':
      case 'shareAtLeast':
        checkCell(figure.numerator, `${where} (teller)`);
        return checkCell(figure.denominator, `${where} (noemer)`);
      case 'difference':
        checkFigure(figure.minuend, `${where} (eerste aandeel)`);
        return checkFigure(figure.subtrahend, `${where} (tweede aandeel)`);
      case 'record':
        if (!(records.get(figure.family)?.has(figure.cell) ?? false)) add(`${where}: onbekende recordcel ${figure.family}/${figure.cell}`);
        return;
      case 'amount':
        if (definitions.populations.sets[figure.population] === undefined) add(`${where}: onbekende populatie ${figure.population}`);
        return checkCell(figure.units, `${where} (eenheden)`);
      case 'model':
        return;
      default:
        figure.inputs.forEach((input, index) => checkCell(input, `${where} (invoer ${index + 1})`));
    }
  };
  const outputIds = new Set<string>();
  for (const output of definitions.outputs) {
    if (outputIds.has(output.id)) add(`uitvoer ${output.id} staat er twee keer in`);
    outputIds.add(output.id);
    const places = new Set<string>();
    for (const placed of output.cells) {
      const where = `uitvoer ${output.id}, row ${placed.row}, column ${placed.column}`;
      if (places.has(`${placed.row}/${placed.column}`)) add(`${where}: twee cijfers op dezelfde plaats`);
      places.add(`${placed.row}/${placed.column}`);
      checkFigure(placed.figure, where);
    }
    output.notes.forEach((figure, index) => checkFigure(figure, `uitvoer ${output.id}, toelichting ${index + 1}`));
  }
  return problems;
}
