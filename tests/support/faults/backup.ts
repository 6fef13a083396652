// The disk-full test's backup child: runs under `ulimit -f` (see faults-disk.test.ts), takes a
// checked backup of a workspace the way the app does (backups/snapshot.ts), then reopens the
// workspace and reads from it, and prints what happened as one JSON line.
//
//   node backup.cjs <workspace> <backup file>

import { copyFromFile, snapshot } from '../../../electron/backend/backups/snapshot';
import { createBackend } from '../../../electron/backend/backend';
import { toErrorPayload } from '../../../electron/backend/rpc/errors';

async function main(): Promise<void> {
  const [workspace, dest] = process.argv.slice(2);
  if (!workspace || !dest) throw new Error('usage: backup <workspace> <backup file>');
  let backup: unknown;
  try {
    backup = { ok: true, facts: await snapshot(copyFromFile(workspace), dest) };
  } catch (error) {
    backup = { ok: false, error: toErrorPayload(error) };
  }
  const backend = await createBackend({ workspacePath: workspace });
  const read = await backend.call('organizations.list', { limit: 5 });
  await backend.close();
  process.stdout.write(`${JSON.stringify({ backup, readAfter: read.ok ? 'ok' : read.error.message })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`backup child failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(3);
});
