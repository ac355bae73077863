// Picks the component for the current page.
import { DataPage } from '../data/DataPage';
import { PopulationPage } from '../population/PopulationPage';
import { PlannedPage } from './PlannedPage';
import type { PageId } from './pageIds';

export function PageView({ pageId }: { pageId: PageId }) {
  if (pageId === 'data') return <DataPage />;
  if (pageId === 'populatie') return <PopulationPage />;
  return <PlannedPage pageId={pageId} />;
}
