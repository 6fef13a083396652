import { z } from 'zod';
import { id } from '../common';
import { ORGANIZATION_EXPORT_FIELDS, PERSON_EXPORT_FIELDS } from './exports';
import { OFFICIAL_IMPORT_KEYS } from '../policy/importFields';

// Import of organizations or people (or, for the policy area, officials) from a CSV or Excel file. The renderer uploads the file in
// pieces (`imports.begin`, then `imports.append` until every byte is there) to a temporary file the
// backend owns; then, in three steps: `imports.open` reads the file through once (checks it, counts
// its rows, keeps the first ones for a preview; nothing written), `imports.check` is the dry run of
// a mapping (row-level problems, what would be created / updated / skipped), and `imports.run`
// writes everything in one transaction with progress events. Open, check and run stream the file:
// neither side ever holds all of it.

/** The largest file an import accepts (it is uploaded in pieces to a temporary file, never held whole). */
export const MAX_IMPORT_BYTES = 1024 * 1024 * 1024;
/** The most bytes one `imports.append` carries: 4 MB once base64-encoded. */
export const MAX_IMPORT_CHUNK_BYTES = 3 * 1024 * 1024;
/** How many rows `imports.open` returns for the preview. */
export const IMPORT_PREVIEW_ROWS = 10;
/** How many row problems `imports.check` lists (the total is always counted). */
export const MAX_LISTED_PROBLEMS = 500;

/** Fields a column can fill, with the header an export writes for them (so an export re-imports as it is). */
export const ORGANIZATION_IMPORT_FIELDS = {
  name: ORGANIZATION_EXPORT_FIELDS.name,
  otherNames: ORGANIZATION_EXPORT_FIELDS.otherNames,
  sector: ORGANIZATION_EXPORT_FIELDS.sector,
  type: ORGANIZATION_EXPORT_FIELDS.type,
  stage: ORGANIZATION_EXPORT_FIELDS.stage,
  tier: ORGANIZATION_EXPORT_FIELDS.tier,
  issueAreas: ORGANIZATION_EXPORT_FIELDS.issueAreas,
  regions: ORGANIZATION_EXPORT_FIELDS.regions,
  populations: ORGANIZATION_EXPORT_FIELDS.populations,
  alignmentScore: ORGANIZATION_EXPORT_FIELDS.alignmentScore,
  alignmentNote: ORGANIZATION_EXPORT_FIELDS.alignmentNote,
  contributions: ORGANIZATION_EXPORT_FIELDS.contributions,
  website: ORGANIZATION_EXPORT_FIELDS.website,
  email: ORGANIZATION_EXPORT_FIELDS.email,
  phone: ORGANIZATION_EXPORT_FIELDS.phone,
  address: ORGANIZATION_EXPORT_FIELDS.address,
  city: ORGANIZATION_EXPORT_FIELDS.city,
  district: ORGANIZATION_EXPORT_FIELDS.district,
  registrationNumber: ORGANIZATION_EXPORT_FIELDS.registrationNumber,
  staffSize: ORGANIZATION_EXPORT_FIELDS.staffSize,
  budgetBand: ORGANIZATION_EXPORT_FIELDS.budgetBand,
  tags: ORGANIZATION_EXPORT_FIELDS.tags,
  notes: ORGANIZATION_EXPORT_FIELDS.notes,
} as const;
export type OrganizationImportField = keyof typeof ORGANIZATION_IMPORT_FIELDS;
export const ORGANIZATION_IMPORT_KEYS = Object.keys(ORGANIZATION_IMPORT_FIELDS) as [OrganizationImportField, ...OrganizationImportField[]];

export const PERSON_IMPORT_FIELDS = {
  name: PERSON_EXPORT_FIELDS.name,
  pronouns: PERSON_EXPORT_FIELDS.pronouns,
  title: PERSON_EXPORT_FIELDS.title,
  /** An existing organization, by name: the person gets a (primary) affiliation to it. */
  organization: PERSON_EXPORT_FIELDS.organization,
  languages: PERSON_EXPORT_FIELDS.languages,
  email: PERSON_EXPORT_FIELDS.email,
  phone: PERSON_EXPORT_FIELDS.phone,
  city: PERSON_EXPORT_FIELDS.city,
  district: PERSON_EXPORT_FIELDS.district,
  communityLeader: PERSON_EXPORT_FIELDS.communityLeader,
  tags: PERSON_EXPORT_FIELDS.tags,
  mayContact: PERSON_EXPORT_FIELDS.mayContact,
  contactChannels: PERSON_EXPORT_FIELDS.contactChannels,
  consentRecordedOn: PERSON_EXPORT_FIELDS.consentRecordedOn,
  consentRecordedBy: PERSON_EXPORT_FIELDS.consentRecordedBy,
  notes: PERSON_EXPORT_FIELDS.notes,
} as const;
export type PersonImportField = keyof typeof PERSON_IMPORT_FIELDS;
export const PERSON_IMPORT_KEYS = Object.keys(PERSON_IMPORT_FIELDS) as [PersonImportField, ...PersonImportField[]];

