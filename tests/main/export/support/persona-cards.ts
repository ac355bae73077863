// Persona cards for the persona export tests: the analyst's title and narrative, a figure as persona-kaarten.csv writes
// it, and hand-made cards with a hidden figure (the real demo cards have none), or for the control the same figure shown.
import type { PersonaCard } from '../../../../src-main/analysis/profiles/persona';
import type { PublishedCell } from '../../../../src-main/disclosure/checked-table';
import { personaDeck } from '../../../../src-main/export/persona-content';
import type { PersonaDocumentInput } from '../../../../src-main/export/persona-html';
import { dutchPlain } from '../../../../src-main/publication/dutch-format';
import { NOW, shareTexts } from './study-package';
import { RULES, STUDY } from './tables';

/** The analyst's title and narrative for cluster 1, with characters the HTML must escape. */
export const TITLE = 'Jonge moeders <in> de bijstand';
export const NARRATIVE = 'Zij wonen vaak in <Gilze> & hebben een kind onder de 10.';

/** A figure as persona-kaarten.csv writes it. */
export function csvText(cell: PublishedCell): string {
  if (cell.status === 'suppressed') return 'x';
  if (cell.status === 'empty') return cell.text ?? '';
  return cell.text ?? dutchPlain(cell.value, cell.decimals);
}

/** The hidden figure's true value on the hand-made cards, and that value as a file could print it. */
const HIDDEN_VALUE = 41.7;
export const HIDDEN_NUMBERS = shareTexts(HIDDEN_VALUE);

/** Two cards and a note; cluster 1's first bar and one fact are hidden (or, for the control, shown with HIDDEN_VALUE). */
export function handCards(hidden: 'suppressed' | 'safe'): PersonaCard[] {
  const cell: PublishedCell = hidden === 'suppressed' ? { status: 'suppressed' } : { status: 'safe', value: HIDDEN_VALUE, decimals: 1, format: 'percent' };
  const share = (value: number): PublishedCell => ({ status: 'safe', value, decimals: 1, format: 'percent' });
  return [
    {
      kind: 'card',
      cluster: 1,
      count: { status: 'safe', value: 26, decimals: 0, format: 'count' },
      automaticTitle: 'Jong eenouderhuishouden in de bijstand',
      title: TITLE,
      narrative: NARRATIVE,
      facts: [
        { label: 'Type uitkering', text: 'Bijstand 81,0 %', cell: { status: 'safe', value: 81, decimals: 1, format: 'percent', text: 'Bijstand 81,0 %' } },
        // The fact's own text is stale: only the cell is checked, so only the cell may reach a file.
        {
          label: 'Woning',
          text: `Huur met huurtoeslag ${HIDDEN_NUMBERS[0]} %`,
          cell:
            hidden === 'suppressed'
              ? cell
              : { status: 'safe', value: HIDDEN_VALUE, decimals: 1, format: 'percent', text: `Huur met huurtoeslag ${HIDDEN_NUMBERS[0]} %` },
        },
        {
          label: 'Kinderen',
          text: 'Met kinderen 96,0 %',
          cell: { status: 'review', reason: 'group-disclosure', value: 96, decimals: 1, format: 'percent', text: 'Met kinderen 96,0 %' },
        },
      ],
      standsOut: ['Eenouderhuishouden (samenstelling huishouden) komt in dit cluster vaker voor: 69,2 % tegen 15,2 % van alle klanten.'],
      chart: [
        { feature: 'Samenstelling huishouden', label: 'Eenouderhuishouden', inCluster: cell, overall: share(15.2) },
        { feature: 'Zorg', label: 'Jeugdzorg', inCluster: share(69.2), overall: { status: 'suppressed' } },
        { feature: 'Type uitkering', label: 'Bijstand', inCluster: share(81), overall: share(30.4) },
      ],
    },
    {
      kind: 'card',
      cluster: 2,
      count: { status: 'safe', value: 35, decimals: 0, format: 'count' },
      automaticTitle: 'Stel zonder uitkering',
      title: 'Stel zonder uitkering',
      narrative: '',
      facts: [
        { label: 'Samenstelling huishouden', text: 'Paar 91,4 %', cell: { status: 'safe', value: 91.4, decimals: 1, format: 'percent', text: 'Paar 91,4 %' } },
      ],
      standsOut: [],
      chart: [],
    },
    { kind: 'note', cluster: 3, note: 'Cluster 3 is te klein voor een persona (minder dan 10 huishoudens).' },
  ];
}

/** The persona document (HTML, PDF) of the hand-made cards. */
export function documentInput(hidden: 'suppressed' | 'safe'): PersonaDocumentInput {
  return { study: STUDY, createdAt: NOW, appVersion: '0.1.0', deck: personaDeck(handCards(hidden), RULES) };
}
