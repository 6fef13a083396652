import { isAbsolute } from 'node:path';

// The File ▸ Open Recent list: the last workspaces opened, newest first. Pure: unit-tested.

export const RECENT_LIMIT = 10;

/** Reads the saved list; anything that is not a list of absolute paths is dropped. */
export function parseRecentWorkspaces(text: string | null): string[] {
  if (text === null) return [];
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(data)) return [];
  const paths = data.filter((p): p is string => typeof p === 'string' && p !== '' && isAbsolute(p));
  return [...new Set(paths)].slice(0, RECENT_LIMIT);
}

/** Moves (or adds) a path to the front and keeps the newest RECENT_LIMIT. */
export function addRecentWorkspace(list: readonly string[], path: string): string[] {
  return [path, ...list.filter((p) => p !== path)].slice(0, RECENT_LIMIT);
}

export function removeRecentWorkspace(list: readonly string[], path: string): string[] {
  return list.filter((p) => p !== path);
}
