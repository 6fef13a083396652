import { relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_SCHEME_PRIVILEGES,
  appResponseHeaders,
  contentTypeFor,
  resolveAppPath,
} from '../../../electron/main/protocol/appUrl';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/security/csp';

const root = resolve('/srv/renderer');

function served(url: string): string | null {
  const result = resolveAppPath(root, url);
  return result.ok ? relative(root, result.filePath).split(sep).join('/') : null;
}

describe('resolveAppPath', () => {
  it('serves files inside the renderer folder', () => {
    expect(served('app://coalition/index.html')).toBe('index.html');
    expect(served('app://coalition/assets/index-abc123.js')).toBe('assets/index-abc123.js');
    expect(served('app://coalition/assets/fonts/Noto%20Sans.woff2')).toBe('assets/fonts/Noto Sans.woff2');
    expect(served('app://coalition/assets/app.css?v=2#x')).toBe('assets/app.css');
  });

  it('serves index.html for the root and for client-side routes', () => {
    expect(served('app://coalition/')).toBe('index.html');
    expect(served('app://coalition')).toBe('index.html');
    expect(served('app://coalition/partners')).toBe('index.html');
    expect(served('app://coalition/partners/42/')).toBe('index.html');
  });

  it.each([
    ['encoded slashes around ..', 'app://coalition/..%2f..%2fetc%2fpasswd'],
    ['encoded dots and slash', 'app://coalition/%2e%2e%2f%2e%2e%2fetc/passwd'],
    ['upper-case encoding', 'app://coalition/%2E%2E%2Fsecret.txt'],
    ['.. inside a segment split by an encoded slash', 'app://coalition/assets/..%2F..%2F..%2Fsecret.txt'],
    ['encoded backslashes', 'app://coalition/..%5c..%5cwindows%5cwin.ini'],
    ['a plain backslash', 'app://coalition/assets%5cindex.js'],
    ['an absolute path by an encoded leading slash', 'app://coalition/%2fetc/passwd'],
    ['a drive letter', 'app://coalition/C:%5cWindows%5cwin.ini'],
    ['a drive letter as a segment', 'app://coalition/C:/Windows/win.ini'],
    ['a NUL byte', 'app://coalition/index.html%00.png'],
    ['a control character', 'app://coalition/ind%0aex.html'],
    ['an empty segment', 'app://coalition/assets//index.js'],
    ['a malformed escape', 'app://coalition/%E0%A4%A.js'],
  ])('refuses %s', (_what, url) => {
    expect(resolveAppPath(root, url)).toEqual({ ok: false, status: 403 });
  });

  it.each([
    'app://coalition/../../etc/passwd',
    'app://coalition/%2e%2e/%2e%2e/etc/passwd',
    'app://coalition/.%2e/secret.txt',
    'app://coalition/assets/../../../../secret.txt',
    'app://coalition/assets/%2e/../../index.js',
  ])('keeps dot segments the URL parser resolves inside the root: %s', (url) => {
    // WHATWG URL parsing (as Chromium's) collapses these before the handler sees them.
    const result = resolveAppPath(root, url);
    expect(result.ok).toBe(true);
    if (result.ok) expect(relative(root, result.filePath).startsWith('..')).toBe(false);
  });

  it('refuses other schemes, hosts and credentials', () => {
    expect(resolveAppPath(root, 'file:///etc/passwd')).toEqual({ ok: false, status: 403 });
    expect(resolveAppPath(root, 'app://other/index.html')).toEqual({ ok: false, status: 403 });
    expect(resolveAppPath(root, 'app://user:pw@coalition/index.html')).toEqual({ ok: false, status: 403 });
    expect(resolveAppPath(root, 'https://coalition/index.html')).toEqual({ ok: false, status: 403 });
    expect(resolveAppPath(root, 'not a url')).toEqual({ ok: false, status: 400 });
  });

  it('never resolves outside the root, whatever combination of tricks is used', () => {
    const attempts = ['..', '%2e%2e', '.%2e', '%2e.', '..%2f', '..%5c', '%252e%252e', '%c0%ae%c0%ae', '...', 'assets'];
    for (const a of attempts) {
      for (const b of attempts) {
        const result = resolveAppPath(root, `app://coalition/${a}/${b}/secret.txt`);
        if (result.ok) expect(relative(root, result.filePath).startsWith('..')).toBe(false);
      }
    }
  });
});

describe('app:// responses', () => {
  it('carry the CSP, a content type and no sniffing', () => {
    expect(appResponseHeaders('/r/index.html')).toEqual({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
    expect(appResponseHeaders(null)['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('name the content types the renderer build uses', () => {
    expect(contentTypeFor('a/index-x.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('a/index.CSS')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('a/font.woff2')).toBe('font/woff2');
    expect(contentTypeFor('a/logo.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('a/blob.bin')).toBe('application/octet-stream');
  });

  it('come from a standard, secure scheme that does not bypass the CSP', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true, supportFetchAPI: true, bypassCSP: false });
  });
});
