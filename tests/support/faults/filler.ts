// The disk-full test's child: runs under `ulimit -f` (see faults-disk.test.ts), creates
// organizations with long notes through the real backend until writes fail, keeps going for a
// few more failures, checks that reads still answer, and prints a report as its last line.
//
//   node filler.cjs <workspace>

import { emptyOrganizationInput } from '@shared/directory/organizations';
import { createBackend } from '../../../electron/backend/backend';

async function main(): Promise<void> {
  const [path] = process.argv.slice(2);
  if (!path) throw new Error('usage: filler <workspace>');
  const backend = await createBackend({ workspacePath: path });
  const errors: { code: string; message: string }[] = [];
  let confirmed = 0;
  for (let i = 0; i < 2000 && errors.length < 5; i++) {
    const result = await backend.call('organizations.create', {
      ...emptyOrganizationInput(),
      name: `Filler ${i}`,
      tags: ['filler'],
      notes: `Meeting notes ${i}. `.repeat(900),
    });
    if (result.ok) confirmed++;
    else errors.push({ code: result.error.code, message: result.error.message });
  }
  const read = await backend.call('organizations.list', { limit: 5 });
  const readsAfterFailures = read.ok ? 'ok' : `${read.error.code}: ${read.error.message}`;
  await backend.close().catch(() => undefined);
  process.stdout.write(`${JSON.stringify({ confirmed, errors, readsAfterFailures })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`filler failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(3);
});
