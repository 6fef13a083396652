import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely, KyselyPlugin, Migration, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/backend/backend';
import { snapshot as backUp, copyFromConnection } from '../../../electron/backend/backups/snapshot';
import { openWorkspace } from '../../../electron/backend/db/connection';
import { migrations, SCHEMA_VERSION } from '../../../electron/backend/db/migrations';
import { generateDirectory } from '../../../electron/backend/sample/directory';
import { fileState, ok, useTempDir, withSqlite } from '../../support/backend';
import { draftInput } from '../../support/samples';
import { tempDir } from '../../support/workspace';

// Migrations that fail midway: for every migration in the static list (none hard-coded), a
// workspace at the version before it, with data, is opened with that migration failing after
// 1, about half, or all of its statements. The open fails with a clear error, the file is byte
// for byte what it was, the pre-migration backup opens, and the real list then upgrades it.

const NAMES = Object.keys(migrations);
const tmp = tempDir('coalition-migrations-');
/** A full-version workspace with data of every kind, copied (column by column) into older ones. */
let source: string;

beforeAll(async () => {
  source = join(tmp.dir, 'source.coalition');
  const backend = await createBackend({ workspacePath: source, create: true });
  await ok(backend, 'profile.save', { name: 'Harbor City Housing Coalition', shortName: 'HCHC', region: 'Harbor City', foundedOn: '2018-05-01' });
  await ok(backend, 'charter.saveDraft', draftInput());
  await backend.bulkLoad((sqlite) => generateDirectory(sqlite, { organizations: 120, people: 200, affiliations: 250, interactions: 400, seed: 11 }));
  await backend.close();
}, 60_000);

afterAll(() => tmp.cleanup());

function firstMigrations(count: number, replace?: { at: number; with: Migration }): Record<string, Migration> {
  return Object.fromEntries(
    NAMES.slice(0, count).map((name, index) => [name, (replace && index === replace.at ? replace.with : migrations[name]) as Migration]),
  );
}

/**
 * Counts the statements a migration runs through its Kysely instance (schema builder and raw sql
 * alike) and throws at statement `failAt`, before it runs.
 */
class StatementCounter implements KyselyPlugin {
  count = 0;
  constructor(private readonly failAt: number | null) {}
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.count++;
    if (this.count === this.failAt) throw new Error(`injected failure at statement ${this.count}`);
    return args.node;
  }
  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}

function instrumented(name: string, counter: StatementCounter, throwAfter = false): Migration {
  const real = migrations[name] as Migration;
  return {
    up: async (db: Kysely<unknown>) => {
      await real.up(db.withPlugin(counter));
      if (throwAfter) throw new Error(`injected failure after all ${counter.count} statements`);
    },
  };
}

/** A workspace at schema `version`, holding the source's rows in every table that version has. */
async function workspaceAt(version: number, path: string): Promise<void> {
  const workspace = await openWorkspace(path, { create: true, migrations: firstMigrations(version) });
  await workspace.close();
  withSqlite(path, (db) => {
    db.pragma('foreign_keys = OFF');
    db.prepare('attach database ? as src').run(source);
    const tables = db.prepare("select name, sql from main.sqlite_schema where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'").all() as { name: string; sql: string }[];
    const virtual = tables.filter((t) => /^create virtual table/i.test(t.sql)).map((t) => t.name);
    // Tables that triggers fill (label indexes) or that belong to a full-text index are derived: skip them.
    const triggers = (db.prepare("select sql from main.sqlite_schema where type = 'trigger'").all() as { sql: string }[]).map((t) => t.sql).join('\n');
    const derived = (name: string) => virtual.some((v) => name === v || name.startsWith(`${v}_`)) || new RegExp(`insert into ${name}\\b`, 'i').test(triggers);
    db.transaction(() => {
      for (const { name } of tables.filter((t) => !derived(t.name))) {
        const inSource = db.prepare('select 1 from src.sqlite_schema where name = ?').get(name);
        if (!inSource) continue;
        const columns = (db.prepare(`select name from pragma_table_info('${name}', 'main')`).all() as { name: string }[]).map((c) => c.name);
        const sourceColumns = new Set((db.prepare(`select name from pragma_table_info('${name}', 'src')`).all() as { name: string }[]).map((c) => c.name));
        const shared = columns.filter((c) => sourceColumns.has(c)).map((c) => `"${c}"`).join(', ');
        db.exec(`insert or ignore into main."${name}" (${shared}) select ${shared} from src."${name}"`);
      }
    })();
    db.exec('detach database src');
  });
}

