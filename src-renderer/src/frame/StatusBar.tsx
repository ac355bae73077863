// Footer: app and DuckDB version plus the engine's security settings; an unsafe setting is shown as a warning.
import type { EngineSecurity } from '../api/types';
import type { Translate } from '../i18n/context';
import { errorText } from '../shared/ApiErrorAlert';
import { useT } from '../i18n/useT';
import { useEngineStatus } from './useEngineStatus';

type StatusItem = { text: string; unsafe: boolean };

/** The three settings that keep the engine offline and unchangeable, each judged safe or unsafe. */
export function securityItems(t: Translate, security: EngineSecurity): StatusItem[] {
  const extensionsOn = security.autoinstallKnownExtensions || security.autoloadKnownExtensions;
  return [
    { text: t(extensionsOn ? 'status.extensionsOn' : 'status.extensionsOff'), unsafe: extensionsOn },
    {
      text: t(security.enableExternalAccess ? 'status.externalAccessOn' : 'status.externalAccessOff'),
      unsafe: security.enableExternalAccess,
    },
    {
      text: t(security.lockConfiguration ? 'status.configLocked' : 'status.configUnlocked'),
      unsafe: !security.lockConfiguration,
    },
  ];
}

export function StatusBar() {
  const t = useT();
  const { appInfo, security } = useEngineStatus();
  const loading = appInfo === null || security === null;

  const items: StatusItem[] = [];
  const failures: string[] = [];
  if (appInfo?.ok) {
    items.push({ text: `${appInfo.value.name} ${appInfo.value.version}`, unsafe: false });
    items.push({ text: t('status.duckdb', { version: appInfo.value.duckdb }), unsafe: false });
  } else if (appInfo) {
    failures.push(`${t('status.appInfoFailed')} ${errorText(t, appInfo.error)}`);
  }
  if (security?.ok) items.push(...securityItems(t, security.value));
  else if (security) failures.push(`${t('status.securityFailed')} ${errorText(t, security.error)}`);

  return (
    <footer className="status-bar" aria-label={t('status.label')}>
      <div className="status-line" data-testid="engine-status" aria-busy={loading}>
        {loading && <span className="loading">{t('status.loading')}</span>}
        {!loading && (
          <ul className="status-items">
            {items.map((item) => (
              <li key={item.text} className={item.unsafe ? 'status-item status-unsafe' : 'status-item'}>
                {item.unsafe && (
                  <span className="status-warning-mark" aria-hidden="true">
                    ⚠
                  </span>
                )}
                {item.text}
              </li>
            ))}
          </ul>
        )}
        {failures.map((failure) => (
          <p key={failure} className="status-error" role="alert">
            {failure}
          </p>
        ))}
      </div>
    </footer>
  );
}
