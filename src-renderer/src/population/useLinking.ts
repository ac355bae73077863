// Runs a link from the Populatie page: the call itself, progress polled while it runs, and cancel.
import { useCallback, useEffect, useRef, useState } from 'react';
import { callApi } from '../api/callApi';
import type { ApiError, LinkReport, LinkingStatus } from '../api/types';

const POLL_MS = 250;

export interface LinkingState {
  running: boolean;
  status: LinkingStatus | null;
  report: LinkReport | null;
  error: ApiError | null;
  /** Whether the analysis table still describes the open files ('stale': link again). */
  analysisTable: LinkingStatus['analysisTable'];
  link: (referenceDate: string, municipality: string) => void;
  cancel: () => void;
}

export function useLinking(): LinkingState {
  const [running, setRunning] = useState(false);
  const [status, setStatus] = useState<LinkingStatus | null>(null);
  const [report, setReport] = useState<LinkReport | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [analysisTable, setAnalysisTable] = useState<LinkingStatus['analysisTable']>('none');
  const timer = useRef<number | undefined>(undefined);

  const refreshAnalysisTable = useCallback(() => {
    void callApi(() => window.api.linkingStatus()).then((result) => {
      if (result.ok) setAnalysisTable(result.value.analysisTable);
    });
  }, []);

  // Files may have been opened or re-mapped on the Data page since the last link.
  useEffect(() => {
    refreshAnalysisTable();
    return () => window.clearInterval(timer.current);
  }, [refreshAnalysisTable]);

  const link = useCallback((referenceDate: string, municipality: string) => {
    setRunning(true);
    setError(null);
    setStatus(null);
    timer.current = window.setInterval(() => {
      void callApi(() => window.api.linkingStatus()).then((result) => {
        if (result.ok && result.value.running) setStatus(result.value);
      });
    }, POLL_MS);
    void callApi(() => window.api.linkHouseholds({ referenceDate, municipality })).then((result) => {
      window.clearInterval(timer.current);
      setRunning(false);
      setStatus(null);
      if (result.ok) setReport(result.value);
      else setError(result.error);
      refreshAnalysisTable();
    });
  }, [refreshAnalysisTable]);

  const cancel = useCallback(() => {
    void callApi(() => window.api.cancelLinking());
  }, []);

  return { running, status, report, error, analysisTable, link, cancel };
}
