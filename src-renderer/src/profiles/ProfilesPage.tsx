// The Profielen page: the cluster comparison table (rows reordered and hidden by the analyst), the persona cards
// with editable titles and narratives, and what stands out per cluster; everything checked in the main process.
import { PageSection } from '../shared/PageSection';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import { EmptyState } from '../shared/EmptyState';
import { useT } from '../i18n/useT';
import { CheckedTableView } from '../tables/CheckedTableView';
import { CellLegend, legendEntries } from '../tables/CellLegend';
import type { PersonaCard } from '../api/types';
import { PERSONA_LEGEND_ID, PersonaCardView } from './PersonaCardView';

/** Every published cell on the cards (N, facts, chart shares), for the legend under them. */
function personaCells(cards: readonly PersonaCard[]) {
  return cards.flatMap((card) =>
    card.kind === 'card' ? [card.count, ...card.facts.map((fact) => fact.cell), ...card.chart.flatMap((bar) => [bar.inCluster, bar.overall])] : [],
  );
}
import { ProfileRowsEditor } from './ProfileRowsEditor';
import { useProfiles } from './useProfiles';

export function ProfilesPage() {
  const t = useT();
  const { state, saving, error, setLayout, editPersona } = useProfiles();
  const printButton =
    state.status === 'ready' ? (
      <button type="button" className="button-secondary" onClick={() => window.print()} data-testid="persona-print">
        {t('profiles.print')}
      </button>
    ) : undefined;
  return (
    <PageSection id="profielen" title={t('page.profielen.title')} intro={t('profiles.intro')} actions={printButton}>
      {state.status === 'loading' && (
        <p className="loading" role="status">
          {t('profiles.loading')}
        </p>
      )}
      {state.status === 'none' && (
        <EmptyState heading={t('page.profielen.emptyHeading')}>
          {t('profiles.needsClustering')} <span className="empty-state-detail">{state.error.message}</span>
        </EmptyState>
      )}
      {error && <ApiErrorAlert error={error} testId="profiles-error" />}
      {state.status === 'ready' && (
        <div className="table-list" data-testid="profiles-result">
          <section className="profile-section" aria-labelledby="personas-heading">
            <h2 className="section-heading" id="personas-heading">
              {t('profiles.personasHeading')}
            </h2>
            <div className="persona-grid" data-testid="persona-cards">
              {state.profiles.personas.map((card) => (
                <PersonaCardView key={card.cluster} card={card} busy={saving} onEdit={(cluster, edit) => editPersona(cluster, edit)} />
              ))}
            </div>
            <div className="persona-legend">
              <CellLegend id={PERSONA_LEGEND_ID} entries={legendEntries(personaCells(state.profiles.personas))} />
            </div>
          </section>
          <section className="profile-section" aria-labelledby="profile-table-heading">
            <h2 className="section-heading" id="profile-table-heading">
              {t('profiles.tableHeading')}
            </h2>
            <div className="profile-table-layout">
              <CheckedTableView table={state.profiles.table} />
              <details className="row-editor-panel">
                <summary>{t('profiles.arrangeRows')}</summary>
                <ProfileRowsEditor rows={state.profiles.rows} busy={saving} onChange={(layout) => void setLayout(layout)} />
              </details>
            </div>
          </section>
          <section className="profile-section" aria-labelledby="stands-out-heading">
            <h2 className="section-heading" id="stands-out-heading">
              {t('profiles.standsOutHeading')}
            </h2>
            <p className="caution" data-testid="stands-out-caution">
              {t('profiles.caution')}
            </p>
            {state.profiles.standsOut.map(({ cluster, table }) => (
              <CheckedTableView key={cluster} table={table} />
            ))}
          </section>
        </div>
      )}
    </PageSection>
  );
}
