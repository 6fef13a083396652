import type { Method } from '@shared/contract';

/** Every directory read: a change to any partner may show up in any of them. */
export const DIRECTORY_READS = [
  'organizations.list',
  'organizations.get',
  'people.list',
  'people.get',
  'interactions.list',
  'directory.search',
  'history.list',
  // The Lists screen's usage counts follow the organizations' issue areas and populations.
  'vocabulary.usage',
  // The Fields screen counts the records with a value in each custom field.
  'customFields.list',
] as const satisfies readonly Method[];

export const organizationHref = (id: string) => `/directory/organizations/${id}`;
export const personHref = (id: string) => `/directory/people/${id}`;
