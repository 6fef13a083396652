import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { z } from 'zod';

// Small JSON files the host keeps next to the workspaces (backup folders, this computer's
// settings): read whole on every use, written whole through a temporary file so a crash leaves
// the old file or the new one, never half of one.

/** The file's contents if it holds what `schema` expects; else (missing, unreadable, other) `fallback`. */
export function readJsonFile<T>(file: string, schema: z.ZodType<T>, fallback: T): T {
  try {
    const parsed = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}

export function writeJsonFile(file: string, value: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.partial`, JSON.stringify(value, null, 2));
  renameSync(`${file}.partial`, file);
}
