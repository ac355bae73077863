// The profile of one file, loaded when the analyst opens it, and the analyst's changes to its table kind and column roles.
import { useCallback, useState } from 'react';
import { callApi } from '../api/callApi';
import type { ApiError, FileProfile, OpenedFile } from '../api/types';

export type FileProfileState = { status: 'hidden' } | { status: 'loading' } | { status: 'done'; profile: FileProfile } | { status: 'failed'; error: ApiError };

export type ColumnRoleChoice = OpenedFile['roles'] extends Partial<Record<infer Role, string>> ? Role : never;

export type TableKindChoice = OpenedFile['tableKind'];

export function useFileProfile(fileId: string, onFileChanged: (file: OpenedFile) => void) {
  const [state, setState] = useState<FileProfileState>({ status: 'hidden' });
  const [roleError, setRoleError] = useState<ApiError | null>(null);
  const [savingColumn, setSavingColumn] = useState<string | null>(null);

  const toggle = useCallback(() => {
    if (state.status !== 'hidden') {
      setState({ status: 'hidden' });
      return;
    }
    setState({ status: 'loading' });
    void callApi(() => window.api.fileProfile({ fileId })).then((result) => {
      setState(result.ok ? { status: 'done', profile: result.value } : { status: 'failed', error: result.error });
    });
  }, [fileId, state.status]);

  const setRole = useCallback(
    (column: string, role: ColumnRoleChoice | null) => {
      setSavingColumn(column);
      setRoleError(null);
      void callApi(() => window.api.setColumnRole({ fileId, column, role })).then((result) => {
        setSavingColumn(null);
        if (result.ok) onFileChanged(result.value);
        else setRoleError(result.error);
      });
    },
    [fileId, onFileChanged],
  );

  const setKind = useCallback(
    (tableKind: TableKindChoice) => {
      setRoleError(null);
      void callApi(() => window.api.setTableKind({ fileId, tableKind })).then((result) => {
        if (result.ok) onFileChanged(result.value);
        else setRoleError(result.error);
      });
    },
    [fileId, onFileChanged],
  );

  return { state, toggle, setRole, setKind, roleError, savingColumn };
}
