import { HOST_METHODS, METHODS, SHELL_METHODS, type Input } from '@shared/contract';
import type { DraftInput } from '@shared/charter/contract';
import type { BackendMethod } from '../../electron/backend/rpc/handlers';
import { ok, type Caller } from './backend';
import { png } from './images';

// One valid input for every method the workspace backend answers, valid on a workspace prepared
// by `seedWorkspace`. The type makes the compiler ask for an entry when a method is added; the
// validation tests also check it at run time and derive their hostile inputs from these.

/** The methods the workspace backend answers (the host and the shell answer the others). */
export const BACKEND_METHODS = METHODS.filter(
  (m): m is BackendMethod => !(HOST_METHODS as readonly string[]).includes(m) && !(SHELL_METHODS as readonly string[]).includes(m),
);

export const VALID_INPUTS: { [M in BackendMethod]: Input<M> } = {
  'profile.get': {},
  'profile.save': { name: 'Eastside Health Equity Coalition', shortName: 'EHEC', region: 'Eastside, State of Columbia', foundedOn: '2019-04-02' },
  'profile.setLogo': { logo: { mimeType: 'image/png', dataBase64: png().toString('base64') } },
  'charter.getDraft': {},
  'charter.saveDraft': {
    mission: 'We win fair, well-funded social services for every resident.',
    vision: 'Healthcare and housing are rights.',
    values: ['Equity', 'Community voice'],
    goals: [
      {
        category: 'policy_change',
        title: 'Pass the tenant protection ordinance',
        description: 'Just-cause eviction in the two largest cities.',
        target: { metric: 'Ordinances passed', value: 2, unit: 'ordinances', dueOn: '2027-06-30' },
      },
    ],
  },
  'charter.adopt': { adoptedOn: '2026-03-01', note: 'Adopted at the spring assembly.' },
  'charter.listVersions': {},
  'charter.getVersion': { number: 1 },
  'charter.compare': { from: 1, to: 'draft' },
  'history.list': { entity: 'charter_draft', entityId: 'draft', limit: 10 },
};

export function draftInput(overrides: Partial<DraftInput> = {}): DraftInput {
  return {
    mission: 'We unite neighbourhood groups to win fair social services.',
    vision: 'A region where care is a right.',
    values: ['Equity', 'Solidarity'],
    goals: [
      { category: 'policy_change', title: 'Expand mental-health coverage', description: 'State legislation for community clinics.', target: null },
      {
        category: 'public_awareness',
        title: 'Make housing insecurity visible',
        description: 'Stories of families facing eviction.',
        target: { metric: 'People reached', value: 40_000, unit: 'people', dueOn: '2026-12-31' },
      },
    ],
    ...overrides,
  };
}

/**
 * Prepares a workspace on which every entry of VALID_INPUTS succeeds: a profile, charter
 * version 1, and a draft edited since then (so there is something to adopt and compare).
 */
export async function seedWorkspace(caller: Caller): Promise<void> {
  await ok(caller, 'profile.save', { name: 'Seed Coalition', shortName: 'SC', region: 'Seed County', foundedOn: null });
  await ok(caller, 'charter.saveDraft', draftInput());
  await ok(caller, 'charter.adopt', { adoptedOn: '2025-01-10', note: 'First version.' });
  const { mission, vision, values, goals } = await ok(caller, 'charter.getDraft', {});
  await ok(caller, 'charter.saveDraft', { mission: `${mission} Together.`, vision, values, goals });
}
