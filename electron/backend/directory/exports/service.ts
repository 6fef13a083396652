import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import Papa from 'papaparse';
import { AppError } from '@shared/errors';
import { MAX_EXPORT_BYTES } from '@shared/files/contract';
import { ORGANIZATION_TYPES, SECTORS, type OrganizationType, type Sector } from '@shared/taxonomy';
import { BUDGET_BANDS, CONTACT_CHANNELS, CONTRIBUTIONS, STAGES, TIERS } from '@shared/directory/enums';
import {
  ORGANIZATION_EXPORT_FIELDS,
  ORGANIZATION_EXPORT_KEYS,
  PERSON_EXPORT_FIELDS,
  PERSON_EXPORT_KEYS,
  type ExportInput,
  type ExportOutput,
  type OrganizationExportField,
  type PersonExportField,
} from '@shared/directory/exports';
import type { Organization } from '@shared/directory/organizations';
import type { Person } from '@shared/directory/people';
import type { CustomFieldsTable } from '../../db/schema';
import type { CallContext } from '../../rpc/handlers';
import { customValuesOf, fieldDefinitions } from '../customFields/service';
import { localToday } from '../affiliations/service';
import { matchingOrganizations, toOrganization } from '../organizations/service';
import { displayOrganizations, matchingPeople, personFromRow } from '../people/service';

type Db = Pick<CallContext, 'db'>;

/** Records are read from SQLite this many at a time (by rowid), so an export never holds two copies of the table. */
export const EXPORT_CHUNK = 1000;

/**
 * A text cell as a spreadsheet may not execute it: a leading = + - @ (or a tab / carriage return,
 * which some spreadsheets skip before reading a formula) gets a single quote in front.
 */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export type Cell = string | number | null;
export type Kind = 'text' | 'number' | 'date';

export interface Field<R> {
  header: string;
  kind: Kind;
  /** Column width in characters (Excel). */
  width: number;
  value: (record: R) => Cell;
}

const list = (items: readonly string[]) => items.join('; ');
const day = (timestamp: string | null) => (timestamp === null ? null : timestamp.slice(0, 10));
const yesNo = (value: boolean | null) => (value === null ? '' : value ? 'Yes' : 'No');
const sectorLabel = (sector: string) => (sector === 'other' ? 'Other' : (SECTORS[sector as Sector] ?? sector));
const typeLabel = (type: string) => (type === 'other' ? 'Other' : (ORGANIZATION_TYPES[type as OrganizationType]?.label ?? type));

function field<R>(header: string, kind: Kind, width: number, value: (record: R) => Cell): Field<R> {
  return { header, kind, width, value };
}

/** A column of a sheet another domain exports with writeSheetFile (the policy scorecard). */
export const sheetField = field;

const O = ORGANIZATION_EXPORT_FIELDS;
const ORGANIZATION_FIELDS: { [K in OrganizationExportField]: Field<Organization> } = {
  name: field(O.name, 'text', 36, (o) => o.name),
  otherNames: field(O.otherNames, 'text', 24, (o) => list(o.otherNames)),
  sector: field(O.sector, 'text', 22, (o) => sectorLabel(o.sector)),
  type: field(O.type, 'text', 30, (o) => typeLabel(o.type)),
  stage: field(O.stage, 'text', 12, (o) => STAGES[o.stage]),
  stageChangedOn: field(O.stageChangedOn, 'date', 12, (o) => o.stageChangedOn),
  tier: field(O.tier, 'text', 10, (o) => (o.tier ? TIERS[o.tier] : '')),
  issueAreas: field(O.issueAreas, 'text', 30, (o) => list(o.issueAreas)),
  regions: field(O.regions, 'text', 20, (o) => list(o.regions)),
  populations: field(O.populations, 'text', 28, (o) => list(o.populations)),
  alignmentScore: field(O.alignmentScore, 'number', 10, (o) => o.alignment.score),
  alignmentNote: field(O.alignmentNote, 'text', 30, (o) => o.alignment.note),
  contributions: field(O.contributions, 'text', 28, (o) => list(o.contributions.map((c) => CONTRIBUTIONS[c]))),
  website: field(O.website, 'text', 26, (o) => o.website),
  email: field(O.email, 'text', 28, (o) => o.email),
  phone: field(O.phone, 'text', 16, (o) => o.phone),
  address: field(O.address, 'text', 30, (o) => o.address),
  city: field(O.city, 'text', 16, (o) => o.city),
  district: field(O.district, 'text', 14, (o) => o.district),
  registrationNumber: field(O.registrationNumber, 'text', 18, (o) => o.registrationNumber),
  staffSize: field(O.staffSize, 'number', 10, (o) => o.staffSize),
  budgetBand: field(O.budgetBand, 'text', 14, (o) => (o.budgetBand ? BUDGET_BANDS[o.budgetBand] : '')),
  tags: field(O.tags, 'text', 22, (o) => list(o.tags)),
  notes: field(O.notes, 'text', 40, (o) => o.notes),
  lastContactedOn: field(O.lastContactedOn, 'date', 14, (o) => o.lastContactedOn),
  createdAt: field(O.createdAt, 'date', 12, (o) => day(o.createdAt)),
  updatedAt: field(O.updatedAt, 'date', 12, (o) => day(o.updatedAt)),
};

