/** Placeholder id → the real id of the record created for it, filled in while a workspace is seeded. */
export type SeedIds = Map<string, string>;

/** The real id seeded for a placeholder ('' when it was not seeded, which the backend refuses). */
export function real(seeded: SeedIds, placeholder: string): string {
  return seeded.get(placeholder) ?? '';
}
