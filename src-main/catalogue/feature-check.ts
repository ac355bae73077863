// Checks a new feature against the opened file it reads, before anything is linked: the file is open and every column
// or role the definition names is there. The message names the feature, the file and the columns it does have.
import { UserFacingError } from '../common/errors';
import type { FeatureFile } from './catalogue-listing';
import { columnByName, sourceName, type FeatureDefinition } from './feature-definition-shapes';

const UNIT_KEY_ROLE = { person: 'personKey', breadwinner: 'breadwinnerKey', address: 'addressKey', household: 'householdKey' } as const;

function columnOf(file: FeatureFile, name: string): string | undefined {
  return columnByName(file.roles, file.columns, name);
}

function isKey(file: FeatureFile, column: string): boolean {
  const keyRoles = Object.entries(file.roles).filter(([role]) => /Key$/.test(role));
  return file.keyColumns.includes(column) || keyRoles.some(([, mapped]) => mapped === column);
}

function columnList(file: FeatureFile): string {
  return `${file.columns.slice(0, 12).join(', ')}${file.columns.length > 12 ? ', ...' : ''}`;
}

/** Throws a Dutch error when `file` (undefined: not open) cannot give this definition its values. */
export function checkDefinitionFile(definition: FeatureDefinition, file: FeatureFile | undefined): void {
  const what = `Het kenmerk "${definition.label}" (${definition.id})`;
  const wanted = sourceName(definition);
  if (!file) throw new UserFacingError(`${what} leest ${wanted}, maar dat bestand is niet geopend. Open het op de pagina Data.`);
  const named: [string, string | undefined][] = [
    ['de waarde', definition.source.value],
    ['de datum', definition.source.date],
    ['het begin', definition.source.begin],
    ['het einde', definition.source.end],
    ['de selectie (where)', definition.source.where?.column],
  ];
  for (const [role, name] of named) {
    if (name === undefined) continue;
    const column = columnOf(file, name);
    if (column === undefined)
      throw new UserFacingError(`${what} leest ${role} uit kolom "${name}", maar ${file.name} heeft die niet (kolommen: ${columnList(file)}).`);
    // A key as a value or a selection would single out persons (a median of keys is one person's key).
    if ((role === 'de waarde' || role === 'de selectie (where)') && isKey(file, column))
      throw new UserFacingError(
        `${what} gebruikt de sleutelkolom ${column} van ${file.name} als ${role}; een sleutel is nooit een kenmerk. Kies een andere kolom.`,
      );
  }
  const keyRole = UNIT_KEY_ROLE[definition.unit];
  if (definition.source.view === undefined && columnOf(file, keyRole) === undefined)
    throw new UserFacingError(
      `${what} koppelt per ${definition.unit === 'person' ? 'persoon' : definition.unit}, maar in ${file.name} is geen kolom als sleutel (${keyRole}) ` +
        `aangewezen. Kies op de pagina Data de rol van de sleutelkolom (bijv. RINPERSOON).`,
    );
}
