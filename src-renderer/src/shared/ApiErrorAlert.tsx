// Shows a failed call: a translated sentence for the error code, then the main process's own message.
import type { ApiError, ApiErrorCode } from '../api/types';
import type { Translate } from '../i18n/context';
import type { MessageKey } from '../i18n/nl';
import { useT } from '../i18n/useT';

const sentenceFor: Record<ApiErrorCode, MessageKey> = {
  'unknown-channel': 'error.unknown-channel',
  'forbidden-sender': 'error.forbidden-sender',
  'invalid-request': 'error.invalid-request',
  'invalid-response': 'error.invalid-response',
  failed: 'error.failed',
};

export function errorText(t: Translate, error: ApiError): string {
  // A code added in main but not yet here still gets a sentence rather than a blank.
  const sentence = t(sentenceFor[error.code] ?? 'error.failed');
  return `${sentence} ${error.message}`.trim();
}

export function ApiErrorAlert({ error, testId }: { error: ApiError; testId?: string }) {
  const t = useT();
  return (
    <div className="alert" role="alert" data-testid={testId}>
      {errorText(t, error)}
    </div>
  );
}
