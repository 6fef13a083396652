import { sql, type Kysely, type Selectable } from 'kysely';
import { AppError } from '@shared/errors';
import type { BatchEntry } from '@shared/history/contract';
import type { ChangeBatchesTable, Database, RecordedTable } from '../db/schema';
import { deserialize, serialize } from '../db/writer';
import type { CallContext } from '../rpc/handlers';
import { nameOfRow, noun } from './describe';

// Undo: a batch's change-log rows are reverted through the call's Writer, so the undo is itself
// a recorded batch (kind undo, or redo when it reverts an undo) and can be undone in turn. Each
// record the batch touched goes back to its state before the batch: a created record is
// deleted, a deleted one re-inserted from its before-image (same id), an edited one restored.
// The label and search indexes follow by their triggers; custom values, stage changes,
// affiliations and last-contacted dates are recorded rows like any other, so nothing is left
// for service code to refresh.
//
// Safety: every record must still be as the batch left it. If a later change (not undone since)
// touched one, the undo is refused naming the record and the later change; a later change that
// depends on a record the undo would remove or restore (a foreign key or a unique value) refuses
// it too. Nothing is written then.

type Db = Kysely<Database>;
type Row = Record<string, unknown>;

/** Every table the Writer records, checked by the compiler: only these may be reverted. */
const RECORDED: Readonly<Record<RecordedTable, true>> = {
  coalition_profile: true,
  charter_draft: true,
  charter_goal: true,
  charter_version: true,
  workspace_meta: true,
  organizations: true,
  people: true,
  organization_stage_changes: true,
  affiliations: true,
  organization_relationships: true,
  person_relationships: true,
  interactions: true,
  interaction_participants: true,
  vocabulary: true,
  saved_views: true,
  representation_targets: true,
  custom_fields: true,
  custom_values: true,
  decision_rules: true,
  steering_seats: true,
  steering_terms: true,
  working_groups: true,
  working_group_goals: true,
  working_group_members: true,
  coalition_roles: true,
  membership_applications: true,
  charter_endorsements: true,
  meetings: true,
  agenda_items: true,
  meeting_invitees: true,
  decisions: true,
  action_items: true,
  campaigns: true,
  campaign_status_changes: true,
  campaign_participants: true,
  key_messages: true,
  public_events: true,
  public_event_cohosts: true,
  policy_bodies: true,
  officials: true,
  committees: true,
  committee_members: true,
  official_staffers: true,
  relationship_holders: true,
  bills: true,
  bill_status_changes: true,
  bill_sponsors: true,
  bill_hearings: true,
  funding_allocations: true,
  stances: true,
  official_actions: true,
  engagements: true,
  engagement_officials: true,
  engagement_attendees: true,
  campaign_target_bills: true,
  campaign_target_officials: true,
  stories: true,
  story_consent_changes: true,
  media_outlets: true,
  journalists: true,
  outreach_items: true,
  outreach_status_changes: true,
  coverage_entries: true,
  fundraising_campaigns: true,
  contributions: true,
  contribution_payments: true,
  grants: true,
  grant_reports: true,
  in_kind_contributions: true,
  trainings: true,
  training_attendees: true,
  ta_requests: true,
  ta_status_changes: true,
  grassroots_actions: true,
  petitions: true,
  petition_counts: true,
  metrics: true,
  metric_values: true,
  metric_targets: true,
  surveys: true,
  survey_questions: true,
  survey_rounds: true,
  survey_responses: true,
  reports: true,
};

function isRecorded(entity: string): entity is RecordedTable {
  return Object.prototype.hasOwnProperty.call(RECORDED, entity);
}

/** Rows per `id in (…)` read. */
const READ_CHUNK = 500;

export function toBatchEntry(row: Selectable<ChangeBatchesTable>): BatchEntry {
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    method: row.method,
    summary: row.summary,
    changes: row.changes,
    kind: row.kind,
    undoneBy: row.undone_by_batch,
    undoes: row.undoes_batch,
  };
}

/** The batch the app's "Undo last change" reverts: the newest change or redo not undone yet. */
export async function latestUndoable(db: Db): Promise<Selectable<ChangeBatchesTable> | undefined> {
  return db
    .selectFrom('change_batches')
    .selectAll()
    .where('undone_by_batch', 'is', null)
    .where('kind', '!=', 'undo')
    .orderBy(db.dynamic.ref('rowid'), 'desc')
    .limit(1)
    .executeTakeFirst();
}

interface Touched {
  entity: RecordedTable;
  id: string;
  firstSeq: number;
  lastSeq: number;
  /** The record before the batch (null: the batch created it). */
  before: Row | null;
  /** The record as the batch left it (null: the batch deleted it). */
  after: Row | null;
}

