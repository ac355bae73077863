// A persona card's small chart, drawn as plain SVG (no inline style, so the strict CSP holds; it prints sharply):
// per trait the share in the cluster next to the share among all clients. A cell without a value gets no bar.
import type { PersonaCard } from '../api/types';
import { useLanguage, useT } from '../i18n/useT';
import { localeOf } from '../i18n/language';

type Bar = Extract<PersonaCard, { kind: 'card' }>['chart'][number];
type Cell = Bar['inCluster'];

const WIDTH = 300;
const LABEL_HEIGHT = 16;
const BAR_HEIGHT = 10;
const GAP = 10;
const VALUE_SPACE = 44;

function valueOf(cell: Cell): number | null {
  return 'value' in cell ? cell.value : null;
}

export function PersonaChart({ cluster, bars }: { cluster: number; bars: readonly Bar[] }) {
  const t = useT();
  const { language } = useLanguage();
  if (bars.length === 0) return null;
  const rowHeight = LABEL_HEIGHT + 2 * BAR_HEIGHT + 2 + GAP;
  const height = bars.length * rowHeight;
  const scale = (WIDTH - VALUE_SPACE) / 100;
  // The shares are whole percents (as the table of what stands out gives them).
  const percent = new Intl.NumberFormat(localeOf[language], { maximumFractionDigits: 0 });
  const text = (cell: Cell) => {
    const value = valueOf(cell);
    return value === null ? t('cell.blocked') : `${percent.format(value)} %`;
  };
  const summary = bars.map((bar) => `${bar.feature}: ${bar.label}, ${text(bar.inCluster)} / ${text(bar.overall)}`).join('; ');
  return (
    <figure className="persona-chart" data-testid={`persona-chart-${cluster}`}>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={t('profiles.chartSummary', { bars: summary })}>
        {bars.map((bar, index) => {
          const top = index * rowHeight;
          const rows: [Cell, string][] = [
            [bar.inCluster, 'persona-bar-cluster'],
            [bar.overall, 'persona-bar-all'],
          ];
          return (
            <g key={`${bar.feature}-${bar.label}`}>
              <text x={0} y={top + 12} className="persona-chart-label">
                {bar.label} <tspan className="persona-chart-feature">({bar.feature.toLowerCase()})</tspan>
              </text>
              {rows.map(([cell, className], row) => {
                const y = top + LABEL_HEIGHT + row * (BAR_HEIGHT + 2);
                const value = valueOf(cell);
                const width = value === null ? 0 : Math.max(1, value * scale);
                return (
                  <g key={className}>
                    {value !== null && <rect x={0} y={y} width={width} height={BAR_HEIGHT} className={className} />}
                    <text x={width + 4} y={y + BAR_HEIGHT - 1} className="persona-chart-value">
                      {text(cell)}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
      <figcaption className="persona-chart-legend">
        <span className="legend-swatch persona-bar-cluster" aria-hidden="true" /> {t('profiles.chartCluster')}
        <span className="legend-swatch persona-bar-all" aria-hidden="true" /> {t('profiles.chartAll')}
      </figcaption>
    </figure>
  );
}
