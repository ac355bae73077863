// The built-in catalogue: the seed study's household traits beyond the fixed features of the analysis table (benefit
// in the four years before, the district, the mother's age at her first child, debt restructuring, Halt, early school
// leaving, special education). Each is a definition, computed only when the study opened its table.
import type { FeatureDefinitionInput } from './feature-definition-shapes';

/** Districts (wijken, CBS wc codes) of Gilze en Rijen, the pilot's municipality; other municipalities show their codes. */
const GILZE_EN_RIJEN_DISTRICTS = [
  { code: '078401', label: 'Gilze' },
  { code: '078402', label: 'Rijen' },
  { code: '078403', label: 'Hulten' },
  { code: '078404', label: 'Molenschot' },
];

/** SECM: receiving unemployment benefit (21), social assistance (22), another social benefit (23), sickness or disability benefit (24). */
const SECM_BENEFITS = ['21', '22', '23', '24'];

/** Special education: special primary (SBAO), special (SO) and secondary special (VSO) schools. */
const SPECIAL_SCHOOLS = ['SBAO', 'SO', 'VSO'];

export const BUILTIN_FEATURES: readonly FeatureDefinitionInput[] = [
  {
    id: 'benefit_4y',
    label: 'Uitkering in de 4 jaar voor de peildatum (een van de leden)',
    labelEn: 'Benefit in the 4 years before the reference date (any member)',
    group: 'inkomen',
    source: { kind: 'socioEconomic', where: { column: 'socioEconomicPosition', in: SECM_BENEFITS } },
    validity: 'window',
    years: 4,
    rollUp: 'any',
    coding: { type: 'flag' },
  },
  {
    id: 'district',
    label: 'Wijk van het woonadres',
    labelEn: 'District of the home address',
    group: 'huishouden',
    source: { kind: 'addressRegions', value: 'district' },
    unit: 'address',
    validity: 'any',
    members: 'referencePerson',
    rollUp: 'value',
    coding: { type: 'codes', codes: GILZE_EN_RIJEN_DISTRICTS, addMunicipalityCodes: true },
  },
  {
    id: 'mother_first_child_age',
    label: 'Leeftijd moeder bij geboorte eerste kind',
    labelEn: "Mother's age at the birth of her first child",
    group: 'ouder',
    source: { kind: 'parentChild', view: 'ageAtFirstChild' },
    validity: 'any',
    members: 'adults',
    rollUp: 'min',
    coding: {
      type: 'bins',
      bins: [
        { code: '<=25', label: '25 jaar of jonger', labelEn: '25 or younger', upTo: 25 },
        { code: '26-30', label: '26 tot en met 30 jaar', labelEn: '26 to 30', upTo: 30 },
        { code: '>30', label: 'Ouder dan 30 jaar', labelEn: 'Older than 30' },
      ],
    },
  },
  {
    id: 'debt_4y',
    label: 'Schuldsanering (WSNP) in de 4 jaar voor de peildatum (een van de leden)',
    labelEn: 'Debt restructuring (WSNP) in the 4 years before the reference date (any member)',
    group: 'inkomen',
    source: { kind: 'debtRestructuring' },
    validity: 'window',
    years: 4,
    rollUp: 'any',
    coding: { type: 'flag' },
  },
  {
    id: 'halt_4y',
    label: 'Halt-verwijzing in de 4 jaar voor de peildatum (een van de leden)',
    labelEn: 'Halt referral in the 4 years before the reference date (any member)',
    group: 'kind',
    source: { kind: 'halt' },
    validity: 'window',
    years: 4,
    rollUp: 'any',
    coding: { type: 'flag' },
  },
  {
    id: 'early_school_leaving_4y',
    label: 'Voortijdig schoolverlaten in de 4 jaar voor de peildatum (een van de leden)',
    labelEn: 'Early school leaving in the 4 years before the reference date (any member)',
    group: 'kind',
    source: { kind: 'earlySchoolLeaving' },
    validity: 'window',
    years: 4,
    rollUp: 'any',
    coding: { type: 'flag' },
  },
  {
    id: 'special_education',
    label: 'Speciaal onderwijs op de peildatum (een van de kinderen)',
    labelEn: 'Special education on the reference date (any child)',
    group: 'kind',
    source: { kind: 'schoolEnrolment', where: { column: 'schoolType', in: SPECIAL_SCHOOLS } },
    validity: 'reference',
    members: 'children',
    rollUp: 'any',
    coding: { type: 'flag' },
  },
];
