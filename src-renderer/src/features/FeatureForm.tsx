// The form to define a feature on an opened file: which file and columns, when a row counts, whose rows count and how
// they roll up to the household, and how the result is coded. What it makes is checked here (featureDraft) and again,
// with the file's columns, in the main process.
import { useState, type FormEvent, type ReactNode } from 'react';
import type { FeatureDefinition, FeatureFile } from '../api/types';
import { useT } from '../i18n/useT';
import { EMPTY_FIELDS, featureDraft, type FeatureFields } from './featureDraft';

const GROUPS: FeatureFields['group'][] = ['huishouden', 'ouder', 'kind', 'inkomen', 'zorg', 'klant'];
const VALIDITIES: FeatureFields['validity'][] = ['reference', 'window', 'yearBefore', 'any'];
const UNITS: FeatureFields['unit'][] = ['person', 'household', 'address', 'breadwinner'];
const MEMBERS: FeatureFields['members'][] = ['all', 'referencePerson', 'adults', 'children'];
const ROLL_UPS: Exclude<FeatureFields['rollUp'], 'any'>[] = ['value', 'max', 'min', 'sum', 'count', 'share'];
const CODINGS: FeatureFields['coding'][] = ['flag', 'codes', 'bins', 'amount'];
const AMOUNT_UNITS: FeatureFields['amountUnit'][] = ['euro', 'jaar', 'personen', 'dagen'];

function Field({ label, hint, children }: { label: string; hint?: string; children: ReactNode }) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      {children}
      {hint && <span className="field-hint">{hint}</span>}
    </label>
  );
}

/** A select of fixed choices, each labelled by its message key. */
function ChoiceSelect<T extends string>({
  value,
  choices,
  label,
  onChange,
  testId,
}: {
  value: T;
  choices: readonly T[];
  label: (choice: T) => string;
  onChange: (choice: T) => void;
  testId: string;
}) {
  return (
    <select value={value} onChange={(event) => onChange(choices.find((choice) => choice === event.target.value) ?? value)} data-testid={testId}>
      {choices.map((choice) => (
        <option key={choice} value={choice}>
          {label(choice)}
        </option>
      ))}
    </select>
  );
}

