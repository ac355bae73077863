// A persona card's small chart, drawn as plain SVG (no inline style, so the strict CSP holds; it prints sharply):
// per trait the share in the cluster next to the share among all clients. A hidden share is a hatched empty slot
// marked "x", as in the exported card; it never gets a bar.
import type { PersonaCard } from '../api/types';
import { useLanguage, useT } from '../i18n/useT';
import { cellReading, statusMark } from '../tables/cellFormat';

type Bar = Extract<PersonaCard, { kind: 'card' }>['chart'][number];
type Cell = Bar['inCluster'];

const WIDTH = 300;
const LABEL_HEIGHT = 16;
const BAR_HEIGHT = 10;
const GAP = 10;
const VALUE_SPACE = 60;
/** A bar's heading fits the chart's width at about this many characters; a longer feature name is shortened. */
const MAX_HEADING = 50;
/** The width of a hidden slot: the same for every hidden share, so it says nothing about the value. */
const HIDDEN_WIDTH = 28;

function shortened(text: string, length: number): string {
  return text.length <= Math.max(8, length) ? text : `${text.slice(0, Math.max(8, length) - 1).trimEnd()}…`;
}

export function PersonaChart({ cluster, bars }: { cluster: number; bars: readonly Bar[] }) {
  const t = useT();
  const { language } = useLanguage();
  if (bars.length === 0) return null;
  const rowHeight = LABEL_HEIGHT + 2 * BAR_HEIGHT + 2 + GAP;
  const height = bars.length * rowHeight;
  const scale = (WIDTH - VALUE_SPACE) / 100;
  const hatch = `persona-hatch-${cluster}`;
  // The share as the card's export writes it ("68,8 %", "100,0 % c", "x"), with the cell's own decimals.
  const text = (cell: Cell) => {
    const mark = statusMark(cell);
    const reading = cellReading(cell, 'percent', language);
    return mark ? `${reading} ${mark}` : reading;
  };
  const summary = bars.map((bar) => `${bar.feature}: ${bar.label}, ${text(bar.inCluster)} / ${text(bar.overall)}`).join('; ');
  return (
    <figure className="persona-chart" data-testid={`persona-chart-${cluster}`}>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={t('profiles.chartSummary', { bars: summary })}>
        <defs>
          <pattern id={hatch} width={5} height={5} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width={5} height={5} className="persona-hatch-background" />
            <line x1={0} y1={0} x2={0} y2={5} className="persona-hatch-line" />
          </pattern>
        </defs>
        {bars.map((bar, index) => {
          const top = index * rowHeight;
          const rows: [Cell, string][] = [
            [bar.inCluster, 'persona-bar-cluster'],
            [bar.overall, 'persona-bar-all'],
          ];
          return (
            <g key={`${bar.feature}-${bar.label}`}>
              <text x={0} y={top + 12} className="persona-chart-label">
                <title>{`${bar.label} (${bar.feature.toLowerCase()})`}</title>
                {bar.label} <tspan className="persona-chart-feature">({shortened(bar.feature.toLowerCase(), MAX_HEADING - bar.label.length - 3)})</tspan>
              </text>
              {rows.map(([cell, className], row) => {
                const y = top + LABEL_HEIGHT + row * (BAR_HEIGHT + 2);
                const hidden = cell.status === 'suppressed';
                const width = 'value' in cell ? Math.max(1, Math.min(100, Math.max(0, cell.value)) * scale) : hidden ? HIDDEN_WIDTH : 0;
                return (
                  <g key={className} data-status={cell.status}>
                    {'value' in cell && <rect x={0} y={y} width={width} height={BAR_HEIGHT} className={className} />}
                    {hidden && <rect x={0} y={y} width={width} height={BAR_HEIGHT} fill={`url(#${hatch})`} className="persona-bar-hidden" />}
                    <text x={width + 4} y={y + BAR_HEIGHT - 1} className={hidden ? 'persona-chart-value persona-chart-hidden' : 'persona-chart-value'}>
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
