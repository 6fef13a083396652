import { z } from 'zod';
import { filterText, filterValues, id, isoDate, longText, text, singleLineClean, timestamp } from '../common';
import { CONTACT_CHANNEL_VALUES, PERSON_RELATIONSHIP_VALUES } from './enums';
import { customFilters, customValues, customValuesInput } from './customFields';
import { email, labelList, page, phone, sortSpec } from './fields';

export const consent = z.strictObject({
  /** null until someone asked: unknown is not the same as no. */
  mayContact: z.boolean().nullable(),
  channels: z.array(z.enum(CONTACT_CHANNEL_VALUES, { message: 'Unknown contact channel.' })).max(10).transform((v) => [...new Set(v)]),
  recordedOn: isoDate.nullable(),
  recordedBy: text(200, 'Recorded by'),
});
export type Consent = z.infer<typeof consent>;

export const personInput = z
  .strictObject({
    name: text(200, 'Name', 1),
    pronouns: text(40, 'Pronouns'),
    title: text(200, 'Title'),
    languages: labelList('Language', 20),
    email,
    phone,
    city: text(120, 'City'),
    district: text(120, 'District'),
    communityLeader: z.boolean({ message: 'Community leader is yes or no.' }),
    tags: labelList('Tag'),
    notes: longText(20_000, 'Notes'),
    consent,
    /** Custom field values by field id; absent changes nothing (see customValuesInput). */
    custom: customValuesInput,
  })
  .superRefine((person, ctx) => {
    if (person.consent.mayContact !== null && person.consent.recordedOn === null) {
      ctx.addIssue({ code: 'custom', path: ['consent', 'recordedOn'], message: 'Record when consent was given or refused.' });
    }
    if (person.consent.mayContact !== true && person.consent.channels.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['consent', 'channels'], message: 'Contact channels only apply when the person agreed to be contacted.' });
    }
  });
export type PersonInput = z.infer<typeof personInput>;

/** A person with nothing filled in but the defaults (an import's unmapped fields, test records). */
export function emptyPersonInput(): PersonInput {
  return {
    name: '',
    pronouns: '',
    title: '',
    languages: [],
    email: '',
    phone: '',
    city: '',
    district: '',
    communityLeader: false,
    tags: [],
    notes: '',
    consent: { mayContact: null, channels: [], recordedOn: null, recordedBy: '' },
  };
}

export const person = z.object({
  id,
  name: z.string(),
  pronouns: z.string(),
  title: z.string(),
  languages: z.array(z.string()),
  email: z.string(),
  phone: z.string(),
  city: z.string(),
  district: z.string(),
  communityLeader: z.boolean(),
  tags: z.array(z.string()),
  notes: z.string(),
  consent: z.object({
    mayContact: z.boolean().nullable(),
    channels: z.array(z.enum(CONTACT_CHANNEL_VALUES)),
    recordedOn: isoDate.nullable(),
    recordedBy: z.string(),
  }),
  lastContactedOn: isoDate.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  /** Custom field values by field id (only fields with a value). */
  custom: customValues,
});
export type Person = z.infer<typeof person>;

export const personRow = person
  .pick({ id: true, name: true, title: true, email: true, city: true, district: true, communityLeader: true, tags: true, lastContactedOn: true, updatedAt: true, custom: true })
  .extend({
    /** The primary (or else first current) affiliation's organization. */
    organization: z.object({ id, name: z.string() }).nullable(),
  });
export type PersonRow = z.infer<typeof personRow>;

export const PERSON_SORT_FIELDS = ['name', 'city', 'district', 'lastContactedOn', 'updatedAt'] as const;

export const personFilters = z.strictObject({
  text: z.string().trim().max(200).superRefine(singleLineClean('The search text')).optional(),
  organizationId: id.optional(),
  communityLeader: z.boolean().optional(),
  mayContact: z.boolean().optional(),
  district: filterValues(filterText(120)).optional(),
  tag: filterValues(filterText(100)).optional(),
  lastContacted: z.strictObject({ from: isoDate.optional(), to: isoDate.optional(), never: z.boolean().optional() }).optional(),
  /** Custom field filters (all must match). */
  custom: customFilters,
});
export type PersonFilters = z.infer<typeof personFilters>;

export const personListInput = z.strictObject({
  filters: personFilters.default({}),
  sort: sortSpec(PERSON_SORT_FIELDS).default({ field: 'name', direction: 'asc' }),
  ...page,
});

export const affiliationInput = z
  .strictObject({
    personId: id,
    organizationId: id,
    role: text(200, 'Role'),
    primary: z.boolean(),
    startOn: isoDate.nullable(),
    endOn: isoDate.nullable(),
  })
  .refine((a) => !a.startOn || !a.endOn || a.startOn <= a.endOn, { path: ['endOn'], message: 'The end date is before the start date.' });

export const affiliation = z.object({
  id,
  person: z.object({ id, name: z.string() }),
  organization: z.object({ id, name: z.string() }),
  role: z.string(),
  primary: z.boolean(),
  startOn: isoDate.nullable(),
  endOn: isoDate.nullable(),
});
export type Affiliation = z.infer<typeof affiliation>;

export const personRelationship = z.object({
  id,
  kind: z.enum(PERSON_RELATIONSHIP_VALUES),
  direction: z.enum(['outgoing', 'incoming']),
  other: z.object({ id, name: z.string() }),
  note: z.string(),
});
