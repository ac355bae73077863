// The Export page's state: the preview for the chosen protection, the analyst's selection and notes, and writing.
import { useEffect, useState } from 'react';
import { callApi } from '../api/callApi';
import type { ApiError, ExportPreview, ExportOutcome, ProtectionMethod } from '../api/types';

export type Candidate = ExportPreview['candidates'][number];

export interface OutputChoice {
  selected: boolean;
  chart: boolean;
  comment: string;
  exceptionRequest: string;
}

/** An output as it went into the last package: its check and the analyst's notes (what the output log records). */
export type WrittenOutput = Candidate & { comment: string; exceptionRequest: string };

/**
 * What the main process asks of a justification for an export close to an earlier one (it checks again, and also
 * that the words are not all the same): at least 80 characters and 12 words of two or more letters.
 */
export const JUSTIFICATION_RULE = { minCharacters: 80, minWords: 12 } as const;

const WORD = /\p{L}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*/gu;

/** Characters and words of a justification as the main process counts them (whitespace runs count as one space). */
export function justificationCounts(text: string): { characters: number; words: number } {
  const normalized = text.replaceAll(/\s+/gu, ' ').trim();
  const words = (normalized.match(WORD) ?? []).filter((word) => [...word].filter((letter) => /\p{L}/u.test(letter)).length >= 2);
  return { characters: [...normalized].length, words: words.length };
}

type Loaded = { method: ProtectionMethod; preview: ExportPreview | null; error: ApiError | null };

export function useExport(method: ProtectionMethod) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [choices, setChoices] = useState<Record<string, OutputChoice>>({});
  const [justification, setJustification] = useState('');
  const [writing, setWriting] = useState(false);
  const [result, setResult] = useState<ExportOutcome | null>(null);
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

  /** The analyst's choice for a candidate; by default every output is selected, with its chart (each is protected). */
  const choiceFor = (candidate: Candidate): OutputChoice =>
    choices[candidate.id] ?? { selected: true, chart: candidate.chart, comment: '', exceptionRequest: '' };

  const updateChoice = (candidate: Candidate, change: Partial<OutputChoice>) =>
    setChoices((previous) => ({ ...previous, [candidate.id]: { ...choiceFor(candidate), ...previous[candidate.id], ...change } }));

  const selected = (preview?.candidates ?? []).filter((candidate) => choiceFor(candidate).selected);
  /** The differencing warnings about the selected outputs, each message once (one finding concerns many outputs). */
  const warnings = [
    ...new Set(
      (preview?.differencing ?? []).filter((warning) => selected.some((candidate) => candidate.id === warning.outputId)).map((warning) => warning.message),
    ),
  ];
  const needsJustification = warnings.length > 0;
  const justificationCount = justificationCounts(justification);
  const justificationReady =
    !needsJustification || (justificationCount.characters >= JUSTIFICATION_RULE.minCharacters && justificationCount.words >= JUSTIFICATION_RULE.minWords);

  const write = async () => {
    if (selected.length === 0 || writing) return;
    setWriting(true);
    setWriteError(null);
    setResult(null);
    const answer = await callApi(() =>
      window.api.writeExport({
        method,
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
      setLastWritten(
        selected.map((candidate) => ({
          ...candidate,
          comment: choiceFor(candidate).comment.trim(),
          exceptionRequest: choiceFor(candidate).exceptionRequest.trim(),
        })),
      );
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
    justification,
    setJustification,
    warnings,
    needsJustification,
    justificationCount,
    justificationReady,
    writing,
    write,
    result,
    lastWritten,
    writeError,
  };
}
