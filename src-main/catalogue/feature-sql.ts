// The SQL of one catalogue feature: the valid rows of its table for the linked units (persons, breadwinners,
// addresses or households of the residents), the most recent valid row per unit, and the roll-up of the household's
// members into one value per household (link_feature_<id>, keyed like the analysis table).
import { UserFacingError } from '../common/errors';
import { quoteIdentifier as q, sqlString } from '../engine/sql';
import type { Input, LinkTables } from '../linking/link-inputs';
import { asText, dateText, keyText, select } from '../linking/link-sql';
import type { InputKind } from '../linking/study-file';
import { requireColumn, rowDates, unitKeyColumns, type RowDates } from './feature-columns';
import type { FeatureDefinition } from './feature-definition-shapes';
import { rangeValiditySql, validitySql } from './feature-validity';
import type { MomentRange } from '../linking/link-moments';

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

/**
 * The linked units with the moment each is measured at (that of its household; a unit shared by households measured at
 * different moments appears once per moment), so that a national file is reduced to them while it is read.
 */
const UNIT_MOMENTS = {
  person: 'SELECT DISTINCT personSource AS unitSource, personKey AS unitKey, moment FROM link_moments',
  breadwinner:
    'SELECT DISTINCT b.breadwinnerSource AS unitSource, b.breadwinnerKey AS unitKey, t.moment FROM link_breadwinners b ' +
    'JOIN link_moments t ON t.personSource = b.personSource AND t.personKey = b.personKey',
  address:
    'SELECT DISTINCT a.addressSource AS unitSource, a.addressKey AS unitKey, t.moment FROM link_addresses a ' +
    'JOIN link_moments t ON t.personSource = a.personSource AND t.personKey = a.personKey',
  household: 'SELECT DISTINCT NULL::VARCHAR AS unitSource, householdKey AS unitKey, moment FROM link_moments',
} as const;

/** The units of a feature as the members join them: with the moment they hold at (`timed`), or valid at any moment. */
interface Units {
  sql: string;
  hasSource: boolean;
  timed: boolean;
}

/** Per unit and moment: the value of its most recent row valid at that moment and the number of such rows. */
function unitRowsSql(definition: FeatureDefinition, input: Input<InputKind>, moments: MomentRange, openEnd: string): Units {
  const keys = unitKeyColumns(definition, input);
  const dates = rowDates(definition, input);
  const scanned =
    dates.type === 'event'
      ? { type: dates.type, date: dateText(input, dates.date) }
      : dates.type === 'spell'
        ? { type: dates.type, begin: dateText(input, dates.begin), end: dates.end === undefined ? undefined : dateText(input, dates.end) }
        : dates;
  // The same dates under fixed names once the rows are read, for the condition at each unit's own moment.
  const read: RowDates =
    scanned.type === 'event'
      ? { type: 'event', date: 'r.d' }
      : scanned.type === 'spell'
        ? { type: 'spell', begin: 'r.b', end: scanned.end === undefined ? undefined : 'r.e' }
        : scanned;
  const dateColumns =
    scanned.type === 'event' ? `, ${scanned.date} AS d` : scanned.type === 'spell' ? `, ${scanned.begin} AS b, ${scanned.end ?? 'NULL::VARCHAR'} AS e` : '';
  const order = read.type === 'event' ? read.date : read.type === 'spell' ? read.begin : 'NULL::VARCHAR';
  const unitSource = keys.source === undefined ? 'NULL::VARCHAR' : keyText(input, keys.source);
  const rows =
    `SELECT ${unitSource} AS unitSource, ${keyText(input, keys.key)} AS unitKey, ${valueSql(definition, input)} AS v${dateColumns} ` +
    `FROM ${input.scan} WHERE ${rangeValiditySql(definition, scanned, moments.earliest, moments.latest, openEnd)} AND ${whereSql(definition, input)}`;
  const hasSource = keys.source !== undefined;
  const latest = read.type === 'none' ? 'any_value(r.v)' : `arg_max(r.v, ${order})`;
  // With one moment for every household the scan's filter is already the whole condition; else each row is checked at its unit's own.
  const onSource = hasSource ? 't.unitSource = r.unitSource AND ' : '';
  return {
    sql:
      `SELECT r.unitSource, r.unitKey, t.moment, ${latest} AS v, count(*) AS n FROM (${rows}) r ` +
      `JOIN (${UNIT_MOMENTS[definition.unit]}) t ON ${onSource}t.unitKey = r.unitKey ` +
      `WHERE ${moments.perHousehold ? validitySql(definition, read, { column: 't.moment' }, openEnd) : 'true'} GROUP BY ALL`,
    hasSource,
    timed: true,
  };
}

/** Per mother: her age at the birth of her eldest child (the child's birth year minus hers), for resident mothers. */
function ageAtFirstChildSql(definition: FeatureDefinition, input: Input<InputKind>, tables: LinkTables): Units {
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
    timed: false,
  };
}

/** How the members' units join the unit rows `u` (at the member's household's moment `hm.moment` when timed). */
function memberJoin(definition: FeatureDefinition, units: Units): string {
  const on = (source: string, key: string) =>
    `${units.hasSource ? `u.unitSource = ${source} AND ` : ''}u.unitKey = ${key}${units.timed ? ' AND u.moment = hm.moment' : ''}`;
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
      return `LEFT JOIN units u ON u.unitKey = m.householdKey${units.timed ? ' AND u.moment = hm.moment' : ''}`;
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
export function featureTableSql(definition: FeatureDefinition, input: Input<InputKind>, tables: LinkTables, moments: MomentRange, openEnd: string): string {
  checkCombination(definition);
  const units = definition.source.view === 'ageAtFirstChild' ? ageAtFirstChildSql(definition, input, tables) : unitRowsSql(definition, input, moments, openEnd);
  const householdMoment = units.timed
    ? 'JOIN (SELECT DISTINCT householdKey, householdStart, moment FROM link_moments) hm ' +
      'ON hm.householdKey = m.householdKey AND hm.householdStart = m.spellBegin '
    : '';
  return (
    `CREATE OR REPLACE TEMP TABLE ${featureTableName(definition)} AS WITH units AS (${units.sql}) ` +
    `SELECT m.householdKey AS household_key, m.spellBegin AS household_start, ${rollUpSql(definition)} AS value ` +
    `FROM link_members m ${householdMoment}${memberJoin(definition, units)} WHERE ${membersFilter(definition)} GROUP BY ALL`
  );
}

/** The household's value as the analysis table holds it: no valid row means "nee" for a flag and 0 for a count. */
export function featureColumnSql(definition: FeatureDefinition, alias: string): string {
  if (definition.rollUp === 'any') return `coalesce(${alias}.value, false)`;
  if (definition.rollUp === 'count') return `coalesce(${alias}.value, 0)`;
  return `${alias}.value`;
}
