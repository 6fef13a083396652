import { createHash } from 'node:crypto';
import type { Method } from '@shared/contract';

// The journal the crash harness's writer keeps (one JSON object a line) and the parent reads.

/** How the parent tells whether the call in flight was applied: rows matching, if applied vs not. */
export interface InFlightCheck {
  table: 'organizations' | 'people' | 'affiliations' | 'interactions';
  /** A column compared with `value`, or `tag` to look in the record's tags. */
  column: 'id' | 'tag' | 'role' | 'summary';
  value: string;
  ifApplied: number;
  ifNotApplied: number;
}

export type JournalLine =
  | { t: 'ready'; pid: number }
  | { t: 'intent'; n: number; method: Method; marker: string; check: InFlightCheck | null }
  | { t: 'ok'; n: number; method: Method; lastSeq: number; batch: string | null; rows: number; digest: string }
  | { t: 'error'; n: number; method: Method; code: string; message: string };

export interface LogDigestRow {
  seq: number;
  entity: string;
  entity_id: string;
  action: string;
  after_json: string | null;
  batch: string;
}

/** The digest the writer journals and the parent recomputes: the batch's log rows, in order. */
export function digestRows(rows: readonly LogDigestRow[]): string {
  const hash = createHash('sha256');
  for (const r of rows) hash.update(`${r.seq}|${r.entity}|${r.entity_id}|${r.action}|${r.after_json ?? ''}\n`);
  return hash.digest('hex');
}

