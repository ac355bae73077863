// The Profielen page's state: the profiles of the chosen clustering from the main process, and the analyst's
// changes (row order, hidden rows, persona titles and narratives), each sent to the main process that keeps them.
import { useCallback, useEffect, useState } from 'react';
import { callApi } from '../api/callApi';
import type { ApiError, ApiResult, ProfileLayout, PublishedProfiles } from '../api/types';

export type ProfilesState = { status: 'loading' } | { status: 'none'; error: ApiError } | { status: 'ready'; profiles: PublishedProfiles };

export function useProfiles() {
  const [state, setState] = useState<ProfilesState>({ status: 'loading' });
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    let current = true;
    void callApi(() => window.api.clusterProfiles()).then((result) => {
      if (!current) return;
      setState(result.ok ? { status: 'ready', profiles: result.value } : { status: 'none', error: result.error });
    });
    return () => {
      current = false;
    };
  }, []);

  /** Sends one change; the answer is the new state of the profiles, so the screen shows what the main process keeps. */
  const change = useCallback(async (call: () => Promise<ApiResult<PublishedProfiles>>): Promise<boolean> => {
    setSaving(true);
    const result = await callApi(call);
    setSaving(false);
    if (result.ok) {
      setState({ status: 'ready', profiles: result.value });
      setError(null);
      return true;
    }
    setError(result.error);
    return false;
  }, []);

  const setLayout = (layout: ProfileLayout) => change(() => window.api.setProfileLayout(layout));
  const editPersona = (cluster: number, edit: { title?: string; narrative?: string }) => change(() => window.api.editPersona({ cluster, ...edit }));

  return { state, saving, error, setLayout, editPersona };
}
