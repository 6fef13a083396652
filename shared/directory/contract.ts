import { z } from 'zod';
import { id, text } from '../common';
import { ORG_RELATIONSHIP_VALUES, PERSON_RELATIONSHIP_VALUES, STAGE_VALUES, VOCABULARY_KINDS } from './enums';
import { page, sortSpec } from './fields';
import { interaction, interactionInput } from './interactions';
import {
  organization,
  organizationFilters,
  organizationInput,
  organizationListInput,
  organizationRow,
  orgRelationship,
  ORGANIZATION_SORT_FIELDS,
} from './organizations';
import { affiliation, affiliationInput, person, personFilters, personInput, personListInput, personRelationship, personRow, PERSON_SORT_FIELDS } from './people';

const byId = z.strictObject({ id });
const deleted = z.object({ deleted: z.literal(true) });
/** How many interactions a partner page shows (newest first); the rest are paged. */
export const RECENT_INTERACTIONS = 50;

export const organizationDetail = organization.extend({
  stageHistory: z.array(z.object({ stage: z.enum(STAGE_VALUES), changedOn: z.string() })),
  affiliations: z.array(affiliation),
  relationships: z.array(orgRelationship),
  interactions: z.array(interaction),
  interactionCount: z.number().int(),
});
export type OrganizationDetail = z.infer<typeof organizationDetail>;

export const personDetail = person.extend({
  affiliations: z.array(affiliation),
  relationships: z.array(personRelationship),
  interactions: z.array(interaction),
  interactionCount: z.number().int(),
});
export type PersonDetail = z.infer<typeof personDetail>;

export const searchResult = z.object({
  entity: z.enum(['organization', 'person']),
  id,
  name: z.string(),
  /** A short line to tell similar names apart: type and city, or title and organization. */
  detail: z.string(),
});
export type SearchResult = z.infer<typeof searchResult>;

export const relationshipInput = z.discriminatedUnion(
  'entity',
  [
    z.strictObject({ entity: z.literal('organization'), kind: z.enum(ORG_RELATIONSHIP_VALUES), fromId: id, toId: id, note: text(500, 'Note') }),
    z.strictObject({ entity: z.literal('person'), kind: z.enum(PERSON_RELATIONSHIP_VALUES), fromId: id, toId: id, note: text(500, 'Note') }),
  ],
  { message: 'A relationship links two organizations or two people.' },
);

/** A table column's key: a field's name or `cf:<custom field id>`. */
const columnKey = z
  .string()
  .max(40)
  .regex(/^[A-Za-z0-9_:.-]+$/, { message: 'A column is named by its key (letters, digits and _ : . - only).' });

export const savedViewInput = z.discriminatedUnion('entity', [
  z.strictObject({
    id: id.optional(),
    name: text(100, 'View name', 1),
    entity: z.literal('organization'),
    filters: organizationFilters,
    sort: sortSpec(ORGANIZATION_SORT_FIELDS),
    columns: z.array(columnKey).max(40),
  }),
  z.strictObject({
    id: id.optional(),
    name: text(100, 'View name', 1),
    entity: z.literal('person'),
    filters: personFilters,
    sort: sortSpec(PERSON_SORT_FIELDS),
    columns: z.array(columnKey).max(40),
  }),
]);
export const savedView = z.intersection(savedViewInput, z.object({ id, updatedAt: z.string() }));
export type SavedView = z.infer<typeof savedView>;

const vocabularyKind = z.enum(VOCABULARY_KINDS, { message: 'Choose issue_area or population.' });

