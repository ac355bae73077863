// The choice of k in pictures, above the quality table: elbow and silhouette, and stability (Jaccard), with the advised k marked.
import { useMemo } from 'react';
import type { PublishedClustering } from '../api/types';
import { useLanguage, useT } from '../i18n/useT';
import { PlotlyChart } from './PlotlyChart';
import { elbowFigure, jaccardFigure, type QualityLabels } from './qualityFigures';

export function QualityChart({ clustering }: { clustering: PublishedClustering }) {
  const t = useT();
  const { language } = useLanguage();
  const { quality, recommendedK, kRange } = clustering;
  const figures = useMemo(() => {
    const labels: QualityLabels = {
      k: t('chart.k'),
      withinError: t('chart.withinError'),
      silhouette: t('chart.silhouette'),
      minJaccard: t('chart.minJaccard'),
      meanJaccard: t('chart.meanJaccard'),
      advice: t('chart.advice', { k: recommendedK }),
    };
    return {
      elbow: elbowFigure(quality, recommendedK, kRange, language, labels),
      jaccard: jaccardFigure(quality, recommendedK, kRange, language, labels),
    };
  }, [quality, recommendedK, kRange, language, t]);
  const range = { from: kRange[0], to: kRange[1], k: recommendedK };
  return (
    <div className="chart-pair" data-testid="quality-charts">
      <PlotlyChart figure={figures.elbow} summary={t('chart.elbowSummary', range)} testId="chart-quality-elbow" />
      <PlotlyChart figure={figures.jaccard} summary={t('chart.jaccardSummary', range)} testId="chart-quality-jaccard" />
    </div>
  );
}
