// Builds window.api from the channel table: one named verb per channel, nothing generic. Only types come from the
// contract, so the preload bundle carries the channel names and no schema.
import { channels } from '../ipc/channels';
import type { RequestOf, ResponseOf, Result, Verb } from '../ipc/contract';

export type Invoke = (channel: string, payload: unknown) => Promise<unknown>;

type VerbFunction<V extends Verb> =
  undefined extends RequestOf<V> ? () => Promise<Result<ResponseOf<V>>> : (request: RequestOf<V>) => Promise<Result<ResponseOf<V>>>;

export type VerbMap = { readonly [V in Verb]: VerbFunction<V> };

/** The verb → channel table the preload and the test bridge both build window.api from. */
export function channelTable(): Record<Verb, string> {
  return { ...channels };
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
