// Which links may leave the app for the system browser or mail client. Pure: unit-tested in Node.

const MAX_LENGTH = 2048;

/**
 * Returns the normalized URL to hand to shell.openExternal, or null when it must not be opened.
 * Only `https://host/...` web pages and `mailto:` addresses pass. Everything else is refused,
 * including http:, file:, javascript:, data:, app: and custom schemes that could launch other
 * programs. Ambiguous spellings the URL parser would "repair" (`https:evil`, `https:/evil`,
 * whitespace, control characters) and credentials in the authority (`https://bank@evil`) are
 * refused too. Scheme case is not significant (`HTTPS://` is https).
 */
export function allowedExternalUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_LENGTH) return null;
  // The parser silently strips or keeps these; a link that contains them is not one we made.
  if (/[\s\u0000-\u001f\u007f]/.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol === 'https:') {
    if (!/^https:\/\/[^/]/i.test(raw)) return null;
    if (url.hostname === '' || url.username !== '' || url.password !== '') return null;
    return url.href;
  }
  if (url.protocol === 'mailto:') {
    return url.pathname.includes('@') ? url.href : null;
  }
  return null;
}
