import { describe, expect, it } from 'vitest';
import { allowedExternalUrl } from '../../../electron/main/security/externalUrl';

describe('external links', () => {
  it.each([
    ['https://example.org', 'https://example.org/'],
    ['https://example.org/path?q=1#top', 'https://example.org/path?q=1#top'],
    ['HTTPS://Example.org/Path', 'https://example.org/Path'],
    ['mailto:coordinator@example.org', 'mailto:coordinator@example.org'],
    ['mailto:coordinator@example.org?subject=Meeting', 'mailto:coordinator@example.org?subject=Meeting'],
    ['MAILTO:coordinator@example.org', 'mailto:coordinator@example.org'],
  ])('opens %s as %s', (raw, normalized) => {
    expect(allowedExternalUrl(raw)).toBe(normalized);
  });

  it.each([
    'http://example.org',
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'app://coalition/index.html',
    'smb://server/share',
    'ms-msdt:/id',
    'vbscript:msgbox',
    'ftp://example.org',
    'about:blank',
    'mailto:',
    'mailto:nobody',
  ])('refuses the scheme or target of %s', (raw) => {
    expect(allowedExternalUrl(raw)).toBeNull();
  });

  it.each([
    ['no host after the scheme', 'https:evil.example'],
    ['a single slash', 'https:/evil.example'],
    ['an empty host', 'https://'],
    ['credentials that disguise the host', 'https://bank.example@evil.example/'],
    ['a password', 'https://user:pass@example.org/'],
    ['leading whitespace', ' https://example.org'],
    ['an embedded newline', 'https://exa\nmple.org'],
    ['a tab', 'https://example.org/\tpath'],
    ['a NUL byte', 'https://example.org/\u0000'],
    ['a relative URL', '/partners'],
    ['a malformed URL', 'https://exa mple.org'],
    ['nothing', ''],
  ])('refuses %s', (_what, raw) => {
    expect(allowedExternalUrl(raw)).toBeNull();
  });

  it('refuses non-strings and absurdly long URLs', () => {
    expect(allowedExternalUrl(undefined)).toBeNull();
    expect(allowedExternalUrl(42)).toBeNull();
    expect(allowedExternalUrl(`https://example.org/${'a'.repeat(3000)}`)).toBeNull();
  });
});
