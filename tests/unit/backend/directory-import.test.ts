import ExcelJS from 'exceljs';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { Input, Output } from '@shared/contract';
import { MAX_IMPORT_BYTES, MAX_LISTED_PROBLEMS, ORGANIZATION_IMPORT_KEYS } from '@shared/directory/imports';
import type { AppEvent } from '@shared/rpc';
import { createBackend } from '../../../electron/backend/backend';
import { changeLog, fails, issuesOf, ok, snapshot, useBackend, useTempFile, withSqlite } from '../../support/backend';
import { uploadImport } from '../../support/imports';
import { personInput } from '../../support/people';
import { organizationInput } from '../../support/samples';

// The import (issue 3) on real workspace files: open → check → run, for CSV and Excel, with the
// mapping guessed or remembered, row problems reported exactly, duplicates skipped / updated /
// created, one change-log batch per import, and every way a file can be unreadable.

type Backend = Awaited<ReturnType<typeof useBackend>>['backend'];
type Plan = Input<'imports.check'>;

const csvOf = (rows: string[][]) => rows.map((r) => r.map((c) => (/[",\n;]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',')).join('\r\n') + '\r\n';

async function open(backend: Backend, content: string | Buffer, entity: 'organization' | 'person' = 'organization', fileName = 'partners.csv') {
  const importId = await uploadImport((method, input) => ok(backend, method, input as never), { entity, fileName, content });
  return ok(backend, 'imports.open', { importId });
}

function plan(preview: Output<'imports.open'>, overrides: Partial<Plan> = {}): Plan {
  return { importId: preview.importId, entity: preview.entity, mapping: preview.mapping, duplicates: 'skip', ...overrides } as Plan;
}

async function orgsNamed(backend: Backend) {
  const list = await ok(backend, 'organizations.list', { limit: 500 });
  return list.rows;
}

async function orgByName(backend: Backend, name: string) {
  const row = (await orgsNamed(backend)).find((r) => r.name === name);
  if (!row) throw new Error(`no organization named ${name}`);
  return ok(backend, 'organizations.get', { id: row.id });
}

const ORG_CSV = csvOf([
  ['Organization name', 'Sector', 'Type', 'Stage', 'Tier', 'Issue areas', 'Alignment (1–5)', 'Contributions', 'Website', 'Email', 'City', 'Staff size', 'Budget', 'Tags', 'Notes'],
  ['Riverside Tenants Union', 'Community & grassroots', 'Local community group', 'Engaged', '', 'Housing; Tenant rights', '4', 'Volunteers, Meeting space', 'riverside-tenants.org', 'hello@riverside-tenants.org', 'Riverside', '3', 'Under $100k', 'tenants; rapid-response', 'Met at the forum.'],
  ['Harbor Legal Aid', '', 'legal_aid', 'member', 'steering', 'Legal rights', '', '', '', '', 'Harbor City', '1,200', '$2M – $10M', '', ''],
  ['Cañada Youth Council', 'community', 'YOUTH / STUDENT GROUP', '', '', '', '', '', '', '', 'La Cañada', '', '', '', ''],
]);

describe('imports.open', () => {
  it('reads a CSV, previews it, guesses the mapping from the headers and writes nothing', async () => {
    const { backend, path } = await useBackend();
    const before = snapshot(path);
    const preview = await open(backend, `\uFEFF${ORG_CSV}`);
    expect(preview).toMatchObject({ entity: 'organization', fileName: 'partners.csv', format: 'csv', sheet: null, rowCount: 3, remembered: false, notes: [] });
    expect(preview.headers[0]).toBe('Organization name');
    expect(preview.preview[1]?.slice(0, 3)).toEqual(['Harbor Legal Aid', '', 'legal_aid']);
    expect(preview.mapping).toEqual([
      'name', 'sector', 'type', 'stage', 'tier', 'issueAreas', 'alignmentScore', 'contributions', 'website', 'email', 'city', 'staffSize', 'budgetBand', 'tags', 'notes',
    ]);
    expect(snapshot(path)).toEqual(before);
  });

  it('guesses from labels, keys and common synonyms, ignoring case and accents, each field once', async () => {
    const { backend } = await useBackend();
    const preview = await open(backend, csvOf([['Org name', 'E-mail', 'Town', 'STATUS', 'Web site', 'Téléphone', 'registrationNumber', 'Organisation', '', 'Misc'], ['A', 'a@b.org', 'X', 'Engaged', 'a.org', '555 0100', 'R-1', 'dup', 'x', 'y']]));
    expect(preview.headers).toEqual(['Org name', 'E-mail', 'Town', 'STATUS', 'Web site', 'Téléphone', 'registrationNumber', 'Organisation', 'Column 9', 'Misc']);
    expect(preview.mapping).toEqual(['name', 'email', 'city', 'stage', 'website', 'phone', 'registrationNumber', null, null, null]);
    // An exact label or key beats a synonym.
    expect((await open(backend, csvOf([['Org name', 'Name'], ['A', 'B']]))).mapping).toEqual([null, 'name']);
    expect((await open(backend, csvOf([['Organization'], ['A']]))).mapping).toEqual(['name']);

    const people = await open(backend, csvOf([['Full name', 'Organization', 'Job title', 'Consent', 'Consent date', 'Languages'], ['Ana', 'X', 'Chair', 'yes', '2025-01-01', 'Spanish']]), 'person');
    expect(people.mapping).toEqual(['name', 'organization', 'title', 'mayContact', 'consentRecordedOn', 'languages']);
  });

  it('remembers the mapping used for a header row and offers it for the next file with those headers', async () => {
    const { backend } = await useBackend();
    const first = await open(backend, csvOf([['Name', 'Town', 'Remarks'], ['Alpha Aid', 'Springfield', 'keep out']]));
    expect(first.mapping).toEqual(['name', 'city', 'notes']);
    // The coordinator leaves the remarks out and reads the town as the district.
    await ok(backend, 'imports.run', { ...plan(first), mapping: ['name', 'district', null] });
    const again = await open(backend, csvOf([[' name ', 'TOWN', 'remarks'], ['Beta Aid', 'Shelbyville', '']]));
    expect(again).toMatchObject({ remembered: true, mapping: ['name', 'district', null] });
    // Other headers, or the same headers for people: guessed.
    expect(await open(backend, csvOf([['Name', 'Town'], ['Gamma', 'X']]))).toMatchObject({ remembered: false, mapping: ['name', 'city'] });
    expect(await open(backend, csvOf([['Name', 'Town', 'Remarks'], ['Gamma', 'X', '']]), 'person')).toMatchObject({ remembered: false });
  });

  it('detects semicolon and tab separators and skips blank lines, keeping spreadsheet row numbers', async () => {
    const { backend } = await useBackend();
    const semicolons = await open(backend, 'Name;City;Tags\n\nAlpha;Riverside;a, b\n;;\nBeta;Harbor;c\n');
    expect(semicolons).toMatchObject({ headers: ['Name', 'City', 'Tags'], rowCount: 2, notes: ['Columns are separated by semicolons.'] });
    expect(semicolons.preview).toEqual([['Alpha', 'Riverside', 'a, b'], ['Beta', 'Harbor', 'c']]);
    const check = await ok(backend, 'imports.check', plan(semicolons, { mapping: ['name', 'city', 'stage'] }));
    // "a, b" is not a stage: reported on row 3 (row 2 is blank), "c" on row 5.
    expect(check.problems.map((p) => [p.row, p.column])).toEqual([[3, 'Tags'], [5, 'Tags']]);

    const tabs = await open(backend, 'Name\tCity\nAlpha\tRiverside\n');
    expect(tabs).toMatchObject({ headers: ['Name', 'City'], notes: ['Columns are separated by tabs.'] });
  });

  it('reads UTF-16 files with a byte-order mark, and says so', async () => {
    const { backend } = await useBackend();
    const text = 'Name,City\r\nSão Tomé Aid,Bogotá\r\n';
    const le = await open(backend, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expect(le).toMatchObject({ notes: ['Read as UTF-16 text.'], preview: [['São Tomé Aid', 'Bogotá']] });
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    expect(await open(backend, be)).toMatchObject({ notes: ['Read as UTF-16 text.'], preview: [['São Tomé Aid', 'Bogotá']] });
  });
});

describe('unreadable files', () => {
  async function refused(backend: Backend, content: string | Buffer, entity: 'organization' | 'person' = 'organization') {
    const importId = await uploadImport((method, input) => ok(backend, method, input as never), { entity, fileName: 'bad.csv', content });
    const error = await fails(backend, 'imports.open', { importId });
    expect(error.code).toBe('validation');
    expect(issuesOf(error).map((i) => i.path)).toEqual(['importId']);
    // A file that cannot be imported is not kept.
    expect((await fails(backend, 'imports.open', { importId })).code).toBe('not_found');
    return error.message;
  }

  it('each gets a specific message, and nothing is staged or written', async () => {
    const { backend, path } = await useBackend();
    const before = snapshot(path);
    expect(await refused(backend, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]))).toBe(
      'This does not look like a CSV or Excel file: its content is binary. Choose a .csv file (saved as “CSV UTF-8”) or an .xlsx workbook.',
    );
    const latin1 = Buffer.concat([Buffer.from('Name,City\nAlpha,Riverside\nBeta,'), Buffer.from([0x53, 0xe3, 0x6f]), Buffer.from(' Paulo\n')]);
    expect(await refused(backend, latin1)).toBe(
      'The file is not UTF-8 text: line 3 has a character in another encoding (often an accent saved as Windows-1252 / Latin-1). In Excel, save it as “CSV UTF-8 (Comma delimited)” and import that file.',
    );
    const empty = await fails(backend, 'imports.begin', { entity: 'organization', fileName: 'empty.csv', size: 0 });
    expect(empty.message).toContain('The file is empty: there is nothing to import.');
    expect(issuesOf(empty).map((i) => i.path)).toEqual(['size']);
    expect(await refused(backend, '\uFEFF\r\n  \r\n')).toBe('The file is empty: there is nothing to import.');
    expect(await refused(backend, 'Name,City\r\n')).toBe('The file has a header row but no data rows: there is nothing to import.');
    expect(await refused(backend, 'Name,City\r\n,\r\n\r\n')).toBe('The file has a header row but no data rows: there is nothing to import.');
    expect(await refused(backend, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.from('not really a zip file at all')]))).toBe(
      'This Excel file could not be read: it may be damaged, password-protected or not an .xlsx workbook. Open it in Excel and save it again (or save it as “CSV UTF-8”), then import that file.',
    );
    const wide = `${Array.from({ length: 501 }, (_, i) => `C${i}`).join(',')}\n${Array.from({ length: 501 }, () => 'x').join(',')}\n`;
    expect(await refused(backend, wide)).toBe('The file has 501 columns; an import reads at most 500. Remove the columns you do not need and try again.');
    expect(await refused(backend, 'Name,Notes\nAlpha,"never closed\nBeta,x\n')).toBe(
      'Row 2 opens a quoted cell (") that is never closed, so the rest of the file cannot be read. Fix the quotes in that row and try again.',
    );
    expect(snapshot(path)).toEqual(before);
  });

  it('refuses a file over the size limit, saying the limit', async () => {
    const { backend } = await useBackend();
    const error = await fails(backend, 'imports.begin', { entity: 'organization', fileName: 'big.csv', size: MAX_IMPORT_BYTES + 1 });
    expect(error.message).toContain('The file is larger than 1 GB. Split it into smaller files.');
    expect(issuesOf(error).map((i) => i.path)).toEqual(['size']);
  });

  it('an empty workbook is refused; a check of a file that is no longer open is not_found', async () => {
    const { backend } = await useBackend();
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Empty');
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await refused(backend, buffer)).toBe('The workbook is empty: none of its sheets has any rows.');
    const error = await fails(backend, 'imports.check', { importId: '00000000-0000-4000-8000-0000000000ff', entity: 'organization', mapping: ['name'], duplicates: 'skip' });
    expect(error.code).toBe('not_found');
    expect(error.message).toBe('This file is no longer open for import (it was imported, closed, or replaced by newer files). Open it again.');
  });
});

