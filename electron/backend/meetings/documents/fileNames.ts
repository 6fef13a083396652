/**
 * A file-name-safe slug of a title: accents dropped, letters and digits kept (any script), the
 * rest turned into dashes, at most 60 characters; `fallback` when nothing is left.
 */
export function fileSlug(text: string, fallback: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || fallback;
}
