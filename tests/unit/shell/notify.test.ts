import { describe, expect, it, vi } from 'vitest';
import { showNotification, type NotifyDeps } from '../../../electron/main/rpc/notify';

// notifications.show: validated like every call, shown through the injected notifier, and a
// click brings the window to the front.

function deps(supported = true) {
  let clicked: (() => void) | undefined;
  const d = {
    isSupported: vi.fn(() => supported),
    show: vi.fn((_title: string, _body: string, onClick: () => void) => {
      clicked = onClick;
    }),
    focusWindow: vi.fn(),
  } satisfies NotifyDeps;
  return Object.assign(d, { click: () => clicked?.() });
}

describe('notifications.show', () => {
  it('shows the title and text, and a click focuses the window', async () => {
    const d = deps();
    await expect(showNotification({ title: 'Steering committee in 2 hours', body: 'Room 4, Eastside Library — 14:00' }, d)).resolves.toEqual({ ok: true, value: { shown: true } });
    expect(d.show).toHaveBeenCalledWith('Steering committee in 2 hours', 'Room 4, Eastside Library — 14:00', expect.any(Function));
    expect(d.focusWindow).not.toHaveBeenCalled();
    d.click();
    expect(d.focusWindow).toHaveBeenCalledOnce();
  });

  it('answers shown: false where the system has no notifications', async () => {
    const d = deps(false);
    await expect(showNotification({ title: 'Reminder', body: '' }, d)).resolves.toEqual({ ok: true, value: { shown: false } });
    expect(d.show).not.toHaveBeenCalled();
  });

  it.each([
    [{ title: '', body: 'x' }, /title is empty/],
    [{ title: 'a'.repeat(121), body: '' }, /title is longer than 120 characters/],
    [{ title: 'Reminder', body: 'b'.repeat(401) }, /text is longer than 400 characters/],
    [{ title: 'Line one\nline two', body: '' }, /title contains control characters/],
    [{ title: 'Reminder' }, /text is missing/],
    [{ title: 'Reminder', body: '', html: '<b>x</b>' }, /html/],
    [null, /notifications\.show/],
  ])('refuses %j with a clear message and shows nothing', async (input, message) => {
    const d = deps();
    const result = await showNotification(input, d);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('validation');
      expect(`${result.error.message} ${JSON.stringify(result.error.details ?? {})}`).toMatch(message);
    }
    expect(d.show).not.toHaveBeenCalled();
  });
});
