import type { Input } from '@shared/contract';
import type { CoalitionBridge } from '@shared/rpc';
import { ok } from '../support/backend';

// Directory records for component tests, created through the real backend before rendering.

export function org(name: string, overrides: Partial<Input<'organizations.create'>> = {}): Input<'organizations.create'> {
  return {
    name,
    otherNames: [],
    sector: 'nonprofit',
    type: 'advocacy_group',
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
    ...overrides,
  };
}

export function person(name: string, overrides: Partial<Input<'people.create'>> = {}): Input<'people.create'> {
  return {
    name,
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
    ...overrides,
  };
}

export async function addOrg(bridge: CoalitionBridge, name: string, overrides: Partial<Input<'organizations.create'>> = {}): Promise<string> {
  return (await ok(bridge, 'organizations.create', org(name, overrides))).id;
}

export async function addPerson(bridge: CoalitionBridge, name: string, overrides: Partial<Input<'people.create'>> = {}): Promise<string> {
  return (await ok(bridge, 'people.create', person(name, overrides))).id;
}
