import { describe, expect, it, vi } from 'vitest';
import type { RpcResult } from '@shared/rpc';
import { dispatchRendererCall, REFUSED_MESSAGE, type DispatchDeps } from '../../../electron/main/rpc/dispatch';
import { everyShellMethod } from './everyShellMethod';

const APP = 'app://coalition';
const PAGE = 'app://coalition/index.html';

function deps(overrides: Partial<DispatchDeps> = {}) {
  const host = { call: vi.fn((method: string): Promise<RpcResult> => Promise.resolve({ ok: true, value: `host:${method}` })) };
  const saveAs = vi.fn((_input: unknown): Promise<RpcResult> => Promise.resolve({ ok: true, value: { saved: false, fileName: null } }));
  const unused = vi.fn((_input: unknown): Promise<RpcResult> => Promise.resolve({ ok: true, value: null }));
  const shell: DispatchDeps['shell'] = { ...everyShellMethod(unused), 'file.saveAs': saveAs };
  const all: DispatchDeps = { allowedOrigins: [APP], host, shell, ...overrides };
  return { all, host, saveAs };
}

describe('dispatchRendererCall', () => {
  it('relays contract methods to the host and returns its result as-is', async () => {
    const { all, host } = deps();
    await expect(dispatchRendererCall(all, PAGE, 'profile.get', { a: 1 })).resolves.toEqual({ ok: true, value: 'host:profile.get' });
    expect(host.call).toHaveBeenCalledWith('profile.get', { a: 1 });
  });

  it('relays unknown method names too: the host validates them', async () => {
    const { all, host } = deps();
    await dispatchRendererCall(all, PAGE, 'no.such', null);
    expect(host.call).toHaveBeenCalledWith('no.such', null);
  });

  it('answers shell methods in the shell, never in the host', async () => {
    const { all, host, saveAs } = deps();
    const input = { suggestedName: 'a.csv', mimeType: 'text/csv', content: 'x', encoding: 'utf8' };
    await expect(dispatchRendererCall(all, PAGE, 'file.saveAs', input)).resolves.toEqual({ ok: true, value: { saved: false, fileName: null } });
    expect(saveAs).toHaveBeenCalledWith(input);
    expect(host.call).not.toHaveBeenCalled();
  });

  it.each([
    ['another origin', 'https://evil.example/'],
    ['file://', 'file:///tmp/index.html'],
    ['a missing or sub frame', null],
    ['about:blank', 'about:blank'],
  ])('refuses calls from %s without running anything', async (_what, frameUrl) => {
    const { all, host, saveAs } = deps();
    await expect(dispatchRendererCall(all, frameUrl, 'profile.get', {})).resolves.toEqual({
      ok: false,
      error: { code: 'internal', message: REFUSED_MESSAGE },
    });
    await dispatchRendererCall(all, frameUrl, 'file.saveAs', {});
    expect(host.call).not.toHaveBeenCalled();
    expect(saveAs).not.toHaveBeenCalled();
  });

  it('rejects a method name that is not a string', async () => {
    const { all, host } = deps();
    await expect(dispatchRendererCall(all, PAGE, { toString: () => 'profile.get' }, {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    expect(host.call).not.toHaveBeenCalled();
  });

  it('turns anything thrown into an internal error result instead of a rejection', async () => {
    const { all } = deps({
      host: {
        call: () => {
          throw new Error('port closed');
        },
      },
    });
    await expect(dispatchRendererCall(all, PAGE, 'profile.get', {})).resolves.toEqual({
      ok: false,
      error: { code: 'internal', message: 'Something went wrong in the app shell: port closed' },
    });
    const plain = deps().all.shell;
    const rejecting = deps({ shell: { ...plain, 'file.saveAs': () => Promise.reject(new Error('dialog failed')) } }).all;
    await expect(dispatchRendererCall(rejecting, PAGE, 'file.saveAs', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'internal', message: expect.stringContaining('dialog failed') as unknown },
    });
  });
});
