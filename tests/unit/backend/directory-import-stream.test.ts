import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Input } from '@shared/contract';
import { MAX_IMPORT_CHUNK_BYTES } from '@shared/directory/imports';
import { createBackend } from '../../../electron/backend/backend';
import { IMPORT_FILES_FOLDER, sweepImportFiles } from '../../../electron/backend/directory/imports/files';
import { importRows, openImportTable } from '../../../electron/backend/directory/imports/parse';
import { fails, issuesOf, ok, snapshot, useBackend, useTempDir, useTempFile, withSqlite } from '../../support/backend';
import { uploadImport } from '../../support/imports';
import { organizationInput } from '../../support/samples';

// The streamed import (issue 7): the upload in pieces, refused when a piece is out of order, too
// big, not base64 or for no upload; the temporary file (private, gone after the import, a discard,
// the workspace closing, or a crash); and the reading of the file a chunk at a time, which must
// give the same rows whatever the chunk boundaries cut: a multi-byte character, a CRLF, a quoted
// cell with a line break inside.

type Backend = Awaited<ReturnType<typeof useBackend>>['backend'];

const upload = (backend: Backend, content: string | Buffer, pieceBytes?: number) =>
  uploadImport((method, input) => ok(backend, method, input as never), { entity: 'organization', fileName: 'partners.csv', content }, pieceBytes);

/** The temporary file of an upload (in this process's folder of the import files folder). */
function uploadedFile(importId: string): string | null {
  const root = join(tmpdir(), IMPORT_FILES_FOLDER);
  for (const folder of readdirSync(root)) {
    const path = join(root, folder, `${importId}.upload`);
    if (existsSync(path)) return path;
  }
  return null;
}

/** Every data row as a chunk size reads it: [row number, ...cells]. */
async function rowsRead(path: string, chunkBytes: number): Promise<{ headers: string[]; notes: string[]; rows: (string | number)[][] }> {
  const table = await openImportTable(path, { chunkBytes });
  const rows: (string | number)[][] = [];
  for await (const batch of importRows(path, table, { chunkBytes })) for (const { row, cells } of batch) rows.push([row, ...cells]);
  expect(rows.length).toBe(table.rowCount);
  return { headers: table.headers, notes: table.notes, rows };
}

describe('reading a file a chunk at a time', () => {
  // Accents (2 bytes), CJK (3), emoji (4); CRLF line breaks; quoted cells with a comma, a doubled
  // quote, and line breaks (LF and CRLF) inside; a blank line; a last line without a line break.
  const text =
    'Name,City,Notes\r\n' +
    'São Tomé Aid,Bogotá,"Line one\r\nline two, with a comma"\r\n' +
    '東京 Partners,Zürich,"He said ""yes""\nand left"\r\n' +
    '\r\n' +
    'Emoji 😀 Collective,Kraków,🎉🎉\r\n' +
    '"Quoted, name",Łódź,last';

  it('gives the same rows, row numbers and headers for every chunk size, as papaparse reads the whole text', async () => {
    const dir = useTempDir();
    const path = join(dir, 'tricky.csv');
    writeFileSync(path, `\uFEFF${text}`);
    const whole = Papa.parse<string[]>(text, { delimiter: ',' }).data;
    const expected = whole
      .map((cells, index) => [index + 1, ...cells] as (string | number)[])
      .slice(1)
      .filter((row) => row.slice(1).some((cell) => String(cell).trim() !== ''));
    expect(expected).toHaveLength(4);
    for (const chunkBytes of [1, 2, 3, 5, 7, 13, 64, 1 << 20]) {
      const read = await rowsRead(path, chunkBytes);
      expect(read.headers, `chunk ${chunkBytes}`).toEqual(['Name', 'City', 'Notes']);
      expect(read.rows, `chunk ${chunkBytes}`).toEqual(expected);
    }
  });

  it('reads UTF-16 (either byte order) with any chunk size, and says so', async () => {
    const dir = useTempDir();
    const le = join(dir, 'le.csv');
    const be = join(dir, 'be.csv');
    writeFileSync(le, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    writeFileSync(be, Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]));
    const reference = await rowsRead(le, 1 << 20);
    expect(reference.notes).toEqual(['Read as UTF-16 text.']);
    expect(reference.rows[2]).toEqual([5, 'Emoji 😀 Collective', 'Kraków', '🎉🎉']);
    for (const chunkBytes of [1, 3, 7]) {
      expect((await rowsRead(le, chunkBytes)).rows).toEqual(reference.rows);
      expect((await rowsRead(be, chunkBytes)).rows).toEqual(reference.rows);
    }
  });

  it('names the line of the first byte that is not UTF-8, wherever the chunks cut', async () => {
    const dir = useTempDir();
    const path = join(dir, 'latin1.csv');
    // Line 4 starts with a valid 3-byte character, then a Latin-1 "ã"; line 5 is fine.
    writeFileSync(path, Buffer.concat([Buffer.from('Name,City\nAlpha,Riverside\n"Beta\nGamma",x\n€'), Buffer.from([0xe3, 0x6f]), Buffer.from(',y\nDelta,z\n')]));
    for (const chunkBytes of [1, 2, 3, 4, 5, 1 << 20]) {
      await expect(openImportTable(path, { chunkBytes }), `chunk ${chunkBytes}`).rejects.toThrow(/^The file is not UTF-8 text: line 5 has a character in another encoding/);
    }
    // A file cut in the middle of its last character.
    writeFileSync(path, Buffer.concat([Buffer.from('Name\nS'), Buffer.from('ã').subarray(0, 1)]));
    for (const chunkBytes of [1, 1 << 20]) await expect(openImportTable(path, { chunkBytes })).rejects.toThrow(/line 2 has a character/);
  });

  it('a quote never closed is found however far the file goes on', async () => {
    const dir = useTempDir();
    const path = join(dir, 'unclosed.csv');
    writeFileSync(path, `Name,Notes\nAlpha,x\nBeta,"never closed\n${'Gamma,y\n'.repeat(2000)}`);
    for (const chunkBytes of [3, 4096]) {
      await expect(openImportTable(path, { chunkBytes })).rejects.toThrow('Row 3 opens a quoted cell (") that is never closed, so the rest of the file cannot be read.');
    }
  });
});

