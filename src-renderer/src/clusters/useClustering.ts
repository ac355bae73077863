// The Clusters page's state: feature choice and weights, algorithm and k range, a run with progress and cancel, the choice of k.
import { useEffect, useState } from 'react';
import { callApi } from '../api/callApi';
import type { ApiError, ClusteringOptions, ClusteringRequest, ClusteringStatus, PublishedClustering } from '../api/types';

export type Algorithm = NonNullable<ClusteringRequest['algorithm']>;
export type FeatureChoice = ClusteringOptions['features'][number] & { weight: number };

export function useClustering() {
  const [features, setFeatures] = useState<FeatureChoice[] | null>(null);
  const [algorithm, setAlgorithm] = useState<Algorithm>('pam');
  const [kRange, setKRange] = useState<[number, number]>([2, 8]);
  const [running, setRunning] = useState(false);
  const [status, setStatus] = useState<ClusteringStatus | null>(null);
  const [result, setResult] = useState<PublishedClustering | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  /** The k an opened study chose: taken after its run, when the run tried it. */
  const [studyK, setStudyK] = useState<number | null>(null);
  /** A run started before the page was left: followed through the status until it ends, then its result shown. */
  const [resumed, setResumed] = useState(false);

  // The form starts from the last clustering, when there is one, so leaving the page loses nothing.
  useEffect(() => {
    // Otherwise from an opened study's clustering settings; otherwise the defaults.
    void Promise.all([
      callApi(() => window.api.clusteringOptions()),
      callApi(() => window.api.lastClustering()),
      callApi(() => window.api.studySettings()),
      callApi(() => window.api.clusteringStatus()),
    ]).then(([options, last, study, current]) => {
      if (!options.ok) {
        setError(options.error);
        return;
      }
      const previous = last.ok ? last.value : null;
      const fromStudy = study.ok ? (study.value?.clustering ?? null) : null;
      const chosen = previous?.features ?? fromStudy?.features;
      setFeatures(
        options.value.features.map((feature) => {
          const used = chosen?.find((candidate) => candidate.id === feature.id);
          return chosen ? { ...feature, selected: used !== undefined, weight: used?.weight ?? 1 } : { ...feature, weight: 1 };
        }),
      );
      const algorithm = previous?.algorithm ?? fromStudy?.algorithm;
      const range = previous?.kRange ?? fromStudy?.kRange;
      if (algorithm) setAlgorithm(algorithm);
      if (range) setKRange(range);
      if (previous) setResult(previous);
      else if (fromStudy?.k !== undefined) setStudyK(fromStudy.k);
      if (current.ok && current.value.running) {
        setStatus(current.value);
        setRunning(true);
        setResumed(true);
      }
    });
  }, []);

  // Progress is polled while a run lasts; the work itself runs in the main process's worker thread.
  useEffect(() => {
    if (!running) return undefined;
    const timer = setInterval(() => {
      void callApi(() => window.api.clusteringStatus()).then(async (answer) => {
        if (!answer.ok) return;
        setStatus(answer.value);
        if (!resumed || answer.value.running) return;
        // The run this page did not start has ended (done, stopped or failed): show what the main process kept.
        setResumed(false);
        const last = await callApi(() => window.api.lastClustering());
        setRunning(false);
        if (last.ok) setResult(last.value);
      });
    }, 200);
    return () => clearInterval(timer);
  }, [running, resumed]);

  const updateFeature = (id: string, change: Partial<Pick<FeatureChoice, 'selected' | 'weight'>>) =>
    setFeatures((previous) => previous?.map((feature) => (feature.id === id ? { ...feature, ...change } : feature)) ?? previous);

  const run = async () => {
    if (running || !features) return;
    const chosen = features.filter((feature) => feature.selected && feature.weight > 0);
    if (chosen.length === 0) return;
    setRunning(true);
    setError(null);
    setStatus(null);
    const answer = await callApi(() => window.api.clusterHouseholds({ algorithm, kRange, features: chosen.map(({ id, weight }) => ({ id, weight })) }));
    setRunning(false);
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    const k = studyK;
    setStudyK(null);
    if (k !== null && k !== answer.value.chosenK && k >= answer.value.kRange[0] && k <= answer.value.kRange[1]) {
      const chosen = await callApi(() => window.api.chooseClusterCount({ k }));
      setResult(chosen.ok ? chosen.value : answer.value);
      if (!chosen.ok) setError(chosen.error);
    } else {
      setResult(answer.value);
    }
  };

  const cancel = () => void callApi(() => window.api.cancelClustering());

  const chooseK = async (k: number) => {
    const answer = await callApi(() => window.api.chooseClusterCount({ k }));
    if (answer.ok) setResult(answer.value);
    else setError(answer.error);
  };

  return { features, updateFeature, algorithm, setAlgorithm, kRange, setKRange, running, status, result, error, run, cancel, chooseK };
}
