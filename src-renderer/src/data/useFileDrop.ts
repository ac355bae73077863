// Drag and drop on the Data page: the preload gives the dropped files' paths, the main process asks the analyst to
// confirm in its own dialog before any becomes readable.
import { useState, type DragEvent } from 'react';
import { callApi } from '../api/callApi';
import type { ApiError, OpenedFile } from '../api/types';

function carriesFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer.types).includes('Files');
}

export function useFileDrop(onOpened: (files: readonly OpenedFile[]) => void) {
  const [over, setOver] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const onDragOver = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setOver(true);
  };
  const onDragLeave = (event: DragEvent) => {
    // Leaving for a child element is not leaving the zone.
    if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
    setOver(false);
  };
  const onDrop = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    setOver(false);
    const paths = window.fileDrop.pathsOf(Array.from(event.dataTransfer.files));
    if (paths.length === 0) return;
    setBusy(true);
    setError(null);
    void callApi(() => window.api.openDroppedFiles({ paths })).then((result) => {
      setBusy(false);
      if (result.ok) onOpened(result.value);
      else setError(result.error);
    });
  };

  return { over, busy, error, handlers: { onDragOver, onDragEnter: onDragOver, onDragLeave, onDrop } };
}
