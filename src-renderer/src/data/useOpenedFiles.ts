// The files opened in this session: loaded once on mount (listFiles), extended by the file dialog (openFiles).
import { useCallback, useEffect, useState } from 'react';
import { callApi } from '../api/callApi';
import type { ApiError, OpenedFile } from '../api/types';

export type OpenedFilesState = {
  files: readonly OpenedFile[];
  loading: boolean;
  opening: boolean;
  error: ApiError | null;
  openFiles: () => void;
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
  const [opening, setOpening] = useState(false);
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

  const openFiles = useCallback(() => {
    setOpening(true);
    setError(null);
    void callApi(() => window.api.openFiles()).then((result) => {
      setOpening(false);
      // A cancelled dialog is an ok result with no files: nothing to add, nothing to report.
      if (result.ok) setFiles((current) => mergeFiles(current, result.value));
      else setError(result.error);
    });
  }, []);

  return { files, loading, opening, error, openFiles };
}
