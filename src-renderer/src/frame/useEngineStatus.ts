// Asks the main process once for the app version and the engine's effective security settings.
import { useEffect, useState } from 'react';
import { callApi } from '../api/callApi';
import type { ApiResult, AppInfo, EngineSecurity } from '../api/types';

export type EngineStatus = {
  appInfo: ApiResult<AppInfo> | null;
  security: ApiResult<EngineSecurity> | null;
};

export function useEngineStatus(): EngineStatus {
  const [status, setStatus] = useState<EngineStatus>({ appInfo: null, security: null });

  useEffect(() => {
    let active = true;
    void callApi(() => window.api.appInfo()).then((appInfo) => {
      if (active) setStatus((current) => ({ ...current, appInfo }));
    });
    void callApi(() => window.api.engineSecurity()).then((security) => {
      if (active) setStatus((current) => ({ ...current, security }));
    });
    return () => {
      active = false;
    };
  }, []);

  return status;
}