/** What to do with a row that matches a record already in the workspace. */
export const DUPLICATE_STRATEGIES = {
  skip: 'Skip the row',
  update: 'Update the existing record',
  create: 'Create a new record anyway',
} as const;
export const DUPLICATE_STRATEGY_VALUES = Object.keys(DUPLICATE_STRATEGIES) as [keyof typeof DUPLICATE_STRATEGIES, ...(keyof typeof DUPLICATE_STRATEGIES)[]];
export type DuplicateStrategy = keyof typeof DUPLICATE_STRATEGIES;

export const IMPORT_ENTITY_VALUES = ['organization', 'person', 'official'] as const;
export type ImportEntity = (typeof IMPORT_ENTITY_VALUES)[number];

/** A mapping entry that fills a custom field: `custom:` and the field's id. */
export type CustomImportTarget = `custom:${string}`;
export const CUSTOM_TARGET_PREFIX = 'custom:';
const CUSTOM_TARGET = /^custom:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The mapping entry for a custom field. */
export function customTarget(fieldId: string): CustomImportTarget {
  return `${CUSTOM_TARGET_PREFIX}${fieldId}`;
}

/** The custom field id a mapping entry names, or null for a fixed field (or no field). */
export function customFieldIdOf(target: string | null): string | null {
  return target !== null && target.startsWith(CUSTOM_TARGET_PREFIX) ? target.slice(CUSTOM_TARGET_PREFIX.length) : null;
}

/**
 * A mapping: one entry per column of the file, in column order; null leaves the column out. An
 * entry is a fixed field's key or `custom:<fieldId>` (a custom field of the entity: the backend
 * checks it exists). Each field may be filled by at most one column.
 */
const mappingOf = <K extends string>(keys: readonly [K, ...K[]]) => {
  const unknown = { message: 'Unknown field.' };
  const target = z.union([z.enum(keys, unknown), z.string().regex(CUSTOM_TARGET, unknown)], unknown) as unknown as z.ZodType<K | CustomImportTarget, K | CustomImportTarget>;
  return z
    .array(target.nullable())
    .max(500)
    .superRefine((columns, ctx) => {
      const seen = new Map<string, number>();
      columns.forEach((field, index) => {
        if (field === null) return;
        const first = seen.get(field);
        if (first !== undefined) {
          ctx.addIssue({ code: 'custom', path: [index], message: `Columns ${first + 1} and ${index + 1} both fill the same field; choose one.` });
        } else seen.set(field, index);
      });
      if (!seen.has('name')) ctx.addIssue({ code: 'custom', path: [], message: 'Map a column to the name: every record needs one.' });
    });
};

export const organizationMapping = mappingOf(ORGANIZATION_IMPORT_KEYS);
export const personMapping = mappingOf(PERSON_IMPORT_KEYS);
/** Officials (the policy area's import): fields in shared/policy/importFields.ts. */
export const officialMapping = mappingOf(OFFICIAL_IMPORT_KEYS);

const importId = id;
const duplicates = z.enum(DUPLICATE_STRATEGY_VALUES, { message: 'Choose skip, update or create.' });

/** A dry run or an import: the staged file, how its columns map, and what to do with duplicates. */
function planOf<S extends z.ZodRawShape>(extra: S) {
  return z.discriminatedUnion(
    'entity',
    [
      z.strictObject({ importId, entity: z.literal('organization'), mapping: organizationMapping, duplicates, ...extra }),
      z.strictObject({ importId, entity: z.literal('person'), mapping: personMapping, duplicates, ...extra }),
      z.strictObject({ importId, entity: z.literal('official'), mapping: officialMapping, duplicates, ...extra }),
    ],
    { message: 'Import organizations, people or officials.' },
  );
}
export const importPlan = planOf({});
/** Rows with problems are left out (and counted) when skipInvalid is true; otherwise any problem stops the import. */
export const importRunInput = planOf({ skipInvalid: z.boolean().default(false) });
export type ImportPlan = z.output<typeof importPlan>;
export type ImportRunInput = z.output<typeof importRunInput>;

const entity = z.enum(IMPORT_ENTITY_VALUES, { message: 'Import organizations, people or officials.' });

