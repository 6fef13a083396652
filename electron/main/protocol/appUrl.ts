import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../security/csp';

// The app:// scheme that serves the built renderer (instead of file://, which would give the
// page the run of the whole disk). Pure: no 'electron' import, so it is unit-tested in Node.

export const APP_SCHEME = 'app';
export const APP_HOST = 'coalition';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Privileges for protocol.registerSchemesAsPrivileged: a standard, secure origin (so the page
 * gets a real origin, relative URLs and `fetch`), without bypassing the CSP.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  bypassCSP: false,
  allowServiceWorkers: false,
  corsEnabled: false,
  stream: false,
} as const;

export type AppPathResult = { ok: true; filePath: string } | { ok: false; status: 400 | 403 };

/**
 * Maps an app:// request URL to a file inside `rootDir`, or refuses it. Paths are decoded once
 * and every segment is checked after decoding, so `..`, `%2e%2e`, encoded slashes and
 * backslashes, absolute paths and NUL bytes never leave the root. A path without a file
 * extension (the root, or a client-side route) serves index.html.
 */
export function resolveAppPath(rootDir: string, requestUrl: string): AppPathResult {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400 };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username !== '' || url.password !== '') {
    return { ok: false, status: 403 };
  }
  // Node leaves the path of `app://coalition` empty where Chromium (standard scheme) says '/'.
  const segments = safeSegments(url.pathname === '' ? '/' : url.pathname);
  if (!segments) return { ok: false, status: 403 };

  const last = segments[segments.length - 1] ?? '';
  const wanted = last === '' || extname(last) === '' ? ['index.html'] : segments;
  const root = resolve(rootDir);
  const filePath = resolve(join(root, ...wanted));
  // Belt and braces: whatever the checks above missed, the result must stay inside the root.
  const inside = relative(root, filePath);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return { ok: false, status: 403 };
  return { ok: true, filePath };
}

/** The decoded path segments, or null when any of them could escape the root. */
function safeSegments(pathname: string): string[] | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (!decoded.startsWith('/')) return null;
  // Control characters (NUL included) and backslashes (Windows separators) never name our files.
  if (/[\u0000-\u001f\\]/.test(decoded)) return null;
  if (decoded === '/') return [''];
  const segments = decoded.slice(1).split('/');
  const bad = segments.some(
    (segment, i) =>
      segment === '.' ||
      segment === '..' ||
      segment.includes(':') || // drive letters (C:) and alternate data streams
      (segment === '' && i !== segments.length - 1), // `//etc` would be an absolute path
  );
  return bad ? null : segments;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
};

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** Headers on every app:// response: the CSP, and no MIME sniffing or referrers. */
export function appResponseHeaders(filePath: string | null): Record<string, string> {
  return {
    'Content-Type': filePath ? contentTypeFor(filePath) : 'text/plain; charset=utf-8',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
}