export const directoryContract = {
  'directory.search': {
    summary: 'Organizations and people whose name, other names, email, city, tags or notes match every word (prefix, accent-insensitive).',
    input: z.strictObject({ query: z.string().max(200), limit: z.number().int().min(1).max(50).default(20) }),
    output: z.array(searchResult),
  },
  'organizations.list': {
    summary: 'A filtered, sorted page of organizations with the total count.',
    input: organizationListInput,
    output: z.object({ total: z.number().int(), rows: z.array(organizationRow) }),
  },
  'organizations.get': { summary: 'One organization with its people, relationships and recent interactions.', input: byId, output: organizationDetail },
  'organizations.create': { summary: 'Add an organization.', input: organizationInput, output: organization },
  'organizations.update': { summary: 'Change an organization.', input: z.strictObject({ id, organization: organizationInput }), output: organization },
  'organizations.delete': {
    summary: 'Remove an organization with its affiliations, relationships and participations.',
    input: byId,
    output: deleted,
  },
  'organizations.bulkUpdate': {
    summary: 'Change the stage of, or add / remove tags on, many organizations at once (one undo step).',
    input: z
      .strictObject({
        ids: z.array(id).min(1, { message: 'Select at least one organization.' }).max(100_000),
        stage: z.enum(STAGE_VALUES).optional(),
        addTags: z.array(text(100, 'Tag', 1)).max(20).optional(),
        removeTags: z.array(text(100, 'Tag', 1)).max(20).optional(),
      })
      .refine((b) => b.stage !== undefined || (b.addTags?.length ?? 0) + (b.removeTags?.length ?? 0) > 0, {
        message: 'Choose a stage or tags to change.',
      }),
    output: z.object({ updated: z.number().int() }),
  },
  'people.list': {
    summary: 'A filtered, sorted page of people with the total count.',
    input: personListInput,
    output: z.object({ total: z.number().int(), rows: z.array(personRow) }),
  },
  'people.get': { summary: 'One person with affiliations, relationships and recent interactions.', input: byId, output: personDetail },
  'people.create': { summary: 'Add a person.', input: personInput, output: person },
  'people.update': { summary: 'Change a person.', input: z.strictObject({ id, person: personInput }), output: person },
  'people.delete': { summary: 'Remove a person with their affiliations, relationships and participations.', input: byId, output: deleted },
  'affiliations.create': { summary: 'Link a person to an organization.', input: affiliationInput, output: affiliation },
  'affiliations.update': { summary: 'Change an affiliation.', input: z.strictObject({ id, affiliation: affiliationInput }), output: affiliation },
  'affiliations.delete': { summary: 'Remove an affiliation.', input: byId, output: deleted },
  'relationships.create': {
    summary: 'Link two organizations or two people (partner of, funds, mentors…).',
    input: relationshipInput,
    output: z.object({ id }),
  },
  'relationships.delete': { summary: 'Remove a relationship.', input: z.strictObject({ entity: z.enum(['organization', 'person']), id }), output: deleted },
  'interactions.list': {
    summary: "A partner's interactions, newest first.",
    input: z
      .strictObject({ organizationId: id.optional(), personId: id.optional(), ...page })
      .refine((i) => (i.organizationId === undefined) !== (i.personId === undefined), { message: 'Give an organizationId or a personId.' }),
    output: z.object({ total: z.number().int(), rows: z.array(interaction) }),
  },
  'interactions.create': { summary: 'Log a call, email, meeting, event or note.', input: interactionInput, output: interaction },
  'interactions.update': { summary: 'Change an interaction (or mark its follow-up done).', input: z.strictObject({ id, interaction: interactionInput }), output: interaction },
  'interactions.delete': { summary: 'Remove an interaction.', input: byId, output: deleted },
  'vocabulary.list': { summary: 'The editable list of issue areas or populations.', input: z.strictObject({ kind: vocabularyKind }), output: z.array(z.string()) },
  'vocabulary.add': { summary: 'Add a term to an editable list.', input: z.strictObject({ kind: vocabularyKind, value: text(100, 'Term', 1) }), output: z.array(z.string()) },
  'vocabulary.remove': {
    summary: 'Remove a term from an editable list (records that use it keep it).',
    input: z.strictObject({ kind: vocabularyKind, value: text(100, 'Term', 1) }),
    output: z.array(z.string()),
  },
  'vocabulary.usage': {
    summary: 'How many organizations use each term of an issue area or population list (terms in use but not in the list too).',
    input: z.strictObject({ kind: vocabularyKind }),
    output: z.array(z.object({ value: z.string(), organizations: z.number().int() })),
  },
  'views.list': { summary: 'Saved directory views.', input: z.strictObject({}), output: z.array(savedView) },
  'views.save': { summary: 'Create or replace a saved view.', input: savedViewInput, output: savedView },
  'views.delete': { summary: 'Delete a saved view.', input: byId, output: deleted },
} as const;

