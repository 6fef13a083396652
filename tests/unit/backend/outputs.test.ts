import { describe, expect, it } from 'vitest';
import { contract } from '@shared/contract';
import { createBackend } from '../../../electron/backend/backend';
import { fails, ok, useBackend, useTempFile, withSqlite } from '../../support/backend';
import { BACKEND_METHODS, seedWorkspace, validInput } from '../../support/samples';

// Every method succeeds at least once on a real workspace, and what it returns matches the
// contract the renderer is typed from.

describe.each(BACKEND_METHODS)('%s', (method) => {
  it('succeeds with a valid input and returns what the contract promises', async () => {
    const { backend } = await useBackend();
    const result = await backend.call(method, validInput(method, await seedWorkspace(backend)));
    if (!result.ok) throw new Error(`${method} failed: ${result.error.code}: ${result.error.message}`);
    // openTestBackend checks outputs already; check again here so this test does not depend on that flag.
    expect(contract[method].output.safeParse(result.value).error).toBeUndefined();
  });
});

describe('output checking', () => {
  it('reports a stored record that breaks the contract as an internal error, not as data', async () => {
    const path = useTempFile();
    const seeded = await createBackend({ workspacePath: path, create: true });
    await seedWorkspace(seeded);
    await seeded.close();
    // Damage version 1 behind the backend's back: a date that is not a date.
    withSqlite(path, (db) => db.prepare("update charter_version set adopted_on = 'sometime in spring' where number = 1").run());

    const checked = await createBackend({ workspacePath: path, validateOutputs: true });
    try {
      const error = await fails(checked, 'charter.getVersion', { number: 1 });
      expect(error.code).toBe('internal');
      expect(error.message).toMatch(/^charter\.getVersion produced an invalid result: adoptedOn: /);
    } finally {
      await checked.close();
    }

    // Without output checking (the app's default) the record is returned as stored.
    const unchecked = await createBackend({ workspacePath: path });
    try {
      expect(await ok(unchecked, 'charter.getVersion', { number: 1 })).toMatchObject({ adoptedOn: 'sometime in spring' });
    } finally {
      await unchecked.close();
    }
  });
});
