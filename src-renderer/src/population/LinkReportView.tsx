// The link report as a funnel: per step what matched and what did not; a hidden count is "x", never a number, and the
// legend under the report says what "x" means.
import type { LinkReport } from '../api/types';
import { useFormat, useT } from '../i18n/useT';
import { CellLegend } from '../tables/CellLegend';
import { HIDDEN_MARK } from '../tables/cellFormat';

type Count = LinkReport['steps'][number]['counts'][number];

const LEGEND_ID = 'legend-link-report';

function CountValue({ count }: { count: Count }) {
  const format = useFormat();
  if ('hidden' in count) return <span className="cell-hidden">{HIDDEN_MARK}</span>;
  return <>{format.number(count.count)}</>;
}

function headline(report: LinkReport, step: string, id: string): Count | undefined {
  return report.steps.find((s) => s.id === step)?.counts.find((c) => c.id === id);
}

export function LinkReportView({ report }: { report: LinkReport }) {
  const t = useT();
  const hidden = report.steps.some((step) => step.counts.some((count) => 'hidden' in count));
  const keyFigures: [string, Count | undefined][] = [
    [t('link.households'), headline(report, 'table', 'households')],
    [t('link.clientHouseholds'), headline(report, 'table', 'clientHouseholds')],
    [t('link.persons'), headline(report, 'table', 'persons')],
  ];
  return (
    <section className="link-report" data-testid="link-report" aria-label={t('link.reportLabel')}>
      <dl className="key-figures">
        {keyFigures.map(([label, count]) => (
          <div key={label} className="key-figure">
            <dt>{label}</dt>
            <dd aria-describedby={count && 'hidden' in count ? `${LEGEND_ID}-hidden` : undefined}>{count ? <CountValue count={count} /> : '–'}</dd>
          </div>
        ))}
      </dl>
      {hidden && (
        <div className="link-report-legend">
          <CellLegend id={LEGEND_ID} entries={[{ id: 'hidden' }]} />
        </div>
      )}
      {report.notes.length > 0 && (
        <section className="link-notes" data-testid="link-notes" aria-label={t('link.notes')}>
          <h3>{t('link.notes')}</h3>
          <ul>
            {report.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </section>
      )}
      <ol className="link-steps">
        {report.steps.map((step) => (
          <li key={step.id} className="link-step" data-testid={`link-step-${step.id}`}>
            <h3 className="link-step-title">{step.label}</h3>
            <table className="link-counts">
              <tbody>
                {step.counts.map((count) => (
                  <tr key={count.id} data-testid={`count-${step.id}-${count.id}`}>
                    <th scope="row">{count.label}</th>
                    <td data-status={'hidden' in count ? 'suppressed' : 'safe'} aria-describedby={'hidden' in count ? `${LEGEND_ID}-hidden` : undefined}>
                      <CountValue count={count} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </li>
        ))}
      </ol>
    </section>
  );
}