describe('reading a workbook', () => {
  /** A workbook as exceljs writes it: the sheets' parts first, the shared strings after them, the workbook part last. */
  async function workbookFile(sheets: [string, (string | number)[][]][]): Promise<string> {
    const workbook = new ExcelJS.Workbook();
    for (const [name, rows] of sheets) workbook.addWorksheet(name).addRows(rows);
    const path = useTempFile('partners.xlsx');
    writeFileSync(path, Buffer.from(await workbook.xlsx.writeBuffer()));
    return path;
  }

  const partOrder = (path: string) => Object.keys(unzipSync(readFileSync(path)));

  it('reads the first sheet with data among many, every time, whatever order the archive stores its parts in', async () => {
    // exceljs's own streaming reader failed on every read of such a file (a dozen sheets stored
    // before the workbook part) and on some reads of a smaller one (exceljs issue #3064).
    const blanks = Array.from({ length: 8 }, (_, i): [string, (string | number)[][]] => [`Blank ${i + 1}`, []]);
    const others = Array.from({ length: 3 }, (_, i): [string, (string | number)[][]] => [`Other ${i + 1}`, [['Name'], [`Other ${i + 1} row`]]]);
    const path = await workbookFile([...blanks, ['Partners', [['Name', 'Staff'], ['Alpha', 12], [], ['Beta', 3]]], ...others]);
    const order = partOrder(path);
    expect(order.indexOf('xl/worksheets/sheet12.xml')).toBeLessThan(order.indexOf('xl/sharedStrings.xml'));
    expect(order.indexOf('xl/sharedStrings.xml')).toBeLessThan(order.indexOf('xl/workbook.xml'));
    const tmpBefore = readdirSync(tmpdir()).filter((name) => name.startsWith('tmp-'));
    for (let read = 0; read < 10; read++) {
      const table = await openImportTable(path);
      expect(table).toMatchObject({ format: 'xlsx', sheet: 'Partners', sheetIndex: 8, headers: ['Name', 'Staff'], rowCount: 2, notes: ['Read the sheet “Partners”; the other 11 sheets were ignored.'] });
      const rows: (string | number)[][] = [];
      for await (const batch of importRows(path, table)) for (const { row, cells } of batch) rows.push([row, ...cells]);
      expect(rows).toEqual([[2, 'Alpha', '12'], [4, 'Beta', '3']]);
    }
    // Nothing of the file is parked in temporary files along the way.
    expect(readdirSync(tmpdir()).filter((name) => name.startsWith('tmp-'))).toEqual(tmpBefore);
  });

  it('goes through the sheets in the workbook’s order, not their parts’ order, with the workbook part first or last', async () => {
    const path = await workbookFile([['First part', [['Name'], ['From the first part']]], ['Second part', [['Name'], ['From the second part']]]]);
    // The workbook lists the second part's sheet first (as after moving a tab in Excel), and stores its own part first.
    const parts = unzipSync(readFileSync(path));
    const workbookXml = strFromU8(parts['xl/workbook.xml'] as Uint8Array);
    const sheetTags = workbookXml.match(/<sheet [^>]*\/>/g) ?? [];
    expect(sheetTags).toHaveLength(2);
    const swapped = workbookXml.replace(sheetTags.join(''), [sheetTags[1], sheetTags[0]].join(''));
    expect(swapped).not.toBe(workbookXml);
    const { 'xl/workbook.xml': _workbook, ...rest } = parts;
    writeFileSync(path, zipSync({ 'xl/workbook.xml': strToU8(swapped), ...rest }));
    expect(partOrder(path)[0]).toBe('xl/workbook.xml');
    const table = await openImportTable(path);
    expect(table).toMatchObject({ sheet: 'Second part', sheetIndex: 0, rowCount: 1 });
    expect(table.preview).toEqual([['From the second part']]);
    // A sheet chosen by its place is the same sheet when the file is read again.
    const again: string[][] = [];
    for await (const batch of importRows(path, { format: 'xlsx', sheetIndex: 1 })) for (const { cells } of batch) again.push(cells);
    expect(again).toEqual([['From the first part']]);
  });

  it('a zip without a workbook part, or whose workbook names no sheet it holds, is refused as unreadable', async () => {
    const path = await workbookFile([['Partners', [['Name'], ['Alpha']]]]);
    const { 'xl/workbook.xml': _workbook, ...withoutWorkbook } = unzipSync(readFileSync(path));
    writeFileSync(path, zipSync(withoutWorkbook));
    await expect(openImportTable(path)).rejects.toThrow('This Excel file could not be read');
    const { 'xl/worksheets/sheet1.xml': _sheet, ...withoutSheet } = unzipSync(readFileSync(await workbookFile([['Partners', [['Name'], ['Alpha']]]])));
    writeFileSync(path, zipSync(withoutSheet));
    await expect(openImportTable(path)).rejects.toThrow('This Excel file could not be read');
  });
});

