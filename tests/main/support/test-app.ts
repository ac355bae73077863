// The app's real handlers behind the IPC gate for a test: a fresh engine, the demo folder and app-data in a temp
// folder, and `call` (throws on an error value) and `attempt` (returns the result) by verb.
import { join } from 'node:path';
import { StudyEngine } from '../../../src-main/engine/study-engine';
import { contract, type Verb } from '../../../src-main/ipc/contract';
import { dispatch } from '../../../src-main/ipc/dispatch';
import { createHandlers, type HandlerDependencies } from '../../../src-main/ipc/handlers';

export interface TestApp {
  engine: StudyEngine;
  attempt: (verb: Verb, payload?: unknown) => ReturnType<typeof dispatch>;
  call: <T>(verb: Verb, payload?: unknown) => Promise<T>;
}

/** `folder` holds the demo world (`demo/`) and the app-data folder (`userdata/`) unless the options name others. */
export async function testApp(folder: string, options: Partial<HandlerDependencies> = {}): Promise<TestApp> {
  const engine = await StudyEngine.create();
  const handlers = createHandlers({ engine, pickFiles: async () => [], demoFolder: join(folder, 'demo'), userData: join(folder, 'userdata'), ...options });
  const attempt = (verb: Verb, payload?: unknown) => dispatch(handlers, contract[verb].channel, payload, { trusted: true });
  const call = async <T>(verb: Verb, payload?: unknown): Promise<T> => {
    const result = await attempt(verb, payload);
    if (!result.ok) throw new Error(`${verb}: ${result.error.message}`);
    return result.value as T;
  };
  return { engine, attempt, call };
}
