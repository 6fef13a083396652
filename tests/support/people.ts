import type { Input } from '@shared/contract';
import type { InteractionInput } from '@shared/directory/interactions';
import { emptyOrganizationInput } from '@shared/directory/organizations';
import type { PersonInput } from '@shared/directory/people';
import { ok, withSqlite, type Caller } from './backend';

// Inputs and small builders for the people, affiliation, relationship and interaction tests.

export function personInput(overrides: Partial<PersonInput> = {}): PersonInput {
  return {
    name: 'Maria Rivera',
    pronouns: 'she/her',
    title: 'Community organizer',
    languages: ['English', 'Spanish'],
    email: 'maria@eastside.example.org',
    phone: '+1 (555) 010-2030',
    city: 'Eastside',
    district: 'District 4',
    communityLeader: true,
    tags: ['housing', 'tenant union'],
    notes: 'Leads the tenant union on 5th street.',
    consent: { mayContact: true, channels: ['email', 'phone'], recordedOn: '2025-02-01', recordedBy: 'Dana' },
    ...overrides,
  };
}

export function organizationInput(name: string, overrides: Partial<Input<'organizations.create'>> = {}): Input<'organizations.create'> {
  return {
    ...emptyOrganizationInput(),
    name,
    sector: 'nonprofit',
    type: 'advocacy_group',
    issueAreas: ['Housing'],
    alignment: { score: 4, note: '' },
    stage: 'engaged',
    city: 'Eastside',
    ...overrides,
  };
}

export async function addPerson(caller: Caller, name: string, overrides: Partial<PersonInput> = {}): Promise<string> {
  return (await ok(caller, 'people.create', personInput({ name, ...overrides }))).id;
}

export async function addOrganization(caller: Caller, name: string): Promise<string> {
  return (await ok(caller, 'organizations.create', organizationInput(name))).id;
}

export function interactionInput(overrides: Partial<InteractionInput> = {}): InteractionInput {
  return {
    kind: 'meeting',
    occurredOn: '2025-05-10',
    summary: 'Planned the housing forum.',
    personIds: [],
    organizationIds: [],
    followUp: null,
    ...overrides,
  };
}

/** Rows that break a foreign key, read with plain SQLite (empty when every link is valid). */
export function foreignKeyProblems(path: string): unknown[] {
  return withSqlite(path, (db) => db.prepare('pragma foreign_key_check').all());
}

/** How many rows a table has, read with plain SQLite. */
export function countRows(path: string, table: string, where = '1'): number {
  return withSqlite(path, (db) => (db.prepare(`select count(*) as n from "${table}" where ${where}`).get() as { n: number }).n);
}
