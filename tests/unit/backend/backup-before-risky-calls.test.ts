import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createBackend } from '../../../electron/backend/backend';
import { fails, snapshot } from '../../support/backend';
import { seedWorkspace, validInput } from '../../support/samples';
import { tempDir } from '../../support/workspace';

// Imports, merges and undos run only after a backup of the state before them: when that backup fails,
// the call is refused with a clear workspace error and nothing is written (docs/DATA-SAFETY.md).

describe('a failed backup before a risky call', () => {
  it.each(['imports.run', 'duplicates.merge', 'history.undo'] as const)('%s is refused, saying so, and writes nothing', async (method) => {
    const tmp = tempDir();
    onTestFinished(() => tmp.cleanup());
    const path = join(tmp.dir, 'test.coalition');
    const asked: string[] = [];
    const backend = await createBackend({
      workspacePath: path,
      create: true,
      validateOutputs: true,
      backUpBefore: (kind) => {
        asked.push(kind);
        return Promise.reject(new Error('The backup folder is not writable.'));
      },
    });
    onTestFinished(() => backend.close());
    const seeded = await seedWorkspace(backend);
    const before = snapshot(path);

    const error = await fails(backend, method, validInput(method, seeded));
    expect(asked).toEqual([{ 'imports.run': 'before-import', 'duplicates.merge': 'before-merge', 'history.undo': 'before-undo' }[method]]);
    expect(error.code).toBe('workspace');
    expect(error.message).toBe('The workspace could not be backed up first, so nothing was changed. The backup folder is not writable.');
    expect(snapshot(path)).toEqual(before);
  });

  it('an invalid input is refused before any backup is taken', async () => {
    const tmp = tempDir();
    onTestFinished(() => tmp.cleanup());
    const asked: string[] = [];
    const backend = await createBackend({ workspacePath: join(tmp.dir, 'test.coalition'), create: true, backUpBefore: (kind) => Promise.resolve(void asked.push(kind)) });
    onTestFinished(() => backend.close());
    expect((await fails(backend, 'duplicates.merge', { entity: 'person' })).code).toBe('validation');
    expect(asked).toEqual([]);
  });
});