type ExportedPerson = Person & { organization: string };
const P = PERSON_EXPORT_FIELDS;
const PERSON_FIELDS: { [K in PersonExportField]: Field<ExportedPerson> } = {
  name: field(P.name, 'text', 28, (p) => p.name),
  pronouns: field(P.pronouns, 'text', 10, (p) => p.pronouns),
  title: field(P.title, 'text', 24, (p) => p.title),
  organization: field(P.organization, 'text', 32, (p) => p.organization),
  languages: field(P.languages, 'text', 18, (p) => list(p.languages)),
  email: field(P.email, 'text', 28, (p) => p.email),
  phone: field(P.phone, 'text', 16, (p) => p.phone),
  city: field(P.city, 'text', 16, (p) => p.city),
  district: field(P.district, 'text', 14, (p) => p.district),
  communityLeader: field(P.communityLeader, 'text', 10, (p) => yesNo(p.communityLeader)),
  tags: field(P.tags, 'text', 22, (p) => list(p.tags)),
  mayContact: field(P.mayContact, 'text', 10, (p) => yesNo(p.consent.mayContact)),
  contactChannels: field(P.contactChannels, 'text', 22, (p) => list(p.consent.channels.map((c) => CONTACT_CHANNELS[c]))),
  consentRecordedOn: field(P.consentRecordedOn, 'date', 12, (p) => p.consent.recordedOn),
  consentRecordedBy: field(P.consentRecordedBy, 'text', 20, (p) => p.consent.recordedBy),
  notes: field(P.notes, 'text', 40, (p) => p.notes),
  lastContactedOn: field(P.lastContactedOn, 'date', 14, (p) => p.lastContactedOn),
  createdAt: field(P.createdAt, 'date', 12, (p) => day(p.createdAt)),
  updatedAt: field(P.updatedAt, 'date', 12, (p) => day(p.updatedAt)),
};

// ---------------------------------------------------------------------------------------------
// Reading: the matching rowids in order (small), then the records a chunk at a time.

