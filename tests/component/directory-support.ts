import type { Input } from '@shared/contract';
import { emptyOrganizationInput } from '@shared/directory/organizations';
import { emptyPersonInput } from '@shared/directory/people';
import type { CoalitionBridge } from '@shared/rpc';
import { ok } from '../support/backend';

// Directory records for component tests, created through the real backend before rendering.

export function org(name: string, overrides: Partial<Input<'organizations.create'>> = {}): Input<'organizations.create'> {
  return { ...emptyOrganizationInput(), name, sector: 'nonprofit', type: 'advocacy_group', ...overrides };
}

export function person(name: string, overrides: Partial<Input<'people.create'>> = {}): Input<'people.create'> {
  return { ...emptyPersonInput(), name, ...overrides };
}

export async function addOrg(bridge: CoalitionBridge, name: string, overrides: Partial<Input<'organizations.create'>> = {}): Promise<string> {
  return (await ok(bridge, 'organizations.create', org(name, overrides))).id;
}

export async function addPerson(bridge: CoalitionBridge, name: string, overrides: Partial<Input<'people.create'>> = {}): Promise<string> {
  return (await ok(bridge, 'people.create', person(name, overrides))).id;
}
