import type { Output } from '@shared/contract';
import { notificationsContract } from '../../../shared/notifications/contract';
import type { RpcResult } from '@shared/rpc';
import { validationError } from '../../../shared/validation';

// notifications.show, answered by the shell. Pure apart from the injected notifier, so it is
// unit-tested with a fake; index wiring uses Electron's Notification and focuses the window on click.

export interface NotifyDeps {
  /** False where the system has no notifications (some Linux desktops): nothing is shown. */
  isSupported(): boolean;
  show(title: string, body: string, onClick: () => void): void;
  /** Brings the app window to the front (restored if minimized). */
  focusWindow(): void;
}

export function showNotification(input: unknown, deps: NotifyDeps): Promise<RpcResult<Output<'notifications.show'>>> {
  const parsed = notificationsContract['notifications.show'].input.safeParse(input);
  if (!parsed.success) return Promise.resolve({ ok: false, error: validationError('notifications.show', parsed.error, 'input').toPayload() });
  if (!deps.isSupported()) return Promise.resolve({ ok: true, value: { shown: false } });
  deps.show(parsed.data.title, parsed.data.body, () => deps.focusWindow());
  return Promise.resolve({ ok: true, value: { shown: true } });
}
