// The link report as a funnel: per step what matched and what did not; small counts as "< 10", never a number.
import type { LinkReport } from '../api/types';
import { useFormat, useT } from '../i18n/useT';

type Count = LinkReport['steps'][number]['counts'][number];

function CountValue({ count }: { count: Count }) {
  const t = useT();
  const format = useFormat();
  if ('below' in count) {
    return (
      <span className="count-below" title={t('link.belowTitle', { threshold: count.below })}>
        {`< ${count.below}`}
      </span>
    );
  }
  return <>{format.number(count.count)}</>;
}

function headline(report: LinkReport, step: string, id: string): Count | undefined {
  return report.steps.find((s) => s.id === step)?.counts.find((c) => c.id === id);
}

export function LinkReportView({ report }: { report: LinkReport }) {
  const t = useT();
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
            <dd>{count ? <CountValue count={count} /> : '–'}</dd>
          </div>
        ))}
      </dl>
      <ol className="link-steps">
        {report.steps.map((step) => (
          <li key={step.id} className="link-step" data-testid={`link-step-${step.id}`}>
            <h3 className="link-step-title">{step.label}</h3>
            <table className="link-counts">
              <tbody>
                {step.counts.map((count) => (
                  <tr key={count.id} data-testid={`count-${step.id}-${count.id}`}>
                    <th scope="row">{count.label}</th>
                    <td>
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
