import { z } from 'zod';
import { id } from '../common';
import { MAX_EXPORT_BYTES } from '../files/contract';
import { organizationFilters, ORGANIZATION_SORT_FIELDS } from './organizations';
import { personFilters, PERSON_SORT_FIELDS } from './people';
import { sortSpec } from './fields';

// Export of the directory (the current view, everything, or a selection) as CSV or Excel. The
// backend builds the file; the renderer hands it to file.saveAs, hence the same size limit.

/** Every exportable organization field, in the default column order, with its header. */
export const ORGANIZATION_EXPORT_FIELDS = {
  name: 'Organization name',
  otherNames: 'Other names',
  sector: 'Sector',
  type: 'Type',
  stage: 'Stage',
  stageChangedOn: 'Stage since',
  tier: 'Tier',
  issueAreas: 'Issue areas',
  regions: 'Regions',
  populations: 'Populations',
  alignmentScore: 'Alignment (1–5)',
  alignmentNote: 'Alignment note',
  contributions: 'Contributions',
  website: 'Website',
  email: 'Email',
  phone: 'Phone',
  address: 'Address',
  city: 'City',
  district: 'District',
  registrationNumber: 'Registration number',
  staffSize: 'Staff size',
  budgetBand: 'Budget',
  tags: 'Tags',
  notes: 'Notes',
  lastContactedOn: 'Last contacted',
  createdAt: 'Created',
  updatedAt: 'Updated',
} as const;
export type OrganizationExportField = keyof typeof ORGANIZATION_EXPORT_FIELDS;
export const ORGANIZATION_EXPORT_KEYS = Object.keys(ORGANIZATION_EXPORT_FIELDS) as [OrganizationExportField, ...OrganizationExportField[]];

/** Every exportable person field, in the default column order, with its header. */
export const PERSON_EXPORT_FIELDS = {
  name: 'Name',
  pronouns: 'Pronouns',
  title: 'Title',
  organization: 'Organization',
  languages: 'Languages',
  email: 'Email',
  phone: 'Phone',
  city: 'City',
  district: 'District',
  communityLeader: 'Community leader',
  tags: 'Tags',
  mayContact: 'May contact',
  contactChannels: 'Contact channels',
  consentRecordedOn: 'Consent recorded on',
  consentRecordedBy: 'Consent recorded by',
  notes: 'Notes',
  lastContactedOn: 'Last contacted',
  createdAt: 'Created',
  updatedAt: 'Updated',
} as const;
export type PersonExportField = keyof typeof PERSON_EXPORT_FIELDS;
export const PERSON_EXPORT_KEYS = Object.keys(PERSON_EXPORT_FIELDS) as [PersonExportField, ...PersonExportField[]];

/** The most records one export may name by id (the bulk bar's selection). */
export const MAX_EXPORT_IDS = 100_000;

export const EXPORT_FORMATS = { csv: 'CSV', xlsx: 'Excel' } as const;
export const EXPORT_FORMAT_VALUES = Object.keys(EXPORT_FORMATS) as [keyof typeof EXPORT_FORMATS, ...(keyof typeof EXPORT_FORMATS)[]];
export type ExportFormat = keyof typeof EXPORT_FORMATS;

const byIds = z.strictObject({
  ids: z
    .array(id)
    .min(1, { message: 'Select at least one record to export.' })
    .max(MAX_EXPORT_IDS, { message: `At most ${MAX_EXPORT_IDS.toLocaleString('en')} records can be exported by selection.` }),
});

function columnList<K extends string>(keys: readonly [K, ...K[]]) {
  return z
    .array(z.enum(keys, { message: 'Unknown column.' }))
    .min(1, { message: 'Choose at least one column.' })
    .max(keys.length)
    .transform((v) => [...new Set(v)])
    .optional();
}

const format = z.enum(EXPORT_FORMAT_VALUES, { message: 'Choose csv or xlsx.' });

/**
 * Custom field ids whose values follow the fixed columns (header = the field's label), in this
 * order. When absent: every custom field of the entity if `columns` is absent too (an export of
 * everything), none otherwise. Ids of fields that no longer exist are skipped.
 */
const customColumns = z.array(id).max(100).optional();

export const exportInput = z.discriminatedUnion(
  'entity',
  [
    z.strictObject({
      entity: z.literal('organization'),
      format,
      scope: z.union([
        z.strictObject({
          filters: organizationFilters.default({}),
          sort: sortSpec(ORGANIZATION_SORT_FIELDS).default({ field: 'name', direction: 'asc' }),
        }),
        byIds,
      ]),
      /** Field keys in column order; all exportable fields when absent. */
      columns: columnList(ORGANIZATION_EXPORT_KEYS),
      customColumns,
    }),
    z.strictObject({
      entity: z.literal('person'),
      format,
      scope: z.union([
        z.strictObject({
          filters: personFilters.default({}),
          sort: sortSpec(PERSON_SORT_FIELDS).default({ field: 'name', direction: 'asc' }),
        }),
        byIds,
      ]),
      columns: columnList(PERSON_EXPORT_KEYS),
      customColumns,
    }),
  ],
  { message: 'Export organizations or people.' },
);
export type ExportInput = z.output<typeof exportInput>;

export const exportOutput = z.object({
  /** e.g. organizations-2026-11-26.csv */
  fileName: z.string(),
  mimeType: z.string(),
  encoding: z.enum(['utf8', 'base64']),
  /** The file, ready for file.saveAs (never more than MAX_EXPORT_BYTES once decoded). */
  content: z.string().max(Math.ceil((MAX_EXPORT_BYTES * 4) / 3)),
  /** How many records the file holds (header row excluded). */
  rows: z.number().int(),
});
export type ExportOutput = z.infer<typeof exportOutput>;

export const exportsContract = {
  'directory.export': {
    summary: 'Organizations or people (the filtered, sorted view or a selection) as a CSV or Excel file, ready for file.saveAs.',
    input: exportInput,
    output: exportOutput,
  },
} as const;