function rowCounts(path: string): Record<string, number> {
  return withSqlite(path, (db) => {
    const tables = db.prepare("select name from sqlite_schema where type = 'table' and name not like 'sqlite_%' order by name").all() as { name: string }[];
    return Object.fromEntries(tables.map(({ name }) => [name, (db.prepare(`select count(*) as n from "${name}"`).get() as { n: number }).n]));
  });
}

describe('a migration that fails midway', () => {
  it('the list has migrations to test', () => {
    expect(NAMES.length).toBe(SCHEMA_VERSION);
    expect(NAMES.length).toBeGreaterThanOrEqual(3);
  });

  it.each(NAMES.map((name, index) => [name, index] as const))('%s (from schema %i): the file stays byte for byte as it was, the pre-migration backup opens, the real list upgrades it', async (name, version) => {
    const dir = useTempDir();
    // How many statements the migration runs, measured on a scratch copy.
    const scratch = join(dir, 'scratch.coalition');
    await workspaceAt(version, scratch);
    const measure = new StatementCounter(null);
    await (await openWorkspace(scratch, { create: false, migrations: firstMigrations(version + 1, { at: version, with: instrumented(name, measure) }) })).close();
    expect(measure.count, `${name} runs statements`).toBeGreaterThan(0);

    const path = join(dir, 'workspace.coalition');
    await workspaceAt(version, path);
    const counts = rowCounts(path);
    if (version >= 2) expect(counts.organizations, 'the old workspace holds data').toBeGreaterThan(0);
    const before = fileState(path);
    // (A new, empty file at schema 0 keeps SQLite's empty -wal and -shm after a close: nothing to compare.)
    if (version > 0) expect(before).toMatchObject({ wal: false, shm: false, journal: false });

    // Fail at the first statement, about half way, at the last one, and after all of them.
    const failures = [...new Set([1, Math.ceil(measure.count / 2), measure.count])].map((at) => ({ label: `statement ${at} of ${measure.count}`, counter: new StatementCounter(at), after: false }));
    failures.push({ label: `after all ${measure.count} statements`, counter: new StatementCounter(null), after: true });
    for (const failure of failures) {
      const backup = join(dir, `before-${failure.label.replaceAll(' ', '-')}.coalition`);
      const options = {
        create: false,
        migrations: firstMigrations(version + 1, { at: version, with: instrumented(name, failure.counter, failure.after) }),
        // What the host does: a checked copy before any migration touches the file.
        beforeMigrate: async (sqlite: Parameters<typeof copyFromConnection>[0]) => {
          await backUp(copyFromConnection(sqlite), backup);
        },
      };
      await expect(openWorkspace(path, options), failure.label).rejects.toMatchObject({
        code: 'workspace',
        message: expect.stringMatching(/could not be upgraded; it was left unchanged.*injected failure/) as unknown,
      });
      expect(fileState(path), `${name}, ${failure.label}`).toEqual(before);

      // The pre-migration backup (version 0 is a new file: nothing to back up) opens, with the same data.
      if (version > 0) {
        expect(existsSync(backup), failure.label).toBe(true);
        const old = await openWorkspace(backup, { create: false, migrations: firstMigrations(version) });
        await old.close();
        expect(rowCounts(backup)).toEqual(counts);
      }
    }

    // The app's own list upgrades the untouched file, keeping every row.
    const backend = await createBackend({ workspacePath: path });
    expect(backend.workspace.schemaVersion).toBe(SCHEMA_VERSION);
    if (version >= 1) expect(await ok(backend, 'profile.get', {})).toMatchObject({ name: 'Harbor City Housing Coalition' });
    await backend.close();
    const after = rowCounts(path);
    for (const [table, rows] of Object.entries(counts)) {
      if (table === 'kysely_migration' || table === 'kysely_migration_lock') continue;
      expect(after[table], table).toBeGreaterThanOrEqual(rows);
    }
  }, 60_000);
});
