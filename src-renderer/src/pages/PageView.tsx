// Picks the component for the current page.
import { DataPage } from '../data/DataPage';
import { PlannedPage } from './PlannedPage';
import type { PageId } from './pageIds';

export function PageView({ pageId }: { pageId: PageId }) {
  if (pageId === 'data') return <DataPage />;
  return <PlannedPage pageId={pageId} />;
}
