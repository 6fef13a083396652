// The renderer's Content-Security-Policy. Pure (no 'electron' import) so the web harness serves
// the built renderer under the same policy as the app:// protocol does.
//
// Scripts only from the app itself: no inline scripts, no eval. Styles allow 'unsafe-inline'
// because Mantine injects <style> tags at run time. Nothing may be framed, embedded, posted or
// fetched from anywhere else: the app is offline by design.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
