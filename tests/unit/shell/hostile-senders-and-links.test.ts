import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC, type RpcResult } from '@shared/rpc';
import { APP_ORIGIN } from '../../../electron/main/protocol/appUrl';
import { isTrustedSender } from '../../../electron/main/security/sender';
import { REFUSED_MESSAGE, type DispatchDeps } from '../../../electron/main/rpc/dispatch';
import { everyShellMethod } from './everyShellMethod';

// Security regression checks at the Electron boundary, with 'electron' replaced by recording
// fakes: the real `coalition:call` handler (electron/main/rpc/ipc.ts) against forged senders,
// and the real navigation / new-window / openExternal guards (electron/main/security/hardening.ts)
// against hostile URLs. Pure parts (isTrustedSender, allowedExternalUrl, resolveAppPath) have
// their own tests; these check the wiring that uses them.

type IpcHandler = (event: unknown, ...args: unknown[]) => Promise<RpcResult>;
const handlers = new Map<string, IpcHandler>();
const appListeners = new Map<string, (...args: unknown[]) => void>();
const openExternal = vi.fn((_url: string) => Promise.resolve());

vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, handler: IpcHandler) => handlers.set(channel, handler) },
  app: { on: (name: string, listener: (...args: unknown[]) => void) => appListeners.set(name, listener) },
  shell: { openExternal: (url: string) => openExternal(url) },
}));

const PAGE = `${APP_ORIGIN}/index.html`;

/** Lookalikes of the app's own origin; none may call the main process. */
const LOOKALIKE_ORIGINS = [
  'app://coalition.evil/index.html',
  'app://coalition.evil.example/index.html',
  'app://evil.coalition/index.html',
  'app://coalitio/index.html',
  'app://coalitionn/index.html',
  'app://coalitio n/index.html',
  'app://coalition%2eevil/index.html',
  'app://xn--coaltion-8cb/index.html', // punycode of a look-alike with an accented letter
  'app://coаlition/index.html', // Cyrillic а (U+0430)
  'app://coalition:8080/index.html',
  'app://coalition@evil/index.html',
  'app://evil@coalition/index.html',
  'app:coalition/index.html',
  'app:/coalition/index.html',
  'APP://evil/index.html',
  'https://coalition/index.html',
  'https://coalition.evil.example/',
  'http://localhost:5173/',
  'file:///Applications/Coalition%20Desk.app/Contents/Resources/app/out/renderer/index.html',
  'javascript:alert(1)',
  'data:text/html,<script>parent.coalition</script>',
  'blob:app://coalition/6e0c5d5e-0000-4000-8000-000000000000',
  'about:blank',
  'about:srcdoc',
  'chrome-error://chromewebdata/',
  'devtools://devtools/bundled/inspector.html',
];

describe('isTrustedSender refuses look-alikes of app://coalition', () => {
  it.each(LOOKALIKE_ORIGINS)('%s', (url) => {
    expect(isTrustedSender(url, [APP_ORIGIN])).toBe(false);
  });
});

describe('the coalition:call IPC handler (electron/main/rpc/ipc.ts)', () => {
  let handler: IpcHandler;
  const host = { call: vi.fn((method: string, _input: unknown): Promise<RpcResult> => Promise.resolve({ ok: true, value: method })) };
  const shellMethod = vi.fn((_input: unknown): Promise<RpcResult> => Promise.resolve({ ok: true, value: null }));

  beforeEach(async () => {
    vi.resetModules();
    handlers.clear();
    host.call.mockClear();
    shellMethod.mockClear();
    const { registerRpcHandler } = await import('../../../electron/main/rpc/ipc');
    const deps: DispatchDeps = {
      allowedOrigins: [APP_ORIGIN],
      host,
      shell: everyShellMethod((_m, input) => shellMethod(input)),
    };
    registerRpcHandler(deps);
    const registered = handlers.get(IPC.call);
    if (!registered) throw new Error('registerRpcHandler registered nothing');
    handler = registered;
  });

  /** An IpcMainInvokeEvent whose sender frame is `frame` (or whose getter throws). */
  function eventFrom(frame: unknown): unknown {
    return {
      get senderFrame() {
        if (frame === 'disposed') throw new Error('Render frame was disposed before WebFrameMain could be accessed');
        return frame;
      },
    };
  }

  const refused = { ok: false, error: { code: 'internal', message: REFUSED_MESSAGE } };

  it('relays a call from the app window', async () => {
    await expect(handler(eventFrom({ url: PAGE, parent: null }), 'profile.get', {})).resolves.toEqual({ ok: true, value: 'profile.get' });
    expect(host.call).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['a main frame showing a look-alike origin', { url: 'app://coalition.evil/index.html', parent: null }],
    ['a main frame showing a web page', { url: 'https://evil.example/', parent: null }],
    ['a main frame showing a local file', { url: 'file:///tmp/index.html', parent: null }],
    ['a sub frame claiming the app origin', { url: PAGE, parent: { url: PAGE, parent: null } }],
    ['a sub frame of a web page', { url: 'https://evil.example/', parent: { url: PAGE, parent: null } }],
    ['a frame with no URL', { url: '', parent: null }],
    ['a frame whose URL is not text', { url: { toString: (): string => PAGE }, parent: null }],
    ['no frame (navigated away or destroyed)', null],
    ['a frame disposed while the message was in flight', 'disposed'],
  ])('refuses %s, running nothing', async (_what, frame) => {
    for (const method of ['profile.get', 'organizations.delete', 'file.saveAs', 'backups.importEncrypted']) {
      await expect(handler(eventFrom(frame), method, { id: '00000000-0000-4000-8000-000000000001' })).resolves.toEqual(refused);
    }
    expect(host.call).not.toHaveBeenCalled();
    expect(shellMethod).not.toHaveBeenCalled();
  });
});

