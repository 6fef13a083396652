import { z } from 'zod';
import { id, isoDate, longText, text, timestamp } from '../common';
import { INTERACTION_VALUES } from './enums';

export const followUp = z.strictObject({
  owner: text(200, 'Follow-up owner', 1),
  dueOn: isoDate,
  done: z.boolean(),
});

export const interactionInput = z
  .strictObject({
    kind: z.enum(INTERACTION_VALUES, { message: 'Choose call, email, meeting, event or note.' }),
    occurredOn: isoDate,
    summary: longText(10_000, 'Summary').refine((s) => s.trim().length > 0, { message: 'Summary is required.' }),
    personIds: z.array(id).max(200).transform((v) => [...new Set(v)]),
    organizationIds: z.array(id).max(200).transform((v) => [...new Set(v)]),
    followUp: followUp.nullable(),
  })
  .refine((i) => i.personIds.length + i.organizationIds.length > 0, {
    path: ['personIds'],
    message: 'Name at least one person or organization who took part.',
  });
export type InteractionInput = z.infer<typeof interactionInput>;

export const interaction = z.object({
  id,
  kind: z.enum(INTERACTION_VALUES),
  occurredOn: isoDate,
  summary: z.string(),
  people: z.array(z.object({ id, name: z.string() })),
  organizations: z.array(z.object({ id, name: z.string() })),
  followUp: z.object({ owner: z.string(), dueOn: isoDate, done: z.boolean() }).nullable(),
  createdAt: timestamp,
});
export type Interaction = z.infer<typeof interaction>;
