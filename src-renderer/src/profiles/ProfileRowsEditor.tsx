// Reorders and hides the rows of the cluster comparison table: a keyboard-usable list with move buttons and a show box.
import type { ProfileLayout, PublishedProfiles } from '../api/types';
import { useT } from '../i18n/useT';

type Row = PublishedProfiles['rows'][number];

/** The layout after moving row `index` by `step` places (the whole order is sent, so it is explicit). */
export function movedLayout(rows: readonly Row[], index: number, step: -1 | 1): ProfileLayout {
  const order = rows.map((row) => row.id);
  const target = index + step;
  const moving = order[index];
  const other = order[target];
  if (moving !== undefined && other !== undefined) {
    order[index] = other;
    order[target] = moving;
  }
  return { rowOrder: order, hiddenRows: rows.filter((row) => row.hidden).map((row) => row.id) };
}

export function toggledLayout(rows: readonly Row[], id: string, shown: boolean): ProfileLayout {
  const hidden = rows.filter((row) => (row.id === id ? !shown : row.hidden)).map((row) => row.id);
  return { rowOrder: rows.map((row) => row.id), hiddenRows: hidden };
}

export function ProfileRowsEditor({ rows, busy, onChange }: { rows: readonly Row[]; busy: boolean; onChange: (layout: ProfileLayout) => void }) {
  const t = useT();
  const shown = rows.filter((row) => !row.hidden).length;
  return (
    <ol className="row-editor" data-testid="profile-rows">
      {rows.map((row, index) => (
        <li key={row.id} className={row.hidden ? 'row-editor-hidden' : undefined}>
          <label className="inline-check">
            <input
              type="checkbox"
              checked={!row.hidden}
              // The last shown row stays: a table without rows says nothing.
              disabled={busy || (!row.hidden && shown === 1)}
              onChange={(event) => onChange(toggledLayout(rows, row.id, event.target.checked))}
              data-testid={`profile-row-show-${row.id}`}
            />
            {row.label}
          </label>
          <span className="row-editor-moves">
            <button
              type="button"
              className="button-icon"
              disabled={busy || index === 0}
              onClick={() => onChange(movedLayout(rows, index, -1))}
              aria-label={t('profiles.moveUp', { row: row.label })}
              data-testid={`profile-row-up-${row.id}`}
            >
              ↑
            </button>
            <button
              type="button"
              className="button-icon"
              disabled={busy || index === rows.length - 1}
              onClick={() => onChange(movedLayout(rows, index, 1))}
              aria-label={t('profiles.moveDown', { row: row.label })}
            >
              ↓
            </button>
          </span>
        </li>
      ))}
    </ol>
  );
}
