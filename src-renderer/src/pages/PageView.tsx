// Picks the component for the current page.
import { ClustersPage } from '../clusters/ClustersPage';
import { ComparisonPage } from '../comparison/ComparisonPage';
import { DataPage } from '../data/DataPage';
import { ExportPage } from '../export/ExportPage';
import { PopulationPage } from '../population/PopulationPage';
import { PlannedPage } from './PlannedPage';
import type { PageId } from './pageIds';

export function PageView({ pageId }: { pageId: PageId }) {
  if (pageId === 'data') return <DataPage />;
  if (pageId === 'populatie') return <PopulationPage />;
  if (pageId === 'vergelijking') return <ComparisonPage />;
  if (pageId === 'clusters') return <ClustersPage />;
  if (pageId === 'export') return <ExportPage />;
  return <PlannedPage pageId={pageId} />;
}