describe('imports.check and imports.run: organizations from CSV', () => {
  it('creates the records as the create form would, with stage history, labels and search', async () => {
    const { backend, path } = await useBackend();
    const preview = await open(backend, ORG_CSV);
    const before = snapshot(path);
    const check = await ok(backend, 'imports.check', plan(preview));
    expect(check).toEqual({ created: 3, updated: 0, skipped: 0, invalid: 0, problems: [], problemCount: 0 });
    expect(snapshot(path)).toEqual(before);

    expect(await ok(backend, 'imports.run', { ...plan(preview), skipInvalid: false })).toEqual({ created: 3, updated: 0, skipped: 0, invalid: 0 });
    const riverside = await orgByName(backend, 'Riverside Tenants Union');
    expect(riverside).toMatchObject({
      sector: 'community',
      type: 'local_community_group',
      stage: 'engaged',
      tier: null,
      issueAreas: ['Housing', 'Tenant rights'],
      alignment: { score: 4, note: '' },
      contributions: ['volunteers', 'meeting_space'],
      website: 'riverside-tenants.org',
      email: 'hello@riverside-tenants.org',
      city: 'Riverside',
      staffSize: 3,
      budgetBand: 'under_100k',
      tags: ['tenants', 'rapid-response'],
      notes: 'Met at the forum.',
      lastContactedOn: null,
      stageHistory: [{ stage: 'engaged', changedOn: riverside.createdAt.slice(0, 10) }],
    });
    // The type implies the sector; thousands separators are read; the stage defaults to identified.
    expect(await orgByName(backend, 'Harbor Legal Aid')).toMatchObject({ sector: 'nonprofit', type: 'legal_aid', stage: 'member', tier: 'steering', staffSize: 1200, budgetBand: '2m_10m' });
    expect(await orgByName(backend, 'Cañada Youth Council')).toMatchObject({ sector: 'community', type: 'youth_student', stage: 'identified', tags: [], budgetBand: null });

    // The label index and the search index are kept as for records made by hand.
    const filtered = await ok(backend, 'organizations.list', { filters: { tag: ['rapid-response'], issueArea: ['Tenant rights'] } });
    expect(filtered.rows.map((r) => r.name)).toEqual(['Riverside Tenants Union']);
    const found = await ok(backend, 'directory.search', { query: 'canada you', limit: 10 });
    expect(JSON.stringify(found)).toContain('Cañada Youth Council');

    // One batch in the change log: three organizations and their three stage changes.
    const log = changeLog(path);
    expect(new Set(log.map((l) => l.batch)).size).toBe(1);
    expect(log.map((l) => `${l.entity}:${l.action}`).sort()).toEqual([...Array<string>(3).fill('organization_stage_changes:create'), ...Array<string>(3).fill('organizations:create')]);
    // The staged file is dropped after the import.
    expect((await fails(backend, 'imports.check', plan(preview))).code).toBe('not_found');
  });

  it('reports each problem with its row, column header and message', async () => {
    const { backend } = await useBackend();
    const preview = await open(
      backend,
      csvOf([
        ['Name', 'Sector', 'Stage', 'Staff size', 'Email', 'Tier', 'Alignment'],
        ['Good Org', 'Nonprofit', 'Engaged', '12', '', '', '3'],
        ['Spaceship Org', 'Spaceship', 'Engaged', '', '', '', ''],
        ['Lots Org', 'Nonprofit', 'Engaged', 'lots', 'not-an-email', '', ''],
        ['', 'Nonprofit', 'Engaged', '', '', '', ''],
        ['Ragged Org', 'Nonprofit', 'Engaged', '', '', '', '', 'extra', 'cells'],
        ['Short Org', 'Nonprofit'],
        ['Tier Org', 'Nonprofit', 'Engaged', '', '', 'Steering', '9'],
        ['Fraction Org', 'Nonprofit', 'Engaged', '2.5', '', '', ''],
      ]),
    );
    const check = await ok(backend, 'imports.check', plan(preview));
    expect(check).toMatchObject({ created: 2, updated: 0, skipped: 0, invalid: 6, problemCount: 7 });
    // Row 4's bad email is not reached: a row whose cells cannot be read is not checked further.
    expect(check.problems).toEqual([
      { row: 3, column: 'Sector', message: '“Spaceship” is not a sector. Use one of: Nonprofit, Community & grassroots, Government & policy, Private sector, Other.' },
      { row: 4, column: 'Staff size', message: '“lots” is not a number.' },
      { row: 5, column: 'Name', message: 'Organization name is required.' },
      { row: 6, column: null, message: 'Row has 9 cells; the header has 7.' },
      { row: 8, column: 'Alignment', message: 'Alignment is from 1 to 5.' },
      { row: 8, column: 'Tier', message: 'Only members have a membership tier.' },
      { row: 9, column: 'Staff size', message: 'Invalid input: expected int, received number' },
    ]);

    // Not skipping invalid rows: nothing is written.
    const error = await fails(backend, 'imports.run', { ...plan(preview), skipInvalid: false });
    expect(error).toMatchObject({ code: 'validation', message: '6 rows have problems, so nothing was imported. Fix them in the file, or import without the rows that have problems.' });
    expect((await orgsNamed(backend)).length).toBe(0);
    // Skipping them: the good rows are imported.
    expect(await ok(backend, 'imports.run', { ...plan(preview), skipInvalid: true })).toEqual({ created: 2, updated: 0, skipped: 0, invalid: 6 });
    expect((await orgsNamed(backend)).map((r) => r.name).sort()).toEqual(['Good Org', 'Short Org']);
  });

  it('a failed import leaves the workspace file exactly as it was', async () => {
    const { backend, path } = await useBackend();
    await ok(backend, 'organizations.create', organizationInput());
    const preview = await open(backend, csvOf([['Name', 'Stage'], ['A', 'Engaged'], ['B', 'Sometime']]));
    const before = snapshot(path);
    const error = await fails(backend, 'imports.run', { ...plan(preview), skipInvalid: false });
    expect(error.message).toBe('1 row has problems, so nothing was imported. Fix it in the file, or import without the rows that have problems.');
    expect(error.details).toMatchObject({ invalid: 1, problemCount: 1, problems: [{ row: 3, column: 'Stage' }] });
    expect(snapshot(path)).toEqual(before);
    // The file stays open: it can be imported once the problem is dealt with.
    expect(await ok(backend, 'imports.run', { ...plan(preview), skipInvalid: true })).toMatchObject({ created: 1, invalid: 1 });
  });

  it('lists at most MAX_LISTED_PROBLEMS problems and counts them all', async () => {
    const { backend } = await useBackend();
    const rows = Array.from({ length: MAX_LISTED_PROBLEMS + 20 }, (_, i) => [`Org ${i}`, 'nowhere']);
    const preview = await open(backend, csvOf([['Name', 'Stage'], ...rows]));
    const check = await ok(backend, 'imports.check', plan(preview));
    expect(check.problems).toHaveLength(MAX_LISTED_PROBLEMS);
    expect(check.problemCount).toBe(MAX_LISTED_PROBLEMS + 20);
    expect(check.problems[0]).toEqual({ row: 2, column: 'Stage', message: '“nowhere” is not a relationship stage. Use one of: Identified, Contacted, Engaged, Member, Inactive, Declined.' });
  });

  it('refuses a plan for another entity or with a mapping of the wrong length', async () => {
    const { backend } = await useBackend();
    const preview = await open(backend, csvOf([['Name', 'City'], ['A', 'B']]));
    const wrongEntity = await fails(backend, 'imports.check', { importId: preview.importId, entity: 'person', mapping: ['name', 'city'], duplicates: 'skip' });
    expect(wrongEntity).toMatchObject({ code: 'validation', message: 'This file was opened as an import of organizations.' });
    const short = await fails(backend, 'imports.check', plan(preview, { mapping: ['name'] }));
    expect(short).toMatchObject({ code: 'validation', message: 'The mapping has 1 entries but the file has 2 columns.' });
    expect(issuesOf(short).map((i) => i.path)).toEqual(['mapping']);
  });

  it('discard forgets the file; only the three most recent files stay open', async () => {
    const { backend } = await useBackend();
    const content = csvOf([['Name'], ['A']]);
    const first = await open(backend, content);
    expect(await ok(backend, 'imports.discard', { importId: first.importId })).toEqual({ deleted: true });
    expect((await fails(backend, 'imports.check', plan(first))).code).toBe('not_found');
    const a = await open(backend, content);
    const b = await open(backend, content);
    const c = await open(backend, content);
    const d = await open(backend, content);
    expect((await fails(backend, 'imports.check', plan(a))).code).toBe('not_found');
    for (const later of [b, c, d]) expect((await ok(backend, 'imports.check', plan(later))).created).toBe(1);
  });
});

