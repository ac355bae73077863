// Checks one incoming IPC call (channel, sender, payload), runs its handler, and returns a Result value.
import type { z } from 'zod';
import { contract, verbForChannel, type IpcErrorCode, type ResponseOf, type Result, type Verb } from './contract';
import { UserFacingError } from '../common/errors';

/** A handler receives a parsed request and resolves with its response; throwing becomes an error value. */
export type Handlers = { [V in Verb]: (request: z.output<(typeof contract)[V]['request']>) => Promise<ResponseOf<V>> };

function failure(code: IpcErrorCode, message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(verzoek)'}: ${issue.message}`)
    .join('; ');
}

/**
 * The single gate for every call from a renderer. The renderer cannot choose the channel set, cannot
 * call from a foreign frame, cannot send a payload its schema does not allow, and cannot receive
 * anything the response schema does not describe.
 */
export async function dispatch(handlers: Handlers, channel: unknown, payload: unknown, sender: { trusted: boolean }): Promise<Result<unknown>> {
  const verb = verbForChannel(channel);
  if (!verb) return failure('unknown-channel', `Onbekend IPC-kanaal ${JSON.stringify(channel)}; deze aanroep hoort niet bij de app.`);
  if (!sender.trusted) {
    return failure('forbidden-sender', `Aanroep op ${contract[verb].channel} geweigerd: die kwam niet uit het venster van Groepsbeeld.`);
  }
  const request = contract[verb].request.safeParse(payload);
  if (!request.success) {
    return failure('invalid-request', `Ongeldig verzoek voor ${verb}: ${describeIssues(request.error)}.`);
  }
  let value: unknown;
  try {
    const handler = handlers[verb] as (request: unknown) => Promise<unknown>;
    value = await handler(request.data);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return failure('failed', error instanceof UserFacingError ? message : `${verb} is mislukt: ${message}`);
  }
  const response = contract[verb].response.safeParse(value);
  if (!response.success) {
    // Only what the contract describes may leave the main process.
    return failure('invalid-response', `${verb} gaf een antwoord buiten het contract; dat is tegengehouden.`);
  }
  return { ok: true, value: response.data };
}
