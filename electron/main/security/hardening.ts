import { app, shell, type Session } from 'electron';
import { allowedExternalUrl } from './externalUrl';

// Process-wide guards: no permissions, no navigation, no new windows, no <webview>.

/** Opens https: and mailto: links in the system's browser or mail client; drops everything else. */
export function openExternalSafely(raw: string): void {
  const url = allowedExternalUrl(raw);
  if (url === null) {
    console.warn(`[shell] refused to open an external link: ${raw.slice(0, 200)}`);
    return;
  }
  // The argument passed the scheme allow-list above; electronegativity cannot see that.
  shell.openExternal(url).catch((error: unknown) => console.warn('[shell] could not open a link:', error)); /* eng-disable OPEN_EXTERNAL_JS_CHECK */
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
