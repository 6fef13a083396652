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
});
export type ChangeEntry = z.infer<typeof changeEntry>;

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
} as const;
