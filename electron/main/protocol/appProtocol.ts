import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, appResponseHeaders, resolveAppPath } from './appUrl';

// Serves the built renderer over app://coalition/ (see appUrl.ts for the path rules).

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
}

function refusal(status: number, text: string): Response {
  return new Response(text, { status, headers: appResponseHeaders(null) });
}

export function serveAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405, 'Method not allowed');
    const resolved = resolveAppPath(rendererDir, request.url);
    if (!resolved.ok) return refusal(resolved.status, 'Refused');
    try {
      const body = await readFile(resolved.filePath);
      return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: appResponseHeaders(resolved.filePath) });
    } catch {
      return refusal(404, 'Not found');
    }
  });
}
