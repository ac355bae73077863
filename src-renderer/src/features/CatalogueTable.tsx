// The study's feature catalogue as a table: each feature's name (in the chosen language), what it reads, how it is
// coded, whether the last link computed it, and for the study's own features a button to leave it out.
import type { CatalogueFeature } from '../api/types';
import { useLanguage, useT } from '../i18n/useT';

export function CatalogueTable({ features, busy, onRemove }: { features: readonly CatalogueFeature[]; busy: boolean; onRemove: (id: string) => void }) {
  const t = useT();
  const { language } = useLanguage();
  return (
    <table className="data-table feature-catalogue" data-testid="feature-catalogue">
      <caption>{t('features.catalogueCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('features.column.feature')}</th>
          <th scope="col">{t('features.column.group')}</th>
          <th scope="col">{t('features.column.source')}</th>
          <th scope="col">{t('features.column.coding')}</th>
          <th scope="col">{t('features.column.state')}</th>
          <th scope="col">{t('features.column.origin')}</th>
        </tr>
      </thead>
      <tbody>
        {features.map((feature) => (
          <tr key={feature.id} data-testid={`feature-${feature.id}`}>
            <th scope="row">
              {language === 'en' && feature.labelEn ? feature.labelEn : feature.label}
              <span className="feature-id">{feature.id}</span>
            </th>
            <td>{t(`features.group.${feature.group}`)}</td>
            <td>{feature.sourceKind ? t(`table.${feature.sourceKind}`) : feature.source}</td>
            <td>{t(`features.coding.${feature.coding}`)}</td>
            <td data-state={feature.state}>{t(`features.state.${feature.state}`)}</td>
            <td>
              {feature.origin === 'study' ? (
                <button
                  type="button"
                  className="button-secondary"
                  aria-disabled={busy}
                  data-testid={`feature-remove-${feature.id}`}
                  onClick={() => !busy && onRemove(feature.id)}
                >
                  {t('features.remove')}
                </button>
              ) : (
                t('features.origin.builtIn')
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
