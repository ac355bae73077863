// The SQL of one catalogue feature: the valid rows of its table for the linked units (persons, breadwinners,
// addresses or households of the residents), the most recent valid row per unit, and the roll-up of the household's
// members into one value per household (link_feature_<id>, keyed like the analysis table).
import { UserFacingError } from '../common/errors';
import type { ReferenceDate } from '../common/reference-date';
import { quoteIdentifier as q, sqlString } from '../engine/sql';
import type { Input, LinkTables } from '../linking/link-inputs';
import { asText, dateText, keyText, select } from '../linking/link-sql';
import type { InputKind } from '../linking/study-file';
import { requireColumn, rowDates, unitKeyColumns } from './feature-columns';
import type { FeatureDefinition } from './feature-definition-shapes';
import { validitySql } from './feature-validity';

/** PLHH 1: a child living at home; every other position is an adult of the household. */
const CHILD_POSITION = '1';

export function featureTableName(definition: FeatureDefinition): string {
  return `link_feature_${definition.id}`;
}

/** The type of the value a feature adds to the analysis table. */
export function featureValueType(definition: FeatureDefinition): 'BOOLEAN' | 'VARCHAR' | 'DOUBLE' {
  if (definition.coding.type === 'flag') return 'BOOLEAN';
  if (definition.coding.type === 'codes') return 'VARCHAR';
  return 'DOUBLE';
}

/** Refuses combinations that have no meaning (a sum of codes, ja/nee from a maximum). */
function checkCombination(definition: FeatureDefinition): void {
  const { coding, rollUp } = definition;
  const problem =
    coding.type === 'codes' && !['value', 'max', 'min'].includes(rollUp)
      ? `codes kunnen alleen als waarde (rollUp value, max of min) naar het huishouden`
      : (coding.type === 'bins' || coding.type === 'amount') && rollUp === 'value' && definition.source.value === undefined && !definition.source.view
        ? 'een getal vraagt source.value'
        : null;
  if (problem) throw new UserFacingError(`Het kenmerk "${definition.label}" (${definition.id}): ${problem}.`);
}

/** The value of one row: text for codes, a number for bins and amounts, NULL for a flag on presence alone. */
function valueSql(definition: FeatureDefinition, input: Input<InputKind>): string {
  const name = definition.source.value;
  if (name === undefined) return 'NULL::VARCHAR';
  const column = requireColumn(definition, input, name, 'de waarde');
  if (definition.coding.type === 'codes' || definition.coding.type === 'flag') return asText(input, column);
  return `TRY_CAST(${q(column)} AS DOUBLE)`;
}

/** Only rows whose column holds one of the listed codes. */
function whereSql(definition: FeatureDefinition, input: Input<InputKind>): string {
  const where = definition.source.where;
  if (!where) return 'true';
  const column = requireColumn(definition, input, where.column, 'het filter');
  return `${asText(input, column)} IN (${where.in.map(sqlString).join(', ')})`;
}

/** The linked units a row may belong to, so that a national file is reduced while it is read. */
const LINKED_UNITS = {
  person: { table: 'link_residents', source: 'personSource', key: 'personKey' },
  breadwinner: { table: 'link_breadwinners', source: 'breadwinnerSource', key: 'breadwinnerKey' },
  address: { table: 'link_addresses', source: 'addressSource', key: 'addressKey' },
  household: { table: 'link_members', source: undefined, key: 'householdKey' },
} as const;

function linkedUnitJoin(definition: FeatureDefinition, hasSource: boolean): string {
  const unit = LINKED_UNITS[definition.unit];
  const onSource = hasSource && unit.source !== undefined ? `l.${unit.source} = r.unitSource AND ` : '';
  return `SEMI JOIN ${unit.table} l ON ${onSource}l.${unit.key} = r.unitKey`;
}

/** Per unit: the value of its most recent valid row and the number of its valid rows. */
function unitRowsSql(definition: FeatureDefinition, input: Input<InputKind>, ref: ReferenceDate, openEnd: string): { sql: string; hasSource: boolean } {
  const keys = unitKeyColumns(definition, input);
  const dates = rowDates(definition, input);
  const dated = {
    type: dates.type,
    ...(dates.type === 'event' ? { date: dateText(input, dates.date) } : {}),
    ...(dates.type === 'spell' ? { begin: dateText(input, dates.begin), end: dates.end === undefined ? undefined : dateText(input, dates.end) } : {}),
  } as Parameters<typeof validitySql>[1];
  const order = dated.type === 'event' ? dated.date : dated.type === 'spell' ? dated.begin : 'NULL::VARCHAR';
  const unitSource = keys.source === undefined ? 'NULL::VARCHAR' : keyText(input, keys.source);
  const rows =
    `SELECT ${unitSource} AS unitSource, ${keyText(input, keys.key)} AS unitKey, ${valueSql(definition, input)} AS v, ${order} AS o ` +
    `FROM ${input.scan} WHERE ${validitySql(definition, dated, ref, openEnd)} AND ${whereSql(definition, input)}`;
  const hasSource = keys.source !== undefined;
  const latest = dated.type === 'none' ? 'any_value(v)' : 'arg_max(v, o)';
  return {
    sql: `SELECT unitSource, unitKey, ${latest} AS v, count(*) AS n FROM (${rows}) r ${linkedUnitJoin(definition, hasSource)} GROUP BY ALL`,
    hasSource,
  };
}

