// Loads the checked comparison tables for the chosen protection method; an answer for an older choice is dropped.
import { useEffect, useState } from 'react';
import { callApi } from '../api/callApi';
import type { ApiError, CheckedTable, ProtectionMethod } from '../api/types';

type Loaded = { method: ProtectionMethod; tables: CheckedTable[] | null; error: ApiError | null };

export function useComparison(method: ProtectionMethod, enabled: boolean) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    if (!enabled) return undefined;
    let current = true;
    void callApi(() => window.api.compareFeatures({ method })).then((result) => {
      if (current) setLoaded({ method, tables: result.ok ? result.value : null, error: result.ok ? null : result.error });
    });
    return () => {
      current = false;
    };
  }, [enabled, method]);

  const fresh = loaded?.method === method ? loaded : null;
  return { tables: fresh?.tables ?? null, error: fresh?.error ?? null, loading: enabled && fresh === null };
}
