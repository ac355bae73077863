// Renderer helpers that shape what the analyst reads: Dutch number formats, merging file lists, status judgement.
import { describe, expect, it } from 'vitest';
import { formattersFor } from '../../src-renderer/src/i18n/format';
import { en } from '../../src-renderer/src/i18n/en';
import { nl } from '../../src-renderer/src/i18n/nl';
import { mergeFiles } from '../../src-renderer/src/data/useOpenedFiles';
import { securityItems } from '../../src-renderer/src/frame/StatusBar';

describe('formattersFor', () => {
  it('formats counts the Dutch way and the English way', () => {
    expect(formattersFor('nl').number(26431)).toBe('26.431');
    expect(formattersFor('en').number(26431)).toBe('26,431');
  });

  it('keeps small shares readable instead of rounding them to zero', () => {
    expect(formattersFor('nl').percent(191 / 11346)).toBe('1,7%');
    expect(formattersFor('nl').percent(26 / 70_000_000)).toBe('0,000037%');
    expect(formattersFor('nl').percent(0)).toBe('0%');
  });

  it('uses decimal byte units', () => {
    expect(formattersFor('nl').bytes(93)).toBe('93 byte');
    expect(formattersFor('en').bytes(1_800_000_000)).toBe('1.8 GB');
  });
});

describe('dictionaries', () => {
  it('have the same keys and no empty text', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
    for (const [key, text] of [...Object.entries(nl), ...Object.entries(en)]) expect(text.trim(), key).not.toBe('');
  });
});

describe('mergeFiles', () => {
  const file = (id: string, rowCount: number) => ({
    id,
    name: `${id}.csv`,
    format: 'csv' as const,
    sizeBytes: 1,
    rowCount,
    columns: [],
    tableKind: 'unknown' as const,
    roles: {},
    warnings: [],
  });

  it('adds new files after the known ones and replaces a file reported again', () => {
    const merged = mergeFiles([file('a', 1), file('b', 2)], [file('b', 20), file('c', 3)]);
    expect(merged.map((entry) => [entry.id, entry.rowCount])).toEqual([
      ['a', 1],
      ['b', 20],
      ['c', 3],
    ]);
  });
});

describe('securityItems', () => {
  const t = (key: string) => key;
  const locked = {
    autoinstallKnownExtensions: false,
    autoloadKnownExtensions: false,
    enableExternalAccess: false,
    lockConfiguration: true,
    allowedPaths: [],
    allowedDirectories: [],
  };

  it('marks nothing unsafe on a locked engine', () => {
    expect(securityItems(t as never, locked).some((item) => item.unsafe)).toBe(false);
  });

  it('marks each open door unsafe', () => {
    const open = securityItems(t as never, { ...locked, autoloadKnownExtensions: true, enableExternalAccess: true, lockConfiguration: false });
    expect(open.map((item) => item.unsafe)).toEqual([true, true, true]);
  });
});
