import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql, type Kysely, type Migration } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/backend/backend';
import { APPLICATION_ID, openWorkspace, type OpenOptions } from '../../../electron/backend/db/connection';
import { migrations, SCHEMA_VERSION } from '../../../electron/backend/db/migrations';
import type { Database } from '../../../electron/backend/db/schema';
import { fileState, ok, snapshot, useTempFile, withSqlite } from '../../support/backend';
import { draftInput } from '../../support/samples';

/** Every table of the schema type; the compiler asks for a new table to be listed here. */
const TABLES: Record<keyof Database, true> = {
  coalition_profile: true,
  charter_draft: true,
  charter_goal: true,
  charter_version: true,
  change_log: true,
  workspace_meta: true,
  organizations: true,
  people: true,
  organization_stage_changes: true,
  member_spans: true,
  member_count_changes: true,
  affiliations: true,
  organization_relationships: true,
  person_relationships: true,
  interactions: true,
  interaction_participants: true,
  vocabulary: true,
  saved_views: true,
  organization_labels: true,
  person_labels: true,
  representation_targets: true,
  custom_fields: true,
  custom_values: true,
  import_mappings: true,
  change_batches: true,
  decision_rules: true,
  steering_seats: true,
  steering_terms: true,
  working_groups: true,
  working_group_goals: true,
  working_group_members: true,
  coalition_roles: true,
  membership_applications: true,
  charter_endorsements: true,
  meetings: true,
  agenda_items: true,
  meeting_invitees: true,
  decisions: true,
  action_items: true,
  campaigns: true,
  campaign_status_changes: true,
  campaign_participants: true,
  key_messages: true,
  public_events: true,
  public_event_cohosts: true,
  policy_bodies: true,
  officials: true,
  committees: true,
  committee_members: true,
  official_staffers: true,
  relationship_holders: true,
  bills: true,
  bill_status_changes: true,
  bill_sponsors: true,
  bill_hearings: true,
  funding_allocations: true,
  stances: true,
  official_actions: true,
  engagements: true,
  engagement_officials: true,
  engagement_attendees: true,
  campaign_target_bills: true,
  campaign_target_officials: true,
  stories: true,
  story_consent_changes: true,
  media_outlets: true,
  journalists: true,
  outreach_items: true,
  outreach_status_changes: true,
  coverage_entries: true,
  fundraising_campaigns: true,
  contributions: true,
  contribution_payments: true,
  grants: true,
  grant_reports: true,
  in_kind_contributions: true,
  trainings: true,
  training_attendees: true,
  ta_requests: true,
  ta_status_changes: true,
  grassroots_actions: true,
  petitions: true,
  petition_counts: true,
  metrics: true,
  metric_values: true,
  metric_targets: true,
  surveys: true,
  survey_questions: true,
  survey_rounds: true,
  survey_responses: true,
  reports: true,
};

function tableNames(path: string): string[] {
  return withSqlite(path, (db) =>
    (db.prepare("select name from sqlite_schema where type = 'table' and name not like 'sqlite_%' order by name").all() as { name: string }[]).map(
      (r) => r.name,
    ),
  );
}

function pragmas(path: string): { userVersion: number; applicationId: number } {
  return withSqlite(path, (db) => ({
    userVersion: db.pragma('user_version', { simple: true }) as number,
    applicationId: db.pragma('application_id', { simple: true }) as number,
  }));
}