export function FeatureForm({ files, busy, onDefine }: { files: readonly FeatureFile[]; busy: boolean; onDefine: (definition: FeatureDefinition) => void }) {
  const t = useT();
  const [fields, setFields] = useState<FeatureFields>(EMPTY_FIELDS);
  const [problem, setProblem] = useState<string | null>(null);
  const set = <K extends keyof FeatureFields>(key: K, value: FeatureFields[K]) => setFields((current) => ({ ...current, [key]: value }));
  const file = files.find((candidate) => candidate.name === fields.file);
  const columns = file?.columns ?? [];
  const columnSelect = (key: 'value' | 'begin' | 'end' | 'whereColumn', none: string) => (
    <select value={fields[key]} onChange={(event) => set(key, event.target.value)} data-testid={`feature-${key}`} disabled={!file}>
      <option value="">{none}</option>
      {columns.map((column) => (
        <option key={column} value={column}>
          {column}
        </option>
      ))}
    </select>
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const draft = featureDraft(fields, files);
    if (!draft.ok) {
      setProblem(t(draft.problem, { line: draft.line ?? 0 }));
      return;
    }
    setProblem(null);
    onDefine(draft.definition);
  };

  return (
    <form className="feature-form" data-testid="feature-form" onSubmit={submit} noValidate>
      <fieldset>
        <legend>{t('features.form.what')}</legend>
        <Field label={t('features.form.label')}>
          <input value={fields.label} onChange={(event) => set('label', event.target.value)} data-testid="feature-label" maxLength={120} />
        </Field>
        <Field label={t('features.form.id')} hint={t('features.form.idHint')}>
          <input value={fields.id} onChange={(event) => set('id', event.target.value.toLowerCase())} data-testid="feature-id" maxLength={40} />
        </Field>
        <Field label={t('features.form.group')}>
          <ChoiceSelect
            value={fields.group}
            choices={GROUPS}
            label={(choice) => t(`features.group.${choice}`)}
            onChange={(choice) => set('group', choice)}
            testId="feature-group"
          />
        </Field>
      </fieldset>
      <fieldset>
        <legend>{t('features.form.where')}</legend>
        <Field label={t('features.form.file')}>
          <select
            value={fields.file}
            onChange={(event) => setFields({ ...fields, file: event.target.value, value: '', begin: '', end: '', whereColumn: '' })}
            data-testid="feature-file"
          >
            <option value="">{t('features.form.pickFile')}</option>
            {files.map((candidate) => (
              <option key={candidate.name} value={candidate.name}>
                {candidate.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('features.form.value')} hint={t('features.form.valueHint')}>
          {columnSelect('value', t('features.form.noValue'))}
        </Field>
        <Field label={t('features.form.begin')}>{columnSelect('begin', t('features.form.fileRole'))}</Field>
        <Field label={t('features.form.end')}>{columnSelect('end', t('features.form.fileRole'))}</Field>
        <Field label={t('features.form.whereColumn')}>{columnSelect('whereColumn', t('features.form.noSelection'))}</Field>
        <Field label={t('features.form.whereCodes')} hint={t('features.form.whereCodesHint')}>
          <input
            value={fields.whereCodes}
            onChange={(event) => set('whereCodes', event.target.value)}
            data-testid="feature-where-codes"
            disabled={!fields.whereColumn}
          />
        </Field>
      </fieldset>
      <fieldset>
        <legend>{t('features.form.when')}</legend>
        <Field label={t('features.form.validity')}>
          <ChoiceSelect
            value={fields.validity}
            choices={VALIDITIES}
            label={(choice) => t(`features.validity.${choice}`)}
            onChange={(choice) => set('validity', choice)}
            testId="feature-validity"
          />
        </Field>
        {fields.validity === 'window' && (
          <Field label={t('features.form.years')}>
            <input
              type="number"
              min={1}
              max={20}
              value={fields.years}
              onChange={(event) => set('years', Math.max(1, Math.min(20, Number(event.target.value) || 1)))}
              data-testid="feature-years"
            />
          </Field>
        )}
        <Field label={t('features.form.unit')}>
          <ChoiceSelect
            value={fields.unit}
            choices={UNITS}
            label={(choice) => t(`features.unit.${choice}`)}
            onChange={(choice) => set('unit', choice)}
            testId="feature-unit"
          />
        </Field>
        <Field label={t('features.form.members')}>
          <ChoiceSelect
            value={fields.members}
            choices={MEMBERS}
            label={(choice) => t(`features.members.${choice}`)}
            onChange={(choice) => set('members', choice)}
            testId="feature-members"
          />
        </Field>
      </fieldset>
      <fieldset>
        <legend>{t('features.form.how')}</legend>
        <Field label={t('features.form.coding')}>
          <ChoiceSelect
            value={fields.coding}
            choices={CODINGS}
            label={(choice) => t(`features.coding.${choice}`)}
            onChange={(choice) => set('coding', choice)}
            testId="feature-coding"
          />
        </Field>
        {fields.coding !== 'flag' && (
          <Field label={t('features.form.rollUp')}>
            <ChoiceSelect
              value={fields.rollUp === 'any' ? 'value' : fields.rollUp}
              choices={ROLL_UPS}
              label={(choice) => t(`features.rollUp.${choice}`)}
              onChange={(choice) => set('rollUp', choice)}
              testId="feature-rollup"
            />
          </Field>
        )}
        {(fields.coding === 'codes' || fields.coding === 'bins') && (
          <Field
            label={t(fields.coding === 'codes' ? 'features.form.codes' : 'features.form.bins')}
            hint={t(fields.coding === 'codes' ? 'features.form.codesHint' : 'features.form.binsHint')}
          >
            <textarea rows={4} value={fields.categories} onChange={(event) => set('categories', event.target.value)} data-testid="feature-categories" />
          </Field>
        )}
        {fields.coding === 'amount' && (
          <Field label={t('features.form.amountUnit')}>
            <ChoiceSelect
              value={fields.amountUnit}
              choices={AMOUNT_UNITS}
              label={(choice) => t(`features.amountUnit.${choice}`)}
              onChange={(choice) => set('amountUnit', choice)}
              testId="feature-amount-unit"
            />
          </Field>
        )}
      </fieldset>
      {problem && (
        <p className="alert" role="alert" data-testid="feature-problem">
          {problem}
        </p>
      )}
      <div className="page-actions">
        <button type="submit" className="button-primary" aria-disabled={busy} data-testid="feature-define">
          {t('features.define')}
        </button>
      </div>
    </form>
  );
}