describe('duplicates', () => {
  async function seeded(backend: Backend) {
    return ok(backend, 'organizations.create', organizationInput({ name: 'The Harbor Food Bank, Inc.', email: 'info@harborfood.org', website: 'https://www.harborfood.org', city: 'Harbor City', tags: ['food'], stage: 'engaged', tier: null }));
  }
  const FILE = csvOf([
    ['Name', 'Email', 'Website', 'City', 'Stage', 'Notes'],
    ['Harbor Food Bank', '', '', 'Harbor', '', 'name match'], // row 2: same name, normalized
    ['Harbour Pantry', 'INFO@harborfood.org', '', '', 'Member', ''], // row 3: same email
    ['HFB', '', 'harborfood.org/about', '', '', ''], // row 4: same website domain
    ['New Partner', 'new@partner.org', '', 'Springfield', '', 'first'], // row 5: new
    ['new partner', '', '', '', 'Contacted', 'second'], // row 6: repeats row 5 within the file
  ]);

  it('skip: rows matching a record (by name, email or website) or an earlier row are skipped', async () => {
    const { backend } = await useBackend();
    const existing = await seeded(backend);
    const preview = await open(backend, FILE);
    expect(await ok(backend, 'imports.check', plan(preview))).toMatchObject({ created: 1, updated: 0, skipped: 4, invalid: 0 });
    expect(await ok(backend, 'imports.run', plan(preview))).toEqual({ created: 1, updated: 0, skipped: 4, invalid: 0 });
    expect(await ok(backend, 'organizations.get', { id: existing.id })).toMatchObject({ name: existing.name, city: 'Harbor City', notes: existing.notes });
    expect(await orgByName(backend, 'New Partner')).toMatchObject({ stage: 'identified', notes: 'first' });
  });

  it('update: non-empty cells overwrite, empty cells keep; a later row updates what an earlier one created', async () => {
    const { backend, path } = await useBackend();
    const existing = await seeded(backend);
    const preview = await open(backend, FILE);
    const logBefore = changeLog(path).length;
    expect(await ok(backend, 'imports.run', plan(preview, { duplicates: 'update' }))).toEqual({ created: 1, updated: 4, skipped: 0, invalid: 0 });
    const updated = await ok(backend, 'organizations.get', { id: existing.id });
    // Row 2 set the city and notes, row 3 the name and stage (the tier stays null), row 4 the name again; the email and tags stay.
    expect(updated).toMatchObject({ name: 'HFB', city: 'Harbor', stage: 'member', notes: 'name match', email: 'INFO@harborfood.org', website: 'harborfood.org/about', tags: ['food'] });
    expect(updated.stageHistory.map((s) => s.stage)).toEqual(['engaged', 'member']);
    const created = await orgByName(backend, 'new partner');
    expect(created).toMatchObject({ email: 'new@partner.org', city: 'Springfield', stage: 'contacted', notes: 'second' });
    expect(created.stageHistory.map((s) => s.stage)).toEqual(['contacted']);
    expect((await orgsNamed(backend)).length).toBe(2);
    // One batch: the update (logged once with the record's final state), the creation and two stage changes.
    const log = changeLog(path).slice(logBefore);
    expect(new Set(log.map((l) => l.batch)).size).toBe(1);
    expect(log.map((l) => `${l.entity}:${l.action}`).sort()).toEqual([
      'organization_stage_changes:create',
      'organization_stage_changes:create',
      'organizations:create',
      'organizations:update',
    ]);
  });

  it('the import plans again when the workspace changed after the dry run', async () => {
    const { backend } = await useBackend();
    const preview = await open(backend, csvOf([['Name', 'City'], ['Delta Aid', 'Riverside'], ['Echo Aid', 'Harbor']]));
    expect(await ok(backend, 'imports.check', plan(preview))).toMatchObject({ created: 2, skipped: 0 });
    await ok(backend, 'organizations.create', organizationInput({ name: 'Delta Aid', email: '', website: '' }));
    expect(await ok(backend, 'imports.run', plan(preview))).toEqual({ created: 1, updated: 0, skipped: 1, invalid: 0 });
    // Another strategy than the dry run's: planned again too.
    const again = await open(backend, csvOf([['Name', 'City'], ['Delta Aid', 'Springfield']]));
    expect(await ok(backend, 'imports.check', plan(again))).toMatchObject({ skipped: 1 });
    expect(await ok(backend, 'imports.run', plan(again, { duplicates: 'update' }))).toMatchObject({ updated: 1 });
    expect(await orgByName(backend, 'Delta Aid')).toMatchObject({ city: 'Springfield' });
  });

  it('create: every row becomes a new record', async () => {
    const { backend } = await useBackend();
    await seeded(backend);
    const preview = await open(backend, FILE);
    expect(await ok(backend, 'imports.run', plan(preview, { duplicates: 'create' }))).toEqual({ created: 5, updated: 0, skipped: 0, invalid: 0 });
    expect((await orgsNamed(backend)).length).toBe(6);
  });

  it('people match by email or name; the organization column links a primary affiliation', async () => {
    const { backend } = await useBackend();
    const org = await ok(backend, 'organizations.create', organizationInput({ name: 'Eastside Clinic', email: '', website: '' }));
    const other = await ok(backend, 'organizations.create', organizationInput({ name: 'Westside Hall', email: '', website: '' }));
    const maria = await ok(backend, 'people.create', personInput());
    await ok(backend, 'affiliations.create', { personId: maria.id, organizationId: other.id, role: 'Volunteer', primary: true, startOn: null, endOn: null });
    const preview = await open(
      backend,
      csvOf([
        ['Name', 'Organization', 'Email', 'Community leader', 'May contact', 'Contact channels', 'Consent recorded on'],
        ['María Rivera', 'eastside clinic', '', '', '', '', ''],
        ['Jo Park', 'The Eastside Clinic', 'jo@park.org', 'yes', 'Yes', 'Email, Text message', '2025-03-01'],
        ['Lee Chen', 'Nowhere Inc', '', 'no', '', '', ''],
        ['Sam Ode', '', '', 'maybe', 'Yes', '', ''],
        ['Ana Ruiz', '', '', '', '', '', '12/03/2026'],
      ]),
      'person',
    );
    const check = await ok(backend, 'imports.check', plan(preview, { duplicates: 'update' }));
    expect(check).toMatchObject({ created: 1, updated: 1, invalid: 3 });
    expect(check.problems).toEqual([
      { row: 4, column: 'Organization', message: 'No organization named “Nowhere Inc” in the directory. Add it (or import the organizations) first.' },
      { row: 5, column: 'Community leader', message: '“maybe” is not yes or no.' },
      { row: 6, column: 'Consent recorded on', message: '“12/03/2026” is not a date: use YYYY-MM-DD (e.g. 2026-03-01).' },
    ]);
    await ok(backend, 'imports.run', { ...plan(preview, { duplicates: 'update' }), skipInvalid: true });
    const updated = await ok(backend, 'people.get', { id: maria.id });
    expect(updated.name).toBe('María Rivera'); // matched by name, and the cell (with its accent) is written
    expect(updated.affiliations.map((a) => [a.organization.name, a.primary])).toEqual(
      expect.arrayContaining([
        ['Eastside Clinic', true],
        ['Westside Hall', false],
      ]),
    );
    const people = await ok(backend, 'people.list', { filters: { organizationId: org.id } });
    expect(people.rows.map((p) => p.name).sort()).toEqual(['Jo Park', 'María Rivera']);
    const jo = await ok(backend, 'people.get', { id: people.rows.find((p) => p.name === 'Jo Park')?.id ?? '' });
    expect(jo).toMatchObject({ communityLeader: true, consent: { mayContact: true, channels: ['email', 'sms'], recordedOn: '2025-03-01', recordedBy: '' } });
  });

  it('people: consent without a date is reported on the consent column when the date is not mapped', async () => {
    const { backend } = await useBackend();
    const preview = await open(backend, csvOf([['Name', 'May contact'], ['Ana Ruiz', 'yes']]), 'person');
    const check = await ok(backend, 'imports.check', plan(preview));
    expect(check.problems).toEqual([{ row: 2, column: 'May contact', message: 'Record when consent was given or refused.' }]);
  });
});