function ranMigrations(path: string): string[] {
  return withSqlite(path, (db) => (db.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map((r) => r.name));
}

/** A closed, real workspace with a profile and a charter draft in it. */
async function workspaceWithData(path: string): Promise<void> {
  const backend = await createBackend({ workspacePath: path, create: true, validateOutputs: true });
  await ok(backend, 'profile.save', { name: 'Harbor City Housing Coalition', shortName: 'HCHC', region: 'Harbor City', foundedOn: '2018-05-01' });
  await ok(backend, 'charter.saveDraft', draftInput());
  await backend.close();
}

/** Expects opening `path` to be refused with a workspace error and to leave the file exactly as it was. */
async function expectRefusedUntouched(path: string, message: RegExp, options: OpenOptions = { create: false }): Promise<void> {
  const before = fileState(path);
  await expect(openWorkspace(path, options)).rejects.toMatchObject({ code: 'workspace', message: expect.stringMatching(message) as unknown });
  expect(fileState(path)).toEqual(before);
  expect(fileState(path)).toMatchObject({ wal: false, shm: false, journal: false });
}

describe('a new workspace', () => {
  it('gets every table, the application id, the schema version, WAL, foreign keys and full sync', async () => {
    const path = useTempFile();
    const workspace = await openWorkspace(path, { create: true });
    try {
      expect(workspace.schemaVersion).toBe(SCHEMA_VERSION);
      // Per-connection settings, read on the workspace's own connection.
      expect(workspace.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(workspace.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(workspace.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      await workspace.close();
    }
    // Persistent settings, read back from the file with plain SQLite.
    expect(tableNames(path)).toEqual(expect.arrayContaining(Object.keys(TABLES)));
    expect(pragmas(path)).toEqual({ userVersion: SCHEMA_VERSION, applicationId: APPLICATION_ID });
    expect(Buffer.from('CDSK', 'latin1').readUInt32BE()).toBe(APPLICATION_ID);
    expect(withSqlite(path, (db) => db.pragma('journal_mode', { simple: true }))).toBe('wal');
    expect(ranMigrations(path)).toEqual(Object.keys(migrations).sort());
  });

  it('has a schema version equal to the number of migrations in the static list', () => {
    expect(SCHEMA_VERSION).toBe(Object.keys(migrations).length);
    expect(SCHEMA_VERSION).toBeGreaterThan(0);
  });

  it('enforces foreign keys on the workspace connection', async () => {
    const path = useTempFile();
    const workspace = await openWorkspace(path, { create: true });
    try {
      workspace.sqlite.exec('create temp table parent (id integer primary key); create temp table child (parent_id integer references parent(id));');
      expect(() => workspace.sqlite.exec('insert into child values (42)')).toThrow(/FOREIGN KEY/);
    } finally {
      await workspace.close();
    }
  });
});

describe('reopening a workspace', () => {
  it('is idempotent and keeps the data', async () => {
    const path = useTempFile();
    await workspaceWithData(path);
    const first = snapshot(path);
    for (let i = 0; i < 3; i++) {
      const backend = await createBackend({ workspacePath: path, validateOutputs: true });
      expect(backend.workspace.schemaVersion).toBe(SCHEMA_VERSION);
      expect(await ok(backend, 'profile.get', {})).toMatchObject({ name: 'Harbor City Housing Coalition', foundedOn: '2018-05-01' });
      expect((await ok(backend, 'charter.getDraft', {})).goals.map((g) => g.title)).toEqual(draftInput().goals.map((g) => g.title));
      await backend.close();
    }
    expect(snapshot(path)).toEqual(first);
    expect(pragmas(path)).toEqual({ userVersion: SCHEMA_VERSION, applicationId: APPLICATION_ID });
    expect(ranMigrations(path)).toEqual(Object.keys(migrations).sort());
  });

  it('leaves no WAL or shared-memory file behind after a clean close', async () => {
    const path = useTempFile();
    await workspaceWithData(path);
    expect(fileState(path)).toMatchObject({ wal: false, shm: false });
  });
});

describe('migrations', () => {
  const names = Object.keys(migrations);

  it.each(names.map((name, index) => [name, index + 1] as const))('%s runs and brings the file to schema %i', async (_name, count) => {
    const path = useTempFile();
    const list = Object.fromEntries(names.slice(0, count).map((n) => [n, migrations[n] as Migration]));
    const workspace = await openWorkspace(path, { create: true, migrations: list });
    await workspace.close();
    expect(workspace.schemaVersion).toBe(count);
    expect(pragmas(path)).toEqual({ userVersion: count, applicationId: APPLICATION_ID });
    expect(ranMigrations(path)).toEqual(names.slice(0, count).sort());
  });

  it('upgrades an existing workspace with a newer migration and keeps its data', async () => {
    const path = useTempFile();
    await workspaceWithData(path);
    const before = snapshot(path);
    const addition: Migration = {
      up: async (db: Kysely<unknown>) => {
        await db.schema.createTable('test_addition').addColumn('id', 'text', (c) => c.primaryKey()).execute();
      },
    };
    const workspace = await openWorkspace(path, { create: false, migrations: { ...migrations, '999_test_addition': addition } });
    await workspace.close();
    expect(pragmas(path).userVersion).toBe(SCHEMA_VERSION + 1);
    expect(tableNames(path)).toContain('test_addition');
    const after = snapshot(path);
    for (const table of Object.keys(TABLES)) expect(after[table], table).toEqual(before[table]);
  });

  it('that fails leaves an existing workspace exactly as it was', async () => {
    const path = useTempFile();
    await workspaceWithData(path);
    const before = fileState(path);
    const tables = tableNames(path);
    const failing: Migration = {
      up: async (db: Kysely<unknown>) => {
        // Do real work first, so a missing rollback would show.
        await db.schema.createTable('half_done').addColumn('id', 'text').execute();
        await sql`update coalition_profile set name = 'changed by a broken migration'`.execute(db);
        throw new Error('the 999 migration broke');
      },
    };
    await expect(openWorkspace(path, { create: false, migrations: { ...migrations, '999_broken': failing } })).rejects.toMatchObject({
      code: 'workspace',
      message: expect.stringMatching(/could not be upgraded; it was left unchanged.*the 999 migration broke/) as unknown,
    });
    expect(fileState(path)).toEqual(before);
    expect(pragmas(path)).toEqual({ userVersion: SCHEMA_VERSION, applicationId: APPLICATION_ID });
    expect(tableNames(path)).toEqual(tables);
    expect(ranMigrations(path)).toEqual(Object.keys(migrations).sort());

    // The app's own migrations still open it, with the data intact.
    const backend = await createBackend({ workspacePath: path });
    expect(await ok(backend, 'profile.get', {})).toMatchObject({ name: 'Harbor City Housing Coalition' });
    await backend.close();
  });

  it('that fails on a new file leaves it without tables or version, and a later open succeeds', async () => {
    const path = useTempFile();
    const failing: Migration = {
      up: async (db: Kysely<unknown>) => {
        await db.schema.createTable('half_done').addColumn('id', 'text').execute();
        throw new Error('broken on purpose');
      },
    };
    await expect(openWorkspace(path, { create: true, migrations: { ...migrations, '999_broken': failing } })).rejects.toMatchObject({ code: 'workspace' });
    expect(tableNames(path)).toEqual([]);
    expect(pragmas(path)).toEqual({ userVersion: 0, applicationId: 0 });

    const workspace = await openWorkspace(path, { create: false });
    await workspace.close();
    expect(pragmas(path)).toEqual({ userVersion: SCHEMA_VERSION, applicationId: APPLICATION_ID });
  });
});

describe('files that are refused', () => {
  it('a workspace written by a newer version: refused, byte for byte unchanged, no side files', async () => {
    const path = useTempFile();
    await workspaceWithData(path);
    withSqlite(path, (db) => db.pragma(`user_version = ${SCHEMA_VERSION + 1}`));
    expect(fileState(path)).toMatchObject({ wal: false, shm: false });
    const newer = new RegExp(`saved by a newer version of Coalition Desk \\(schema ${SCHEMA_VERSION + 1}; this version knows up to ${SCHEMA_VERSION}\\)`);
    await expectRefusedUntouched(path, newer);
    // The app opens its default workspace with create: true; that must not change the answer.
    await expectRefusedUntouched(path, newer, { create: true });
    await expect(createBackend({ workspacePath: path })).rejects.toMatchObject({ code: 'workspace', message: expect.stringMatching(newer) as unknown });
    expect(fileState(path)).toMatchObject({ wal: false, shm: false });
  });

  it('a plain text file', async () => {
    const path = useTempFile('notes.coalition');
    writeFileSync(path, 'Meeting notes\nBring the sign-on letter to the steering committee.\n'.repeat(50));
    await expectRefusedUntouched(path, /not a readable Coalition Desk workspace/);
    await expectRefusedUntouched(path, /not a readable Coalition Desk workspace/, { create: true });
  });

  it('a file of random bytes', async () => {
    const path = useTempFile('garbage.coalition');
    writeFileSync(path, randomBytes(64 * 1024));
    await expectRefusedUntouched(path, /not a readable Coalition Desk workspace/);
  });

  it('a file with a SQLite header followed by garbage', async () => {
    const path = useTempFile('header-only.coalition');
    writeFileSync(path, Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), randomBytes(8192)]));
    // Depending on the random header bytes: refused as damaged, or as another app's database.
    await expectRefusedUntouched(path, /not a (readable )?Coalition Desk workspace/);
  });

  it('a truncated workspace', async () => {
    const source = useTempFile('full.coalition');
    await workspaceWithData(source);
    // Enough content that the file spans many pages, so cutting it in half loses schema pages.
    const backend = await createBackend({ workspacePath: source });
    await ok(backend, 'charter.saveDraft', draftInput({ mission: 'Long mission. '.repeat(300) }));
    await backend.close();
    const bytes = readFileSync(source);
    expect(bytes.length).toBeGreaterThan(4 * 4096);
    const path = join(source, '..', 'truncated.coalition');
    writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expectRefusedUntouched(path, /not a readable Coalition Desk workspace/);
  });

  it.each([
    ['with tables of its own and no application id', 0],
    ['with tables of its own and another application id (GeoPackage)', 0x47504b47],
  ])('a foreign SQLite database %s', async (_label, applicationId) => {
    const path = useTempFile('contacts.sqlite');
    withSqlite(path, (db) => {
      db.pragma('journal_mode = WAL');
      db.exec("create table contacts (id integer primary key, name text); insert into contacts (name) values ('Ada'), ('Grace');");
      db.pragma(`application_id = ${applicationId}`);
    }, { create: true });
    await expectRefusedUntouched(path, /is a SQLite database, but not a Coalition Desk workspace/);
    await expectRefusedUntouched(path, /is a SQLite database, but not a Coalition Desk workspace/, { create: true });
    expect(withSqlite(path, (db) => db.prepare('select count(*) as n from contacts').get())).toEqual({ n: 2 });
  });

  it('an empty SQLite database stamped by another application', async () => {
    const path = useTempFile('other.db');
    withSqlite(path, (db) => db.pragma('application_id = 1234'), { create: true });
    await expectRefusedUntouched(path, /not a Coalition Desk workspace/);
  });

  it('an empty file when not asked to create one', async () => {
    const path = useTempFile('empty.coalition');
    writeFileSync(path, '');
    await expectRefusedUntouched(path, /This file is empty/);
  });

  it('a missing file when not asked to create one', async () => {
    const path = useTempFile('missing.coalition');
    await expect(openWorkspace(path, { create: false })).rejects.toMatchObject({
      code: 'workspace',
      message: expect.stringContaining('The workspace file was not found') as unknown,
    });
    await expect(createBackend({ workspacePath: path })).rejects.toMatchObject({ code: 'workspace' });
    expect(existsSync(path)).toBe(false);
  });
});
