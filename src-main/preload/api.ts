// Builds window.api from the contract: one named verb per channel, nothing generic.
import { contract, verbs, type RequestOf, type ResponseOf, type Result, type Verb } from '../ipc/contract';

export type Invoke = (channel: string, payload: unknown) => Promise<unknown>;

type VerbFunction<V extends Verb> =
  undefined extends RequestOf<V> ? () => Promise<Result<ResponseOf<V>>> : (request: RequestOf<V>) => Promise<Result<ResponseOf<V>>>;

export type VerbMap = { readonly [V in Verb]: VerbFunction<V> };

/** The verb → channel table the preload and the test bridge both build window.api from. */
export function channelTable(): Record<Verb, string> {
  return Object.fromEntries(verbs.map((verb) => [verb, contract[verb].channel])) as Record<Verb, string>;
}

export function createApi(invoke: Invoke) {
  const api: Record<string, (request?: unknown) => Promise<unknown>> = {};
  for (const [verb, channel] of Object.entries(channelTable())) {
    api[verb] = (request?: unknown) => invoke(channel, request);
  }
  return Object.freeze(api) as unknown as VerbMap;
}

/** The renderer's window.api type, derived from what the preload exposes. */
export type GroepsbeeldApi = ReturnType<typeof createApi>;

/** The preload's second, tiny bridge: the paths of files dropped on the window (the main process confirms them). */
export interface FileDropBridge {
  pathsOf(files: readonly File[]): string[];
}
