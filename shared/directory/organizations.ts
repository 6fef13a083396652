import { z } from 'zod';
import { filterText, filterValues, id, isoDate, longText, text, singleLineClean, timestamp } from '../common';
import { ORGANIZATION_TYPES, SECTORS, type OrganizationType, type Sector } from '../taxonomy';
import { BUDGET_BAND_VALUES, CONTRIBUTION_VALUES, ORG_RELATIONSHIP_VALUES, STAGE_VALUES, TIER_VALUES } from './enums';
import { customFilters, customValues, customValuesInput } from './customFields';
import { email, labelList, page, phone, sortSpec, website } from './fields';

export const SECTOR_VALUES = [...Object.keys(SECTORS), 'other'] as unknown as [Sector | 'other', ...(Sector | 'other')[]];
export const ORG_TYPE_VALUES = [...Object.keys(ORGANIZATION_TYPES), 'other'] as unknown as [
  OrganizationType | 'other',
  ...(OrganizationType | 'other')[],
];

export const organizationInput = z
  .strictObject({
    name: text(300, 'Organization name', 1),
    otherNames: labelList('Other name', 20),
    sector: z.enum(SECTOR_VALUES, { message: 'Choose a sector.' }),
    type: z.enum(ORG_TYPE_VALUES, { message: 'Choose an organization type.' }),
    issueAreas: labelList('Issue area'),
    regions: labelList('Region'),
    populations: labelList('Population'),
    alignment: z.strictObject({
      score: z.number().int().min(1, { message: 'Alignment is from 1 to 5.' }).max(5, { message: 'Alignment is from 1 to 5.' }).nullable(),
      note: text(1000, 'Alignment note'),
    }),
    stage: z.enum(STAGE_VALUES, { message: 'Choose a relationship stage.' }),
    tier: z.enum(TIER_VALUES, { message: 'Choose steering, member or ally.' }).nullable(),
    contributions: z.array(z.enum(CONTRIBUTION_VALUES, { message: 'Unknown contribution.' })).max(20).transform((v) => [...new Set(v)]),
    website,
    email,
    phone,
    address: text(500, 'Address'),
    city: text(120, 'City'),
    district: text(120, 'District'),
    registrationNumber: text(60, 'Registration number'),
    staffSize: z.number().int().min(0, { message: 'Staff size cannot be negative.' }).max(10_000_000).nullable(),
    budgetBand: z.enum(BUDGET_BAND_VALUES, { message: 'Choose a budget band.' }).nullable(),
    tags: labelList('Tag'),
    notes: longText(20_000, 'Notes'),
    /** Custom field values by field id; absent changes nothing (see customValuesInput). */
    custom: customValuesInput,
  })
  .superRefine((org, ctx) => {
    if (org.type !== 'other' && org.sector !== 'other' && ORGANIZATION_TYPES[org.type].sector !== org.sector) {
      ctx.addIssue({ code: 'custom', path: ['type'], message: `${ORGANIZATION_TYPES[org.type].label} belongs to another sector.` });
    }
    if (org.tier !== null && org.stage !== 'member') {
      ctx.addIssue({ code: 'custom', path: ['tier'], message: 'Only members have a membership tier.' });
    }
  });
export type OrganizationInput = z.infer<typeof organizationInput>;

/** An organization with nothing filled in but the defaults (an import's unmapped fields, test records). */
export function emptyOrganizationInput(): OrganizationInput {
  return {
    name: '',
    otherNames: [],
    sector: 'other',
    type: 'other',
    issueAreas: [],
    regions: [],
    populations: [],
    alignment: { score: null, note: '' },
    stage: 'identified',
    tier: null,
    contributions: [],
    website: '',
    email: '',
    phone: '',
    address: '',
    city: '',
    district: '',
    registrationNumber: '',
    staffSize: null,
    budgetBand: null,
    tags: [],
    notes: '',
  };
}

export const organization = z.object({
  id,
  name: z.string(),
  otherNames: z.array(z.string()),
  sector: z.enum(SECTOR_VALUES),
  type: z.enum(ORG_TYPE_VALUES),
  issueAreas: z.array(z.string()),
  regions: z.array(z.string()),
  populations: z.array(z.string()),
  alignment: z.object({ score: z.number().int().nullable(), note: z.string() }),
  stage: z.enum(STAGE_VALUES),
  /** When the organization reached its current stage. */
  stageChangedOn: isoDate,
  tier: z.enum(TIER_VALUES).nullable(),
  contributions: z.array(z.enum(CONTRIBUTION_VALUES)),
  website: z.string(),
  email: z.string(),
  phone: z.string(),
  address: z.string(),
  city: z.string(),
  district: z.string(),
  registrationNumber: z.string(),
  staffSize: z.number().int().nullable(),
  budgetBand: z.enum(BUDGET_BAND_VALUES).nullable(),
  tags: z.array(z.string()),
  notes: z.string(),
  lastContactedOn: isoDate.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  /** Custom field values by field id (only fields with a value). */
  custom: customValues,
});
export type Organization = z.infer<typeof organization>;

/** One line of the directory table: the fields the table shows, filters and sorts by. */
export const organizationRow = organization.pick({
  id: true,
  name: true,
  sector: true,
  type: true,
  stage: true,
  tier: true,
  city: true,
  regions: true,
  issueAreas: true,
  tags: true,
  email: true,
  lastContactedOn: true,
  updatedAt: true,
  custom: true,
}).extend({ alignmentScore: z.number().int().nullable() });
export type OrganizationRow = z.infer<typeof organizationRow>;

export const ORGANIZATION_SORT_FIELDS = ['name', 'sector', 'type', 'stage', 'city', 'alignmentScore', 'lastContactedOn', 'updatedAt'] as const;

export const organizationFilters = z.strictObject({
  /** Words that must all appear (prefix match, accent-insensitive) in name, other names, email, city, tags or notes. */
  text: z.string().trim().max(200).superRefine(singleLineClean('The search text')).optional(),
  stage: filterValues(z.enum(STAGE_VALUES)).optional(),
  sector: filterValues(z.enum(SECTOR_VALUES)).optional(),
  type: filterValues(z.enum(ORG_TYPE_VALUES)).optional(),
  tier: filterValues(z.enum(TIER_VALUES)).optional(),
  contribution: filterValues(z.enum(CONTRIBUTION_VALUES)).optional(),
  /** Any of the listed values (within a field); all fields must match. */
  issueArea: filterValues(filterText(100)).optional(),
  region: filterValues(filterText(100)).optional(),
  population: filterValues(filterText(100)).optional(),
  tag: filterValues(filterText(100)).optional(),
  lastContacted: z.strictObject({ from: isoDate.optional(), to: isoDate.optional(), never: z.boolean().optional() }).optional(),
  /** Custom field filters (all must match). */
  custom: customFilters,
});
export type OrganizationFilters = z.infer<typeof organizationFilters>;

export const organizationListInput = z.strictObject({
  filters: organizationFilters.default({}),
  sort: sortSpec(ORGANIZATION_SORT_FIELDS).default({ field: 'name', direction: 'asc' }),
  ...page,
});

export const orgRelationship = z.object({
  id,
  kind: z.enum(ORG_RELATIONSHIP_VALUES),
  /** The relationship as read from this organization: "funds X" (outgoing) or "is funded by X" (incoming). */
  direction: z.enum(['outgoing', 'incoming']),
  other: z.object({ id, name: z.string() }),
  note: z.string(),
});
