// The feature form's fields and the definition they make: pure, so the rules (an id's spelling, a code list written as
// "code = label" lines, bins as "up to = label" lines) are tested without a browser. The main process checks again.
import type { FeatureDefinition, FeatureFile } from '../api/types';
import type { MessageKey } from '../i18n/nl';

export type Coding = FeatureDefinition['coding']['type'];

export interface FeatureFields {
  id: string;
  label: string;
  group: FeatureDefinition['group'];
  /** The opened file's name, as the catalogue lists it. */
  file: string;
  /** '' = no value: whether a valid row exists. */
  value: string;
  begin: string;
  end: string;
  whereColumn: string;
  /** Codes of the selection, separated by commas. */
  whereCodes: string;
  validity: NonNullable<FeatureDefinition['validity']>;
  years: number;
  unit: NonNullable<FeatureDefinition['unit']>;
  members: NonNullable<FeatureDefinition['members']>;
  rollUp: NonNullable<FeatureDefinition['rollUp']>;
  coding: Coding;
  /** "code = label" per line (codes), "25 = 25 of jonger" per line with a last "= ouder" (bins). */
  categories: string;
  amountUnit: 'euro' | 'jaar' | 'personen' | 'dagen';
}

export const EMPTY_FIELDS: FeatureFields = {
  id: '',
  label: '',
  group: 'huishouden',
  file: '',
  value: '',
  begin: '',
  end: '',
  whereColumn: '',
  whereCodes: '',
  validity: 'window',
  years: 4,
  unit: 'person',
  members: 'all',
  rollUp: 'any',
  coding: 'flag',
  categories: '',
  amountUnit: 'euro',
};

export type Draft = { ok: true; definition: FeatureDefinition } | { ok: false; problem: MessageKey; line?: number };

/** The lines "left = right" of a text area, blank lines skipped; null when a line has no "=". */
function pairs(text: string): { left: string; right: string; line: number }[] | { bad: number } {
  const result: { left: string; right: string; line: number }[] = [];
  const lines = text.split('\n');
  for (const [index, raw] of lines.entries()) {
    if (raw.trim() === '') continue;
    const at = raw.indexOf('=');
    if (at < 0) return { bad: index + 1 };
    result.push({ left: raw.slice(0, at).trim(), right: raw.slice(at + 1).trim(), line: index + 1 });
  }
  return result;
}

function coding(fields: FeatureFields): FeatureDefinition['coding'] | { problem: MessageKey; line?: number } {
  if (fields.coding === 'flag') return { type: 'flag' };
  if (fields.coding === 'amount') return { type: 'amount', unit: fields.amountUnit, magnitude: fields.amountUnit === 'euro' };
  const lines = pairs(fields.categories);
  if ('bad' in lines) return { problem: 'features.problem.categoryLine', line: lines.bad };
  if (fields.coding === 'codes') {
    if (lines.length === 0 || lines.some((entry) => entry.left === '' || entry.right === '')) return { problem: 'features.problem.codes' };
    return { type: 'codes', codes: lines.map((entry) => ({ code: entry.left, label: entry.right })) };
  }
  const bins = lines.map((entry) => ({ upTo: entry.left === '' ? undefined : Number(entry.left.replace(',', '.')), label: entry.right }));
  const open = bins.at(-1);
  const bounded = bins.slice(0, -1);
  if (bins.length < 2 || !open || open.upTo !== undefined || bounded.some((bin) => bin.upTo === undefined || !Number.isFinite(bin.upTo)))
    return { problem: 'features.problem.bins' };
  return {
    type: 'bins',
    bins: bins.map((bin, index) => ({ code: `b${index + 1}`, label: bin.label, ...(bin.upTo === undefined ? {} : { upTo: bin.upTo }) })),
  };
}

/** The file as a source: a recognised table by its kind (so the study holds for other years), any other by its name. */
function source(fields: FeatureFields, file: FeatureFile): FeatureDefinition['source'] {
  const kind = file.sourceKind;
  const codes = fields.whereCodes
    .split(',')
    .map((code) => code.trim())
    .filter((code) => code !== '');
  return {
    ...(kind ? { kind } : { file: file.name.replace(/\.[^.]+$/, '') }),
    ...(fields.value ? { value: fields.value } : {}),
    ...(fields.begin ? { begin: fields.begin } : {}),
    ...(fields.begin && fields.end ? { end: fields.end } : {}),
    ...(fields.whereColumn && codes.length > 0 ? { where: { column: fields.whereColumn, in: codes } } : {}),
  };
}

export function featureDraft(fields: FeatureFields, files: readonly FeatureFile[]): Draft {
  if (!/^[a-z][a-z0-9_]{0,39}$/.test(fields.id)) return { ok: false, problem: 'features.problem.id' };
  if (fields.label.trim() === '') return { ok: false, problem: 'features.problem.label' };
  const file = files.find((candidate) => candidate.name === fields.file);
  if (!file) return { ok: false, problem: 'features.problem.file' };
  if (fields.coding !== 'flag' && !fields.value) return { ok: false, problem: 'features.problem.value' };
  const coded = coding(fields);
  if ('problem' in coded) return { ok: false, problem: coded.problem, ...(coded.line ? { line: coded.line } : {}) };
  return {
    ok: true,
    definition: {
      id: fields.id,
      label: fields.label.trim(),
      group: fields.group,
      source: source(fields, file),
      unit: fields.unit,
      validity: fields.validity,
      years: fields.years,
      members: fields.members,
      // A yes/no feature asks whether any member has a row; the others roll up as chosen.
      rollUp: fields.coding === 'flag' ? 'any' : fields.rollUp === 'any' ? 'value' : fields.rollUp,
      coding: coded,
    },
  };
}
