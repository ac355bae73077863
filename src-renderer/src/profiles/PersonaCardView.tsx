// One persona card on screen: title, N, key facts, what stands out and the narrative; the title and narrative are
// edited in place and kept by the main process (for the study file and the export). A too-small cluster is a note.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { PersonaCard } from '../api/types';
import { useT } from '../i18n/useT';
import { CellView } from '../tables/CheckedTableView';
import { legendEntryOf } from '../tables/CellLegend';

/** The legend under the cards that explains their marks (ProfilesPage renders it). */
export const PERSONA_LEGEND_ID = 'legend-personas';

function describedBy(cell: Card['count']): string | undefined {
  const entry = legendEntryOf(cell);
  return entry ? `${PERSONA_LEGEND_ID}-${entry}` : undefined;
}
import { PersonaChart } from './PersonaChart';

type Card = Extract<PersonaCard, { kind: 'card' }>;

function PersonaEditor({
  card,
  busy,
  onSave,
  onClose,
}: {
  card: Card;
  busy: boolean;
  onSave: (edit: { title: string; narrative: string }) => Promise<boolean>;
  onClose: () => void;
}) {
  const t = useT();
  const [title, setTitle] = useState(card.title);
  const [narrative, setNarrative] = useState(card.narrative);
  const titleInput = useRef<HTMLInputElement>(null);
  // Keyboard users land in the title field when the editor opens.
  useEffect(() => titleInput.current?.focus(), []);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await onSave({ title, narrative })) onClose();
  };
  return (
    <form className="persona-editor" onSubmit={(event) => void submit(event)} data-testid={`persona-editor-${card.cluster}`}>
      <label className="field">
        <span className="field-label">{t('profiles.titleLabel')}</span>
        <input
          ref={titleInput}
          value={title}
          maxLength={200}
          onChange={(event) => setTitle(event.target.value)}
          data-testid={`persona-title-input-${card.cluster}`}
        />
        <span className="field-hint">{t('profiles.titleHint', { title: card.automaticTitle })}</span>
      </label>
      <label className="field">
        <span className="field-label">{t('profiles.narrativeLabel')}</span>
        <textarea
          value={narrative}
          maxLength={4000}
          rows={4}
          onChange={(event) => setNarrative(event.target.value)}
          data-testid={`persona-narrative-input-${card.cluster}`}
        />
      </label>
      <div className="page-actions">
        <button type="button" className="button-secondary" onClick={onClose}>
          {t('profiles.cancelEdit')}
        </button>
        <button type="submit" className="button-primary" aria-busy={busy} data-testid={`persona-save-${card.cluster}`}>
          {t('profiles.saveEdit')}
        </button>
      </div>
    </form>
  );
}

export function PersonaCardView({
  card,
  busy,
  onEdit,
}: {
  card: PersonaCard;
  busy: boolean;
  onEdit: (cluster: number, edit: { title: string; narrative: string }) => Promise<boolean>;
}) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  // Focus goes back to the edit button when the editor closes (saved or cancelled).
  useEffect(() => {
    if (wasEditing.current && !editing) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);
  if (card.kind === 'note') {
    return (
      <article className="persona-card persona-note" data-testid={`persona-${card.cluster}`}>
        <p className="persona-cluster">{t('profiles.cluster', { cluster: card.cluster })}</p>
        <p>{card.note}</p>
      </article>
    );
  }
  return (
    <article className="persona-card" data-testid={`persona-${card.cluster}`} aria-labelledby={`persona-title-${card.cluster}`}>
      <header className="persona-header">
        <p className="persona-cluster">
          {t('profiles.cluster', { cluster: card.cluster })} · <CellView cell={card.count} format="count" /> {t('profiles.households')}
        </p>
        <h3 className="persona-title" lang="nl" id={`persona-title-${card.cluster}`} data-testid={`persona-title-${card.cluster}`}>
          {card.title}
        </h3>
      </header>
      {editing ? (
        <PersonaEditor card={card} busy={busy} onSave={(edit) => onEdit(card.cluster, edit)} onClose={() => setEditing(false)} />
      ) : (
        <>
          {card.narrative !== '' && <p className="persona-narrative">{card.narrative}</p>}
          <dl className="persona-facts">
            {card.facts.map((fact) => (
              <div key={fact.label} className="persona-fact">
                <dt>{fact.label}</dt>
                <dd lang="nl" data-status={fact.cell.status} aria-describedby={describedBy(fact.cell)}>
                  <CellView cell={fact.cell} format="percent" bindFigures />
                </dd>
              </div>
            ))}
          </dl>
          <PersonaChart cluster={card.cluster} bars={card.chart} />
          {card.standsOut.length > 0 && (
            <div className="persona-stands-out">
              <p className="field-label">{t('profiles.standsOut')}</p>
              <ul>
                {card.standsOut.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </div>
          )}
          <div className="persona-actions">
            <button ref={editButton} type="button" className="button-secondary" onClick={() => setEditing(true)} data-testid={`persona-edit-${card.cluster}`}>
              {t('profiles.edit')}
            </button>
          </div>
        </>
      )}
    </article>
  );
}
