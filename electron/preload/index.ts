import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC, type AppEvent, type CoalitionBridge, type RpcResult } from '@shared/rpc';

// The preload's whole job: put one object, window.coalition, in the page. It forwards calls
// and events over two fixed channels and exposes nothing of ipcRenderer or Node itself.

const bridge: CoalitionBridge = {
  call(method: string, input: unknown): Promise<RpcResult> {
    if (typeof method !== 'string') return Promise.reject(new TypeError('coalition.call: the method must be a string.'));
    return ipcRenderer.invoke(IPC.call, method, input) as Promise<RpcResult>;
  },
  subscribe(listener: (event: AppEvent) => void): () => void {
    if (typeof listener !== 'function') throw new TypeError('coalition.subscribe: the listener must be a function.');
    // Only the event crosses: the IpcRendererEvent (which carries the sender) stays here.
    const forward = (_event: IpcRendererEvent, appEvent: AppEvent): void => listener(appEvent);
    ipcRenderer.on(IPC.event, forward);
    return () => {
      ipcRenderer.removeListener(IPC.event, forward);
    };
  },
};

contextBridge.exposeInMainWorld('coalition', bridge);
