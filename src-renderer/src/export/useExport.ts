// The Export page's state: the preview for the chosen protection, the analyst's selection and notes, and writing.
import { useEffect, useState } from 'react';
import { callApi } from '../api/callApi';
import type { ApiError, ExportPreview, ExportResult, ProtectionMethod } from '../api/types';

export type Candidate = ExportPreview['candidates'][number];

export interface OutputChoice {
  selected: boolean;
  chart: boolean;
  comment: string;
  exceptionRequest: string;
}

/** An output as it went into the last package: its check and the analyst's notes (what the output log records). */
export type WrittenOutput = Candidate & { comment: string; exceptionRequest: string };

type Loaded = { method: ProtectionMethod; preview: ExportPreview | null; error: ApiError | null };

export function useExport(method: ProtectionMethod) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [choices, setChoices] = useState<Record<string, OutputChoice>>({});
  const [maskBlocked, setMaskBlocked] = useState(false);
  const [justification, setJustification] = useState('');
  const [writing, setWriting] = useState(false);
  const [result, setResult] = useState<ExportResult | null>(null);
  const [writeError, setWriteError] = useState<ApiError | null>(null);
  const [lastWritten, setLastWritten] = useState<WrittenOutput[]>([]);

  useEffect(() => {
    let current = true;
    void callApi(() => window.api.exportPreview({ method })).then((answer) => {
      if (!current) return;
      setLoaded({ method, preview: answer.ok ? answer.value : null, error: answer.ok ? null : answer.error });
    });
    return () => {
      current = false;
    };
  }, [method]);

  const fresh = loaded?.method === method ? loaded : null;
  const preview = fresh?.preview ?? null;

  /** The analyst's choice for a candidate; by default the tables that pass are selected, with their chart. */
  const choiceFor = (candidate: Candidate): OutputChoice =>
    choices[candidate.id] ?? { selected: candidate.verdict !== 'fail', chart: candidate.chart, comment: '', exceptionRequest: '' };

  const updateChoice = (candidate: Candidate, change: Partial<OutputChoice>) =>
    setChoices((previous) => ({ ...previous, [candidate.id]: { ...choiceFor(candidate), ...previous[candidate.id], ...change } }));

  const selected = (preview?.candidates ?? []).filter((candidate) => choiceFor(candidate).selected);
  const needsJustification = (preview?.differencing ?? []).some((warning) => selected.some((candidate) => candidate.id === warning.outputId));

  const write = async () => {
    if (selected.length === 0 || writing) return;
    setWriting(true);
    setWriteError(null);
    setResult(null);
    const answer = await callApi(() =>
      window.api.writeExport({
        method,
        maskBlocked,
        outputs: selected.map((candidate) => {
          const choice = choiceFor(candidate);
          return {
            id: candidate.id,
            chart: choice.chart && candidate.chart,
            ...(choice.comment.trim() ? { comment: choice.comment.trim() } : {}),
            ...(choice.exceptionRequest.trim() ? { exceptionRequest: choice.exceptionRequest.trim() } : {}),
          };
        }),
        ...(justification.trim() ? { differencingJustification: justification.trim() } : {}),
      }),
    );
    setWriting(false);
    if (answer.ok) {
      setResult(answer.value);
      setLastWritten(selected.map((candidate) => ({ ...candidate, comment: choiceFor(candidate).comment.trim(), exceptionRequest: choiceFor(candidate).exceptionRequest.trim() })));
    } else {
      setWriteError(answer.error);
    }
  };

  return {
    preview,
    loading: fresh === null,
    error: fresh?.error ?? null,
    choiceFor,
    updateChoice,
    selected,
    maskBlocked,
    setMaskBlocked,
    justification,
    setJustification,
    needsJustification,
    writing,
    write,
    result,
    lastWritten,
    writeError,
  };
}