/** Per mother: her age at the birth of her eldest child (the child's birth year minus hers), for resident mothers. */
function ageAtFirstChildSql(definition: FeatureDefinition, input: Input<InputKind>, tables: LinkTables): { sql: string; hasSource: boolean } {
  const persons = tables.find((table) => table.kind === 'persons') as Input<'persons'> | undefined;
  if (!persons) throw new UserFacingError(`Het kenmerk "${definition.label}" (${definition.id}) heeft het persoonsbestand (persons) nodig.`);
  const mother = {
    source: requireColumn(definition, input, 'motherSource', 'de moeder (bron)'),
    key: requireColumn(definition, input, 'motherKey', 'de moeder'),
  };
  const child = { source: requireColumn(definition, input, 'personSource', 'het kind (bron)'), key: requireColumn(definition, input, 'personKey', 'het kind') };
  const links =
    `SELECT ${keyText(input, mother.source)} AS unitSource, ${keyText(input, mother.key)} AS unitKey, ` +
    `${keyText(input, child.source)} AS childSource, ${keyText(input, child.key)} AS childKey FROM ${input.scan}`;
  const births = select(persons, { personSource: 'key', personKey: 'key', birthYear: 'integer' });
  return {
    sql:
      `SELECT c.unitSource, c.unitKey, (min(TRY_CAST(p.birthYear AS INTEGER)) - any_value(m.birthYear))::DOUBLE AS v, count(*) AS n ` +
      `FROM (${links}) c JOIN link_persons m ON m.personSource = c.unitSource AND m.personKey = c.unitKey ` +
      `JOIN ${births} p ON p.personSource = c.childSource AND p.personKey = c.childKey GROUP BY ALL`,
    hasSource: true,
  };
}

/** How the members' units join the unit rows `u`. */
function memberJoin(definition: FeatureDefinition, hasSource: boolean): string {
  const on = (source: string, key: string) => `${hasSource ? `u.unitSource = ${source} AND ` : ''}u.unitKey = ${key}`;
  switch (definition.unit) {
    case 'person':
      return `LEFT JOIN units u ON ${on('m.personSource', 'm.personKey')}`;
    case 'breadwinner':
      return (
        'LEFT JOIN link_breadwinners b ON b.personSource = m.personSource AND b.personKey = m.personKey ' +
        `LEFT JOIN units u ON ${on('b.breadwinnerSource', 'b.breadwinnerKey')}`
      );
    case 'address':
      return (
        'LEFT JOIN (SELECT DISTINCT ON (personSource, personKey) personSource, personKey, addressSource, addressKey FROM link_addresses ' +
        'ORDER BY personSource, personKey, addressSource, addressKey) a ON a.personSource = m.personSource AND a.personKey = m.personKey ' +
        `LEFT JOIN units u ON ${on('a.addressSource', 'a.addressKey')}`
      );
    case 'household':
      return `LEFT JOIN units u ON u.unitKey = m.householdKey`;
  }
}

function membersFilter(definition: FeatureDefinition): string {
  switch (definition.members) {
    case 'all':
      return 'true';
    case 'referencePerson':
      return `m.referencePerson = '1'`;
    case 'adults':
      return `coalesce(m.householdPosition, '') <> '${CHILD_POSITION}'`;
    case 'children':
      return `m.householdPosition = '${CHILD_POSITION}'`;
  }
}

function rollUpSql(definition: FeatureDefinition): string {
  switch (definition.rollUp) {
    case 'any':
      return 'bool_or(u.unitKey IS NOT NULL)';
    case 'count':
      return 'sum(coalesce(u.n, 0))::DOUBLE';
    case 'share':
      return 'avg(CASE WHEN u.unitKey IS NULL THEN 0 ELSE 1 END)::DOUBLE';
    case 'max':
    case 'min':
    case 'sum':
      return `${definition.rollUp}(u.v)`;
    case 'value':
      return `arg_max(u.v, CASE WHEN m.referencePerson = '1' THEN 1 ELSE 0 END) FILTER (WHERE u.v IS NOT NULL)`;
  }
}

/** The statement that builds link_feature_<id> (household_key, household_start, value) for the linked households. */
export function featureTableSql(definition: FeatureDefinition, input: Input<InputKind>, tables: LinkTables, ref: ReferenceDate, openEnd: string): string {
  checkCombination(definition);
  const units = definition.source.view === 'ageAtFirstChild' ? ageAtFirstChildSql(definition, input, tables) : unitRowsSql(definition, input, ref, openEnd);
  return (
    `CREATE OR REPLACE TEMP TABLE ${featureTableName(definition)} AS WITH units AS (${units.sql}) ` +
    `SELECT m.householdKey AS household_key, m.spellBegin AS household_start, ${rollUpSql(definition)} AS value ` +
    `FROM link_members m ${memberJoin(definition, units.hasSource)} WHERE ${membersFilter(definition)} GROUP BY ALL`
  );
}

/** The household's value as the analysis table holds it: no valid row means "nee" for a flag and 0 for a count. */
export function featureColumnSql(definition: FeatureDefinition, alias: string): string {
  if (definition.rollUp === 'any') return `coalesce(${alias}.value, false)`;
  if (definition.rollUp === 'count') return `coalesce(${alias}.value, 0)`;
  return `${alias}.value`;
}