describe('Excel workbooks', () => {
  it('reads the first sheet with data, with numbers, dates, rich text and formulas', async () => {
    const { backend } = await useBackend();
    await ok(backend, 'organizations.create', organizationInput({ name: 'Eastside Clinic' }));
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Notes');
    const sheet = workbook.addWorksheet('People');
    workbook.addWorksheet('Other').addRow(['ignored']);
    sheet.addRow(['Name', 'Organization', 'May contact', 'Consent recorded on', 'Community leader', 'Languages', 'Notes']);
    sheet.addRow(['Ana Lopez', 'Eastside Clinic', true, new Date(Date.UTC(2025, 1, 3)), 1, 'Spanish; English', { richText: [{ text: 'Bold ' }, { text: 'note' }] }]);
    sheet.addRow([]);
    sheet.addRow(['Ben Okafor', '', 'No', '2025-04-05', 0, '', { formula: '"computed"', result: 'computed' }]);
    const preview = await open(backend, Buffer.from(await workbook.xlsx.writeBuffer()), 'person', 'people.xlsx');
    expect(preview).toMatchObject({
      format: 'xlsx',
      sheet: 'People',
      rowCount: 2,
      notes: ['Read the sheet “People”; the other 2 sheets were ignored.'],
      mapping: ['name', 'organization', 'mayContact', 'consentRecordedOn', 'communityLeader', 'languages', 'notes'],
    });
    expect(preview.preview).toEqual([
      ['Ana Lopez', 'Eastside Clinic', 'Yes', '2025-02-03', '1', 'Spanish; English', 'Bold note'],
      ['Ben Okafor', '', 'No', '2025-04-05', '0', '', 'computed'],
    ]);
    // The blank row 3 is skipped; rows keep their sheet numbers.
    const check = await ok(backend, 'imports.check', plan(preview, { mapping: ['name', 'organization', 'mayContact', 'consentRecordedOn', 'communityLeader', 'languages', 'title'] }));
    expect(check).toMatchObject({ created: 2, invalid: 0 });
    await ok(backend, 'imports.run', plan(preview));
    const people = await ok(backend, 'people.list', {});
    const ana = await ok(backend, 'people.get', { id: people.rows.find((p) => p.name === 'Ana Lopez')?.id ?? '' });
    expect(ana).toMatchObject({ communityLeader: true, languages: ['Spanish', 'English'], notes: 'Bold note', consent: { mayContact: true, recordedOn: '2025-02-03' } });
    expect(ana.affiliations).toMatchObject([{ organization: { name: 'Eastside Clinic' }, primary: true, role: '' }]);
  });

  it('reports row problems with the sheet row number', async () => {
    const { backend } = await useBackend();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Partners');
    sheet.getCell('A3').value = 'Name';
    sheet.getCell('B3').value = 'Budget';
    sheet.getCell('A5').value = 'Alpha';
    sheet.getCell('B5').value = 'a lot';
    const preview = await open(backend, Buffer.from(await workbook.xlsx.writeBuffer()), 'organization', 'partners.xlsx');
    const check = await ok(backend, 'imports.check', plan(preview));
    expect(check.problems).toEqual([
      { row: 5, column: 'Budget', message: '“a lot” is not a budget band. Use one of: Under $100k, $100k – $500k, $500k – $2M, $2M – $10M, Over $10M.' },
    ]);
  });
});

