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
  link: (referenceDate: string, municipality: string, referenceMoment: ReferenceMoment) => void;
  cancel: () => void;
}

/** The date and municipality the form starts from: the last link's, or an opened study's. */
export interface LinkChoice {
  referenceDate: string;
  municipality: string;
  referenceMoment: ReferenceMoment;
}

/** When the households are measured: every one on the reference date, or client households at their client start. */
export type ReferenceMoment = LinkReport['referenceMoment'];

/** `onRestored` hears, when the page opens, of the last link (its report shown again) or else of an opened study's choice. */
export function useLinking(onRestored?: (choice: LinkChoice) => void): LinkingState {
  const [running, setRunning] = useState(false);
  const [status, setStatus] = useState<LinkingStatus | null>(null);
  const [report, setReport] = useState<LinkReport | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [analysisTable, setAnalysisTable] = useState<LinkingStatus['analysisTable']>('none');
  const timer = useRef<number | undefined>(undefined);
  const restored = useRef(onRestored);

  const refreshAnalysisTable = useCallback(() => {
    void callApi(() => window.api.linkingStatus()).then((result) => {
      if (result.ok) setAnalysisTable(result.value.analysisTable);
    });
  }, []);

  const poll = useCallback((onFinished?: () => void) => {
    window.clearInterval(timer.current);
    timer.current = window.setInterval(() => {
      void callApi(() => window.api.linkingStatus()).then((result) => {
        if (!result.ok) return;
        if (result.value.running) {
          setStatus(result.value);
        } else if (onFinished) {
          window.clearInterval(timer.current);
          onFinished();
        }
      });
    }, POLL_MS);
  }, []);

  // Coming back to the page: the last report again, and a link still running (started before leaving) followed
  // to its end. Files may also have been opened or re-mapped on the Data page since the last link.
  useEffect(() => {
    let active = true;
    const showLastReport = () =>
      void callApi(() => window.api.lastLinkReport()).then(async (result) => {
        if (!active || !result.ok) return;
        if (result.value) {
          setReport(result.value);
          restored.current?.(result.value);
          return;
        }
        const study = await callApi(() => window.api.studySettings());
        if (active && study.ok && study.value) restored.current?.(study.value);
      });
    void callApi(() => window.api.linkingStatus()).then((result) => {
      if (!active || !result.ok) return;
      setAnalysisTable(result.value.analysisTable);
      if (!result.value.running) {
        showLastReport();
        return;
      }
      setRunning(true);
      setStatus(result.value);
      poll(() => {
        setRunning(false);
        setStatus(null);
        showLastReport();
        refreshAnalysisTable();
      });
    });
    return () => {
      active = false;
      window.clearInterval(timer.current);
    };
  }, [poll, refreshAnalysisTable]);

  const link = useCallback(
    (referenceDate: string, municipality: string, referenceMoment: ReferenceMoment) => {
      setRunning(true);
      setError(null);
      setStatus(null);
      poll();
      void callApi(() => window.api.linkHouseholds({ referenceDate, municipality, referenceMoment })).then((result) => {
        window.clearInterval(timer.current);
        setRunning(false);
        setStatus(null);
        if (result.ok) setReport(result.value);
        else setError(result.error);
        refreshAnalysisTable();
      });
    },
    [poll, refreshAnalysisTable],
  );

  const cancel = useCallback(() => {
    void callApi(() => window.api.cancelLinking());
  }, []);

  return { running, status, report, error, analysisTable, link, cancel };
}
