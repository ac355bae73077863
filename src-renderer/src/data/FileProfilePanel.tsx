// A file's column profile (aggregates only, small counts masked) with a role menu per column.
import { Fragment } from 'react';
import type { ApiError, ColumnProfile, OpenedFile } from '../api/types';
import type { MessageKey } from '../i18n/nl';
import { useFormat, useT } from '../i18n/useT';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import { ROLE_CHOICES, roleOfColumn } from './roleChoices';
import { useCountText } from './useCountText';
import type { ColumnRoleChoice, FileProfileState } from './useFileProfile';

type FileProfilePanelProps = {
  file: OpenedFile;
  state: Exclude<FileProfileState, { status: 'hidden' }>;
  onRole: (column: string, role: ColumnRoleChoice | null) => void;
  savingColumn: string | null;
  roleError: ApiError | null;
};

function Spread({ column }: { column: ColumnProfile }) {
  const t = useT();
  const format = useFormat();
  if (column.dateRange) return <>{t('profile.dateRange', column.dateRange)}</>;
  if (column.quartiles) {
    const { q1, median, q3 } = column.quartiles;
    return <>{t('profile.quartiles', { q1: format.number(q1), median: format.number(median), q3: format.number(q3) })}</>;
  }
  return <>–</>;
}

function ProfileRow({ file, column, onRole, saving }: { file: OpenedFile; column: ColumnProfile; onRole: FileProfilePanelProps['onRole']; saving: boolean }) {
  const t = useT();
  const format = useFormat();
  const countText = useCountText();
  const role = roleOfColumn(file.roles, column.name);
  const missing = column.missingPercent === null ? countText(column.missing) : `${countText(column.missing)} (${format.percent(column.missingPercent / 100)})`;
  return (
    <tr data-testid={`profile-row-${column.name}`}>
      <th scope="row" className="column-name">
        {column.name}
        {column.label && <span className="column-label">{column.label}</span>}
      </th>
      <td>
        <select
          className="role-select"
          aria-label={t('profile.roleFor', { column: column.name })}
          value={role ?? ''}
          aria-busy={saving}
          onChange={(event) => onRole(column.name, event.target.value === '' ? null : (event.target.value as ColumnRoleChoice))}
        >
          <option value="">{t('profile.noRole')}</option>
          {ROLE_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {t(`role.${choice}` as MessageKey)}
            </option>
          ))}
        </select>
      </td>
      <td className="mono">{column.type}</td>
      <td className="number">{missing}</td>
      <td className="number">{countText(column.distinct)}</td>
      <td>
        {column.topValues.length === 0 ? (
          <span className="hint">{column.kind === 'key' || column.distinct !== 0 ? t('profile.hiddenValues') : '–'}</span>
        ) : (
          column.topValues.map((top, index) => (
            <Fragment key={top.value}>
              {index > 0 && ' · '}
              {top.value}
              {top.label && <span className="value-label"> = {top.label}</span>}
              {` (${countText(top.count)})`}
            </Fragment>
          ))
        )}
      </td>
      <td>
        <Spread column={column} />
      </td>
    </tr>
  );
}

export function FileProfilePanel({ file, state, onRole, savingColumn, roleError }: FileProfilePanelProps) {
  const t = useT();
  return (
    <section
      className="file-profile"
      data-testid={`profile-${file.name}`}
      aria-busy={state.status === 'loading'}
      aria-label={t('profile.heading', { file: file.name })}
    >
      <h3 className="columns-heading">{t('profile.heading', { file: file.name })}</h3>
      {state.status === 'loading' && <p className="loading">{t('profile.loading', { file: file.name })}</p>}
      {state.status === 'failed' && <ApiErrorAlert error={state.error} />}
      {roleError && <ApiErrorAlert error={roleError} />}
      {state.status === 'done' && (
        <>
          <p className="hint">{t('profile.hint')}</p>
          <div className="table-scroll">
            <table className="profile-table">
              <thead>
                <tr>
                  <th scope="col">{t('profile.column')}</th>
                  <th scope="col">{t('profile.role')}</th>
                  <th scope="col">{t('profile.type')}</th>
                  <th scope="col">{t('profile.missing')}</th>
                  <th scope="col">{t('profile.distinct')}</th>
                  <th scope="col">{t('profile.topValues')}</th>
                  <th scope="col">{t('profile.spread')}</th>
                </tr>
              </thead>
              <tbody>
                {state.profile.columns.map((column) => (
                  <ProfileRow key={column.name} file={file} column={column} onRole={onRole} saving={savingColumn === column.name} />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
