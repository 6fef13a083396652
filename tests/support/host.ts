import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import type { AppEvent, RpcResult } from '@shared/rpc';
import { Host, type HostOptions } from '../../electron/backend/host/host';
import type { HostRequest } from '../../electron/backend/host/protocol';
import type { Caller } from './backend';
import { tempDir } from './workspace';

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
/** A host request without its id (the helper numbers requests). */
export type Request = WithoutId<HostRequest>;

export interface TestHost extends Caller {
  host: Host;
  dir: string;
  defaultPath: string;
  events: AppEvent[];
  /** Sends any request and returns its result (every request gets one). */
  send(request: Request): Promise<RpcResult>;
}

/**
 * A real backend host on a temp folder (outputs checked against the contract), shut down and
 * removed after the test. `start` is left to the test when `started` is false.
 */
export async function useHost(options: { started?: boolean; host?: Partial<HostOptions> } = {}): Promise<TestHost> {
  const tmp = tempDir('coalition-host-');
  const dir = tmp.dir;
  const events: AppEvent[] = [];
  const defaultPath = join(dir, 'default.coalition');
  const host = new Host({ workspace: defaultPath, workspacesDir: dir, appVersion: 'test', validateOutputs: true, ...options.host }, (event) => events.push(event));
  let nextId = 1;
  const send = async (request: Request): Promise<RpcResult> => {
    const id = nextId++;
    const response = await host.handle({ ...request, id });
    if (response.kind !== 'result' || response.id !== id) throw new Error(`unexpected host response ${JSON.stringify(response)}`);
    return response.result;
  };
  onTestFinished(async () => {
    await host.handle({ kind: 'shutdown', id: 0 });
    tmp.cleanup();
  });
  if (options.started ?? true) await host.start();
  return { host, dir, defaultPath, events, send, call: (method, input) => send({ kind: 'call', method, input }) };
}
