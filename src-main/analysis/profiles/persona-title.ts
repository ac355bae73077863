// The automatic Dutch title of a persona, from the cluster's dominant household and its most distinctive traits.
import type { ClusterProfile } from './cluster-table';
import type { StandOutTrait } from './what-stands-out';

/** A head noun with its grammatical gender: "de" nouns take "Jonge", "het" nouns "Jong". */
interface Noun {
  text: string;
  article: 'de' | 'het';
}

const HUISHOUDEN: Noun = { text: 'huishouden', article: 'het' };

/** Household composition (and detailed household type) to the title's noun. */
const COMPOSITION_NOUNS: Record<string, Noun> = {
  alleen: { text: 'alleenstaande', article: 'de' },
  eenouder: { text: 'eenouderhuishouden', article: 'het' },
  overig: HUISHOUDEN,
};
const TYPE_NOUNS: Record<string, Noun> = {
  '1': COMPOSITION_NOUNS.alleen!,
  '2': { text: 'stel', article: 'het' },
  '3': { text: 'stel', article: 'het' },
  '4': { text: 'gezin', article: 'het' },
  '5': { text: 'gezin', article: 'het' },
  '6': COMPOSITION_NOUNS.eenouder!,
};

/** Fragments after the noun, per feature and category, in the order they are tried: benefit, care, tenure. */
export const TITLE_FRAGMENTS: readonly { featureId: string; fragments: Record<string, string> }[] = [
  {
    featureId: 'benefit_type',
    fragments: {
      '0': 'zonder uitkering',
      '1': 'met een WW-uitkering',
      '2': 'met een arbeidsongeschiktheidsuitkering',
      '3': 'in de bijstand',
      '4': 'met een andere uitkering',
    },
  },
  { featureId: 'care', fragments: { jeugd: 'met jeugdzorg', wmo: 'met Wmo-ondersteuning', beide: 'met jeugdzorg en Wmo' } },
  { featureId: 'tenure', fragments: { '1': 'met een koopwoning', '2': 'in een huurwoning', '3': 'met huurtoeslag' } },
];

/** How a category that is over-represented but held by fewer than half of the cluster is named: more often, not as its trait. */
export const MINORITY_PREFIX = 'vaker';

/** An over-represented composition (not held by half the cluster) as a fragment after "huishouden". */
const MINORITY_COMPOSITION: Record<string, string> = {
  alleen: 'alleenstaand',
  eenouder: 'eenouder',
  paar: 'een stel',
  '1': 'alleenstaand',
  '2': 'een stel',
  '3': 'een stel',
  '4': 'een gezin',
  '5': 'een gezin',
  '6': 'eenouder',
};

/** At most this many fragments follow the noun, so a title stays a title. */
export const MAX_FRAGMENTS = 2;

function dominantCode(profile: ClusterProfile, rowId: string, columnIndex: number): string | null {
  const cell = profile.rows.find((row) => row.id === rowId)?.cells[columnIndex];
  return cell?.modal?.dominant && 'value' in cell.cell ? cell.modal.code : null;
}

/**
 * The cluster's noun: its dominant composition (a couple is a "gezin" when children dominate, a "stel" otherwise);
 * else "huishouden", with the most over-represented composition or type as a "vaker" fragment.
 */
function householdNoun(profile: ClusterProfile, columnIndex: number, over: readonly StandOutTrait[]): { noun: Noun; minority: string | null } {
  const composition = dominantCode(profile, 'household-composition', columnIndex);
  if (composition === 'paar') {
    const children = dominantCode(profile, 'has-children', columnIndex);
    return { noun: children === 'ja' ? TYPE_NOUNS['4']! : { text: 'stel', article: 'het' }, minority: null };
  }
  if (composition !== null && COMPOSITION_NOUNS[composition]) return { noun: COMPOSITION_NOUNS[composition], minority: null };
  const dominantType = dominantCode(profile, 'household-type', columnIndex);
  if (dominantType !== null && TYPE_NOUNS[dominantType]) return { noun: TYPE_NOUNS[dominantType], minority: null };
  const overCode =
    over.find((trait) => trait.featureId === 'household_composition' && trait.code !== null && MINORITY_COMPOSITION[trait.code])?.code ??
    over.find((trait) => trait.featureId === 'household_type' && trait.code !== null && MINORITY_COMPOSITION[trait.code])?.code;
  return { noun: HUISHOUDEN, minority: overCode ? `${MINORITY_PREFIX} ${MINORITY_COMPOSITION[overCode]}` : null };
}

/**
 * Title rules, in order:
 * 1. Noun: the cluster's dominant household composition or type (modal share >= 50 %): alleenstaande,
 *    eenouderhuishouden, gezin (a couple with children dominant) or stel; else "huishouden", followed by its most
 *    over-represented composition or type as "vaker alleenstaand" (a minority is never named as the cluster's trait).
 * 2. "Jong"/"Jonge" before the noun when the mean age of the reference person is significantly below that of all clients.
 * 3. Then up to two fragments, tried in the order benefit type, care, tenure (TITLE_FRAGMENTS): each from that
 *    feature's dominant category (modal share >= 50 %) unless it is significantly under-represented, otherwise from
 *    its most over-represented category (significant, v-test > 0), which fewer than half hold: "vaker in de bijstand";
 *    a category without a fragment ("geen zorg") gives none, and the next feature is tried.
 * Only published traits are used, so the title says nothing the profile does not.
 */
export function automaticTitle(profile: ClusterProfile, columnIndex: number, traits: readonly StandOutTrait[]): string {
  const over = traits.filter((trait) => trait.vTest > 0);
  const { noun, minority } = householdNoun(profile, columnIndex, over);
  const young = traits.some((trait) => trait.featureId === 'reference_age_years' && trait.vTest < 0);
  const head = young ? `${noun.article === 'de' ? 'jonge' : 'jong'} ${noun.text}` : noun.text;
  const under = new Set(traits.filter((trait) => trait.vTest < 0).map((trait) => `${trait.featureId}:${trait.code ?? ''}`));
  const fragments: string[] = minority ? [minority] : [];
  for (const { featureId, fragments: byCode } of TITLE_FRAGMENTS) {
    if (fragments.length >= MAX_FRAGMENTS) break;
    const dominant = dominantCode(profile, featureId.replaceAll('_', '-'), columnIndex);
    if (dominant !== null && byCode[dominant] !== undefined && !under.has(`${featureId}:${dominant}`)) {
      fragments.push(byCode[dominant]);
      continue;
    }
    const code = over.find((candidate) => candidate.featureId === featureId && candidate.code !== null && byCode[candidate.code] !== undefined)?.code;
    if (code) fragments.push(`${MINORITY_PREFIX} ${byCode[code]}`);
  }
  // "Gezin met een WW-uitkering", but "Stel, vaker in de bijstand": a "vaker" is set off from the noun.
  const separator = fragments[0]?.startsWith(`${MINORITY_PREFIX} `) ? ', ' : ' ';
  const title = fragments.length > 0 ? `${head}${separator}${fragments.join(', ')}` : head;
  return title.charAt(0).toUpperCase() + title.slice(1);
}
