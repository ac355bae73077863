// Opening and saving the study file: the main process asks where (its own dialogs); the page shows the outcome.
import { useEffect, useState } from 'react';
import { callApi } from '../api/callApi';
import type { ApiError, OpenedFile } from '../api/types';

export type StudyOutcome = { kind: 'saved'; file: string; inputs: number } | { kind: 'opened'; name: string; files: number; notes: string[] };

export function useStudyFile(onOpened: (files: readonly OpenedFile[]) => void) {
  const [name, setName] = useState('');
  const [running, setRunning] = useState<'save' | 'open' | null>(null);
  const [outcome, setOutcome] = useState<StudyOutcome | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    void callApi(() => window.api.studySettings()).then((result) => {
      const study = result.ok ? result.value : null;
      if (study) setName((current) => current || study.name);
    });
  }, []);

  const save = async () => {
    setRunning('save');
    setError(null);
    const result = await callApi(() => window.api.saveStudy({ name: name.trim() }));
    setRunning(null);
    if (!result.ok) setError(result.error);
    else if (result.value.status === 'saved') setOutcome({ kind: 'saved', file: result.value.file, inputs: result.value.inputs });
  };

  const open = async () => {
    setRunning('open');
    setError(null);
    const result = await callApi(() => window.api.openStudy());
    setRunning(null);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    if (result.value.status !== 'opened') return;
    setName(result.value.name);
    setOutcome({ kind: 'opened', name: result.value.name, files: result.value.files.length, notes: result.value.notes });
    onOpened(result.value.files);
  };

  return { name, setName, running, outcome, error, save, open };
}
