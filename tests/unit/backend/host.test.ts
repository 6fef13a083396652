import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract, HOST_METHODS, METHODS } from '@shared/contract';
import type { Draft, Version } from '@shared/charter/contract';
import type { Profile } from '@shared/profile/contract';
import { createBackend } from '../../../electron/backend/backend';
import { SCHEMA_VERSION } from '../../../electron/backend/db/migrations';
import { SAMPLE_FILE } from '../../../electron/backend/host/host';
import { expectNoStack, fails, fileState, issuesOf, ok, snapshot, withSqlite, type Caller } from '../../support/backend';
import { hostileInputs } from '../../support/hostile';
import { useHost } from '../../support/host';

/** What the sample says, without the ids and timestamps that differ from one run to the next. */
async function sampleContent(caller: Caller) {
  const profile = (await ok(caller, 'profile.get', {})) as Profile;
  const { updatedAt: _profileStamp, ...profileContent } = profile;
  const versions = await ok(caller, 'charter.listVersions', {});
  const full: Version[] = [];
  for (const v of versions) full.push(await ok(caller, 'charter.getVersion', { number: v.number }));
  const withoutIds = (goals: Draft['goals']) => goals.map(({ id: _id, ...goal }) => goal);
  const draft = await ok(caller, 'charter.getDraft', {});
  return {
    profile: profileContent,
    versions: full.map(({ adoptedAt: _at, content, ...v }) => ({ ...v, content: { ...content, goals: withoutIds(content.goals) } })),
    draft: { ...draft, updatedAt: null, goals: withoutIds(draft.goals) },
  };
}

/** Host methods that take parameters: a valid input (a well-formed backup id that need not exist). */
const VALID_HOST_INPUT: Partial<Record<(typeof HOST_METHODS)[number], object>> = {
  'backups.restore': { id: '20261126T065423123Z-manual.coalition' },
  'backups.openReadOnly': { id: '20261126T065423123Z-manual.coalition' },
  'workspace.recoverFromBackup': { id: '20261126T065423123Z-manual.coalition' },
  'settings.setActor': { name: 'Dana Whitfield' },
};

