// Which renderer may talk to the main process. Pure: unit-tested in Node.

import { APP_ENTRY_URL, APP_ORIGIN } from '../protocol/appUrl';

/** `scheme://host[:port]` of a URL; computed by hand because Node reports 'null' as the origin of app:// URLs. */
function originOf(url: URL): string {
  return `${url.protocol}//${url.host}`;
}

/**
 * True when an IPC message came from a frame showing the app itself: its URL must parse and
 * have exactly one of the allowed origins. A missing frame (navigated away or destroyed),
 * about:blank, file:// and every other origin are refused.
 */
export function isTrustedSender(frameUrl: string | null | undefined, allowedOrigins: readonly string[]): boolean {
  if (typeof frameUrl !== 'string' || frameUrl === '') return false;
  let url: URL;
  try {
    url = new URL(frameUrl);
  } catch {
    return false;
  }
  if (url.username !== '' || url.password !== '') return false;
  return allowedOrigins.includes(originOf(url));
}

/**
 * The origin of electron-vite's dev server (ELECTRON_RENDERER_URL), or null unless it is an
 * http(s) URL on the loopback interface. A packaged app never asks (see rendererSource).
 */
export function devServerOrigin(rendererUrl: string | undefined): string | null {
  if (!rendererUrl) return null;
  let url: URL;
  try {
    url = new URL(rendererUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) return null;
  return originOf(url);
}

export interface RendererSource {
  /** What the window loads. */
  url: string;
  /** The only origins whose frames may call the main process. */
  allowedOrigins: string[];
  isDevServer: boolean;
}

/**
 * Production loads app://coalition and trusts only it. In development (not packaged, with a
 * loopback dev-server URL) the window loads the dev server and trusts only that origin. The
 * environment variable is ignored in a packaged app, so it can never point the real app at
 * another page that would get the preload's bridge.
 */
export function rendererSource(isPackaged: boolean, rendererUrl: string | undefined): RendererSource {
  const dev = isPackaged ? null : devServerOrigin(rendererUrl);
  if (dev && rendererUrl) return { url: rendererUrl, allowedOrigins: [dev], isDevServer: true };
  return { url: APP_ENTRY_URL, allowedOrigins: [APP_ORIGIN], isDevServer: false };
}
