// Picks the component for the current page.
import { ClustersPage } from '../clusters/ClustersPage';
import { ComparisonPage } from '../comparison/ComparisonPage';
import { DataPage } from '../data/DataPage';
import { ExportPage } from '../export/ExportPage';
import { FeaturesPage } from '../features/FeaturesPage';
import { PopulationPage } from '../population/PopulationPage';
import { ProfilesPage } from '../profiles/ProfilesPage';
import type { PageId } from './pageIds';

export function PageView({ pageId }: { pageId: PageId }) {
  switch (pageId) {
    case 'data':
      return <DataPage />;
    case 'populatie':
      return <PopulationPage />;
    case 'kenmerken':
      return <FeaturesPage />;
    case 'vergelijking':
      return <ComparisonPage />;
    case 'clusters':
      return <ClustersPage />;
    case 'profielen':
      return <ProfilesPage />;
    case 'export':
      return <ExportPage />;
  }
}