describe('the upload', () => {
  it('arrives in pieces of any size and imports as one file', async () => {
    const { backend } = await useBackend();
    const csv = 'Name,City\r\nSão Tomé Aid,Bogotá\r\n東京 Partners,Zürich\r\n';
    // Pieces of 5 bytes cut through the multi-byte characters and the CRLFs.
    const preview = await ok(backend, 'imports.open', { importId: await upload(backend, csv, 5) });
    expect(preview.preview).toEqual([
      ['São Tomé Aid', 'Bogotá'],
      ['東京 Partners', 'Zürich'],
    ]);
    const run = await ok(backend, 'imports.run', { importId: preview.importId, entity: 'organization', mapping: ['name', 'city'], duplicates: 'skip', skipInvalid: false });
    expect(run).toEqual({ created: 2, updated: 0, skipped: 0, invalid: 0 });
  });

  it('refuses pieces out of order, past the announced size, not base64, or for no upload; and opening before the end', async () => {
    const { backend, path } = await useBackend();
    const before = snapshot(path);
    const { importId } = await ok(backend, 'imports.begin', { entity: 'organization', fileName: 'partners.csv', size: 20 });
    const piece = (text: string) => Buffer.from(text).toString('base64');
    const refused = async (input: Input<'imports.append'>, field: string) => {
      const error = await fails(backend, 'imports.append', input);
      expect(error.code).toBe('validation');
      expect(issuesOf(error).map((i) => i.path)).toEqual([field]);
      return error.message;
    };

    expect(await refused({ importId, offset: 4, data: piece('Name') }, 'offset')).toBe(
      'This piece starts at byte 4, but 0 bytes have arrived so far: pieces must arrive in order. Choose the file again.',
    );
    expect(await ok(backend, 'imports.append', { importId, offset: 0, data: piece('Name,City\n') })).toEqual({ received: 10, size: 20 });
    // The same piece again (a retry that already arrived), and one beyond the announced size.
    expect(await refused({ importId, offset: 0, data: piece('Name,City\n') }, 'offset')).toMatch(/^This piece starts at byte 0, but 10 bytes have arrived/);
    expect(await refused({ importId, offset: 25, data: piece('x') }, 'offset')).toMatch(/^This piece starts at byte 25/);
    expect(await refused({ importId, offset: 10, data: piece('Alpha,Riverside,more\n') }, 'data')).toBe(
      'This piece goes past the end of the file: it was announced as 20 bytes. Choose the file again.',
    );
    for (const garbage of ['Tm*tZQ==', 'TmFtZQ', 'TQ==TQ==', '====']) {
      expect(await refused({ importId, offset: 10, data: garbage }, 'data')).toBe(
        'The file could not be read: a piece of it did not arrive intact (it is not valid base64). Choose the file again.',
      );
    }
    const early = await fails(backend, 'imports.open', { importId });
    expect(early.message).toBe('The file has not finished uploading: 10 of 20 bytes have arrived.');
    const unfinished = await fails(backend, 'imports.check', { importId, entity: 'organization', mapping: ['name', 'city'], duplicates: 'skip' });
    expect(unfinished.message).toMatch(/^This file has not been opened yet/);

    const unknown = await fails(backend, 'imports.append', { importId: '00000000-0000-4000-8000-0000000000ff', offset: 0, data: piece('x') });
    expect(unknown.code).toBe('not_found');
    // A piece larger than the limit is refused by the contract, before it is decoded.
    const big = await fails(backend, 'imports.append', { importId, offset: 10, data: 'A'.repeat((MAX_IMPORT_CHUNK_BYTES / 3) * 4 + 4) });
    expect(big.message).toContain('A piece of the file carries at most 3 MB.');

    // Refusals changed nothing: the rest still arrives and opens.
    expect(await ok(backend, 'imports.append', { importId, offset: 10, data: piece('Alpha,Riv\n') })).toEqual({ received: 20, size: 20 });
    expect((await ok(backend, 'imports.open', { importId })).preview).toEqual([['Alpha', 'Riv']]);
    expect(snapshot(path)).toEqual(before);
  });
});

