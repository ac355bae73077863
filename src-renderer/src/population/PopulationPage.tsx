// The Populatie page: reference date and municipality, link the open files with progress and cancel, the link report.
import { useRef, useState, type FormEvent } from 'react';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import { EmptyState } from '../shared/EmptyState';
import { PageSection } from '../shared/PageSection';
import { useFormat, useT } from '../i18n/useT';
import { LinkReportView } from './LinkReportView';
import { MUNICIPALITY_NAMES } from './municipalities';
import { formatReferenceDate, parseReferenceDate } from './referenceDate';
import { useLinking, type ReferenceMoment } from './useLinking';
import { useMunicipalities } from './useMunicipalities';

export function PopulationPage() {
  const t = useT();
  const format = useFormat();
  const [date, setDate] = useState('31-12-2017');
  const [municipality, setMunicipality] = useState('0784');
  const [moment, setMoment] = useState<ReferenceMoment>('referenceDate');
  // What the analyst typed before the last link's choice came back is kept: the restore only fills untouched fields.
  const edited = useRef({ date: false, municipality: false, moment: false });
  // The form shows what was linked when its report is shown again, otherwise what an opened study says.
  const { running, status, report, error, analysisTable, link, cancel } = useLinking((restored) => {
    if (!edited.current.date) setDate(formatReferenceDate(restored.referenceDate));
    if (!edited.current.municipality) setMunicipality(restored.municipality);
    if (!edited.current.moment) setMoment(restored.referenceMoment);
  });
  const editDate = (text: string) => {
    edited.current.date = true;
    setDate(text);
  };
  const editMunicipality = (code: string) => {
    edited.current.municipality = true;
    setMunicipality(code);
  };
  const validCode = /^\d{4}$/.test(municipality);
  const referenceDate = parseReferenceDate(date);
  const validDate = referenceDate !== null;
  const choices = useMunicipalities(referenceDate);
  // With the region file's codes known, a code it does not have is refused here already (the main process refuses it too).
  const absent = validCode && choices.length > 0 && !choices.some((choice) => choice.code === municipality);
  const choiceText = (choice: (typeof choices)[number]) => {
    const addresses = typeof choice.addresses === 'number' ? format.number(choice.addresses) : `< ${choice.addresses.below}`;
    return t('link.municipalityChoice', { code: choice.code, name: MUNICIPALITY_NAMES[choice.code] ?? t('link.unknownName'), addresses });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!running && validCode && !absent && referenceDate) link(referenceDate, municipality, moment);
  };

  return (
    <PageSection id="populatie" title={t('page.populatie.title')} intro={t('link.intro')}>
      <form className="link-form" data-testid="link-form" onSubmit={submit}>
        <label className="field">
          <span className="field-label">{t('link.referenceDate')}</span>
          <input
            data-testid="reference-date"
            inputMode="numeric"
            maxLength={10}
            value={date}
            onChange={(event) => editDate(event.target.value)}
            aria-invalid={!validDate}
            aria-describedby="reference-date-hint"
            required
          />
          <span className="field-hint" id="reference-date-hint">
            {validDate ? t('link.dateHint') : t('link.dateInvalid')}
          </span>
        </label>
        <label className="field">
          <span className="field-label">{t('link.municipality')}</span>
          <input
            data-testid="municipality-code"
            inputMode="numeric"
            maxLength={4}
            value={municipality}
            onChange={(event) => editMunicipality(event.target.value.replace(/\D/g, ''))}
            aria-invalid={!validCode || absent}
            aria-describedby="municipality-name"
            required
          />
          <span className="field-hint" id="municipality-name">
            {absent
              ? t('link.notInFile', { code: municipality })
              : validCode
                ? (MUNICIPALITY_NAMES[municipality] ?? t('link.unknownName'))
                : t('link.codeHint')}
          </span>
        </label>
        {choices.length > 0 && (
          <label className="field">
            <span className="field-label">{t('link.municipalityInFile')}</span>
            <select
              value={choices.some((choice) => choice.code === municipality) ? municipality : ''}
              onChange={(event) => editMunicipality(event.target.value)}
              data-testid="municipality-choice"
            >
              <option value="" disabled>
                {t('link.municipalityPick')}
              </option>
              {choices.map((choice) => (
                <option key={choice.code} value={choice.code}>
                  {choiceText(choice)}
                </option>
              ))}
            </select>
            <span className="field-hint">{t('link.municipalityInFileHint', { count: format.number(choices.length) })}</span>
          </label>
        )}
        <label className="field">
          <span className="field-label">{t('link.moment')}</span>
          <select
            data-testid="reference-moment"
            className="moment-choice"
            value={moment}
            aria-describedby="reference-moment-hint"
            onChange={(event) => {
              edited.current.moment = true;
              setMoment(event.target.value === 'clientStart' ? 'clientStart' : 'referenceDate');
            }}
          >
            <option value="referenceDate">{t('link.moment.referenceDate')}</option>
            <option value="clientStart">{t('link.moment.clientStart')}</option>
          </select>
          <span className="field-hint" id="reference-moment-hint">
            {t('link.momentHint')}
          </span>
        </label>
        <div className="page-actions">
          {running ? (
            <button type="button" className="button-secondary" data-testid="link-cancel" onClick={cancel}>
              {t('link.cancel')}
            </button>
          ) : null}
          <button
            type="submit"
            className="button-primary"
            data-testid="link-run"
            aria-disabled={running || !validCode || absent || !validDate}
            aria-busy={running}
          >
            {running ? t('link.running') : t('link.run')}
          </button>
        </div>
      </form>

      {running && (
        <div className="link-progress" data-testid="link-progress" role="status">
          <progress max={status?.steps ?? 10} value={status?.step ?? 0} />
          <span>{status ? t('link.step', { step: status.step, steps: status.steps, label: status.label }) : t('link.preparing')}</span>
        </div>
      )}
      {error && <ApiErrorAlert error={error} testId="link-error" />}
      {!running && analysisTable === 'stale' && (
        <p className="file-warnings" role="status" data-testid="link-stale">
          {t('link.stale')}
        </p>
      )}
      {report ? (
        <LinkReportView report={report} />
      ) : (
        !running && <EmptyState heading={t('page.populatie.emptyHeading')}>{t('page.populatie.emptyText')}</EmptyState>
      )}
    </PageSection>
  );
}
