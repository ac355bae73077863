// Calls a window.api verb and turns an unexpected rejection (e.g. a broken bridge) into an ordinary error result.
import type { ApiResult } from './types';

export async function callApi<T>(call: () => Promise<ApiResult<T>>): Promise<ApiResult<T>> {
  try {
    return await call();
  } catch (thrown) {
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    return { ok: false, error: { code: 'failed', message } };
  }
}
