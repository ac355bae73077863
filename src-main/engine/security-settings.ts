// Reads the engine's effective security settings back from DuckDB (what doctor and the status bar show).
import type { EngineSecurity } from './engine-shapes';
import type { LockedSession } from './locked-session';

const SETTING_NAMES = [
  'autoinstall_known_extensions',
  'autoload_known_extensions',
  'enable_external_access',
  'lock_configuration',
  'allowed_paths',
  'allowed_directories',
] as const;

function asBoolean(value: unknown, name: string): boolean {
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new Error(`DuckDB reported an unexpected value for ${name}: ${JSON.stringify(value)}`);
}

function asList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return [];
}

export async function readEngineSecurity(session: LockedSession): Promise<EngineSecurity> {
  // duckdb_settings() prints lists as text; the typed current_setting() gives them as real lists.
  const rows = await session.query(
    `SELECT
       current_setting('autoinstall_known_extensions')::VARCHAR AS autoinstall_known_extensions,
       current_setting('autoload_known_extensions')::VARCHAR AS autoload_known_extensions,
       current_setting('enable_external_access')::VARCHAR AS enable_external_access,
       current_setting('lock_configuration')::VARCHAR AS lock_configuration,
       current_setting('allowed_paths') AS allowed_paths,
       current_setting('allowed_directories') AS allowed_directories`,
  );
  const row = rows[0];
  if (!row) throw new Error('DuckDB returned no settings.');
  for (const name of SETTING_NAMES) if (!(name in row)) throw new Error(`DuckDB did not report ${name}.`);
  return {
    autoinstallKnownExtensions: asBoolean(row.autoinstall_known_extensions, 'autoinstall_known_extensions'),
    autoloadKnownExtensions: asBoolean(row.autoload_known_extensions, 'autoload_known_extensions'),
    enableExternalAccess: asBoolean(row.enable_external_access, 'enable_external_access'),
    lockConfiguration: asBoolean(row.lock_configuration, 'lock_configuration'),
    allowedPaths: asList(row.allowed_paths),
    allowedDirectories: asList(row.allowed_directories),
  };
}

export async function readDuckDbVersion(session: LockedSession): Promise<string> {
  const rows = await session.query('SELECT version() AS version');
  return String(rows[0]?.version ?? 'unknown');
}
