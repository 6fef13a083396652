import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC, type AppEvent, type CoalitionBridge } from '@shared/rpc';

// The preload runs only inside Electron; here 'electron' is replaced by recording fakes (shell
// tests are the only ones allowed to mock it), so what the page receives can be checked.
const exposed = new Map<string, unknown>();
type Handler = (event: unknown, ...args: unknown[]) => void;
const listeners = new Map<string, Set<Handler>>();
const invoke = vi.fn((..._args: unknown[]) => Promise.resolve({ ok: true, value: 'answer' }));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => invoke(...args),
    on: (channel: string, handler: Handler) => {
      const set = listeners.get(channel) ?? new Set<Handler>();
      set.add(handler);
      listeners.set(channel, set);
    },
    removeListener: (channel: string, handler: Handler) => listeners.get(channel)?.delete(handler),
  },
}));

function emit(event: AppEvent): void {
  for (const handler of listeners.get(IPC.event) ?? []) handler({ sender: 'the raw IpcRendererEvent' }, event);
}

async function loadBridge(): Promise<CoalitionBridge> {
  await import('../../../electron/preload/index');
  return exposed.get('coalition') as CoalitionBridge;
}

describe('the preload', () => {
  beforeEach(() => {
    vi.resetModules();
    exposed.clear();
    listeners.clear();
    invoke.mockClear();
  });

  it('exposes exactly one object, window.coalition, with call and subscribe only', async () => {
    const bridge = await loadBridge();
    expect([...exposed.keys()]).toEqual(['coalition']);
    expect(Object.keys(bridge).sort()).toEqual(['call', 'subscribe']);
  });

  it('forwards calls over the call channel and returns the answer', async () => {
    const bridge = await loadBridge();
    await expect(bridge.call('profile.get', { a: 1 })).resolves.toEqual({ ok: true, value: 'answer' });
    expect(invoke).toHaveBeenCalledWith(IPC.call, 'profile.get', { a: 1 });
  });

  it('refuses a method that is not a string without sending anything', async () => {
    const bridge = await loadBridge();
    await expect(bridge.call(42 as unknown as string, {})).rejects.toThrow(TypeError);
    expect(invoke).not.toHaveBeenCalled();
  });

  it('delivers events without the raw IPC event, and unsubscribes', async () => {
    const bridge = await loadBridge();
    const seen: unknown[][] = [];
    const unsubscribe = bridge.subscribe((...args: unknown[]) => seen.push(args));
    const event: AppEvent = { type: 'workspace-changed', fileName: 'a.coalition' };
    emit(event);
    expect(seen).toEqual([[event]]);
    unsubscribe();
    emit(event);
    expect(seen).toHaveLength(1);
    expect(listeners.get(IPC.event)?.size).toBe(0);
  });

  it('keeps separate subscriptions independent', async () => {
    const bridge = await loadBridge();
    const a: AppEvent[] = [];
    const b: AppEvent[] = [];
    const offA = bridge.subscribe((e) => a.push(e));
    bridge.subscribe((e) => b.push(e));
    offA();
    emit({ type: 'progress', task: 'import', done: 1, total: 2 });
    expect(a).toEqual([]);
    expect(b).toHaveLength(1);
  });

  it('refuses a listener that is not a function', async () => {
    const bridge = await loadBridge();
    expect(() => bridge.subscribe('alert' as unknown as (event: AppEvent) => void)).toThrow(TypeError);
    expect(listeners.get(IPC.event)).toBeUndefined();
  });
});