describe('progress', () => {
  it('reports progress every 1000 rows while importing', async () => {
    const path = useTempFile();
    const events: AppEvent[] = [];
    const backend = await createBackend({ workspacePath: path, create: true, validateOutputs: true, onEvent: (e) => events.push(e) });
    onTestFinished(() => backend.close());
    const rows = Array.from({ length: 2500 }, (_, i) => [`Partner ${i}`, `p${i}@example.org`, i % 2 ? 'Member' : 'Engaged']);
    const preview = await open(backend, csvOf([['Name', 'Email', 'Stage'], ...rows]));
    expect(await ok(backend, 'imports.run', plan(preview))).toEqual({ created: 2500, updated: 0, skipped: 0, invalid: 0 });
    expect(events).toEqual([0, 1000, 2000, 2500].map((done) => ({ type: 'progress', task: 'import', done, total: 2500 })));
    const counted = withSqlite(path, (db) => db.prepare('select (select count(*) from organizations) as o, (select count(distinct batch) from change_log) as b, (select count(*) from change_log) as l').get());
    expect(counted).toEqual({ o: 2500, b: 1, l: 5000 });
  });
});

describe('large imports', () => {
  const schema = (path: string) => withSqlite(path, (db) => db.prepare("select type, name, tbl_name, sql from sqlite_schema order by name").all());

  it('10,000 rows into an empty directory: indexes rebuilt as they were, labels and search filled', async () => {
    const { backend, path } = await useBackend();
    const before = schema(path);
    const rows = Array.from({ length: 10_000 }, (_, i) => [`Partner ${i}`, i % 3 ? 'Member' : 'Engaged', i % 2 ? 'Riverside' : 'São Paulo', i % 5 ? 'clinic; rural' : 'food']);
    const preview = await open(backend, csvOf([['Name', 'Stage', 'City', 'Tags'], ...rows]));
    expect(await ok(backend, 'imports.run', plan(preview))).toEqual({ created: 10_000, updated: 0, skipped: 0, invalid: 0 });
    expect(schema(path)).toEqual(before);
    const counts = withSqlite(path, (db) => ({
      integrity: db.pragma('integrity_check', { simple: true }),
      labels: db.prepare("select count(*) as n from organization_labels where field = 'tag'").get(),
      stages: db.prepare('select count(*) as n from organization_stage_changes').get(),
      log: db.prepare('select count(*) as n, count(distinct batch) as b from change_log').get(),
    }));
    expect(counts).toEqual({ integrity: 'ok', labels: { n: 8000 * 2 + 2000 }, stages: { n: 10_000 }, log: { n: 20_000, b: 1 } });
    expect((await ok(backend, 'organizations.list', { filters: { tag: ['food'] } })).total).toBe(2000);
    expect((await ok(backend, 'organizations.list', { filters: { text: 'sao paulo partner 9998' } })).rows.map((r) => r.name)).toEqual(['Partner 9998']);
  });

  it('a failed large import leaves the file as it was, indexes included', async () => {
    const { backend, path } = await useBackend();
    const rows = Array.from({ length: 10_001 }, (_, i) => [`Partner ${i}`, i === 10_000 ? 'Someday' : 'Member']);
    const preview = await open(backend, csvOf([['Name', 'Stage'], ...rows]));
    const before = snapshot(path);
    const beforeSchema = schema(path);
    expect((await fails(backend, 'imports.run', { ...plan(preview), skipInvalid: false })).message).toMatch(/^1 row has problems/);
    expect(schema(path)).toEqual(beforeSchema);
    expect(snapshot(path)).toEqual(before);
  });
});

