import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN } from '../../../electron/main/protocol/appUrl';
import { devServerOrigin, isTrustedSender, rendererSource } from '../../../electron/main/security/sender';

describe('isTrustedSender in production', () => {
  const prod = [APP_ORIGIN];

  it.each(['app://coalition/index.html', 'app://coalition/', 'app://coalition/partners?view=all#top', 'app://coalition'])(
    'trusts %s',
    (url) => {
      expect(isTrustedSender(url, prod)).toBe(true);
    },
  );

  it.each([
    ['another app:// host', 'app://evil/index.html'],
    ['a host that only starts like ours', 'app://coalition.evil/index.html'],
    ['credentials in the URL', 'app://user@coalition/index.html'],
    ['file://', 'file:///work/out/renderer/index.html'],
    ['the dev server', 'http://localhost:5173/'],
    ['https', 'https://coalition/'],
    ['about:blank', 'about:blank'],
    ['a data: URL', 'data:text/html,hi'],
    ['an empty URL', ''],
    ['a malformed URL', 'not a url'],
    ['a missing frame', null],
    ['an undefined URL', undefined],
  ])('refuses %s', (_what, url) => {
    expect(isTrustedSender(url, prod)).toBe(false);
  });
});

describe('isTrustedSender in development', () => {
  const dev = ['http://localhost:5173'];

  it('trusts exactly the dev server origin', () => {
    expect(isTrustedSender('http://localhost:5173/', dev)).toBe(true);
    expect(isTrustedSender('http://localhost:5173/src/main.tsx', dev)).toBe(true);
  });

  it.each(['http://localhost:5174/', 'https://localhost:5173/', 'http://127.0.0.1:5173/', 'http://localhost/', 'app://coalition/index.html'])(
    'refuses %s',
    (url) => {
      expect(isTrustedSender(url, dev)).toBe(false);
    },
  );
});

describe('the renderer source', () => {
  it('accepts only loopback http(s) dev servers', () => {
    expect(devServerOrigin('http://localhost:5173')).toBe('http://localhost:5173');
    expect(devServerOrigin('http://127.0.0.1:5173/')).toBe('http://127.0.0.1:5173');
    expect(devServerOrigin('http://[::1]:5173/')).toBe('http://[::1]:5173');
    expect(devServerOrigin('https://localhost:5173')).toBe('https://localhost:5173');
    expect(devServerOrigin('http://example.org:5173')).toBeNull();
    expect(devServerOrigin('http://localhost.evil.example:5173')).toBeNull();
    expect(devServerOrigin('file:///tmp/index.html')).toBeNull();
    expect(devServerOrigin('nonsense')).toBeNull();
    expect(devServerOrigin(undefined)).toBeNull();
  });

  it('loads app:// and trusts only it in a packaged app, whatever the environment says', () => {
    expect(rendererSource(true, 'http://localhost:5173')).toEqual({ url: APP_ENTRY_URL, allowedOrigins: [APP_ORIGIN], isDevServer: false });
    expect(rendererSource(false, undefined)).toEqual({ url: APP_ENTRY_URL, allowedOrigins: [APP_ORIGIN], isDevServer: false });
  });

  it('loads the dev server and trusts only its origin in development', () => {
    expect(rendererSource(false, 'http://localhost:5173')).toEqual({
      url: 'http://localhost:5173',
      allowedOrigins: ['http://localhost:5173'],
      isDevServer: true,
    });
  });

  it('ignores a dev-server URL that is not on the loopback interface', () => {
    expect(rendererSource(false, 'http://example.org')).toMatchObject({ url: APP_ENTRY_URL, isDevServer: false });
  });
});
