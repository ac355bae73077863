// The feature screen's calls: the catalogue on opening, a definition added or an own feature left out (the main process
// links again when the study is linked; its progress is polled meanwhile), and Stop, after which the study is as before.
import { useCallback, useEffect, useRef, useState } from 'react';
import { callApi } from '../api/callApi';
import type { ApiError, ApiResult, CheckedTable, FeatureChange, FeatureDefinition, FeatureListing, LinkingStatus } from '../api/types';

const POLL_MS = 250;

export interface FeaturesState {
  listing: FeatureListing | null;
  busy: boolean;
  status: LinkingStatus | null;
  error: ApiError | null;
  /** Stopped by the analyst: not a failure (the study is as it was). */
  stopped: boolean;
  /** The last defined feature's table, as the publication shows it. */
  preview: CheckedTable | null;
  /** Whether the last change was linked (false: the study is not linked yet, so the feature waits for the first link). */
  relinked: boolean | null;
  define: (definition: FeatureDefinition) => void;
  remove: (id: string) => void;
  stop: () => void;
}

export function useFeatures(): FeaturesState {
  const [listing, setListing] = useState<FeatureListing | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<LinkingStatus | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [stopped, setStopped] = useState(false);
  const [preview, setPreview] = useState<CheckedTable | null>(null);
  const [relinked, setRelinked] = useState<boolean | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const stopping = useRef(false);

  useEffect(() => {
    let active = true;
    void callApi(() => window.api.featureCatalogue()).then((result) => {
      if (!active) return;
      if (result.ok) setListing(result.value);
      else setError(result.error);
    });
    return () => {
      active = false;
      window.clearInterval(timer.current);
    };
  }, []);

  const change = useCallback((call: () => Promise<ApiResult<FeatureChange>>, showsPreview: boolean) => {
    setBusy(true);
    setError(null);
    setStopped(false);
    setStatus(null);
    stopping.current = false;
    window.clearInterval(timer.current);
    timer.current = window.setInterval(() => {
      void callApi(() => window.api.linkingStatus()).then((result) => {
        if (result.ok && result.value.running) setStatus(result.value);
      });
    }, POLL_MS);
    void callApi(call).then((result) => {
      window.clearInterval(timer.current);
      setBusy(false);
      setStatus(null);
      if (result.ok) {
        setListing(result.value.listing);
        setRelinked(result.value.relinked);
        setPreview(showsPreview ? result.value.preview : null);
      } else if (stopping.current) {
        setStopped(true);
      } else {
        setError(result.error);
      }
    });
  }, []);

  const define = useCallback((definition: FeatureDefinition) => change(() => window.api.defineFeature({ definition }), true), [change]);
  const remove = useCallback((id: string) => change(() => window.api.removeFeature({ id }), false), [change]);
  const stop = useCallback(() => {
    stopping.current = true;
    void callApi(() => window.api.cancelLinking());
  }, []);

  return { listing, busy, status, error, stopped, preview, relinked, define, remove, stop };
}
