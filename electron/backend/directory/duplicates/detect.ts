import type { DuplicateReason } from '@shared/directory/duplicates';

// Match keys for duplicate detection: what two records of the same partner tend to share even
// when typed differently. Pure functions, so they are tested on their own and used in one
// streaming pass over the table.

/** Words that say nothing about which organization it is ("The Harbor Coalition, Inc."). */
const ORGANIZATION_NOISE = new Set([
  'the',
  'a',
  'an',
  'and',
  'of',
  'inc',
  'incorporated',
  'llc',
  'ltd',
  'limited',
  'corp',
  'corporation',
  'co',
  'company',
  'org',
  'coalition',
  'association',
  'assn',
  'nfp',
  'npo',
]);

/** Lower case, accents removed, punctuation turned into spaces, words split. */
function words(text: string): string[] {
  // Most names are plain ASCII: skip the Unicode decomposition for them.
  const folded = /^[\x20-\x7e]*$/.test(text) ? text : text.normalize('NFKD').replace(/\p{M}+/gu, '');
  return folded
    .toLowerCase()
    .replace(/&/g, ' and ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** "The Harbor Food-Bank, Inc." and "harbor food bank" → "harbor food bank"; null when nothing is left. */
export function organizationNameKey(name: string): string | null {
  const all = words(name);
  const kept = all.filter((w) => !ORGANIZATION_NOISE.has(w));
  // A name made only of noise words ("The Coalition") is still a name.
  const key = (kept.length > 0 ? kept : all).join(' ');
  return key.length >= 2 ? key : null;
}

/** "José  Ávila-Pérez" and "jose avila perez" → "jose avila perez". */
export function personNameKey(name: string): string | null {
  const key = words(name).join(' ');
  return key.length >= 2 ? key : null;
}

export function emailKey(email: string): string | null {
  const key = email.trim().toLowerCase();
  return key.includes('@') ? key : null;
}

/** "https://www.Harbor.org/about" → "harbor.org". */
export function websiteKey(website: string): string | null {
  const host = website
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/^[^@/]*@/, '')
    .split(/[/?#]/)[0]
    ?.replace(/:\d+$/, '')
    .replace(/^www\d*\./, '')
    .replace(/\.$/, '');
  return host && host.includes('.') ? host : null;
}

/** The last ten digits ("+1 (555) 010-2030" and "555.010.2030" agree); null under seven digits. */
export function phoneKey(phone: string): string | null {
  const digits = phone.replace(/x.*$/i, '').replace(/\D+/g, '');
  return digits.length >= 7 ? digits.slice(-10) : null;
}

/** How much each reason says about two records being one partner; a pair's score is the sum, capped at 100. */
export const REASON_WEIGHTS: Record<DuplicateReason, number> = { email: 50, name: 45, website: 35, phone: 30 };

/**
 * A key shared by more records than this is not distinctive (a shared switchboard number, a
 * placeholder email, a very common name): it is skipped rather than paired n² ways.
 */
export const MAX_GROUP = 25;

export interface Candidate {
  id: string;
  keys: Partial<Record<DuplicateReason, string | null>>;
}

export interface FoundPair {
  a: string;
  b: string;
  reasons: DuplicateReason[];
  score: number;
}

const REASON_ORDER: readonly DuplicateReason[] = ['name', 'email', 'website', 'phone'];
/** A pair's reasons as a bit mask (bit i = REASON_ORDER[i]) → its reasons and score. */
const MASKS = Array.from({ length: 1 << REASON_ORDER.length }, (_, mask) => {
  const reasons = REASON_ORDER.filter((_, i) => (mask & (1 << i)) !== 0);
  return { reasons, score: Math.min(100, reasons.reduce((sum, r) => sum + REASON_WEIGHTS[r], 0)) };
});

/**
 * Groups candidates by each key and pairs the records of every group of 2..MAX_GROUP with the
 * group's oldest record (the one the others would most likely be merged into): k − 1 pairs per
 * group rather than k², which keeps a directory with many near-twins (generated data, chapters of
 * one network) to well under a second. A pair found by several keys gets all their reasons.
 * Candidates must be added oldest first.
 */
export class PairFinder {
  readonly #ids: string[] = [];
  /** Per reason: match key → the indexes of the records that have it. */
  readonly #groups = new Map<DuplicateReason, Map<string, number[]>>(REASON_ORDER.map((r) => [r, new Map()]));

  add(candidate: Candidate): void {
    const index = this.#ids.length;
    this.#ids.push(candidate.id);
    for (const reason of REASON_ORDER) {
      const key = candidate.keys[reason];
      if (!key) continue;
      const groups = this.#groups.get(reason) as Map<string, number[]>;
      const group = groups.get(key);
      if (group === undefined) groups.set(key, [index]);
      else if (group.length <= MAX_GROUP) group.push(index); // one past the cap marks the group as skipped
    }
  }

  /** Every pair, most likely first (then by the older record, then the other), as [total, page]. */
  pairs(offset = 0, limit = Number.MAX_SAFE_INTEGER): { total: number; pairs: FoundPair[] } {
    const n = this.#ids.length;
    const found = new Map<number, number>(); // older * n + newer → reason mask
    for (const [reason, groups] of this.#groups) {
      const bit = 1 << REASON_ORDER.indexOf(reason);
      for (const group of groups.values()) {
        if (group.length < 2 || group.length > MAX_GROUP) continue;
        const anchor = group[0] as number;
        for (let j = 1; j < group.length; j++) {
          const other = group[j] as number;
          if (other === anchor) continue;
          const key = anchor * n + other;
          found.set(key, (found.get(key) ?? 0) | bit);
        }
      }
    }
    // Bucket by score (a handful of values), then order each bucket by its numeric keys.
    const buckets = new Map<number, number[]>();
    for (const [key, mask] of found) {
      const score = (MASKS[mask] as (typeof MASKS)[number]).score;
      const bucket = buckets.get(score);
      if (bucket) bucket.push(key);
      else buckets.set(score, [key]);
    }
    const page: FoundPair[] = [];
    let skip = offset;
    for (const score of [...buckets.keys()].sort((x, y) => y - x)) {
      if (page.length >= limit) break;
      const keys = buckets.get(score) as number[];
      if (skip >= keys.length) {
        skip -= keys.length;
        continue;
      }
      const sorted = Float64Array.from(keys).sort();
      for (let i = skip; i < sorted.length && page.length < limit; i++) {
        const key = sorted[i] as number;
        const older = Math.floor(key / n);
        const newer = key - older * n;
        page.push({ a: this.#ids[older] as string, b: this.#ids[newer] as string, reasons: (MASKS[found.get(key) ?? 0] as (typeof MASKS)[number]).reasons, score });
      }
      skip = 0;
    }
    return { total: found.size, pairs: page };
  }
}