describe('the temporary file', () => {
  it('is readable by its owner only, and deleted after the import, on discard and when the workspace closes', async () => {
    const { backend } = await useBackend();
    const csv = 'Name\nAlpha\n';
    const imported = await upload(backend, csv);
    const file = uploadedFile(imported);
    expect(file).not.toBeNull();
    expect(statSync(file as string).mode & 0o777).toBe(0o600);
    expect(statSync(join(file as string, '..')).mode & 0o777).toBe(0o700);
    await ok(backend, 'imports.open', { importId: imported });
    await ok(backend, 'imports.run', { importId: imported, entity: 'organization', mapping: ['name'], duplicates: 'skip', skipInvalid: false });
    expect(existsSync(file as string)).toBe(false);

    const discarded = await upload(backend, csv);
    const discardedFile = uploadedFile(discarded) as string;
    await ok(backend, 'imports.discard', { importId: discarded });
    expect(existsSync(discardedFile)).toBe(false);

    // An unreadable file is not kept either.
    const binary = await upload(backend, Buffer.from([0, 1, 2, 3]));
    const binaryFile = uploadedFile(binary) as string;
    await fails(backend, 'imports.open', { importId: binary });
    expect(existsSync(binaryFile)).toBe(false);

    const path = useTempFile();
    const other = await createBackend({ workspacePath: path, create: true });
    const left = await uploadImport((method, input) => ok(other, method, input as never), { entity: 'organization', fileName: 'partners.csv', content: csv });
    const mine = await upload(backend, csv);
    await other.close();
    expect(uploadedFile(left)).toBeNull();
    // Another workspace's files stay.
    expect(uploadedFile(mine)).not.toBeNull();
  });

  it('left by a process that no longer runs, or for more than a day, is deleted at the next start', async () => {
    const root = join(tmpdir(), IMPORT_FILES_FOLDER);
    mkdirSync(root, { recursive: true, mode: 0o700 });
    // No process has pid 2^30 (Linux caps pids at 2^22).
    const dead = join(root, `${2 ** 30}-deadbeef`);
    const old = join(root, `${process.ppid}-0ld0ld00`);
    const live = join(root, `${process.ppid}-a11ve000`);
    for (const folder of [dead, old, live]) {
      mkdirSync(folder, { mode: 0o700 });
      writeFileSync(join(folder, 'x.upload'), 'Name\nAlpha\n', { mode: 0o600 });
    }
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    utimesSync(old, twoDaysAgo, twoDaysAgo);
    await sweepImportFiles();
    expect([existsSync(dead), existsSync(old), existsSync(live)]).toEqual([false, false, true]);
    await sweepImportFiles();
    expect(existsSync(live)).toBe(true);
    utimesSync(live, twoDaysAgo, twoDaysAgo);
    await sweepImportFiles();
    expect(existsSync(live)).toBe(false);
  });
});

