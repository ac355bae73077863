// Left navigation: the seven workflow steps as real buttons; the current one carries aria-current="page".
import { useT } from '../i18n/useT';
import { pageIds, type PageId } from '../pages/pageIds';

type PageNavigationProps = { currentPage: PageId; onNavigate: (pageId: PageId) => void };

export function PageNavigation({ currentPage, onNavigate }: PageNavigationProps) {
  const t = useT();
  return (
    <nav className="page-nav" aria-label={t('nav.label')}>
      <ol className="page-nav-list">
        {pageIds.map((pageId) => (
          <li key={pageId}>
            {/* The step number is a CSS counter, so the button's text is just the page name. */}
            <button
              type="button"
              className="page-nav-button"
              data-testid={`nav-${pageId}`}
              aria-current={pageId === currentPage ? 'page' : undefined}
              onClick={() => onNavigate(pageId)}
            >
              {t(`page.${pageId}.title`)}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
