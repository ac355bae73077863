// A page whose analysis is not built yet: its title and an empty state saying what will appear.
import { EmptyState } from '../shared/EmptyState';
import { useT } from '../i18n/useT';
import type { PlannedPageId } from './pageIds';

export function PlannedPage({ pageId }: { pageId: PlannedPageId }) {
  const t = useT();
  return (
    <section className="page" data-testid={`page-${pageId}`} aria-labelledby={`page-title-${pageId}`}>
      <h1 className="page-title" id={`page-title-${pageId}`}>
        {t(`page.${pageId}.title`)}
      </h1>
      <EmptyState heading={t(`page.${pageId}.emptyHeading`)}>{t(`page.${pageId}.emptyText`)}</EmptyState>
    </section>
  );
}
