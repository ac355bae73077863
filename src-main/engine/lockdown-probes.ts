// Active checks that the lockdown holds: each probe tries something forbidden and must be refused.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LockedSession } from './locked-session';

export type ProbeName = 'networkRead' | 'unlistedFileRead' | 'unlistedFileWrite' | 'extensionInstall' | 'extensionLoad' | 'configurationChange';

/** refused: DuckDB said no for security reasons; allowed: it worked; inconclusive: it failed for another reason. */
export type ProbeOutcome = 'refused' | 'allowed' | 'inconclusive';

interface Probe {
  name: ProbeName;
  sql: string;
  parameters?: Record<string, string>;
}

/** DuckDB's wording for a refusal by allowed_paths / enable_external_access / lock_configuration. */
export function isSecurityRefusal(message: string): boolean {
  return /Permission Error|configuration has been locked|disabled (by|through) configuration/i.test(message);
}

function probes(readable: string, writable: string): Probe[] {
  return [
    { name: 'networkRead', sql: 'SELECT * FROM read_csv($url)', parameters: { url: 'https://groepsbeeld.invalid/probe.csv' } },
    { name: 'unlistedFileRead', sql: 'SELECT * FROM read_csv($path)', parameters: { path: readable } },
    { name: 'unlistedFileWrite', sql: 'COPY (SELECT 1 AS probe) TO $path', parameters: { path: writable } },
    { name: 'extensionInstall', sql: 'INSTALL httpfs' },
    { name: 'extensionLoad', sql: 'LOAD httpfs' },
    { name: 'configurationChange', sql: 'SET lock_configuration = false' },
  ];
}

/**
 * Tries each forbidden action against the session. The file probes use a real, readable file that the
 * session was not given, in a private temporary folder that is removed afterwards, so an "allowed"
 * outcome means the protection is really gone, not that the file was missing.
 */
export async function probeLockdown(session: LockedSession): Promise<Record<ProbeName, ProbeOutcome>> {
  const folder = await mkdtemp(join(tmpdir(), 'groepsbeeld-probe-'));
  const readable = join(folder, 'unlisted.csv');
  await writeFile(readable, 'probe\n1\n');
  const outcomes = {} as Record<ProbeName, ProbeOutcome>;
  try {
    for (const probe of probes(readable, join(folder, 'written.csv'))) {
      try {
        await session.query(probe.sql, probe.parameters);
        outcomes[probe.name] = 'allowed';
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        outcomes[probe.name] = isSecurityRefusal(message) ? 'refused' : 'inconclusive';
      }
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  return outcomes;
}
