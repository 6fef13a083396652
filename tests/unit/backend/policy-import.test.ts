import { describe, expect, it } from 'vitest';
import { changeLog, fails, ok, useBackend } from '../../support/backend';
import { uploadImport, type ImportCall } from '../../support/imports';
import type { Backend } from '../../../electron/backend/backend';

// Officials through the directory's import pipeline (entity 'official').

async function staged(backend: Backend, content: string) {
  const call: ImportCall = (method, input) => ok(backend, method, input as never);
  return ok(backend, 'imports.open', { importId: await uploadImport(call, { entity: 'official', fileName: 'officials.csv', content }) });
}

const CSV = [
  'Full name,Office,Level of government,Chamber,Ward,Party,Committee assignments,Term ends',
  'Hon. Ana Lúcia Ferreira,Council Member,Local,City Council,District 4,Green,Health; Budget,2027-01-01',
  'Георгий Петров,Assembly Member,State,State Assembly,District 7,Labour,,2026-12-31',
  'Nguyễn Thị Hoa,Senator,federal,,District 2,,Health,',
  'Bad Row,Mayor,Galactic,Moon Council,,,Rules,31/12/2026',
  'ana lucia ferreira,Council Member,local,,district 04,,Budget,',
].join('\r\n');

describe('importing officials with the directory pipeline', () => {
  it('guesses the mapping, lists problems by row and column in the dry run, matches duplicates by name and district, and imports in one undoable step', async () => {
    const { backend, path } = await useBackend();
    const council = await ok(backend, 'policy.bodies.create', { name: 'City Council', kind: 'city_council', level: 'local', jurisdiction: 'Riverside', responsibilities: '', website: '', email: '', phone: '', notes: '' });
    await ok(backend, 'policy.bodies.create', { name: 'State Assembly', kind: 'legislature_chamber', level: 'state', jurisdiction: '', responsibilities: '', website: '', email: '', phone: '', notes: '' });
    const health = await ok(backend, 'policy.committees.create', { name: 'Health', bodyId: council.id, description: '' });
    const budget = await ok(backend, 'policy.committees.create', { name: 'Budget', bodyId: council.id, description: '' });

    const preview = await staged(backend, CSV);
    expect(preview.entity).toBe('official');
    expect(preview.rowCount).toBe(5);
    expect(preview.mapping).toEqual(['name', 'title', 'level', 'body', 'district', 'party', 'committees', 'termEnd']);
    const plan = { importId: preview.importId, entity: 'official' as const, mapping: preview.mapping as never, duplicates: 'update' as const };

    const check = await ok(backend, 'imports.check', plan);
    expect([check.created, check.updated, check.skipped, check.invalid]).toEqual([3, 1, 0, 1]);
    expect(check.problems).toEqual([
      { row: 5, column: 'Level of government', message: '“Galactic” is not a level of government. Use one of: Local, State / provincial, National.' },
      { row: 5, column: 'Term ends', message: '“31/12/2026” is not a date: use YYYY-MM-DD (e.g. 2026-03-01).' },
    ]);
    // Nothing was written by the dry run; without skipInvalid the run refuses.
    expect(await ok(backend, 'policy.officials.list', { filters: { search: '', level: null, bodyId: null, party: null, committeeId: null }, offset: 0, limit: 10 })).toMatchObject({ total: 0 });
    expect((await fails(backend, 'imports.run', { ...plan, skipInvalid: false })).code).toBe('validation');

    const result = await ok(backend, 'imports.run', { ...plan, skipInvalid: true });
    expect([result.created, result.updated, result.invalid]).toEqual([3, 1, 1]);
    const rows = (await ok(backend, 'policy.officials.list', { filters: { search: '', level: null, bodyId: null, party: null, committeeId: null }, offset: 0, limit: 10 })).rows;
    expect(rows.map((r) => [r.name, r.level, r.bodyName, r.district])).toEqual([
      // With update, the later row's non-empty cells overwrite (its spelling of the name and district).
      ['ana lucia ferreira', 'local', 'City Council', 'district 04'],
      ['Nguyễn Thị Hoa', 'national', null, 'District 2'],
      ['Георгий Петров', 'state', 'State Assembly', 'District 7'],
    ]);
    // The duplicate row (same name and district, written differently) updated the first one and added its committee once.
    const ana = await ok(backend, 'policy.officials.get', { id: rows[0]?.id as string });
    expect([ana.termEnd, ana.party, ana.committees.map((c) => [c.committeeId, c.role])]).toEqual(['2027-01-01', 'Green', [[budget.id, 'member'], [health.id, 'member']]]);
    const batch = changeLog(path).at(-1)?.batch;
    const kinds = new Set(changeLog(path).filter((r) => r.batch === batch).map((r) => r.entity));
    expect([...kinds].sort()).toEqual(['committee_members', 'officials']);

    // The mapping is remembered for the same headers.
    const again = await staged(backend, CSV);
    expect(again.remembered).toBe(true);
    await ok(backend, 'imports.discard', { importId: again.importId });

    // One undo takes the whole import back.
    await ok(backend, 'history.undo', {});
    expect(await ok(backend, 'policy.officials.list', { filters: { search: '', level: null, bodyId: null, party: null, committeeId: null }, offset: 0, limit: 10 })).toMatchObject({ total: 0 });
  });

  it('names a body or committee that does not exist, and skips duplicates of officials already here', async () => {
    const { backend } = await useBackend();
    await ok(backend, 'policy.officials.create', {
      name: 'Ana Ferreira', title: '', level: 'local', bodyId: null, district: 'District 4', jurisdiction: '', party: '', email: '', phone: '', officeAddress: '', website: '',
      termStart: null, termEnd: null, notes: '', committees: [], staffers: [],
    });
    const preview = await staged(backend, 'Name,District,Body,Committees\r\nANA FERREIRA,Dist. 4,,\r\nAna Ferreira,District 5,Moon Council,Rules\r\n');
    const check = await ok(backend, 'imports.check', { importId: preview.importId, entity: 'official', mapping: ['name', 'district', 'body', 'committees'], duplicates: 'skip' });
    expect([check.created, check.skipped, check.invalid]).toEqual([0, 1, 1]);
    expect(check.problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [3, 'Body', 'No body or agency named “Moon Council”. Add it under Policy ▸ Bodies first.'],
      [3, 'Committees', 'No committee named “Rules”. Add it under Policy ▸ Bodies first.'],
    ]);
    // A file opened for officials cannot be run as organizations.
    const wrong = await fails(backend, 'imports.check', { importId: preview.importId, entity: 'organization', mapping: ['name', null, null, null], duplicates: 'skip' });
    expect(wrong.message).toBe('This file was opened as an import of officials.');
  });
});
