import type { z } from 'zod';

// Table filters carried in the address, so another screen can open a table already filtered:
// `/directory?stage=member&region=North` (the representation dashboard's drill-down uses it).
// List filters repeat their key; `text` is one value. Anything the contract's filter schema
// refuses is ignored as a whole.

type ParamFilters = Record<string, string | readonly string[] | undefined>;

/** `?key=value&key=value2…` for the list and text filters (other kinds are left out). */
export function filtersToSearch(filters: ParamFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (typeof value === 'string') {
      if (value.trim()) params.set(key, value);
    } else if (Array.isArray(value)) {
      for (const item of value as readonly string[]) params.append(key, item);
    }
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}

/** The filters the address gives, checked with the contract's schema; null when it gives none or they are invalid. */
export function filtersFromSearch<F>(params: URLSearchParams, schema: z.ZodType<F>, listKeys: readonly string[]): F | null {
  const raw: Record<string, unknown> = {};
  const text = params.get('text');
  if (text !== null) raw.text = text;
  for (const key of listKeys) {
    const values = params.getAll(key);
    if (values.length > 0) raw[key] = values;
  }
  if (Object.keys(raw).length === 0) return null;
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** A stable key for the filter part of the address (what changed since it was last applied). */
export function filterSearchKey(params: URLSearchParams, keys: readonly string[]): string {
  return keys.flatMap((key) => params.getAll(key).map((value) => `${key}=${value}`)).join('&');
}
