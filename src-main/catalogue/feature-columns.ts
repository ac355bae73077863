// Where a feature's values lie in an opened input: the input itself (by table kind or file name), and the column
// behind each name the definition uses (a role of the file, else a column of that name); a missing one is an error
// naming the feature, the file and what it looked for.
import { UserFacingError } from '../common/errors';
import { columnRoleSchema, tableNameOf } from '../engine/column-roles';
import type { Input, LinkTables } from '../linking/link-inputs';
import type { InputKind } from '../linking/study-file';
import { columnByName, type FeatureDefinition, type FeatureDefinitionInput } from './feature-definition-shapes';

/** The input a definition reads, or undefined when the study did not open it. */
export function inputOf(definition: FeatureDefinition, tables: LinkTables): Input<InputKind> | undefined {
  const { kind, file } = definition.source;
  if (kind) return tables.find((table) => table.kind === kind);
  const wanted = tableNameOf(file ?? '');
  return tables.find((table) => tableNameOf(table.name) === wanted);
}

/** True when one of the definitions reads the file of this name (a table of unknown kind is read only then). */
export function isReadByFeatures(definitions: readonly Pick<FeatureDefinitionInput, 'source'>[], fileName: string): boolean {
  const name = tableNameOf(fileName);
  return definitions.some((definition) => definition.source.file !== undefined && tableNameOf(definition.source.file) === name);
}

/** The column of the input behind a name: the role of that name, else the column spelled so (case-insensitive). */
export function findColumn(input: Input<InputKind>, name: string): string | undefined {
  return columnByName(columnRoleSchema.safeParse(name).success ? input.roles : {}, [...input.types.keys()], name);
}

/** Like findColumn, but a missing column is an error naming the feature, the file and the file's columns. */
export function requireColumn(definition: FeatureDefinition, input: Input<InputKind>, name: string, what: string): string {
  const column = findColumn(input, name);
  if (column !== undefined) return column;
  const columns = [...input.types.keys()];
  throw new UserFacingError(
    `Het kenmerk "${definition.label}" (${definition.id}) leest ${what} uit kolom of rol "${name}", maar ${input.name} heeft die niet ` +
      `(kolommen: ${columns.slice(0, 12).join(', ')}${columns.length > 12 ? ', ...' : ''}).`,
  );
}

/** The key columns of the definition's unit in the input (the person, the breadwinner, the address, the household). */
export function unitKeyColumns(definition: FeatureDefinition, input: Input<InputKind>): { source: string | undefined; key: string } {
  const [sourceRole, keyRole] = (
    {
      person: ['personSource', 'personKey'],
      breadwinner: ['breadwinnerSource', 'breadwinnerKey'],
      address: ['addressSource', 'addressKey'],
      household: [undefined, 'householdKey'],
    } as const
  )[definition.unit];
  const source = sourceRole === undefined ? undefined : findColumn(input, sourceRole);
  return { source, key: requireColumn(definition, input, keyRole, `de sleutel (${keyRole})`) };
}

/** The dates that say when a row counts: an event's date, or a spell's begin and (perhaps) end; none for a TAB table. */
export type RowDates = { type: 'event'; date: string } | { type: 'spell'; begin: string; end: string | undefined } | { type: 'none' };

export function rowDates(definition: FeatureDefinition, input: Input<InputKind>): RowDates {
  const { date, begin, end } = definition.source;
  if (date !== undefined) return { type: 'event', date: requireColumn(definition, input, date, 'de datum') };
  if (begin !== undefined)
    return {
      type: 'spell',
      begin: requireColumn(definition, input, begin, 'het begin'),
      end: end === undefined ? undefined : requireColumn(definition, input, end, 'het einde'),
    };
  const event = findColumn(input, 'eventDate');
  if (event !== undefined) return { type: 'event', date: event };
  const spellBegin = findColumn(input, 'spellBegin');
  if (spellBegin !== undefined) return { type: 'spell', begin: spellBegin, end: findColumn(input, 'spellEnd') };
  return { type: 'none' };
}