/** A size as the import's messages say it: "1 GB", "3 MB", "0.5 MB". */
export function fileSizeText(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${Number((bytes / 1024 / 1024 / 1024).toFixed(1))} GB`;
  const mb = bytes / 1024 / 1024;
  return `${mb >= 10 ? mb.toFixed(0) : Number(mb.toFixed(1))} MB`;
}

export const importBeginInput = z.strictObject({
  entity,
  fileName: z.string().trim().min(1, { message: 'The file needs a name.' }).max(260),
  /** The file's size in bytes: exactly this many must be appended before it can be opened. */
  size: z
    .number()
    .int({ message: 'The size is a whole number of bytes.' })
    .min(1, { message: 'The file is empty: there is nothing to import.' })
    .max(MAX_IMPORT_BYTES, { message: `The file is larger than ${fileSizeText(MAX_IMPORT_BYTES)}. Split it into smaller files.` }),
});

export const importAppendInput = z.strictObject({
  importId,
  /** Where this piece starts in the file: the number of bytes appended so far. */
  offset: z.number().int({ message: 'The offset is a whole number of bytes.' }).min(0, { message: 'The offset cannot be negative.' }).max(MAX_IMPORT_BYTES),
  /** The piece's bytes, base64-encoded (at most MAX_IMPORT_CHUNK_BYTES of them). */
  data: z
    .string()
    .min(1, { message: 'The piece is empty.' })
    .max((MAX_IMPORT_CHUNK_BYTES / 3) * 4, { message: `A piece of the file carries at most ${fileSizeText(MAX_IMPORT_CHUNK_BYTES)}.` }),
});

export const importOpenInput = z.strictObject({ importId });
export const importPreview = z.object({
  importId,
  entity: z.enum(IMPORT_ENTITY_VALUES),
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  /** The worksheet read (XLSX: the first one with data); null for CSV. */
  sheet: z.string().nullable(),
  /** The header row, as written in the file (an empty header becomes "Column N"). */
  headers: z.array(z.string()),
  /** Data rows (header excluded). */
  rowCount: z.number().int(),
  /** The first IMPORT_PREVIEW_ROWS data rows, one string per header (missing cells are ''). */
  preview: z.array(z.array(z.string())),
  /** The suggested mapping (same shape as a plan's): the one last used for these headers, else guessed from them. */
  mapping: z.array(z.string().nullable()),
  /** True when `mapping` is the one remembered from an earlier import of files with these headers. */
  remembered: z.boolean(),
  /** Things worth knowing that do not stop the import (e.g. "Read as UTF-16", "Other sheets ignored"). */
  notes: z.array(z.string()),
});
export type ImportPreview = z.infer<typeof importPreview>;

export const rowProblem = z.object({
  /** The row number as a spreadsheet shows it (the header is row 1). */
  row: z.number().int(),
  /** The column's header, or null when the problem is the row as a whole (e.g. too many cells). */
  column: z.string().nullable(),
  message: z.string(),
});
export type RowProblem = z.infer<typeof rowProblem>;

const counts = {
  /** Rows that would be (or were) created, updated, skipped as duplicates, and rows with problems. */
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  invalid: z.number().int(),
};

export const importCheck = z.object({
  ...counts,
  /** The first MAX_LISTED_PROBLEMS problems, in row order. */
  problems: z.array(rowProblem),
  problemCount: z.number().int(),
});
export type ImportCheck = z.infer<typeof importCheck>;

export const importResult = z.object({ ...counts });
export type ImportResult = z.infer<typeof importResult>;

export const importsContract = {
  'imports.begin': {
    summary: 'Start uploading a CSV or Excel file for import: a temporary file the pieces are appended to (writes nothing to the workspace).',
    input: importBeginInput,
    output: z.object({ importId }),
  },
  'imports.append': {
    summary: 'Append the next piece of an uploading file (at the offset where the previous piece ended).',
    input: importAppendInput,
    output: z.object({ received: z.number().int(), size: z.number().int() }),
  },
  'imports.open': {
    summary: 'Read an uploaded file through: check it, count its rows and preview the first ones, for a dry run and an import (writes nothing).',
    input: importOpenInput,
    output: importPreview,
  },
  'imports.check': {
    summary: 'Dry run: every row problem, and how many rows would be created, updated or skipped (writes nothing).',
    input: importPlan,
    output: importCheck,
  },
  'imports.run': {
    summary:
      'Import the staged file in one transaction (progress events as it goes), remembering the mapping for these headers, then delete its temporary file. Rows with problems are left out and counted; nothing is written if skipInvalid is false and any row has a problem.',
    input: importRunInput,
    output: importResult,
  },
  'imports.discard': {
    summary: 'Forget an uploading or staged file (its temporary file is deleted).',
    input: z.strictObject({ importId }),
    output: z.object({ deleted: z.literal(true) }),
  },
} as const;
