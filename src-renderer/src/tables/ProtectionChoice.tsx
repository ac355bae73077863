// The analyst's choice of how tables with margins are protected: suppression or controlled rounding.
import type { ProtectionMethod } from '../api/types';
import { useT } from '../i18n/useT';

export function ProtectionChoice({ method, onChange }: { method: ProtectionMethod; onChange: (method: ProtectionMethod) => void }) {
  const t = useT();
  return (
    <fieldset className="segmented" data-testid="protection-choice">
      <legend className="field-label">{t('protection.label')}</legend>
      <div className="segmented-options">
        {(['suppression', 'rounding'] as const).map((option) => (
          <label key={option} className="segmented-option">
            <input
              type="radio"
              name="protection"
              value={option}
              checked={method === option}
              onChange={() => onChange(option)}
              data-testid={`protection-${option}`}
            />
            <span title={t(option === 'suppression' ? 'protection.suppressionHint' : 'protection.roundingHint')}>
              {t(option === 'suppression' ? 'protection.suppression' : 'protection.rounding')}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