describe('check and run over batches', () => {
  /** 2,500 rows (three batches of 1,000): rows 1 and 2,400 are the same partner, row 1,200 repeats an existing one. */
  function repeatingCsv(): string {
    const rows = Array.from({ length: 2500 }, (_, i) => `Partner ${i},,Riverside,`);
    rows[0] = 'Repeat Alliance,,Riverside,first';
    rows[1199] = 'Existing Partner,hello@existing.org,Harbor,from the file';
    rows[2399] = 'Repeat Alliance,repeat@alliance.org,,last';
    return `Name,Email,City,Notes\n${rows.join('\n')}\n`;
  }

  it('update: a record that rows far apart fill is written once, as the last row leaves it; the dry run agrees with the import', async () => {
    const { backend, path } = await useBackend();
    await ok(backend, 'organizations.create', organizationInput({ name: 'Existing Partner', email: '', city: 'Old Town', notes: 'kept' }));
    const preview = await ok(backend, 'imports.open', { importId: await upload(backend, repeatingCsv()) });
    const plan: Input<'imports.check'> = { importId: preview.importId, entity: 'organization', mapping: ['name', 'email', 'city', 'notes'], duplicates: 'update' };
    const check = await ok(backend, 'imports.check', plan);
    expect(check).toMatchObject({ created: 2498, updated: 2, skipped: 0, invalid: 0 });
    const run = await ok(backend, 'imports.run', { ...plan, skipInvalid: false });
    expect(run).toEqual({ created: 2498, updated: 2, skipped: 0, invalid: 0 });
    const named = withSqlite(path, (db) => db.prepare("select name, email, city, notes from organizations where name in ('Repeat Alliance', 'Existing Partner') order by name").all());
    expect(named).toEqual([
      { name: 'Existing Partner', email: 'hello@existing.org', city: 'Harbor', notes: 'from the file' },
      { name: 'Repeat Alliance', email: 'repeat@alliance.org', city: 'Riverside', notes: 'last' },
    ]);
    // Written once: one change of the record in the log, its creation.
    const logged = withSqlite(path, (db) => db.prepare("select action from change_log where entity_id = (select id from organizations where name = 'Repeat Alliance')").all());
    expect(logged).toEqual([{ action: 'create' }]);
  });

  it('skip: a row that repeats one from an earlier batch is skipped', async () => {
    const { backend } = await useBackend();
    const preview = await ok(backend, 'imports.open', { importId: await upload(backend, repeatingCsv()) });
    const plan: Input<'imports.check'> = { importId: preview.importId, entity: 'organization', mapping: ['name', 'email', 'city', 'notes'], duplicates: 'skip' };
    expect(await ok(backend, 'imports.check', plan)).toMatchObject({ created: 2499, skipped: 1 });
    expect(await ok(backend, 'imports.run', { ...plan, skipInvalid: false })).toEqual({ created: 2499, updated: 0, skipped: 1, invalid: 0 });
  });
});

describe('a file larger than the old 32 MB limit', () => {
  it('uploads, opens and imports (38 MB: 4,000 rows, each with a long column left out)', async () => {
    const { backend } = await useBackend();
    const scan = 'Tenant organizing, food distribution and legal clinics across the county; '.repeat(130);
    const rows = Array.from({ length: 4_000 }, (_, i) => `Partner ${i},Riverside,"${scan}${i}"`);
    const csv = Buffer.from(`Name,City,Scanned letter\n${rows.join('\n')}\n`);
    expect(csv.length).toBeGreaterThan(36 * 1024 * 1024);
    const preview = await ok(backend, 'imports.open', { importId: await upload(backend, csv) });
    expect(preview.rowCount).toBe(4_000);
    const run = await ok(backend, 'imports.run', { importId: preview.importId, entity: 'organization', mapping: ['name', 'city', null], duplicates: 'create', skipInvalid: false });
    expect(run).toEqual({ created: 4_000, updated: 0, skipped: 0, invalid: 0 });
  });
});