describe('backend host', () => {
  it('creates and opens the default workspace at start, quietly', async () => {
    const h = await useHost();
    expect(existsSync(h.defaultPath)).toBe(true);
    const info = await ok(h, 'workspace.info', {});
    expect(info).toEqual({ fileName: 'default.coalition', path: h.defaultPath, schemaVersion: SCHEMA_VERSION, isSample: false, appVersion: 'test' });
    expect(contract['workspace.info'].output.safeParse(info).success).toBe(true);
    expect(h.events).toEqual([]);
    expect(await ok(h, 'profile.get', {})).toBeNull();
  });

  it('relays backend calls and their errors', async () => {
    const h = await useHost();
    await ok(h, 'profile.save', { name: 'Northgate Coalition', shortName: '', region: '', foundedOn: null });
    expect(await ok(h, 'profile.get', {})).toMatchObject({ name: 'Northgate Coalition' });
    expect(await fails(h, 'charter.getVersion', { number: 3 })).toMatchObject({ code: 'not_found' });
    const error = await fails(h, 'profile.save', { name: 42 });
    expect(error.code).toBe('validation');
    expect(issuesOf(error).map((i) => i.path)).toContain('name');
    expect(await fails(h, 'nope', {})).toMatchObject({ code: 'validation', message: 'Unknown method: "nope".' });
    expect(await fails(h, 'file.saveAs', {})).toMatchObject({ code: 'validation' });
  });

  it('opens the sample coalition, filled in, and announces it', async () => {
    const h = await useHost();
    const info = await ok(h, 'workspace.openSample', {});
    expect(info).toMatchObject({ fileName: SAMPLE_FILE, path: join(h.dir, SAMPLE_FILE), isSample: true, schemaVersion: SCHEMA_VERSION });
    expect(contract['workspace.openSample'].output.safeParse(info).success).toBe(true);
    expect(h.events).toEqual([{ type: 'workspace-changed', fileName: SAMPLE_FILE }]);
    expect(await ok(h, 'workspace.info', {})).toEqual(info);

    const profile = await ok(h, 'profile.get', {});
    expect(profile?.name).toMatch(/Coalition$/);
    const versions = await ok(h, 'charter.listVersions', {});
    expect(versions.map((v) => v.number)).toEqual([2, 1]);
    const draft = await ok(h, 'charter.getDraft', {});
    expect(draft).toMatchObject({ latestVersion: 2, hasUnadoptedChanges: false });
    expect(draft.goals.length).toBeGreaterThanOrEqual(3);
    expect((await ok(h, 'charter.compare', { from: 1, to: 2 })).identical).toBe(false);
    expect((await ok(h, 'history.list', { limit: 500 })).length).toBeGreaterThan(0);
  });

  it('does not duplicate the sample when it is opened again', async () => {
    const h = await useHost();
    await ok(h, 'workspace.openSample', {});
    const samplePath = join(h.dir, SAMPLE_FILE);
    const first = snapshot(samplePath);

    // Already open: nothing happens, nothing is announced.
    expect(await ok(h, 'workspace.openSample', {})).toMatchObject({ isSample: true });
    expect(h.events).toHaveLength(1);

    // Away and back: the file is reopened, not regenerated.
    expect(await ok(h, 'workspace.openDefault', {})).toMatchObject({ fileName: 'default.coalition', isSample: false });
    await ok(h, 'workspace.openSample', {});
    expect(snapshot(samplePath)).toEqual(first);
    expect((await ok(h, 'charter.listVersions', {})).map((v) => v.number)).toEqual([2, 1]);
    expect(h.events.map((e) => e.type === 'workspace-changed' && e.fileName)).toEqual([SAMPLE_FILE, 'default.coalition', SAMPLE_FILE]);
  });

  it('generates the same sample in two different folders', async () => {
    const a = await useHost();
    const b = await useHost();
    expect(a.dir).not.toBe(b.dir);
    await ok(a, 'workspace.openSample', {});
    await ok(b, 'workspace.openSample', {});
    const sampleA = await sampleContent(a);
    expect(sampleA.versions).toHaveLength(2);
    expect(await sampleContent(b)).toEqual(sampleA);
  });

  it('goes back to the default workspace, with its own data', async () => {
    const h = await useHost();
    await ok(h, 'profile.save', { name: 'My Real Coalition', shortName: '', region: '', foundedOn: null });
    await ok(h, 'workspace.openSample', {});
    expect((await ok(h, 'profile.get', {}))?.name).not.toBe('My Real Coalition');
    const info = await ok(h, 'workspace.openDefault', {});
    expect(info).toEqual({ fileName: 'default.coalition', path: h.defaultPath, schemaVersion: SCHEMA_VERSION, isSample: false, appVersion: 'test' });
    expect(contract['workspace.openDefault'].output.safeParse(info).success).toBe(true);
    expect((await ok(h, 'profile.get', {}))?.name).toBe('My Real Coalition');
    expect(h.events.at(-1)).toEqual({ type: 'workspace-changed', fileName: 'default.coalition' });
  });

  it('opens and creates a workspace chosen in the shell', async () => {
    const h = await useHost();
    const path = join(h.dir, 'chosen.coalition');
    const result = await h.send({ kind: 'open', path, create: true });
    expect(result).toEqual({ ok: true, value: expect.objectContaining({ fileName: 'chosen.coalition', path, isSample: false }) as unknown });
    expect(existsSync(path)).toBe(true);
    expect(h.events).toEqual([{ type: 'workspace-changed', fileName: 'chosen.coalition' }]);
  });

  it('keeps the open workspace when opening a missing file fails', async () => {
    const h = await useHost();
    await ok(h, 'profile.save', { name: 'Still Here Coalition', shortName: '', region: '', foundedOn: null });
    const missing = join(h.dir, 'missing.coalition');
    const result = await h.send({ kind: 'open', path: missing, create: false });
    if (result.ok) throw new Error('opening a missing file succeeded');
    expect(result.error.code).toBe('workspace');
    expect(result.error.message).toContain('The workspace file was not found');
    expectNoStack(result.error);
    expect(existsSync(missing)).toBe(false);
    expect(await ok(h, 'workspace.info', {})).toMatchObject({ fileName: 'default.coalition' });
    expect(await ok(h, 'profile.get', {})).toMatchObject({ name: 'Still Here Coalition' });
    expect(h.events).toEqual([]);
  });

  it('validates the input of the methods it answers itself', async () => {
    const h = await useHost();
    for (const method of HOST_METHODS) {
      for (const hostile of hostileInputs(contract[method].input, VALID_HOST_INPUT[method] ?? {})) {
        const error = await fails(h, method, hostile.input);
        expect.soft(error.code, `${method} ${hostile.label}`).toBe('validation');
        expect.soft(issuesOf(error).map((i) => i.path), `${method} ${hostile.label}`).toContain(hostile.path);
      }
      // An absent input is fine where there are no parameters.
      if (!VALID_HOST_INPUT[method]) expect((await h.call(method, undefined)).ok, method).toBe(true);
    }
    expect(h.events.every((e) => e.type === 'workspace-changed')).toBe(true);
  });

  it('shuts down: the workspace is closed cleanly and calls say so', async () => {
    const h = await useHost();
    await ok(h, 'profile.save', { name: 'Closing Coalition', shortName: '', region: '', foundedOn: null });
    expect(await h.send({ kind: 'shutdown' })).toEqual({ ok: true, value: null });
    expect(fileState(h.defaultPath)).toMatchObject({ wal: false, shm: false });
    expect(await fails(h, 'profile.get', {})).toMatchObject({ code: 'workspace', message: 'No workspace is open.' });
    expect(await fails(h, 'workspace.info', {})).toMatchObject({ code: 'workspace' });
    // The file is free for anyone else now.
    const backend = await createBackend({ workspacePath: h.defaultPath });
    expect(await ok(backend, 'profile.get', {})).toMatchObject({ name: 'Closing Coalition' });
    await backend.close();
  });
});

