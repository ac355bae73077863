// The files opened in this session: loaded once on mount (listFiles), extended by the file dialog (openFiles).
import { useCallback, useEffect, useState } from 'react';
import { callApi } from '../api/callApi';
import type { ApiError, OpenedFile } from '../api/types';

export type OpenedFilesState = {
  files: readonly OpenedFile[];
  loading: boolean;
  /** Which open action is running: the file dialog, the demo world, or none. */
  opening: 'files' | 'demo' | null;
  error: ApiError | null;
  openFiles: () => void;
  openDemo: () => void;
  /** Puts a file the engine reported again (e.g. after a role change) in place of its old entry. */
  replaceFile: (file: OpenedFile) => void;
  /** Adds files the engine reported elsewhere (a workspace opened, files dropped). */
  addFiles: (files: readonly OpenedFile[]) => void;
  /** The engine's whole list, in place of this one (a study was opened: its files replaced the others). */
  replaceAll: (files: readonly OpenedFile[]) => void;
};

/** Adds newly reported files to the list; a file reported again (same id) replaces its old entry in place. */
export function mergeFiles(current: readonly OpenedFile[], reported: readonly OpenedFile[]): OpenedFile[] {
  const reportedById = new Map(reported.map((file) => [file.id, file]));
  const updated = current.map((file) => reportedById.get(file.id) ?? file);
  const knownIds = new Set(current.map((file) => file.id));
  return [...updated, ...reported.filter((file) => !knownIds.has(file.id))];
}

export function useOpenedFiles(): OpenedFilesState {
  const [files, setFiles] = useState<readonly OpenedFile[]>([]);
  const [loading, setLoading] = useState(true);
  const [opening, setOpening] = useState<'files' | 'demo' | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    let active = true;
    void callApi(() => window.api.listFiles()).then((result) => {
      if (!active) return;
      setLoading(false);
      if (result.ok) setFiles((current) => mergeFiles(current, result.value));
      else setError(result.error);
    });
    return () => {
      active = false;
    };
  }, []);

  const open = useCallback((what: 'files' | 'demo') => {
    setOpening(what);
    setError(null);
    void callApi(() => (what === 'files' ? window.api.openFiles() : window.api.openDemo())).then((result) => {
      setOpening(null);
      // A cancelled dialog is an ok result with no files: nothing to add, nothing to report.
      if (result.ok) setFiles((current) => mergeFiles(current, result.value));
      else setError(result.error);
    });
  }, []);
  const openFiles = useCallback(() => open('files'), [open]);
  const openDemo = useCallback(() => open('demo'), [open]);

  const replaceFile = useCallback((file: OpenedFile) => setFiles((current) => mergeFiles(current, [file])), []);

  const addFiles = useCallback((reported: readonly OpenedFile[]) => setFiles((current) => mergeFiles(current, reported)), []);

  const replaceAll = useCallback((reported: readonly OpenedFile[]) => setFiles(reported), []);

  return { files, loading, opening, error, openFiles, openDemo, replaceFile, addFiles, replaceAll };
}