/** The rowids of the named records, by name (case-insensitive) then id; missing ids are skipped. */
async function rowidsOfIds(ctx: Db, table: 'organizations' | 'people', ids: readonly string[]): Promise<number[]> {
  const found: { r: number; name: string; id: string }[] = [];
  const unique = [...new Set(ids)];
  for (let start = 0; start < unique.length; start += EXPORT_CHUNK) {
    const chunk = unique.slice(start, start + EXPORT_CHUNK);
    const { rows } = await sql<{ r: number; name: string; id: string }>`select rowid as r, name, id from ${sql.table(table)} where id in (${sql.join(chunk)})`.execute(
      ctx.db,
    );
    found.push(...rows);
  }
  const key = (s: string) => s.toLowerCase();
  return found.sort((a, b) => (key(a.name) < key(b.name) ? -1 : key(a.name) > key(b.name) ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((f) => f.r);
}

/** The custom fields an export adds after the fixed columns (see exportInput's customColumns). */
async function customColumnsOf(ctx: Db, entity: 'organization' | 'person', input: { columns?: unknown; customColumns?: string[] | undefined }): Promise<CustomFieldsTable[]> {
  if (input.customColumns === undefined && input.columns !== undefined) return [];
  const fields = await fieldDefinitions(ctx, entity);
  if (input.customColumns === undefined) return fields;
  const byId = new Map(fields.map((f) => [f.id, f]));
  return [...new Set(input.customColumns)].flatMap((id) => byId.get(id) ?? []);
}

function customField<R extends { custom: Record<string, string | number> }>(field: CustomFieldsTable): Field<R> {
  const kind: Kind = field.kind === 'number' ? 'number' : field.kind === 'date' ? 'date' : 'text';
  return { header: field.label, kind, width: Math.min(40, Math.max(12, field.label.length + 2)), value: (record) => record.custom[field.id] ?? null };
}

async function* organizationChunks(ctx: Db, rowids: readonly number[], withCustom: boolean): AsyncGenerator<Organization[]> {
  for (let start = 0; start < rowids.length; start += EXPORT_CHUNK) {
    const chunk = rowids.slice(start, start + EXPORT_CHUNK);
    const rows = await ctx.db
      .selectFrom('organizations as o')
      .selectAll('o')
      .select(sql<number>`o.rowid`.as('r'))
      .where(sql.ref('o.rowid'), 'in', chunk)
      .execute();
    const byRowid = new Map(rows.map((row) => [row.r, row]));
    const custom = withCustom ? await customValuesOf(ctx, rows.map((row) => row.id)) : new Map<string, Record<string, string | number>>();
    yield chunk.flatMap((r) => {
      const row = byRowid.get(r);
      return row ? [toOrganization(row, custom.get(row.id))] : [];
    });
  }
}

async function* peopleChunks(ctx: Db, rowids: readonly number[], withCustom: boolean): AsyncGenerator<ExportedPerson[]> {
  for (let start = 0; start < rowids.length; start += EXPORT_CHUNK) {
    const chunk = rowids.slice(start, start + EXPORT_CHUNK);
    const rows = await ctx.db.selectFrom('people').selectAll('people').select(sql<number>`people.rowid`.as('r')).where(sql.ref('people.rowid'), 'in', chunk).execute();
    const byRowid = new Map(rows.map((row) => [row.r, row]));
    const ordered = chunk.flatMap((r) => byRowid.get(r) ?? []);
    const organizations = await displayOrganizations(ctx, ordered.map((row) => row.id));
    const custom = withCustom ? await customValuesOf(ctx, ordered.map((row) => row.id)) : new Map<string, Record<string, string | number>>();
    yield ordered.map((row) => ({ ...personFromRow(row, custom.get(row.id)), organization: organizations.get(row.id)?.name ?? '' }));
  }
}

// ---------------------------------------------------------------------------------------------
// Writing

function tooLarge(entity: string): AppError {
  const mb = MAX_EXPORT_BYTES / (1024 * 1024);
  return new AppError(
    'conflict',
    `This export would be larger than ${mb} MB, the most a file export can hold. Filter the ${entity} (or choose fewer columns) and export in parts.`,
    { maxBytes: MAX_EXPORT_BYTES },
  );
}

/** A cell as written: text neutralized, numbers as numbers, dates as YYYY-MM-DD. */
function csvCell(kind: Kind, value: Cell): string | number {
  if (value === null) return '';
  if (kind === 'number' && typeof value === 'number') return value;
  return neutralizeFormula(String(value));
}

interface Sheet<R> {
  plural: string;
  fields: Field<R>[];
  chunks: AsyncGenerator<R[]>;
  maxBytes: number;
}

async function writeCsv<R>({ plural, fields, chunks, maxBytes }: Sheet<R>): Promise<{ content: string; rows: number }> {
  // Excel reads a CSV as UTF-8 (accents intact) only when it starts with a byte-order mark.
  const parts: string[] = ['\uFEFF', Papa.unparse([fields.map((f) => neutralizeFormula(f.header))], { newline: '\r\n' })];
  let bytes = Buffer.byteLength(parts.join(''), 'utf8');
  let rows = 0;
  for await (const records of chunks) {
    if (records.length === 0) continue;
    const data = records.map((record) => fields.map((f) => csvCell(f.kind, f.value(record))));
    const text = `\r\n${Papa.unparse(data, { newline: '\r\n', header: false })}`;
    bytes += Buffer.byteLength(text, 'utf8');
    if (bytes > maxBytes) throw tooLarge(plural);
    parts.push(text);
    rows += records.length;
  }
  return { content: `${parts.join('')}\r\n`, rows };
}

function xlsxCell(kind: Kind, value: Cell): ExcelJS.CellValue {
  if (value === null || value === '') return null;
  if (kind === 'number' && typeof value === 'number') return value;
  if (kind === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    return new Date(Date.UTC(y, m - 1, d));
  }
  return neutralizeFormula(String(value));
}

async function writeXlsx<R>({ plural, fields, chunks, maxBytes }: Sheet<R>, sheetName: string): Promise<{ content: string; rows: number }> {
  const stream = new PassThrough();
  const buffers: Buffer[] = [];
  let bytes = 0;
  stream.on('data', (b: Buffer) => {
    buffers.push(b);
    bytes += b.length;
  });
  // The streaming writer keeps only the current rows in memory, and inline strings keep it from
  // building a shared-string table of the whole directory.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Coalition Desk';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = fields.map((f) => ({ width: Math.max(f.width, Math.min(f.header.length + 2, 40)), style: f.kind === 'date' ? { numFmt: 'yyyy-mm-dd' } : {} }));
  const header = sheet.addRow(fields.map((f) => neutralizeFormula(f.header)));
  header.font = { bold: true };
  header.commit();
  let rows = 0;
  // A rough running estimate (the zip shrinks text a lot), checked exactly at the end.
  let raw = 0;
  for await (const records of chunks) {
    for (const record of records) {
      const values = fields.map((f) => xlsxCell(f.kind, f.value(record)));
      for (const v of values) raw += typeof v === 'string' ? v.length : 8;
      sheet.addRow(values).commit();
      rows += 1;
    }
    if (raw > maxBytes * 8 || bytes > maxBytes) throw tooLarge(plural);
  }
  sheet.commit();
  await workbook.commit();
  if (bytes > maxBytes) throw tooLarge(plural);
  return { content: Buffer.concat(buffers).toString('base64'), rows };
}

export interface ExportLimits {
  /** The largest file (in bytes) an export may produce; file.saveAs's limit unless a test lowers it. */
  maxBytes: number;
}

/**
 * A CSV or Excel file of `fields` over the records `chunks` yields, named `<fileStem>-<today>`,
 * ready for file.saveAs: the directory's writer (formula neutralization, UTF-8 BOM, typed Excel
 * cells, size limit) for any domain's table.
 */
export async function writeSheetFile<R>(
  format: ExportInput['format'],
  sheet: { plural: string; fileStem: string; sheetName: string; fields: Field<R>[]; chunks: AsyncIterable<R[]> | Iterable<R[]>; maxBytes?: number },
): Promise<ExportOutput> {
  async function* chunks() {
    yield* sheet.chunks;
  }
  const input = { plural: sheet.plural, fields: sheet.fields, chunks: chunks(), maxBytes: sheet.maxBytes ?? MAX_EXPORT_BYTES };
  const written = format === 'csv' ? await writeCsv(input) : await writeXlsx(input, sheet.sheetName);
  return exportFile(format, sheet.fileStem, written);
}

function exportFile(format: ExportInput['format'], stem: string, written: { content: string; rows: number }): ExportOutput {
  const stamp = localToday();
  return format === 'csv'
    ? { fileName: `${stem}-${stamp}.csv`, mimeType: 'text/csv', encoding: 'utf8', content: written.content, rows: written.rows }
    : {
        fileName: `${stem}-${stamp}.xlsx`,
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        encoding: 'base64',
        content: written.content,
        rows: written.rows,
      };
}

export async function exportDirectory(ctx: Db, input: ExportInput, limits: ExportLimits = { maxBytes: MAX_EXPORT_BYTES }): Promise<ExportOutput> {
  const plural = input.entity === 'organization' ? 'organizations' : 'people';
  let written: { content: string; rows: number };
  if (input.entity === 'organization') {
    const keys = input.columns ?? ORGANIZATION_EXPORT_KEYS;
    const { scope } = input;
    const rowids = 'ids' in scope ? await rowidsOfIds(ctx, 'organizations', scope.ids) : (await matchingOrganizations(ctx, scope.filters, scope.sort).execute()).map((r) => r.r);
    const custom = await customColumnsOf(ctx, 'organization', input);
    const fields = [...keys.map((k) => ORGANIZATION_FIELDS[k]), ...custom.map((f) => customField<Organization>(f))];
    const sheet = { plural, fields, chunks: organizationChunks(ctx, rowids, custom.length > 0), maxBytes: limits.maxBytes };
    written = input.format === 'csv' ? await writeCsv(sheet) : await writeXlsx(sheet, 'Organizations');
  } else {
    const keys = input.columns ?? PERSON_EXPORT_KEYS;
    const { scope } = input;
    let rowids: number[];
    if ('ids' in scope) rowids = await rowidsOfIds(ctx, 'people', scope.ids);
    else {
      const { rows } = await matchingPeople<{ r: number }>(sql`people.rowid as r`, scope.filters, scope.sort).execute(ctx.db);
      rowids = rows.map((r) => r.r);
    }
    const custom = await customColumnsOf(ctx, 'person', input);
    const fields = [...keys.map((k) => PERSON_FIELDS[k]), ...custom.map((f) => customField<ExportedPerson>(f))];
    const sheet = { plural, fields, chunks: peopleChunks(ctx, rowids, custom.length > 0), maxBytes: limits.maxBytes };
    written = input.format === 'csv' ? await writeCsv(sheet) : await writeXlsx(sheet, 'People');
  }
  return exportFile(input.format, plural, written);
}
