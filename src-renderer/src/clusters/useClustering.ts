// The Clusters page's state: feature choice and weights, algorithm and k range, a run with progress and cancel, the choice of k.
import { useEffect, useState } from 'react';
import { callApi } from '../api/callApi';
import type { ApiError, ClusteringOptions, ClusteringRequest, ClusteringStatus, PublishedClustering } from '../api/types';

export type Algorithm = NonNullable<ClusteringRequest['algorithm']>;
export type FeatureChoice = ClusteringOptions['features'][number] & { weight: number };

export function useClustering() {
  const [features, setFeatures] = useState<FeatureChoice[] | null>(null);
  const [algorithm, setAlgorithm] = useState<Algorithm>('kmeans');
  const [kRange, setKRange] = useState<[number, number]>([2, 8]);
  const [running, setRunning] = useState(false);
  const [status, setStatus] = useState<ClusteringStatus | null>(null);
  const [result, setResult] = useState<PublishedClustering | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  // The form starts from the last clustering, when there is one, so leaving the page loses nothing.
  useEffect(() => {
    void Promise.all([callApi(() => window.api.clusteringOptions()), callApi(() => window.api.lastClustering())]).then(([options, last]) => {
      if (!options.ok) {
        setError(options.error);
        return;
      }
      const previous = last.ok ? last.value : null;
      setFeatures(
        options.value.features.map((feature) => {
          const used = previous?.features.find((candidate) => candidate.id === feature.id);
          return previous ? { ...feature, selected: used !== undefined, weight: used?.weight ?? 1 } : { ...feature, weight: 1 };
        }),
      );
      if (previous) {
        setAlgorithm(previous.algorithm);
        setKRange(previous.kRange);
        setResult(previous);
      }
    });
  }, []);

  // Progress is polled while a run lasts; the work itself runs in the main process's worker thread.
  useEffect(() => {
    if (!running) return undefined;
    const timer = setInterval(() => {
      void callApi(() => window.api.clusteringStatus()).then((answer) => {
        if (answer.ok) setStatus(answer.value);
      });
    }, 200);
    return () => clearInterval(timer);
  }, [running]);

  const updateFeature = (id: string, change: Partial<Pick<FeatureChoice, 'selected' | 'weight'>>) =>
    setFeatures((previous) => previous?.map((feature) => (feature.id === id ? { ...feature, ...change } : feature)) ?? previous);

  const run = async () => {
    if (running || !features) return;
    const chosen = features.filter((feature) => feature.selected && feature.weight > 0);
    if (chosen.length === 0) return;
    setRunning(true);
    setError(null);
    setStatus(null);
    const answer = await callApi(() =>
      window.api.clusterHouseholds({ algorithm, kRange, features: chosen.map(({ id, weight }) => ({ id, weight })) }),
    );
    setRunning(false);
    if (answer.ok) setResult(answer.value);
    else setError(answer.error);
  };

  const cancel = () => void callApi(() => window.api.cancelClustering());

  const chooseK = async (k: number) => {
    const answer = await callApi(() => window.api.chooseClusterCount({ k }));
    if (answer.ok) setResult(answer.value);
    else setError(answer.error);
  };

  return { features, updateFeature, algorithm, setAlgorithm, kRange, setKRange, running, status, result, error, run, cancel, chooseK };
}