describe('export → import', () => {
  it('re-imports an exported CSV of organizations with every field intact', async () => {
    const { backend } = await useBackend();
    const inputs = [
      organizationInput({ phone: '+1 555 0100', notes: '=not a formula', otherNames: ['ECHC', 'Centro de Saúde, Inc.'] }),
      organizationInput({ name: 'Bayview Tenants', email: 'bayview@tenants.org', website: '', sector: 'community', type: 'local_community_group', stage: 'engaged', tier: null, contributions: ['volunteers'], alignment: { score: null, note: '' }, staffSize: null, budgetBand: null, tags: [] }),
      organizationInput({ name: 'County Board of Health', email: '', website: 'health.county.gov', sector: 'government', type: 'government_body', stage: 'declined', tier: null, budgetBand: '100k_500k', populations: ['Seniors', 'A population not in the list'] }),
    ];
    for (const input of inputs) await ok(backend, 'organizations.create', input);
    const exported = await ok(backend, 'directory.export', { entity: 'organization', format: 'csv', scope: { filters: {}, sort: { field: 'name', direction: 'asc' } } });

    const { backend: fresh, path: freshPath } = await useBackend();
    const preview = await open(fresh, exported.content);
    for (const key of ORGANIZATION_IMPORT_KEYS) expect(preview.mapping).toContain(key);
    expect(await ok(fresh, 'imports.run', plan(preview))).toEqual({ created: 3, updated: 0, skipped: 0, invalid: 0 });
    for (const input of inputs) {
      const { id: _id, stageChangedOn: _s, lastContactedOn: _l, createdAt: _c, updatedAt: _u, stageHistory: _h, affiliations: _a, relationships: _r, interactions: _i, interactionCount: _n, custom: _x, ...fields } =
        await orgByName(fresh, input.name);
      expect(fields).toEqual({ ...input, custom: undefined, otherNames: input.otherNames, tags: input.tags });
    }

    // Importing the same file again with "update" changes nothing.
    const again = await open(fresh, exported.content);
    expect(again.remembered).toBe(true);
    const logged = changeLog(freshPath).length;
    expect(await ok(fresh, 'imports.run', plan(again, { duplicates: 'update' }))).toEqual({ created: 0, updated: 3, skipped: 0, invalid: 0 });
    expect(changeLog(freshPath).length).toBe(logged);
  });

  it('re-imports an exported Excel file of people, linked to their organizations', async () => {
    const { backend } = await useBackend();
    const org = await ok(backend, 'organizations.create', organizationInput({ name: 'Eastside Clinic' }));
    const maria = await ok(backend, 'people.create', personInput());
    await ok(backend, 'affiliations.create', { personId: maria.id, organizationId: org.id, role: '', primary: true, startOn: null, endOn: null });
    await ok(backend, 'people.create', personInput({ name: 'Ben Okafor', email: '', communityLeader: false, consent: { mayContact: null, channels: [], recordedOn: null, recordedBy: '' } }));
    const exported = await ok(backend, 'directory.export', { entity: 'person', format: 'xlsx', scope: { filters: {}, sort: { field: 'name', direction: 'asc' } } });

    const { backend: fresh } = await useBackend();
    await ok(fresh, 'organizations.create', organizationInput({ name: 'Eastside Clinic' }));
    const preview = await open(fresh, Buffer.from(exported.content, 'base64'), 'person', exported.fileName);
    expect(await ok(fresh, 'imports.run', plan(preview))).toEqual({ created: 2, updated: 0, skipped: 0, invalid: 0 });
    const list = await ok(fresh, 'people.list', {});
    expect(list.rows.map((p) => [p.name, p.organization?.name ?? null])).toEqual([
      ['Ben Okafor', null],
      ['Maria Rivera', 'Eastside Clinic'],
    ]);
    const imported = await ok(fresh, 'people.get', { id: list.rows[1]?.id ?? '' });
    const { id: _id, createdAt: _c, updatedAt: _u, lastContactedOn: _l, affiliations: _a, relationships: _r, interactions: _i, interactionCount: _n, custom: _x, ...fields } = imported;
    expect(fields).toEqual({ ...personInput() });
  });
});
