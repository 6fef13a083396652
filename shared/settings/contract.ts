import { z } from 'zod';
import { emptyInput, text } from '../common';

// Settings of this computer, not of a workspace: answered by the backend host, kept next to the
// workspaces (settings.json). Today one: the name changes are recorded under in History, for a
// coordinator whose computer account is "admin" or shared.

export const MAX_ACTOR_NAME = 100;

export const actorSetting = z.object({
  /** The name changes are recorded under now. */
  name: z.string(),
  /** The computer's own user name, used when no name is chosen. */
  fromSystem: z.string(),
  /** Whether the coordinator chose the name. */
  chosen: z.boolean(),
});
export type ActorSetting = z.infer<typeof actorSetting>;

export const settingsContract = {
  'settings.actor': {
    summary: 'The name changes made on this computer are recorded under (History: who).',
    input: emptyInput,
    output: actorSetting,
  },
  'settings.setActor': {
    summary: 'Choose the name changes made on this computer are recorded under; empty goes back to the computer’s user name.',
    input: z.strictObject({ name: text(MAX_ACTOR_NAME, 'Your name') }),
    output: actorSetting,
  },
} as const;
