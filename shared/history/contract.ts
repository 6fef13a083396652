import { z } from 'zod';
import { timestamp } from '../common';

export const CHANGE_ACTIONS = ['create', 'update', 'delete'] as const;

export const changeEntry = z.object({
  seq: z.number().int(),
  at: timestamp,
  entity: z.string(),
  entityId: z.string(),
  action: z.enum(CHANGE_ACTIONS),
  /** The record before and after the change, as stored (null for create / delete). */
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  /** All changes made by one call share a batch, so a bulk edit can be undone as one step. */
  batch: z.string(),
  /** Who made the call, as the app knew the coordinator's name then ('' when not recorded). */
  actor: z.string(),
  /** The batch's description ("Merged … into …"); '' when not recorded. */
  summary: z.string(),
});
export type ChangeEntry = z.infer<typeof changeEntry>;

export const BATCH_KINDS = ['change', 'undo', 'redo'] as const;

/** One call that changed something: its change-log batch, described. */
export const batchEntry = z.object({
  id: z.string(),
  at: timestamp,
  actor: z.string(),
  method: z.string(),
  /** A sentence: "Imported 1,204 organizations", "Merged A into B", "Undid: Edited C". */
  summary: z.string(),
  /** How many records' changes the batch holds (change-log rows). */
  changes: z.number().int(),
  /** change: an ordinary call; undo: reverts a change (or a redo); redo: reverts an undo. */
  kind: z.enum(BATCH_KINDS),
  /** The batch that undid this one, if any. */
  undoneBy: z.string().nullable(),
  /** The batch this one undid, if it is an undo or a redo. */
  undoes: z.string().nullable(),
});
export type BatchEntry = z.infer<typeof batchEntry>;

const batchId = z.string().min(1).max(64);

export const historyContract = {
  'history.list': {
    summary: 'Recorded changes, newest first, optionally for one entity or record.',
    input: z.strictObject({
      entity: z.string().max(64).optional(),
      entityId: z.string().max(64).optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.array(changeEntry),
  },
  'history.batches': {
    summary: 'The calls that changed something, newest first, each with who, when and what (for undo).',
    input: z.strictObject({
      limit: z.number().int().min(1).max(200).default(50),
      /** Page on: batches recorded before this one. */
      before: batchId.optional(),
    }),
    output: z.object({ batches: z.array(batchEntry), more: z.boolean() }),
  },
  'history.undo': {
    summary:
      'Reverts one batch (default: the latest change not yet undone) as a new batch; undoing an undo redoes it. Refused when a later change touched the same records.',
    input: z.strictObject({ batch: batchId.optional() }),
    output: z.object({ undo: batchEntry, undone: batchEntry }),
  },
} as const;
