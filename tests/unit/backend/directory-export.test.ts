import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { Input, Output } from '@shared/contract';
import { ORGANIZATION_EXPORT_FIELDS, PERSON_EXPORT_FIELDS } from '@shared/directory/exports';
import { openWorkspace } from '../../../electron/backend/db/connection';
import { exportDirectory, neutralizeFormula } from '../../../electron/backend/directory/exports/service';
import { fails, ok, useBackend, useTempFile } from '../../support/backend';
import { personInput } from '../../support/people';
import { organizationInput } from '../../support/samples';

type Backend = Awaited<ReturnType<typeof useBackend>>['backend'];

const TRIGGERS = ['=SUM(A1:A2)', '+1+2', '-3+4', '@cmd', '\tTabbed', '\rReturned'];

/** Parses a CSV export (BOM first) into rows of strings. */
function parseCsv(content: string): string[][] {
  expect(content.startsWith('\uFEFF')).toBe(true);
  expect(content).not.toContain('\r\n\r\n');
  const parsed = Papa.parse<string[]>(content.slice(1), { skipEmptyLines: true, delimiter: ',', newline: '\r\n' });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

async function readXlsx(out: Output<'directory.export'>): Promise<ExcelJS.Worksheet> {
  expect(out.encoding).toBe('base64');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(out.content, 'base64') as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no worksheet');
  return sheet;
}

function sheetRows(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

async function seed(backend: Backend) {
  const a = await ok(backend, 'organizations.create', organizationInput({ name: 'Ánimo Salud', city: 'São Paulo', stage: 'member', tier: 'steering', tags: ['clinic', 'à la carte'], alignment: { score: 5, note: '' } }));
  const b = await ok(
    backend,
    'organizations.create',
    organizationInput({ name: 'Bayview Tenants', sector: 'community', type: 'local_community_group', city: 'Harbor', stage: 'engaged', tier: null, tags: [], contributions: ['volunteers'] }),
  );
  const c = await ok(backend, 'organizations.create', organizationInput({ name: 'Cedar Legal', type: 'legal_aid', city: 'Avon', stage: 'identified', tier: null, staffSize: 12 }));
  return { a, b, c };
}

const csv = (input: Omit<Input<'directory.export'>, 'format'>) => ({ ...input, format: 'csv' }) as Input<'directory.export'>;

describe('neutralizeFormula', () => {
  it('prefixes a quote to every trigger character and leaves other text alone', () => {
    for (const value of TRIGGERS) expect(neutralizeFormula(value)).toBe(`'${value}`);
    expect(neutralizeFormula('Health = care')).toBe('Health = care');
    expect(neutralizeFormula('')).toBe('');
    expect(neutralizeFormula("'already")).toBe("'already");
  });
});

describe('directory.export', () => {
  it('writes a CSV that parses back to the records, with labels, joined lists, dates and accents', async () => {
    const { backend } = await useBackend();
    const { a, b, c } = await seed(backend);
    const out = await ok(backend, 'directory.export', csv({ entity: 'organization', scope: { filters: {}, sort: { field: 'name', direction: 'asc' } } }));
    expect(out).toMatchObject({ encoding: 'utf8', mimeType: 'text/csv', rows: 3 });
    expect(out.fileName).toMatch(/^organizations-\d{4}-\d{2}-\d{2}\.csv$/);
    const [header, ...rows] = parseCsv(out.content);
    expect(header).toEqual(Object.values(ORGANIZATION_EXPORT_FIELDS));
    const col = (name: string) => header?.indexOf(name) ?? -1;
    // The same order as the table (organizations.list with the same sort).
    const listed = await ok(backend, 'organizations.list', { sort: { field: 'name', direction: 'asc' } });
    expect(rows.map((r) => r[col('Organization name')])).toEqual(listed.rows.map((r) => r.name));
    const row = (name: string) => rows.find((r) => r[col('Organization name')] === name) ?? [];
    const first = row(a.name);
    expect(first[col('City')]).toBe('São Paulo');
    expect(first[col('Sector')]).toBe('Nonprofit');
    expect(first[col('Type')]).toBe('Public health organization');
    expect(first[col('Stage')]).toBe('Member');
    expect(first[col('Tier')]).toBe('Steering');
    expect(first[col('Tags')]).toBe('clinic; à la carte');
    expect(first[col('Other names')]).toBe(a.otherNames.join('; '));
    expect(first[col('Alignment (1–5)')]).toBe('5');
    expect(first[col('Created')]).toBe(a.createdAt.slice(0, 10));
    expect(row(b.name)[col('Sector')]).toBe('Community & grassroots');
    expect(row(b.name)[col('Contributions')]).toBe('Volunteers');
    expect(row(c.name)[col('Staff size')]).toBe('12');
  });

  it('writes an Excel workbook with a bold frozen header and the same rows', async () => {
    const { backend } = await useBackend();
    const { a } = await seed(backend);
    const out = await ok(backend, 'directory.export', {
      entity: 'organization',
      format: 'xlsx',
      scope: { filters: {}, sort: { field: 'name', direction: 'asc' } },
      columns: ['name', 'city', 'alignmentScore', 'createdAt'],
    });
    expect(out.fileName).toMatch(/^organizations-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const sheet = await readXlsx(out);
    const rows = sheetRows(sheet);
    expect(rows[0]).toEqual(['Organization name', 'City', 'Alignment (1–5)', 'Created']);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(20);
    expect(rows).toHaveLength(4);
    const animo = rows.find((r) => r[0] === 'Ánimo Salud');
    expect(animo?.slice(0, 3)).toEqual(['Ánimo Salud', 'São Paulo', 5]);
    expect((animo?.[3] as Date).toISOString().slice(0, 10)).toBe(a.createdAt.slice(0, 10));
  });

  it('neutralizes formula triggers in every text cell of both formats, and keeps negative numbers as numbers', async () => {
    const { backend, path } = await useBackend();
    // Names are trimmed on input, so a leading tab or return can only reach the notes.
    for (const [i, trigger] of TRIGGERS.entries()) {
      await ok(backend, 'organizations.create', organizationInput({ name: i < 4 ? `${trigger} org` : `Org ${i}`, notes: trigger, tier: null, stage: 'engaged' }));
    }
    // A negative staff size cannot come through the form; the file could hold one from elsewhere.
    const { default: Database } = await import('better-sqlite3');
    const raw = new Database(path);
    raw.prepare('update organizations set staff_size = -5').run();
    raw.close();

    const columns = ['name', 'notes', 'staffSize'] as const;
    const scope = { filters: {}, sort: { field: 'name' as const, direction: 'asc' as const } };
    const csvOut = await ok(backend, 'directory.export', { entity: 'organization', format: 'csv', scope, columns: [...columns] });
    const [, ...rows] = parseCsv(csvOut.content);
    expect(rows).toHaveLength(TRIGGERS.length);
    expect(rows.map((r) => r[1]).sort()).toEqual(TRIGGERS.map((t) => `'${t}`).sort());
    for (const row of rows) {
      expect(row[0]).toMatch(/^('[=+\-@].* org|Org \d)$/);
      expect(row[2]).toBe('-5');
    }
    expect(rows.filter((r) => r[0]?.startsWith("'"))).toHaveLength(4);
    const xlsxOut = await ok(backend, 'directory.export', { entity: 'organization', format: 'xlsx', scope, columns: [...columns] });
    const [, ...cells] = sheetRows(await readXlsx(xlsxOut));
    expect(cells).toHaveLength(TRIGGERS.length);
    // XML turns a carriage return into a line feed when the workbook is read; the quote is what matters.
    expect(cells.map((r) => r[1]).sort()).toEqual(TRIGGERS.map((t) => `'${t.replace('\r', '\n')}`).sort());
    expect(cells.filter((r) => String(r[0]).startsWith("'"))).toHaveLength(4);
    for (const row of cells) {
      expect(row[2]).toBe(-5);
    }
    // No cell became a formula.
    const sheet = await readXlsx(xlsxOut);
    sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
  });

  it('respects filters and sort, a selection of ids, and the chosen columns in order', async () => {
    const { backend } = await useBackend();
    const { a, b, c } = await seed(backend);
    const filtered = await ok(
      backend,
      'directory.export',
      csv({ entity: 'organization', scope: { filters: { stage: ['member', 'identified'] }, sort: { field: 'city', direction: 'asc' } }, columns: ['city', 'name'] }),
    );
    expect(parseCsv(filtered.content)).toEqual([
      ['City', 'Organization name'],
      ['Avon', 'Cedar Legal'],
      ['São Paulo', 'Ánimo Salud'],
    ]);
    expect(filtered.rows).toBe(2);

    const searched = await ok(backend, 'directory.export', csv({ entity: 'organization', scope: { filters: { text: 'animo' }, sort: { field: 'name', direction: 'asc' } }, columns: ['name'] }));
    expect(parseCsv(searched.content)).toEqual([['Organization name'], ['Ánimo Salud']]);

    const selected = await ok(backend, 'directory.export', csv({ entity: 'organization', scope: { ids: [c.id, b.id] }, columns: ['name', 'stage'] }));
    expect(parseCsv(selected.content)).toEqual([
      ['Organization name', 'Stage'],
      ['Bayview Tenants', 'Engaged'],
      ['Cedar Legal', 'Identified'],
    ]);
    expect(a.id).not.toBe(b.id);
  });

  it('exports people with their organization, consent and labels', async () => {
    const { backend } = await useBackend();
    const { a } = await seed(backend);
    const person = await ok(backend, 'people.create', personInput({ name: 'Zoë Ramírez', city: 'Ñuñoa', tags: ['=HYPERLINK("x")'] }));
    await ok(backend, 'people.create', personInput({ name: 'Ben Okafor', tags: [] }));
    await ok(backend, 'affiliations.create', { personId: person.id, organizationId: a.id, role: 'Director', primary: true, startOn: null, endOn: null });
    const out = await ok(backend, 'directory.export', csv({ entity: 'person', scope: { filters: { organizationId: a.id }, sort: { field: 'name', direction: 'asc' } } }));
    const [header, ...rows] = parseCsv(out.content);
    expect(header).toEqual(Object.values(PERSON_EXPORT_FIELDS));
    expect(rows).toHaveLength(1);
    const row = rows[0] ?? [];
    const col = (name: string) => header?.indexOf(name) ?? -1;
    expect(row[col('Name')]).toBe('Zoë Ramírez');
    expect(row[col('City')]).toBe('Ñuñoa');
    expect(row[col('Organization')]).toBe('Ánimo Salud');
    expect(row[col('Tags')]).toBe(`'=HYPERLINK("x")`);
    expect(row[col('May contact')]).toBe(person.consent.mayContact === null ? '' : person.consent.mayContact ? 'Yes' : 'No');
    expect(out.fileName).toMatch(/^people-/);

    const xlsx = await ok(backend, 'directory.export', { entity: 'person', format: 'xlsx', scope: { ids: [person.id] }, columns: ['name', 'organization'] });
    expect(sheetRows(await readXlsx(xlsx))).toEqual([
      ['Name', 'Organization'],
      ['Zoë Ramírez', 'Ánimo Salud'],
    ]);
  });

  it('still writes the headers when nothing matches', async () => {
    const { backend } = await useBackend();
    await seed(backend);
    const scope = { filters: { text: 'nothing-like-this' }, sort: { field: 'name' as const, direction: 'asc' as const } };
    const out = await ok(backend, 'directory.export', csv({ entity: 'organization', scope, columns: ['name', 'city'] }));
    expect(out.rows).toBe(0);
    expect(parseCsv(out.content)).toEqual([['Organization name', 'City']]);
    const xlsx = await ok(backend, 'directory.export', { entity: 'organization', format: 'xlsx', scope, columns: ['name', 'city'] });
    expect(sheetRows(await readXlsx(xlsx))).toEqual([['Organization name', 'City']]);
  });

  it('refuses bad input with field-level errors', async () => {
    const { backend } = await useBackend();
    expect((await fails(backend, 'directory.export', { entity: 'organization', format: 'pdf', scope: { ids: [] } })).code).toBe('validation');
    expect((await fails(backend, 'directory.export', { entity: 'person', format: 'csv', scope: { filters: {}, sort: { field: 'name', direction: 'asc' } }, columns: ['sector'] })).code).toBe(
      'validation',
    );
    expect((await fails(backend, 'directory.export', { entity: 'organization', format: 'csv', scope: { ids: [] } })).code).toBe('validation');
  });

  it('refuses an export larger than the Save limit with a conflict that suggests a filter', async () => {
    const path = useTempFile();
    const workspace = await openWorkspace(path, { create: true });
    onTestFinished(() => workspace.close());
    // The service with a small limit (the real one is 50 MB): the same code path, a few records.
    for (let i = 0; i < 20; i++) {
      workspace.sqlite
        .prepare(
          `insert into organizations (id, name, other_names_json, sector, type, issue_areas_json, regions_json, populations_json, alignment_score, alignment_note, stage, stage_changed_on, tier, contributions_json, website, email, phone, address, city, district, registration_number, staff_size, budget_band, tags_json, notes, last_contacted_on, created_at, updated_at)
           values (?, ?, '[]', 'nonprofit', 'advocacy_group', '[]', '[]', '[]', null, '', 'engaged', '2026-01-01', null, '[]', '', '', '', '', '', '', '', null, null, '[]', ?, null, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
        )
        .run(`00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, `Org ${i}`, 'x'.repeat(1000));
    }
    const input = { entity: 'organization', format: 'csv', scope: { filters: {}, sort: { field: 'name', direction: 'asc' } } } as const;
    const refused = await exportDirectory({ db: workspace.db }, input, { maxBytes: 5000 }).then(
      () => null,
      (error: unknown) => error as { code: string; message: string },
    );
    expect(refused?.code).toBe('conflict');
    expect(refused?.message).toMatch(/larger than .* Filter the organizations/);
    await expect(exportDirectory({ db: workspace.db }, { ...input, format: 'xlsx' }, { maxBytes: 2000 })).rejects.toMatchObject({ code: 'conflict' });
    const fits = await exportDirectory({ db: workspace.db }, input, { maxBytes: 100_000 });
    expect(fits.rows).toBe(20);
  });
});