describe('navigation, new windows and openExternal (electron/main/security/hardening.ts)', () => {
  type Listener = (event: { preventDefault(): void; url: string }) => void;
  let navigate: Listener;
  let attachWebview: Listener;
  let windowOpen: (details: { url: string }) => { action: string };
  let warnings: string[];

  beforeEach(async () => {
    vi.resetModules();
    appListeners.clear();
    openExternal.mockClear();
    warnings = [];
    vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
      warnings.push(args.map(String).join(' '));
    });
    const { lockDownWebContents } = await import('../../../electron/main/security/hardening');
    lockDownWebContents();
    const created = appListeners.get('web-contents-created');
    if (!created) throw new Error('lockDownWebContents did not listen for new web contents');
    const contents = {
      on: (name: string, listener: Listener) => {
        if (name === 'will-navigate') navigate = listener;
        if (name === 'will-attach-webview') attachWebview = listener;
      },
      setWindowOpenHandler: (open: typeof windowOpen) => {
        windowOpen = open;
      },
    };
    created({}, contents);
    return () => vi.restoreAllMocks();
  });

  function navigateTo(url: string): boolean {
    let prevented = false;
    navigate({ url, preventDefault: () => (prevented = true) });
    return prevented;
  }

  const HOSTILE = [
    'file:///etc/passwd',
    'file://server/share/payroll.xlsx',
    'javascript:alert(document.cookie)',
    ' javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'vbscript:msgbox(1)',
    'app://coalition.evil/index.html',
    'app://coalitio n/index.html',
    'app://coalition/index.html',
    'http://coalition.evil.example/',
    'https:coalition.evil.example',
    'https:/coalition.evil.example',
    'https://app.coalition@coalition.evil.example/',
    'https://coalition.evil.example\u0000.org/',
    'ms-msdt:/id PCWDiagnostic',
    'search-ms:query=payroll',
    'smb://attacker.example/share',
    'chrome://settings',
    'about:blank',
    'mailto:',
  ];

  it.each(HOSTILE)('never navigates to, and never opens, %s', (url) => {
    expect(navigateTo(url)).toBe(true);
    expect(windowOpen({ url })).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
  });

  it.each([
    ['a look-alike host', 'https://coalition.evil.example/login'],
    ['a punycode look-alike', 'https://xn--coaltion-8cb.example/'],
  ])('sends %s to the system browser, never into the app window', (_what, url) => {
    // An https link is only ever opened outside, where the browser shows its real address.
    expect(navigateTo(url)).toBe(true);
    expect(windowOpen({ url })).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls.map(([opened]) => new URL(opened).hostname)).toEqual([new URL(url).hostname, new URL(url).hostname]);
  });

  it('opens a mailto: link in the mail client, and keeps the app window where it is', () => {
    expect(navigateTo('mailto:coordinator@example.org')).toBe(true);
    expect(openExternal).toHaveBeenCalledWith('mailto:coordinator@example.org');
  });

  it('refuses <webview> tags', () => {
    let prevented = false;
    attachWebview({ url: 'https://evil.example/', preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
  });

  it('logs the refused link by its scheme only, never its content', () => {
    const canary = 'CANARY-5b1e-link';
    navigateTo(`javascript:fetch('https://evil.example/?${canary}')`);
    navigateTo(`file:///Users/ana/${canary}.xlsx`);
    windowOpen({ url: `data:text/html,${canary}` });
    expect(warnings).toEqual([
      '[shell] refused to open an external link (javascript:)',
      '[shell] refused to open an external link (file:)',
      '[shell] refused to open an external link (data:)',
    ]);
    expect(warnings.join('\n')).not.toContain(canary);
  });

  it('does not log the link or its error when the system cannot open it', async () => {
    const canary = 'CANARY-5b1e-mailto';
    openExternal.mockImplementationOnce((url: string) => Promise.reject(new Error(`No application knows how to open ${url}`)));
    navigateTo(`mailto:${canary}@example.org`);
    await vi.waitFor(() => expect(warnings).toHaveLength(1));
    expect(warnings[0]).toBe('[shell] could not open a link (mailto:): Error');
  });
});
