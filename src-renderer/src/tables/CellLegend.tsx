// The legend under a table or a set of persona cards: what "x", "c", "a", "–" and a bold residual mean, in words.
// One line for every hidden cell, whatever hid it: the screen never tells one hidden cell from another.
import { useT } from '../i18n/useT';
import type { MessageKey } from '../i18n/nl';
import { HIDDEN_MARK, type PublishedCell } from './cellFormat';

export type LegendEntryId = 'hidden' | 'review' | 'rounded' | 'empty' | 'significant';

export interface LegendEntry {
  id: LegendEntryId;
  /** The rounding bases, for the rounded entry. */
  bases?: number[];
}

const ORDER: readonly LegendEntryId[] = ['hidden', 'review', 'rounded', 'empty', 'significant'];

const MARKS: Record<LegendEntryId, string> = { hidden: HIDDEN_MARK, review: 'c', rounded: 'a', empty: '–', significant: '' };

const TEXTS: Record<LegendEntryId, MessageKey> = {
  hidden: 'cell.legendHidden',
  review: 'cell.legendReview',
  rounded: 'cell.legendRounded',
  empty: 'cell.legendEmpty',
  significant: 'cell.legendSignificant',
};

/** The legend entry that explains a cell, if any (a plain shown value needs none). */
export function legendEntryOf(cell: PublishedCell, significant = false): LegendEntryId | null {
  switch (cell.status) {
    case 'suppressed':
      return 'hidden';
    case 'review':
      return 'review';
    case 'rounded':
      return 'rounded';
    case 'empty':
      return cell.text === undefined ? 'empty' : null;
    case 'safe':
      return significant ? 'significant' : null;
  }
}

/** The entries the given cells need, in a fixed order. */
export function legendEntries(cells: readonly PublishedCell[], options: { significant?: boolean } = {}): LegendEntry[] {
  const present = new Set(cells.map((cell) => legendEntryOf(cell)).filter((id) => id !== null));
  if (options.significant) present.add('significant');
  const bases = [...new Set(cells.flatMap((cell) => (cell.status === 'rounded' ? [cell.base] : [])))].sort((a, b) => a - b);
  return ORDER.filter((id) => present.has(id)).map((id) => (id === 'rounded' ? { id, bases } : { id }));
}

export function CellLegend({ id, entries }: { id: string; entries: readonly LegendEntry[] }) {
  const t = useT();
  if (entries.length === 0) return null;
  return (
    <dl className="cell-legend" aria-label={t('cell.legendLabel')} data-testid={id}>
      {entries.map((entry) => (
        <div key={entry.id} className="cell-legend-entry" id={`${id}-${entry.id}`}>
          <dt className={`cell-legend-mark cell-legend-${entry.id}`}>
            {entry.id === 'significant' ? <strong>{t('cell.legendBold')}</strong> : MARKS[entry.id]}
          </dt>
          <dd>{t(TEXTS[entry.id], { base: (entry.bases ?? []).join(', ') })}</dd>
        </div>
      ))}
    </dl>
  );
}
