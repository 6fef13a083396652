import { z } from 'zod';
import { emptyInput } from '../common';

export const workspaceInfo = z.object({
  /** File name shown to the coordinator (the full path stays in the shell). */
  fileName: z.string(),
  path: z.string(),
  schemaVersion: z.number().int(),
  isSample: z.boolean(),
  appVersion: z.string(),
  /** Set while a backup is open read-only (to copy records out of); absent for a workspace. */
  viewingBackup: z.object({ id: z.string(), createdAt: z.string(), kind: z.string() }).optional(),
});
export type WorkspaceInfo = z.infer<typeof workspaceInfo>;

// The workspace methods are answered by the backend host, which owns which workspace is open.
export const workspaceContract = {
  'workspace.info': {
    summary: 'The open workspace.',
    input: emptyInput,
    output: workspaceInfo,
  },
  'workspace.openSample': {
    summary: 'Open the sample coalition (created from the seeded generator on first use).',
    input: emptyInput,
    output: workspaceInfo,
  },
  'workspace.openDefault': {
    summary: 'Go back to the default workspace in the user-data folder.',
    input: emptyInput,
    output: workspaceInfo,
  },
} as const;
