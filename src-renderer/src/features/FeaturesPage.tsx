// The Kenmerken page: the study's feature catalogue (built-in and its own), a form to define a feature on an opened
// file, and the new feature's table of client and all households as the publication shows it (through the rules).
import { SharesChart, hasShares } from '../charts/SharesChart';
import { useT } from '../i18n/useT';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import { EmptyState } from '../shared/EmptyState';
import { PageSection } from '../shared/PageSection';
import { CheckedTableView } from '../tables/CheckedTableView';
import { CatalogueTable } from './CatalogueTable';
import { FeatureForm } from './FeatureForm';
import { useFeatures } from './useFeatures';

export function FeaturesPage() {
  const t = useT();
  const { listing, busy, status, error, stopped, preview, relinked, define, remove, stop } = useFeatures();
  return (
    <PageSection id="kenmerken" title={t('page.kenmerken.title')} intro={t('features.intro')}>
      {error && <ApiErrorAlert error={error} testId="feature-error" />}
      {busy && (
        <div className="link-progress" data-testid="feature-progress" role="status">
          <progress max={status?.steps ?? 10} value={status?.step ?? 0} />
          <span>{status ? t('link.step', { step: status.step, steps: status.steps, label: status.label }) : t('link.preparing')}</span>
          <button type="button" className="button-secondary" data-testid="feature-stop" onClick={stop}>
            {t('link.cancel')}
          </button>
        </div>
      )}
      {stopped && (
        <p role="status" className="file-warnings" data-testid="feature-stopped">
          {t('features.stopped')}
        </p>
      )}
      {relinked === false && !busy && (
        <p role="status" className="file-warnings" data-testid="feature-waits">
          {t('features.waitsForLink')}
        </p>
      )}
      {preview && !busy && (
        <section className="feature-preview" data-testid="feature-preview" aria-label={t('features.previewHeading')}>
          <h2>{t('features.previewHeading')}</h2>
          <div className="table-with-chart">
            <CheckedTableView table={preview} />
            {hasShares(preview) && <SharesChart table={preview} />}
          </div>
        </section>
      )}
      {listing && (
        <>
          <h2>{t('features.newHeading')}</h2>
          {listing.files.length === 0 ? (
            <EmptyState heading={t('features.noFilesHeading')}>{t('features.noFiles')}</EmptyState>
          ) : (
            <FeatureForm files={listing.files} busy={busy} onDefine={define} />
          )}
          <h2>{t('features.catalogueHeading')}</h2>
          <CatalogueTable features={listing.features} busy={busy} onRemove={remove} />
        </>
      )}
    </PageSection>
  );
}