type Op = { kind: 'insert' | 'delete' | 'update'; record: Touched; key: number };

/** Undoes `target` (or the latest undoable batch) through ctx.write; returns the new and the undone batch. */
export async function undoBatch(batchId: string | undefined, ctx: CallContext): Promise<{ undo: BatchEntry; undone: BatchEntry }> {
  const { db } = ctx;
  const target = batchId
    ? await db.selectFrom('change_batches').selectAll().where('id', '=', batchId).executeTakeFirst()
    : await latestUndoable(db);
  if (!target) {
    throw batchId ? new AppError('not_found', 'That change is not in the history.') : new AppError('conflict', 'There is nothing to undo.');
  }
  if (target.undone_by_batch) throw new AppError('conflict', `“${target.summary}” has already been undone.`);

  const touched = await touchedRecords(db, target.id);
  const current = await currentRows(db, touched);
  for (const record of touched.values()) {
    const now = current.get(key(record.entity, record.id)) ?? null;
    if (!sameRecord(now, record.after)) await refuseChangedLater(db, target, record, now);
  }

  const ops: Op[] = [];
  for (const record of touched.values()) {
    if (record.before === null && record.after === null) continue; // created and deleted by the batch
    if (record.before === null) ops.push({ kind: 'delete', record, key: record.firstSeq });
    else if (record.after === null) ops.push({ kind: 'insert', record, key: record.lastSeq });
    else ops.push({ kind: 'update', record, key: record.lastSeq });
  }
  // Reverse order of the batch: links go before the records they point to are removed, and
  // records are back before the links that point to them.
  ops.sort((a, b) => b.key - a.key);
  try {
    for (let start = 0; start < ops.length; ) {
      const first = ops[start] as Op;
      let end = start + 1;
      while (end < ops.length && ops[end]?.kind === first.kind && ops[end]?.record.entity === first.record.entity) end += 1;
      const run = ops.slice(start, end);
      // Re-inserted rows keep their original relative order (reads break ties by rowid).
      if (first.kind === 'insert') run.reverse();
      await apply(ctx, first.kind, first.record.entity, run, current);
      start = end;
    }
  } catch (error) {
    if (isConstraintError(error)) await refuseDependedOn(db, target, error);
    throw error;
  }

  const original = target.kind === 'undo' && target.undoes_batch
    ? await db.selectFrom('change_batches').select('summary').where('id', '=', target.undoes_batch).executeTakeFirst()
    : undefined;
  const kind = target.kind === 'undo' ? 'redo' : 'undo';
  const summary = kind === 'redo' ? `Redid: ${original?.summary ?? target.summary.replace(/^Undid: /, '')}` : `Undid: ${target.summary}`;
  await db
    .insertInto('change_batches')
    .values({ id: ctx.write.batch, method: 'history.undo', summary, actor: ctx.actor, at: ctx.now, changes: ctx.write.changes, kind, undone_by_batch: null, undoes_batch: target.id })
    .execute();
  await db.updateTable('change_batches').set({ undone_by_batch: ctx.write.batch }).where('id', '=', target.id).execute();
  const undo = await db.selectFrom('change_batches').selectAll().where('id', '=', ctx.write.batch).executeTakeFirstOrThrow();
  return { undo: toBatchEntry(undo), undone: toBatchEntry({ ...target, undone_by_batch: ctx.write.batch }) };
}

function key(entity: string, id: string): string {
  return `${entity}\u0000${id}`;
}

/** Each record the batch touched, with its state before and after the batch. */
async function touchedRecords(db: Db, batch: string): Promise<Map<string, Touched>> {
  const rows = await db.selectFrom('change_log').selectAll().where('batch', '=', batch).orderBy('seq').execute();
  const touched = new Map<string, Touched>();
  for (const row of rows) {
    if (!isRecorded(row.entity)) {
      throw new AppError('conflict', `This change cannot be undone: it touched ${row.entity.replace(/_/g, ' ')}, which this version of the app does not keep.`);
    }
    const k = key(row.entity, row.entity_id);
    const after = row.after_json ? (JSON.parse(row.after_json) as Row) : null;
    const seen = touched.get(k);
    if (seen) {
      seen.lastSeq = row.seq;
      seen.after = after;
    } else {
      const before = row.before_json ? (JSON.parse(row.before_json) as Row) : null;
      touched.set(k, { entity: row.entity, id: row.entity_id, firstSeq: row.seq, lastSeq: row.seq, before, after });
    }
  }
  if (touched.size === 0) throw new AppError('conflict', 'This change recorded nothing to undo.');
  return touched;
}

