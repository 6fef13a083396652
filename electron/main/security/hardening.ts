import { app, shell, type Session } from 'electron';
import { allowedExternalUrl } from './externalUrl';

// Process-wide guards: no permissions, no navigation, no new windows, no <webview>.

/**
 * Opens https: and mailto: links in the system's browser or mail client; drops everything else.
 * The log names the link's scheme only: a link can carry workspace data (a person's address in a
 * mailto:, a query typed into a search), and logs must never hold record content.
 */
export function openExternalSafely(raw: string): void {
  const url = allowedExternalUrl(raw);
  if (url === null) {
    console.warn(`[shell] refused to open an external link (${schemeOf(raw)})`);
    return;
  }
  // The argument passed the scheme allow-list above; electronegativity cannot see that.
  shell.openExternal(url).catch((error: unknown) => console.warn(`[shell] could not open a link (${schemeOf(url)}): ${errorName(error)}`)); /* eng-disable OPEN_EXTERNAL_JS_CHECK */
}

/** `https:`, `javascript:`… or `no scheme`: safe to log, whatever the link holds. */
export function schemeOf(raw: unknown): string {
  const match = typeof raw === 'string' ? /^([a-z][a-z0-9+.-]{0,31}):/i.exec(raw) : null;
  return match?.[1] ? `${match[1].toLowerCase()}:` : 'no scheme';
}

/** An error's name and code, never its message (which may quote the link). */
function errorName(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? `${error.name} ${code}` : error.name;
}

/** The app needs no camera, microphone, notifications, geolocation, HID, serial or USB. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** Must run before any window exists: applies to every web contents the app ever creates. */
export function lockDownWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    // The app is a single page: any navigation is an attack or a stray link (opened outside if allowed).
    contents.on('will-navigate', (event) => {
      event.preventDefault();
      openExternalSafely(event.url);
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      openExternalSafely(url);
      return { action: 'deny' };
    });
  });
}
