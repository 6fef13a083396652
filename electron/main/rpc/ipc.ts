import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { IPC } from '@shared/rpc';
import { dispatchRendererCall, type DispatchDeps } from './dispatch';

/** The URL of the frame that sent the message, or null unless it is a live main frame. */
function senderUrl(event: IpcMainInvokeEvent): string | null {
  try {
    const frame = event.senderFrame;
    return frame && frame.parent === null ? frame.url : null;
  } catch {
    return null; // the frame was disposed while the message was in flight
  }
}

/** The single IPC entry point: window.coalition.call in the preload lands here. */
export function registerRpcHandler(deps: DispatchDeps): void {
  ipcMain.handle(IPC.call, (event, method: unknown, input: unknown) => dispatchRendererCall(deps, senderUrl(event), method, input));
}
