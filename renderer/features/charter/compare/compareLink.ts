import type { CompareSide } from '@shared/charter/contract';

/** The address of a comparison between two sides (version numbers or the draft). */
export function compareLink(from: CompareSide, to: CompareSide): string {
  return `/charter/compare?${new URLSearchParams({ from: String(from), to: String(to) }).toString()}`;
}

/** Reads a side from the address: a positive version number or 'draft'; anything else is ignored. */
export function parseSide(value: string | null): CompareSide | null {
  if (value === 'draft') return 'draft';
  if (value && /^[1-9]\d*$/.test(value)) return Number(value);
  return null;
}

/** Latest against previous when there are two versions; otherwise the only version against the draft. */
export function defaultSides(versions: readonly { number: number }[]): { from: CompareSide; to: CompareSide } | null {
  const [latest, previous] = versions;
  if (!latest) return null;
  return previous ? { from: previous.number, to: latest.number } : { from: latest.number, to: 'draft' };
}
