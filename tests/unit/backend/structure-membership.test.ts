import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend/backend';
import { changeLog, fails, issuesOf, ok, useBackend } from '../../support/backend';
import { addPerson, organizationInput } from '../../support/people';
import { draftInput } from '../../support/samples';

async function adopted(backend: Backend, adoptedOn = '2025-01-10'): Promise<void> {
  await ok(backend, 'charter.saveDraft', draftInput({ mission: `Mission as of ${adoptedOn}` }));
  await ok(backend, 'charter.adopt', { adoptedOn, note: '' });
}

async function applicant(backend: Backend, name = 'Riverside Tenants Union') {
  return (await ok(backend, 'organizations.create', organizationInput(name, { stage: 'engaged' }))).id;
}

const intake = { motivation: 'We organize tenants.', issueAreas: ['Housing'], populations: ['Renters'], contributions: ['volunteers' as const] };

describe('membership applications', () => {
  it('approval makes the organization a member (with its stage history) and records its endorsement of the chosen version', async () => {
    const { backend, path } = await useBackend();
    await adopted(backend);
    const union = await applicant(backend);
    const maria = await addPerson(backend, 'Maria Rivera');
    const { id } = await ok(backend, 'structure.applications.save', { ...intake, organizationId: union, contactPersonId: maria, receivedOn: '2026-03-01', charterVersion: 1 });

    const waiting = await ok(backend, 'structure.applications.list', { today: '2026-03-15' });
    expect(waiting.map((a) => [a.organization.name, a.status, a.daysWaiting, a.charterVersion, a.contactPerson?.name])).toEqual([
      ['Riverside Tenants Union', 'received', 14, 1, 'Maria Rivera'],
    ]);

    await ok(backend, 'structure.applications.review', { id, status: 'under_review', reviewer: 'Dana', decidedOn: null, reason: '' });
    await ok(backend, 'structure.applications.review', { id, status: 'approved', reviewer: 'Dana', decidedOn: '2026-03-20', reason: 'Strong record.' });

    const organization = await ok(backend, 'organizations.get', { id: union });
    expect(organization.stage).toBe('member');
    expect(organization.stageHistory.map((s) => s.stage)).toContain('member');
    // The stage change is in the approval's batch, so one undo takes both back.
    const batch = changeLog(path).at(-1)?.batch;
    expect(changeLog(path).filter((r) => r.batch === batch).map((r) => `${r.entity}:${r.action}`)).toEqual([
      'organizations:update',
      'organization_stage_changes:create',
      'charter_endorsements:create',
      'membership_applications:update',
    ]);
    expect(await ok(backend, 'structure.endorsements.list', { charterVersion: 1 })).toEqual([
      expect.objectContaining({ organization: { id: union, name: 'Riverside Tenants Union' }, charterVersion: 1, endorsedOn: '2026-03-20', signedBy: 'Maria Rivera', person: { id: maria, name: 'Maria Rivera' } }),
    ]);
    // Decided: days waiting stop at the decision; the application no longer changes.
    const decided = await ok(backend, 'structure.applications.get', { id, today: '2026-09-01' });
    expect([decided.status, decided.daysWaiting, decided.reviewer, decided.decidedOn]).toEqual(['approved', 19, 'Dana', '2026-03-20']);
    const again = await fails(backend, 'structure.applications.review', { id, status: 'declined', reviewer: 'Dana', decidedOn: '2026-03-21', reason: 'Oops' });
    expect([again.code, again.message]).toEqual(['conflict', 'This application was approved on 2026-03-20; it can no longer change.']);

    await ok(backend, 'history.undo', {});
    expect((await ok(backend, 'organizations.get', { id: union })).stage).toBe('engaged');
    expect(await ok(backend, 'structure.endorsements.list', { charterVersion: 1 })).toEqual([]);
    expect((await ok(backend, 'structure.applications.get', { id, today: '2026-03-21' })).status).toBe('under_review');
  });

  it('asks for a reviewer, a date, a reason to decline and a charter version to approve', async () => {
    const { backend } = await useBackend();
    await adopted(backend);
    const union = await applicant(backend);
    const { id } = await ok(backend, 'structure.applications.save', { ...intake, organizationId: union, contactPersonId: null, receivedOn: '2026-03-01', charterVersion: null });

    const blank = await fails(backend, 'structure.applications.review', { id, status: 'declined', reviewer: '', decidedOn: null, reason: ' ' });
    expect(issuesOf(blank)).toEqual([
      { path: 'reviewer', message: 'Name who reviewed the application.' },
      { path: 'decidedOn', message: 'Give the date of the decision.' },
      { path: 'reason', message: 'Give the reason for declining.' },
    ]);
    const early = await fails(backend, 'structure.applications.review', { id, status: 'declined', reviewer: 'Dana', decidedOn: '2026-02-01', reason: 'No capacity.' });
    expect(issuesOf(early)).toEqual([{ path: 'decidedOn', message: 'The application was received on 2026-03-01; it cannot be decided before that.' }]);
    const noVersion = await fails(backend, 'structure.applications.review', { id, status: 'approved', reviewer: 'Dana', decidedOn: '2026-03-05', reason: '' });
    expect(noVersion.message).toBe('Choose the charter version the organization endorses (edit the application) before approving it.');
    const unknown = await fails(backend, 'structure.applications.save', { ...intake, id, organizationId: union, contactPersonId: null, receivedOn: '2026-03-01', charterVersion: 4 });
    expect(issuesOf(unknown)).toEqual([{ path: 'charterVersion', message: 'Charter version 4 has not been adopted.' }]);

    await ok(backend, 'structure.applications.review', { id, status: 'declined', reviewer: 'Dana', decidedOn: '2026-03-05', reason: 'No capacity this year.' });
    expect((await ok(backend, 'organizations.get', { id: union })).stage).toBe('engaged');
    expect((await ok(backend, 'structure.applications.list', { today: '2026-04-01', status: 'declined' })).map((a) => [a.reason, a.daysWaiting])).toEqual([['No capacity this year.', 4]]);
  });
});

