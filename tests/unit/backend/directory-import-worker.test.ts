import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Input, Output } from '@shared/contract';
import type { ImportEntity } from '@shared/directory/imports';
import { importFile } from '../../../electron/backend/directory/imports/files';
import { findImportWorker, setImportWorker } from '../../../electron/backend/directory/imports/rows';
import { changeLog, fails, ok, useBackend, withSqlite } from '../../support/backend';
import { uploadImport } from '../../support/imports';
import { organizationInput } from '../../support/samples';

// A large file's rows are read, converted and checked as new records in a worker thread
// (directory/imports/rows.ts, worker.ts) while the backend's thread matches and writes in file
// order. These tests lower the size that goes to the worker to a few rows and hold what the dry
// run and the import find — counts, every problem with its row and column, the records written
// and their change log — equal to converting on the backend's thread, with the worker checking
// every row and with it sharing the checking with the planner (the default). The other import
// test files run on the backend's thread (their files are small).

type Backend = Awaited<ReturnType<typeof useBackend>>['backend'];
type Plan = Input<'imports.check'>;
type Mode = 'thread' | 'worker' | 'shared';
const MODES: Mode[] = ['thread', 'worker', 'shared'];

const csvOf = (rows: string[][]) => rows.map((r) => r.map((c) => (/[",\n;]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',')).join('\r\n') + '\r\n';

const defaults = setImportWorker({ rows: 5000 });
afterEach(() => {
  setImportWorker(defaults);
});

function use(mode: Mode): void {
  setImportWorker(mode === 'thread' ? { rows: Infinity } : { rows: 1, checkAll: mode === 'worker' });
}

async function open(backend: Backend, entity: ImportEntity, content: string): Promise<Output<'imports.open'>> {
  const importId = await uploadImport((method, input) => ok(backend, method, input as never), { entity, fileName: 'file.csv', content });
  return ok(backend, 'imports.open', { importId });
}

const plan = (preview: Output<'imports.open'>, duplicates: Plan['duplicates']): Plan => ({ importId: preview.importId, entity: preview.entity, mapping: preview.mapping, duplicates }) as Plan;

/** Organizations: good rows, rows that repeat one another or the workspace, and every kind of problem, over several batches. */
function organizationsFile(): string {
  const rows: string[][] = [['Name', 'Email', 'Website', 'City', 'Stage', 'Tier', 'Tags', 'Staff size', 'Dues', 'Notes']];
  for (let i = 0; i < 700; i++) {
    const n = i % 97 === 5 ? i - 3 : i; // some rows repeat an earlier one's name
    rows.push([
      i % 50 === 7 ? `  harbor food bank ` : `Partner ${n}`,
      i % 41 === 3 ? '' : `p${n}@example.org`,
      i % 3 === 0 ? `https://partner${n}.org/` : '',
      ['Riverside', 'São Paulo', 'Montréal', ''][i % 4] as string,
      i % 89 === 11 ? 'Sideways' : ['Engaged', 'Member', 'Identified'][i % 3] as string,
      i % 73 === 9 ? 'Steering' : '',
      i % 5 === 0 ? 'food; pantry' : '',
      i % 61 === 2 ? 'a dozen' : i % 2 ? String(i) : '',
      i % 7 === 0 ? 'Paid' : i % 113 === 1 ? 'Maybe' : '',
      i % 67 === 4 ? 'x'.repeat(20_001) : '',
    ]);
    if (i % 151 === 8) rows[rows.length - 1]?.push('', 'an extra cell');
  }
  return csvOf(rows);
}

async function importOrganizations(mode: Mode, duplicates: Plan['duplicates']) {
  use(mode);
  const { backend, path } = await useBackend();
  await ok(backend, 'customFields.save', { entity: 'organization', label: 'Dues', kind: 'choice', choices: ['Paid', 'Waived', 'Late'] });
  await ok(backend, 'organizations.create', organizationInput({ name: 'The Harbor Food Bank, Inc.', email: 'info@harborfood.org', website: '', city: 'Old Town', tags: ['food'], stage: 'engaged', tier: null }));
  await ok(backend, 'organizations.create', organizationInput({ name: 'Somebody Else', email: 'p10@example.org', website: '' }));
  const preview = await open(backend, 'organization', organizationsFile());
  const check = await ok(backend, 'imports.check', plan(preview, duplicates));
  const refused = await fails(backend, 'imports.run', { ...plan(preview, duplicates), skipInvalid: false });
  // Planned again (another plan than the dry run's), not replayed.
  const result = await ok(backend, 'imports.run', { ...plan(preview, duplicates), skipInvalid: true });
  const stored = withSqlite(path, (db) =>
    db
      .prepare(
        `select name, email, website, city, stage, tier, tags_json, staff_size, notes,
           (select group_concat(v.value_text) from custom_values v where v.record_id = o.id) as dues,
           (select group_concat(s.stage) from organization_stage_changes s where s.organization_id = o.id) as stages
         from organizations o order by name, email`,
      )
      .all(),
  );
  const log = changeLog(path)
    .map((l) => `${l.entity}:${l.action}`)
    .sort();
  return { check, refused, result, stored, log };
}

describe('the import converts a large file in a worker', () => {
  it('is found when running from the repository', () => {
    expect(findImportWorker(join(import.meta.dirname, '../../../electron/backend/directory/imports'))).toMatchObject({ eval: true });
  });

  for (const duplicates of ['skip', 'update', 'create'] as const) {
    it(`organizations, ${duplicates}: the same counts, problems, records and change log as on the backend's thread`, async () => {
      // One after the other: the mode is the module's setting.
      const results = [];
      for (const mode of MODES) results.push(await importOrganizations(mode, duplicates));
      const [thread, ...others] = results;
      expect(thread?.check.invalid).toBeGreaterThan(20);
      expect(thread?.check.problems.some((p) => p.column === 'Stage' && p.row > 2)).toBe(true);
      expect(thread?.check.problems.some((p) => p.column === 'Tier')).toBe(true);
      expect(thread?.check.problems.some((p) => p.column === null)).toBe(true);
      if (duplicates !== 'create') expect((thread?.check.skipped ?? 0) + (thread?.check.updated ?? 0)).toBeGreaterThan(0);
      for (const other of others) expect(other).toEqual(thread);
    });
  }

  it("people: the organization column, consent and lists, as on the backend's thread", async () => {
    const content = csvOf([
      ['Name', 'Email', 'Organization', 'Languages', 'Community leader', 'May contact', 'Consent date'],
      ...Array.from({ length: 400 }, (_, i) => [
        i % 9 === 4 ? `person ${i - 1}` : `Person ${i}`,
        i % 13 === 0 ? '' : `person${i}@example.org`,
        i % 31 === 6 ? 'Nowhere Inc' : i % 2 ? 'Harbor Aid' : '',
        i % 4 ? 'Spanish; English' : '',
        ['yes', 'no', '', 'maybe'][i % 4] as string,
        i % 5 === 0 ? 'yes' : '',
        i % 10 === 0 ? '2025-03-01' : '',
      ]),
    ]);
    const results = [];
    for (const mode of MODES) {
      use(mode);
      const { backend, path } = await useBackend();
      await ok(backend, 'organizations.create', organizationInput({ name: 'Harbor Aid', email: '', website: '' }));
      const preview = await open(backend, 'person', content);
      const check = await ok(backend, 'imports.check', plan(preview, 'update'));
      const result = await ok(backend, 'imports.run', { ...plan(preview, 'update'), skipInvalid: true });
      const stored = withSqlite(path, (db) =>
        db
          .prepare(
            `select p.name, p.email, p.languages_json, p.community_leader, p.consent_may_contact, p.consent_recorded_on,
               (select group_concat(o.name) from affiliations a join organizations o on o.id = a.organization_id where a.person_id = p.id and a.is_primary = 1) as org
             from people p order by p.name, p.email`,
          )
          .all(),
      );
      results.push({ check, result, stored });
    }
    expect(results[0]?.check.problems.some((p) => p.column === 'Organization')).toBe(true);
    expect(results[0]?.check.problems.some((p) => p.column === 'Community leader')).toBe(true);
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
  });

  it('a file that turned unreadable since it was opened fails with the same error, and the next file converts', async () => {
    const errors = [];
    for (const mode of MODES) {
      use(mode);
      const { backend } = await useBackend();
      const preview = await open(backend, 'organization', csvOf([['Name'], ...Array.from({ length: 300 }, (_, i) => [`Partner ${i}`])]));
      // A byte that is not UTF-8 far into the file (a later batch).
      writeFileSync(importFile(preview.importId).path, Buffer.concat([Buffer.from(csvOf([['Name'], ...Array.from({ length: 3000 }, (_, i) => [`Partner ${i}`])])), Buffer.from([0x41, 0xff, 0x0d, 0x0a])]));
      errors.push(await fails(backend, 'imports.check', plan(preview, 'skip')));
      const next = await open(backend, 'organization', csvOf([['Name'], ['Alpha Aid'], ['Beta Aid']]));
      expect(await ok(backend, 'imports.check', plan(next, 'skip'))).toMatchObject({ created: 2, invalid: 0 });
    }
    expect(errors[0]).toMatchObject({ code: 'validation' });
    expect(errors[0]?.message).toMatch(/3002/);
    expect(errors[1]).toEqual(errors[0]);
    expect(errors[2]).toEqual(errors[0]);
  });
});
