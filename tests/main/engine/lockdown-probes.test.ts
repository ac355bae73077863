// The doctor's probes report "refused" on a locked session and "allowed" where a protection is missing.
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { toJsonRow } from '../../../src-main/engine/json-values';
import { probeLockdown } from '../../../src-main/engine/lockdown-probes';
import { openLockedSession, type LockedSession } from '../../../src-main/engine/locked-session';

/** A session without any of our settings: what DuckDB does out of the box. */
async function unprotectedSession(): Promise<LockedSession & { close(): Promise<void> }> {
  const instance = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' });
  const connection = await instance.connect();
  return {
    readableFiles: [],
    async query(sql, parameters) {
      const reader = parameters ? await connection.runAndReadAll(sql, parameters) : await connection.runAndReadAll(sql);
      return reader.getRowObjects().map(toJsonRow);
    },
    interrupt() {
      connection.interrupt();
    },
    async appendColumns() {
      throw new Error('not used by the probes');
    },
    async stream() {
      throw new Error('not used by the probes');
    },
    async appendChunks() {
      throw new Error('not used by the probes');
    },
    async close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

describe('probeLockdown', () => {
  it('finds every forbidden action refused on a locked session', async () => {
    const session = await openLockedSession({ readableFiles: [] });
    try {
      expect(await probeLockdown(session)).toEqual({
        networkRead: 'refused',
        unlistedFileRead: 'refused',
        unlistedFileWrite: 'refused',
        extensionInstall: 'refused',
        extensionLoad: 'refused',
        configurationChange: 'refused',
      });
    } finally {
      await session.close();
    }
  });

  it('notices when the protections are missing', async () => {
    const session = await unprotectedSession();
    try {
      const outcomes = await probeLockdown(session);
      expect(outcomes.unlistedFileRead).toBe('allowed');
      expect(outcomes.unlistedFileWrite).toBe('allowed');
      expect(outcomes.configurationChange).toBe('allowed');
      expect(outcomes.networkRead).not.toBe('refused');
    } finally {
      await session.close();
    }
  });
});
