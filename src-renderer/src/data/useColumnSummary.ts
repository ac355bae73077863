// Which column is selected, and its summary (rows, missing, distinct) as computed by the engine.
import { useCallback, useRef, useState } from 'react';
import { callApi } from '../api/callApi';
import type { ApiError, ColumnSummary } from '../api/types';

export type ColumnSelection = { fileId: string; column: string };

export type ColumnSummaryState =
  | { status: 'idle' }
  | { status: 'loading'; selection: ColumnSelection }
  | { status: 'done'; selection: ColumnSelection; summary: ColumnSummary }
  | { status: 'failed'; selection: ColumnSelection; error: ApiError };

export function useColumnSummary(): [ColumnSummaryState, (selection: ColumnSelection) => void] {
  const [state, setState] = useState<ColumnSummaryState>({ status: 'idle' });
  // Only the latest click may fill the panel; an earlier, slower answer is dropped.
  const latestRequest = useRef(0);

  const select = useCallback((selection: ColumnSelection) => {
    const request = ++latestRequest.current;
    setState({ status: 'loading', selection });
    void callApi(() => window.api.columnSummary(selection)).then((result) => {
      if (request !== latestRequest.current) return;
      setState(result.ok ? { status: 'done', selection, summary: result.value } : { status: 'failed', selection, error: result.error });
    });
  }, []);

  return [state, select];
}
