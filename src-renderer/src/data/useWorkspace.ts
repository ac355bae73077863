// The workspace actions of the Data page: save, open and delete through the main process, with progress and stop.
import { useCallback, useEffect, useState } from 'react';
import { callApi } from '../api/callApi';
import type { ApiError, OpenedFile, ValueOf } from '../api/types';

export type WorkspaceAction = 'save' | 'open' | 'delete';

/** What the last finished action did, for one status line. */
export type WorkspaceOutcome =
  { kind: 'saved'; name: string; bytes: number; tables: number } | { kind: 'opened'; name: string; files: number } | { kind: 'deleted'; name: string };

export type WorkspaceState = {
  running: WorkspaceAction | null;
  /** 0..1 while saving or opening, when the engine reports it. */
  fraction: number | null;
  error: ApiError | null;
  outcome: WorkspaceOutcome | null;
  save: (passphrase: string) => Promise<boolean>;
  open: (passphrase: string) => Promise<boolean>;
  remove: () => Promise<boolean>;
  stop: () => void;
};

type WorkspaceStatus = ValueOf<'workspaceStatus'>;

/** The minimum the main process accepts (the workspace format's own minimum). */
export const MIN_PASSPHRASE_LENGTH = 8;

/** Checks a passphrase before it is sent: long enough, and (when saving) typed the same twice. */
export function passphraseProblem(passphrase: string, confirmation: string | null): 'tooShort' | 'mismatch' | null {
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) return 'tooShort';
  if (confirmation !== null && confirmation !== passphrase) return 'mismatch';
  return null;
}

/** `onOpened` receives every open file after a workspace opened; pass a stable callback. */
export function useWorkspace(onOpened: (files: readonly OpenedFile[]) => void): WorkspaceState {
  const [running, setRunning] = useState<WorkspaceAction | null>(null);
  const [fraction, setFraction] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [outcome, setOutcome] = useState<WorkspaceOutcome | null>(null);

  // Progress is polled while a save or an open runs (the main process holds the work).
  useEffect(() => {
    if (running !== 'save' && running !== 'open') return;
    const timer = setInterval(() => {
      void callApi<WorkspaceStatus>(() => window.api.workspaceStatus()).then((result) => {
        if (result.ok && result.value.running !== 'none') setFraction(result.value.fraction);
      });
    }, 250);
    return () => clearInterval(timer);
  }, [running]);

  const start = useCallback((action: WorkspaceAction) => {
    setRunning(action);
    setFraction(null);
    setError(null);
    setOutcome(null);
  }, []);

  const save = useCallback(
    async (passphrase: string) => {
      start('save');
      const result = await callApi(() => window.api.saveWorkspace({ passphrase }));
      setRunning(null);
      if (!result.ok) setError(result.error);
      else if (result.value.status === 'saved') setOutcome({ kind: 'saved', name: result.value.name, bytes: result.value.bytes, tables: result.value.tables });
      return result.ok && result.value.status === 'saved';
    },
    [start],
  );

  const open = useCallback(
    async (passphrase: string) => {
      start('open');
      const result = await callApi(() => window.api.openWorkspace({ passphrase }));
      setRunning(null);
      if (!result.ok) setError(result.error);
      else if (result.value.status === 'opened') {
        onOpened(result.value.files);
        setOutcome({ kind: 'opened', name: result.value.name, files: result.value.files.filter((file) => file.format === 'workspace').length });
      }
      return result.ok && result.value.status === 'opened';
    },
    [start, onOpened],
  );

  const remove = useCallback(async () => {
    start('delete');
    const result = await callApi(() => window.api.deleteWorkspace({ confirm: true }));
    setRunning(null);
    if (!result.ok) setError(result.error);
    else if (result.value.status === 'deleted') setOutcome({ kind: 'deleted', name: result.value.name });
    return result.ok && result.value.status === 'deleted';
  }, [start]);

  const stop = useCallback(() => {
    void callApi(() => window.api.cancelWorkspace());
  }, []);

  return { running, fraction, error, outcome, save, open, remove, stop };
}