describe('backend host with a default workspace from a newer version', () => {
  it('answers every call with that error, still opens the sample, and leaves the file alone', async () => {
    const h = await useHost({ started: false });
    const backend = await createBackend({ workspacePath: h.defaultPath, create: true });
    await ok(backend, 'profile.save', { name: 'From The Future', shortName: '', region: '', foundedOn: null });
    await backend.close();
    withSqlite(h.defaultPath, (db) => db.pragma(`user_version = ${SCHEMA_VERSION + 5}`));
    const before = fileState(h.defaultPath);
    const newer = /saved by a newer version of Coalition Desk/;

    await expect(h.host.start()).rejects.toMatchObject({ code: 'workspace', message: expect.stringMatching(newer) as unknown });
    // The recovery screen's methods answer for the file that could not be opened (recovery.test.ts).
    // The recovery screen's methods, and this computer's settings, which need no workspace.
    const recovery = ['workspace.openSample', 'workspace.recovery', 'workspace.recoverFromBackup', 'workspace.startOver', 'workspace.salvage', 'settings.actor', 'settings.setActor'];
    for (const method of METHODS.filter((m) => !recovery.includes(m))) {
      const error = await fails(h, method, (VALID_HOST_INPUT as Record<string, unknown>)[method] ?? {});
      expect.soft(error.code, method).toBe('workspace');
      expect.soft(error.message, method).toMatch(newer);
    }
    expect(await fails(h, 'nope', {})).toMatchObject({ code: 'workspace' });
    expect(await ok(h, 'workspace.recovery', {})).toMatchObject({ fileName: 'default.coalition', damaged: false, backups: [], message: expect.stringMatching(newer) as unknown });
    expect((await fails(h, 'workspace.recoverFromBackup', VALID_HOST_INPUT['workspace.recoverFromBackup'])).code).toBe('not_found');
    // A newer version's file is not damaged: it is never set aside to start over.
    expect(await fails(h, 'workspace.startOver', {})).toMatchObject({ code: 'conflict', message: expect.stringMatching(/not damaged/) as unknown });
    expect(fileState(h.defaultPath)).toEqual(before);

    expect(await ok(h, 'workspace.openSample', {})).toMatchObject({ isSample: true });
    expect(await ok(h, 'profile.get', {})).not.toBeNull();
    // Going back to the default fails the same way, and the sample stays open.
    expect((await fails(h, 'workspace.openDefault', {})).message).toMatch(newer);
    expect(await ok(h, 'workspace.info', {})).toMatchObject({ isSample: true });
    expect(fileState(h.defaultPath)).toEqual(before);
  });
});

describe('backend host when the sample cannot be generated', () => {
  it('reports it, closes the half-opened sample and keeps the workspace that was open', async () => {
    const h = await useHost();
    // A sample file whose charter already has a version dated after the sample's first adoption.
    const samplePath = join(h.dir, SAMPLE_FILE);
    const backend = await createBackend({ workspacePath: samplePath, create: true });
    await ok(backend, 'charter.saveDraft', { mission: 'Prior mission.', vision: '', values: [], goals: [] });
    await ok(backend, 'charter.adopt', { adoptedOn: '2099-01-01', note: '' });
    await backend.close();

    const error = await fails(h, 'workspace.openSample', {});
    expect(error.code).toBe('validation');
    expect(error.message).toMatch(/^sample data: /);
    expect(await ok(h, 'workspace.info', {})).toMatchObject({ fileName: 'default.coalition' });
    expect(h.events).toEqual([]);
    // Closed, not leaked: SQLite removes the WAL file when the last connection closes.
    expect(fileState(samplePath)).toMatchObject({ wal: false, shm: false });
  });
});
