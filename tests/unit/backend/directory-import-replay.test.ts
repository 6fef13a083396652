import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { Input, Output } from '@shared/contract';
import { customTarget } from '@shared/directory/imports';
import type { AppEvent } from '@shared/rpc';
import { createBackend } from '../../../electron/backend/backend';
import { importFile, plannedPath } from '../../../electron/backend/directory/imports/files';
import { changeLog, fails, ok, useBackend, useTempFile, withSqlite } from '../../support/backend';
import { uploadImport } from '../../support/imports';
import { organizationInput } from '../../support/samples';

// The import replays its dry run: `imports.check` spills the records it planned to a file beside
// the upload, and `imports.run` of the same plan on a workspace whose change log has not moved
// writes those records rather than reading, converting, matching and validating the file again.
// Anything else (a change in the workspace, another plan, the file opened again) plans again.
//
// To tell a replay from a new plan, some tests rewrite the uploaded file on disk after the dry
// run: a replay writes what the dry run read; a new plan reads the rewritten file.

type Backend = Awaited<ReturnType<typeof useBackend>>['backend'];
type Plan = Input<'imports.check'>;

const csvOf = (rows: string[][]) => rows.map((r) => r.map((c) => (/[",\n;]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',')).join('\r\n') + '\r\n';

async function open(backend: Backend, content: string) {
  const importId = await uploadImport((method, input) => ok(backend, method, input as never), { entity: 'organization', fileName: 'partners.csv', content });
  return ok(backend, 'imports.open', { importId });
}

function plan(preview: Output<'imports.open'>, overrides: Partial<Plan> = {}): Plan {
  return { importId: preview.importId, entity: preview.entity, mapping: preview.mapping, duplicates: 'skip', ...overrides } as Plan;
}

const spillOf = (preview: Output<'imports.open'>) => plannedPath(importFile(preview.importId));
const names = (path: string) => withSqlite(path, (db) => (db.prepare('select name from organizations order by name').all() as { name: string }[]).map((r) => r.name));

const FILE = csvOf([
  ['Name', 'City'],
  ['Delta Aid', 'Riverside'],
  ['Echo Aid', 'Harbor'],
]);
/** What the upload is rewritten to after the dry run (same header, so the mapping still fits). */
const REWRITTEN = csvOf([
  ['Name', 'City'],
  ['Foxtrot Aid', 'Riverside'],
  ['Golf Aid', 'Harbor'],
]);

describe('the import replays its dry run', () => {
  it('writes what the dry run planned when nothing changed since; the spill is 0600 beside the upload and goes with it', async () => {
    const { backend, path } = await useBackend();
    const preview = await open(backend, FILE);
    const upload = importFile(preview.importId).path;
    expect(existsSync(spillOf(preview))).toBe(false);
    expect(await ok(backend, 'imports.check', plan(preview))).toMatchObject({ created: 2, skipped: 0, invalid: 0 });
    const spill = spillOf(preview);
    expect(spill.startsWith(upload)).toBe(true);
    expect(statSync(spill).mode & 0o777).toBe(0o600);
    writeFileSync(upload, REWRITTEN);
    expect(await ok(backend, 'imports.run', plan(preview))).toEqual({ created: 2, updated: 0, skipped: 0, invalid: 0 });
    expect(names(path)).toEqual(['Delta Aid', 'Echo Aid']);
    expect(existsSync(spill)).toBe(false);
    expect(existsSync(upload)).toBe(false);
    // One batch, as when planned again: two records and their first stage.
    expect(changeLog(path).map((l) => `${l.entity}:${l.action}`).sort()).toEqual([
      'organization_stage_changes:create',
      'organization_stage_changes:create',
      'organizations:create',
      'organizations:create',
    ]);
  });

  it('plans again after a change in the workspace, for another plan, and after the file is opened again', async () => {
    const { backend, path } = await useBackend();
    // A change after the dry run (here to an unrelated record): the change log moved, so the file is read again.
    const changed = await open(backend, FILE);
    await ok(backend, 'imports.check', plan(changed));
    await ok(backend, 'organizations.create', organizationInput({ name: 'Unrelated Partner', email: '', website: '' }));
    writeFileSync(importFile(changed.importId).path, REWRITTEN);
    expect(await ok(backend, 'imports.run', plan(changed))).toEqual({ created: 2, updated: 0, skipped: 0, invalid: 0 });
    expect(names(path)).toEqual(['Foxtrot Aid', 'Golf Aid', 'Unrelated Partner']);

    // Another mapping than the dry run's.
    const other = await open(backend, FILE);
    await ok(backend, 'imports.check', plan(other));
    writeFileSync(importFile(other.importId).path, REWRITTEN);
    expect(await ok(backend, 'imports.run', plan(other, { mapping: ['name', null] }))).toEqual({ created: 0, updated: 0, skipped: 2, invalid: 0 });

    // Opened again: its dry run is forgotten, spill and all.
    const reopened = await open(backend, csvOf([['Name'], ['Hotel Aid']]));
    await ok(backend, 'imports.check', plan(reopened));
    const spill = spillOf(reopened);
    expect(existsSync(spill)).toBe(true);
    await ok(backend, 'imports.open', { importId: reopened.importId });
    expect(existsSync(spill)).toBe(false);
    writeFileSync(importFile(reopened.importId).path, csvOf([['Name'], ['India Aid']]));
    expect(await ok(backend, 'imports.run', plan(reopened))).toMatchObject({ created: 1 });
    expect(names(path)).toContain('India Aid');
    expect(names(path)).not.toContain('Hotel Aid');
  });

  it('a dry run replaces the previous one; discarding the file deletes its spill; a failed dry run leaves none', async () => {
    const { backend, path } = await useBackend();
    const preview = await open(backend, FILE);
    await ok(backend, 'imports.check', plan(preview));
    const upload = importFile(preview.importId).path;
    writeFileSync(upload, REWRITTEN);
    // A second dry run reads the file as it is now: the run replays that one.
    expect(await ok(backend, 'imports.check', plan(preview))).toMatchObject({ created: 2 });
    writeFileSync(upload, FILE);
    await ok(backend, 'imports.run', plan(preview));
    expect(names(path)).toEqual(['Foxtrot Aid', 'Golf Aid']);

    const discarded = await open(backend, FILE);
    await ok(backend, 'imports.check', plan(discarded));
    const spill = spillOf(discarded);
    expect(existsSync(spill)).toBe(true);
    await ok(backend, 'imports.discard', { importId: discarded.importId });
    expect(existsSync(spill)).toBe(false);

    // A mapping to a custom field deleted after the file was opened: the dry run fails, and spills nothing.
    const field = await ok(backend, 'customFields.save', { entity: 'organization', label: 'Dues', kind: 'text' });
    const failing = await open(backend, csvOf([['Name', 'Dues'], ['Juliet Aid', 'Paid']]));
    expect(failing.mapping).toEqual(['name', customTarget(field.id)]);
    await ok(backend, 'customFields.delete', { id: field.id });
    expect((await fails(backend, 'imports.check', plan(failing))).code).toBe('validation');
    expect(existsSync(spillOf(failing))).toBe(false);
    expect(importFile(failing.importId).checked).toBeUndefined();
  });

  it('a dry run whose plan cannot be spilled still answers, and the import plans again', async () => {
    const { backend, path } = await useBackend();
    const preview = await open(backend, FILE);
    // A folder where the spill would go: it cannot be written (as on a full disk).
    const blocked = plannedPath(importFile(preview.importId));
    mkdirSync(blocked);
    onTestFinished(() => rmSync(blocked, { recursive: true, force: true }));
    expect(await ok(backend, 'imports.check', plan(preview))).toMatchObject({ created: 2, invalid: 0 });
    expect(importFile(preview.importId).checked?.planned).toBeNull();
    writeFileSync(importFile(preview.importId).path, REWRITTEN);
    expect(await ok(backend, 'imports.run', plan(preview))).toEqual({ created: 2, updated: 0, skipped: 0, invalid: 0 });
    expect(names(path)).toEqual(['Foxtrot Aid', 'Golf Aid']);
  });

  it('a replay reports progress every 1000 rows, as planning does', async () => {
    const path = useTempFile();
    const events: AppEvent[] = [];
    const backend = await createBackend({ workspacePath: path, create: true, validateOutputs: true, onEvent: (e) => events.push(e) });
    onTestFinished(() => backend.close());
    const rows = Array.from({ length: 2500 }, (_, i) => [`Partner ${i}`, `p${i}@example.org`, i % 2 ? 'Member' : 'Engaged']);
    const preview = await open(backend, csvOf([['Name', 'Email', 'Stage'], ...rows]));
    await ok(backend, 'imports.check', plan(preview));
    expect(events).toEqual([]);
    writeFileSync(importFile(preview.importId).path, csvOf([['Name', 'Email', 'Stage'], ['Nobody', '', '']]));
    expect(await ok(backend, 'imports.run', plan(preview))).toEqual({ created: 2500, updated: 0, skipped: 0, invalid: 0 });
    expect(events).toEqual([0, 1000, 2000, 2500].map((done) => ({ type: 'progress', task: 'import', done, total: 2500 })));
    expect(withSqlite(path, (db) => db.prepare('select count(*) as n from organizations').get())).toEqual({ n: 2500 });
  });

  it('a replay writes exactly what planning again writes: updates of existing records, a record several rows fill, custom values, skipped bad rows', async () => {
    // Rows 2–4 fill one existing record (by email, then name), rows 5 and 7 one new record; row 6 is bad.
    const content = csvOf([
      ['Name', 'Email', 'City', 'Stage', 'Tags', 'Dues', 'Notes'],
      ['Harbor Food Bank', 'info@harborfood.org', 'Harbor', '', 'food; pantry', 'Paid', ''],
      ['Harbour Pantry', 'info@harborfood.org', '', 'Member', '', '', 'renamed'],
      ['harbour pantry', '', 'Harbor City', '', '', 'Late', ''],
      ['New Partner', 'new@partner.org', 'Springfield', 'Engaged', 'youth', '', 'first'],
      ['Bad Row', '', '', 'Sideways', '', '', ''],
      ['new partner', '', '', 'Member', '', 'Waived', 'second'],
    ]);
    const results = [];
    for (const dryRunFirst of [true, false]) {
      const { backend, path } = await useBackend();
      const dues = await ok(backend, 'customFields.save', { entity: 'organization', label: 'Dues', kind: 'choice', choices: ['Paid', 'Waived', 'Late'] });
      await ok(backend, 'organizations.create', organizationInput({ name: 'The Harbor Food Bank, Inc.', email: 'info@harborfood.org', website: '', city: 'Old Town', tags: ['food'], stage: 'engaged', tier: null }));
      const preview = await open(backend, content);
      expect(preview.mapping[5]).toBe(customTarget(dues.id));
      const update = plan(preview, { duplicates: 'update' });
      if (dryRunFirst) expect(await ok(backend, 'imports.check', update)).toMatchObject({ created: 1, updated: 4, skipped: 0, invalid: 1 });
      expect((await fails(backend, 'imports.run', { ...update, skipInvalid: false })).code).toBe('validation');
      if (dryRunFirst) writeFileSync(importFile(preview.importId).path, csvOf([['Name', 'Email', 'City', 'Stage', 'Tags', 'Dues', 'Notes'], ['Nobody', '', '', '', '', '', '']]));
      expect(await ok(backend, 'imports.run', { ...update, skipInvalid: true })).toEqual({ created: 1, updated: 4, skipped: 0, invalid: 1 });
      results.push(
        withSqlite(path, (db) => ({
          organizations: db
            .prepare(
              `select name, email, city, stage, tier, tags_json, notes, (select group_concat(v.value_text) from custom_values v where v.record_id = o.id) as dues,
                (select group_concat(s.stage) from organization_stage_changes s where s.organization_id = o.id) as stages
               from organizations o order by name`,
            )
            .all(),
          log: changeLog(path)
            .map((l) => `${l.entity}:${l.action}`)
            .sort(),
        })),
      );
    }
    expect(results[0]).toEqual(results[1]);
    expect(results[0]?.organizations).toEqual([
      { name: 'harbour pantry', email: 'info@harborfood.org', city: 'Harbor City', stage: 'member', tier: null, tags_json: '["food","pantry"]', notes: 'renamed', dues: 'Late', stages: 'engaged,member' },
      { name: 'new partner', email: 'new@partner.org', city: 'Springfield', stage: 'member', tier: null, tags_json: '["youth"]', notes: 'second', dues: 'Waived', stages: 'member' },
    ]);
  });
});