describe('charter endorsements', () => {
  it('lists members that have not endorsed the latest version, with the last version they did endorse', async () => {
    const { backend } = await useBackend();
    await adopted(backend, '2025-01-10');
    const member = async (name: string) => (await ok(backend, 'organizations.create', organizationInput(name, { stage: 'member' }))).id;
    const [alder, birch, cedar] = [await member('Alder Trust'), await member('Birch Alliance'), await member('Cedar Network')];
    const outsider = await applicant(backend, 'Dogwood Fund');
    expect((await ok(backend, 'structure.endorsements.notEndorsed', {})).organizations.map((o) => o.name)).toEqual(['Alder Trust', 'Birch Alliance', 'Cedar Network']);

    await ok(backend, 'structure.endorsements.save', { organizationId: alder, charterVersion: 1, endorsedOn: '2025-02-01', signedBy: 'A. Chair', personId: null });
    await ok(backend, 'structure.endorsements.save', { organizationId: birch, charterVersion: 1, endorsedOn: '2025-02-01', signedBy: '', personId: null });
    await ok(backend, 'structure.endorsements.save', { organizationId: outsider, charterVersion: 1, endorsedOn: '2025-02-01', signedBy: '', personId: null });
    await adopted(backend, '2026-01-15');
    await ok(backend, 'structure.endorsements.save', { organizationId: birch, charterVersion: 2, endorsedOn: '2026-02-01', signedBy: '', personId: null });

    expect(await ok(backend, 'structure.endorsements.notEndorsed', {})).toEqual({
      version: 2,
      organizations: [
        { id: alder, name: 'Alder Trust', lastEndorsed: 1 },
        { id: cedar, name: 'Cedar Network', lastEndorsed: null },
      ],
    });
    expect((await ok(backend, 'structure.endorsements.list', { charterVersion: 1 })).map((e) => e.organization.name)).toEqual(['Alder Trust', 'Birch Alliance', 'Dogwood Fund']);

    const twice = await fails(backend, 'structure.endorsements.save', { organizationId: birch, charterVersion: 2, endorsedOn: '2026-03-01', signedBy: '', personId: null });
    expect([twice.code, twice.message]).toEqual(['conflict', 'Birch Alliance already endorsed version 2 (on 2026-02-01).']);
    const early = await fails(backend, 'structure.endorsements.save', { organizationId: cedar, charterVersion: 2, endorsedOn: '2025-12-31', signedBy: '', personId: null });
    expect(issuesOf(early)).toEqual([{ path: 'endorsedOn', message: 'Version 2 was adopted on 2026-01-15; it cannot be endorsed before that.' }]);
  });
});