/** The touched records as they are now, read a few hundred at a time per table. */
async function currentRows(db: Db, touched: ReadonlyMap<string, Touched>): Promise<Map<string, Row>> {
  const byEntity = new Map<RecordedTable, string[]>();
  for (const record of touched.values()) {
    const ids = byEntity.get(record.entity) ?? [];
    ids.push(record.id);
    byEntity.set(record.entity, ids);
  }
  const current = new Map<string, Row>();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const loose = db as unknown as Kysely<any>;
  for (const [entity, ids] of byEntity) {
    for (let start = 0; start < ids.length; start += READ_CHUNK) {
      const rows = (await loose.selectFrom(entity).selectAll().where('id', 'in', ids.slice(start, start + READ_CHUNK)).execute()) as (Row & { id: string })[];
      for (const row of rows) current.set(key(entity, row.id), row);
    }
  }
  return current;
}

/** Whether a record (as read) is as a change-log image says (columns the image does not hold are not compared). */
function sameRecord(now: Row | null, image: Row | null): boolean {
  if (now === null || image === null) return now === image;
  const stored = serialize(now);
  return Object.keys(image).every((column) => JSON.stringify(stored[column]) === JSON.stringify(image[column]));
}

async function apply(ctx: CallContext, kind: Op['kind'], entity: RecordedTable, ops: readonly Op[], current: ReadonlyMap<string, Row>): Promise<void> {
  // The Writer's methods are typed per table; the rows here are whole records of `entity`.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const write = ctx.write as unknown as { insertMany(t: string, rows: any[]): Promise<void>; removeMany(t: string, rows: any[]): Promise<number>; updateMany(t: string, changes: any[]): Promise<number> };
  const now = (op: Op) => current.get(key(op.record.entity, op.record.id)) as Row;
  if (kind === 'insert') await write.insertMany(entity, ops.map((op) => deserialize(op.record.before as Row)));
  else if (kind === 'delete') await write.removeMany(entity, ops.map(now));
  else await write.updateMany(entity, ops.map((op) => ({ before: now(op), patch: deserialize(op.record.before as Row) })));
}

function describeRecord(record: Touched, now: Row | null): string {
  const name = nameOfRow(now ?? record.after ?? record.before);
  return name ? `“${name}”` : `a ${noun(record.entity, 1)}`;
}

function when(at: string): string {
  return at.slice(0, 16).replace('T', ' ');
}

/** Refuses the undo: `record` is no longer as the batch left it. */
async function refuseChangedLater(db: Db, target: Selectable<ChangeBatchesTable>, record: Touched, now: Row | null): Promise<never> {
  const later = await db
    .selectFrom('change_log as l')
    .leftJoin('change_batches as b', 'b.id', 'l.batch')
    .select(['l.batch', 'l.at', 'b.summary', 'b.actor'])
    .where('l.entity', '=', record.entity)
    .where('l.entity_id', '=', record.id)
    .where('l.seq', '>', record.lastSeq)
    .orderBy('l.seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const what = describeRecord(record, now);
  const by = later?.actor ? ` by ${later.actor}` : '';
  const since = later ? ` since (“${later.summary ?? 'a later change'}”, ${when(later.at)}${by})` : ' since';
  throw new AppError(
    'conflict',
    `“${target.summary}” cannot be undone: ${what} was changed${since}. Undo the later changes first.`,
    { entity: record.entity, entityId: record.id, laterBatch: later?.batch ?? null },
  );
}

function isConstraintError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT');
}

/** Refuses the undo: reverting broke a link or a unique value a later change relies on. */
async function refuseDependedOn(db: Db, target: Selectable<ChangeBatchesTable>, error: unknown): Promise<never> {
  // The transaction is rolled back by the caller; this read sees the state before the undo began.
  const targetRow = await db.selectFrom('change_batches').select(sql<number>`rowid`.as('r')).where('id', '=', target.id).executeTakeFirst();
  const later = await db
    .selectFrom('change_batches')
    .select(['id', 'summary', 'at', 'actor'])
    .where(db.dynamic.ref('rowid'), '>', targetRow?.r ?? 0)
    .where('undone_by_batch', 'is', null)
    .where('kind', '!=', 'undo')
    .orderBy(db.dynamic.ref('rowid'), 'desc')
    .limit(1)
    .executeTakeFirst();
  const code = String((error as { code?: unknown }).code);
  const link = code === 'SQLITE_CONSTRAINT_UNIQUE' ? 'a value a later change has reused' : 'records that later changes rely on';
  const by = later?.actor ? ` by ${later.actor}` : '';
  const latest = later ? ` (the latest: “${later.summary}”, ${when(later.at)}${by})` : '';
  throw new AppError('conflict', `“${target.summary}” cannot be undone: it would break ${link}${latest}. Undo the later changes first.`, {
    laterBatch: later?.id ?? null,
  });
}
