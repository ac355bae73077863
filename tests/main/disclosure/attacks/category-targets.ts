// Where a profile's category lives in the comparison tables. Directly (the same feature and category label), or by
// the CBS code lists (an attacker's public knowledge): composition "Paar" is household types 2, 3, 4 and 5, etc.
import type { ComparisonModel } from './comparison-models';
import { normalise } from './package-reader';

interface Coarse {
  feature: string;
  category: string;
  table: string;
  parts: string[];
}

const COARSE: readonly Coarse[] = [
  { feature: 'Samenstelling huishouden', category: 'Alleenstaande', table: 'Type huishouden', parts: ['Eenpersoonshuishouden'] },
  {
    feature: 'Samenstelling huishouden',
    category: 'Paar',
    table: 'Type huishouden',
    parts: ['Ongehuwd paar zonder kinderen', 'Gehuwd paar zonder kinderen', 'Ongehuwd paar met kinderen', 'Gehuwd paar met kinderen'],
  },
  { feature: 'Samenstelling huishouden', category: 'Eenouderhuishouden', table: 'Type huishouden', parts: ['Eenouderhuishouden'] },
  { feature: 'Samenstelling huishouden', category: 'Overig huishouden', table: 'Type huishouden', parts: ['Overig huishouden', 'Institutioneel huishouden'] },
  { feature: 'Kinderen', category: 'Met kinderen', table: 'Kinderen in het huishouden', parts: ['1 kind', '2 kinderen', '3 of meer kinderen'] },
  { feature: 'Kinderen', category: 'Zonder kinderen', table: 'Kinderen in het huishouden', parts: ['Geen kinderen'] },
  { feature: 'Jongste kind', category: 'Geen kinderen', table: 'Leeftijd jongste kind', parts: ['Geen kinderen'] },
];

/** Where a profile feature's unknowns are counted, when it has no comparison table of its own. */
const UNKNOWNS_OF: Readonly<Record<string, string>> = {
  'samenstelling huishouden': 'type huishouden',
  kinderen: 'kinderen in het huishouden',
  'jongste kind': 'leeftijd jongste kind',
};

export interface Target {
  model: ComparisonModel;
  vars: string[];
  how: 'direct' | 'coarse';
}

export function resolveTarget(models: Map<string, ComparisonModel>, feature: string, category: string): Target | null {
  const direct = models.get(normalise(feature));
  if (direct) {
    const cell = direct.cells.get(normalise(category));
    return cell ? { model: direct, vars: [cell], how: 'direct' } : null;
  }
  const coarse = COARSE.find((entry) => normalise(entry.feature) === normalise(feature) && normalise(entry.category) === normalise(category));
  const model = coarse && models.get(normalise(coarse.table));
  if (!coarse || !model) return null;
  const vars = coarse.parts.map((part) => model.cells.get(normalise(part)));
  if (vars.some((cell) => cell === undefined)) return null;
  return { model, vars: vars as string[], how: 'coarse' };
}

export function unknownModel(models: Map<string, ComparisonModel>, feature: string): ComparisonModel | undefined {
  return models.get(normalise(feature)) ?? models.get(UNKNOWNS_OF[normalise(feature)] ?? '');
}
