import { describe, expect, it } from 'vitest';
import { RECENT_INTERACTIONS } from '@shared/directory/contract';
import { changeLog, fails, issuesOf, ok, snapshot, useBackend } from '../../support/backend';
import { addOrganization, addPerson, countRows, interactionInput, personInput } from '../../support/people';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('people.create / update / get / delete', () => {
  it('creates a person and returns every field as given, with stamps and no last contact', async () => {
    const { backend } = await useBackend();
    const input = personInput();
    const person = await ok(backend, 'people.create', input);
    expect(person.id).toMatch(UUID);
    expect(person).toMatchObject({ ...input, lastContactedOn: null });
    expect(person.createdAt).toBe(person.updatedAt);
    const detail = await ok(backend, 'people.get', { id: person.id });
    expect(detail).toEqual({ ...person, affiliations: [], relationships: [], interactions: [], interactionCount: 0 });
  });

  it('stores community leader and consent as given: unknown consent stays null, refusal stays false', async () => {
    const { backend } = await useBackend();
    const unknown = await ok(backend, 'people.create', personInput({ communityLeader: false, consent: { mayContact: null, channels: [], recordedOn: null, recordedBy: '' } }));
    expect(unknown.communityLeader).toBe(false);
    expect(unknown.consent).toEqual({ mayContact: null, channels: [], recordedOn: null, recordedBy: '' });
    const refused = await ok(backend, 'people.create', personInput({ consent: { mayContact: false, channels: [], recordedOn: '2025-03-03', recordedBy: 'Lee' } }));
    expect(refused.consent).toEqual({ mayContact: false, channels: [], recordedOn: '2025-03-03', recordedBy: 'Lee' });
    expect((await ok(backend, 'people.get', { id: refused.id })).consent.mayContact).toBe(false);
  });

  it('trims text and drops repeated labels', async () => {
    const { backend } = await useBackend();
    const person = await ok(backend, 'people.create', personInput({ name: '  Ana Lopez ', tags: ['youth', 'youth', ' housing '], languages: ['Spanish', 'Spanish'] }));
    expect(person).toMatchObject({ name: 'Ana Lopez', tags: ['youth', 'housing'], languages: ['Spanish'] });
  });

  it('updates a person, bumping updatedAt and keeping createdAt', async () => {
    const { backend } = await useBackend();
    const created = await ok(backend, 'people.create', personInput());
    await new Promise((r) => setTimeout(r, 5));
    const updated = await ok(backend, 'people.update', { id: created.id, person: personInput({ name: 'Maria R. Torres', tags: ['youth'], communityLeader: false }) });
    expect(updated).toMatchObject({ id: created.id, name: 'Maria R. Torres', tags: ['youth'], communityLeader: false, createdAt: created.createdAt });
    expect(updated.updatedAt > created.updatedAt).toBe(true);
    expect(await ok(backend, 'people.get', { id: created.id })).toMatchObject({ name: 'Maria R. Torres' });
  });

  it('answers not_found for an unknown id on get, update and delete, and writes nothing', async () => {
    const { backend, path } = await useBackend();
    await addPerson(backend, 'Someone');
    const before = snapshot(path);
    const id = '0b7e7f0e-58a4-4b8e-9b59-3b6e4b7a3c11';
    for (const [method, input] of [
      ['people.get', { id }],
      ['people.update', { id, person: personInput() }],
      ['people.delete', { id }],
    ] as const) {
      const error = await fails(backend, method, input);
      expect(error.code, method).toBe('not_found');
      expect(error.message).toContain(id);
    }
    expect(snapshot(path)).toEqual(before);
  });

  it('records a change-log row for create, update and delete, one batch per call', async () => {
    const { backend, path } = await useBackend();
    const person = await ok(backend, 'people.create', personInput());
    await ok(backend, 'people.update', { id: person.id, person: personInput({ title: 'Director' }) });
    await ok(backend, 'people.delete', { id: person.id });
    const rows = changeLog(path).filter((r) => r.entity === 'people' && r.entity_id === person.id);
    expect(rows.map((r) => r.action)).toEqual(['create', 'update', 'delete']);
    expect(new Set(rows.map((r) => r.batch)).size).toBe(3);
    expect(JSON.parse(rows[1]?.after_json ?? '{}')).toMatchObject({ title: 'Director' });
    expect(rows[2]?.after_json).toBeNull();
    const history = await ok(backend, 'history.list', { entity: 'people', entityId: person.id });
    expect(history.map((h) => h.action).sort()).toEqual(['create', 'delete', 'update']);
  });

  it('an update that changes nothing writes no change-log row', async () => {
    const { backend, path } = await useBackend();
    const person = await ok(backend, 'people.create', personInput());
    const before = changeLog(path).length;
    await ok(backend, 'people.update', { id: person.id, person: personInput() });
    expect(changeLog(path).length).toBe(before);
  });
});

describe('people field validation', () => {
  async function refused(input: unknown, path: string, message: RegExp) {
    const { backend, path: file } = await useBackend();
    const before = snapshot(file);
    const error = await fails(backend, 'people.create', input);
    expect(error.code).toBe('validation');
    const issue = issuesOf(error).find((i) => i.path === path);
    expect(issue, `${path} in ${JSON.stringify(issuesOf(error))}`).toBeDefined();
    expect(issue?.message).toMatch(message);
    expect(snapshot(file)).toEqual(before);
  }

  it('requires a name', () => refused(personInput({ name: '   ' }), 'name', /Name is required/));
  it('refuses a bad email', () => refused(personInput({ email: 'maria at example' }), 'email', /email like name@example.org/));
  it('refuses a bad phone', () => refused(personInput({ phone: 'call me maybe' }), 'phone', /digits, spaces/));
  it('asks when consent was recorded once it is known', () =>
    refused(personInput({ consent: { mayContact: true, channels: [], recordedOn: null, recordedBy: 'Dana' } }), 'consent.recordedOn', /Record when consent/));
  it('refuses channels without consent to contact', () =>
    refused(personInput({ consent: { mayContact: false, channels: ['email'], recordedOn: '2025-01-01', recordedBy: '' } }), 'consent.channels', /only apply/));
  it('refuses channels when consent is unknown', () =>
    refused(personInput({ consent: { mayContact: null, channels: ['sms'], recordedOn: null, recordedBy: '' } }), 'consent.channels', /only apply/));
  it('refuses an unknown channel', () =>
    refused(personInput({ consent: { mayContact: true, channels: ['pigeon' as 'email'], recordedOn: '2025-01-01', recordedBy: '' } }), 'consent.channels.0', /Unknown contact channel/));
  it('refuses a consent date that is not a date', () =>
    refused(personInput({ consent: { mayContact: true, channels: [], recordedOn: '2025-02-30', recordedBy: '' } }), 'consent.recordedOn', /YYYY-MM-DD/));
});

describe('people.get composition', () => {
  it('gathers affiliations, relationships both ways, the newest interactions and their count', async () => {
    const { backend } = await useBackend();
    const maria = await addPerson(backend, 'Maria Rivera');
    const ana = await addPerson(backend, 'Ana Lopez');
    const ben = await addPerson(backend, 'Ben Okafor');
    const clinic = await addOrganization(backend, 'Eastside Clinic');
    const union = await addOrganization(backend, 'Tenant Union');
    const old = await ok(backend, 'affiliations.create', { personId: maria, organizationId: clinic, role: 'Volunteer', primary: false, startOn: '2019-01-01', endOn: '2021-06-30' });
    const current = await ok(backend, 'affiliations.create', { personId: maria, organizationId: union, role: 'Chair', primary: true, startOn: '2022-03-01', endOn: null });
    const mentors = await ok(backend, 'relationships.create', { entity: 'person', kind: 'mentors', fromId: maria, toId: ana, note: 'Weekly' });
    const introduced = await ok(backend, 'relationships.create', { entity: 'person', kind: 'introduced_by', fromId: ben, toId: maria, note: '' });
    const total = RECENT_INTERACTIONS + 3;
    for (let i = 0; i < total; i += 1) {
      const day = String((i % 28) + 1).padStart(2, '0');
      const month = String(Math.floor(i / 28) + 1).padStart(2, '0');
      await ok(backend, 'interactions.create', interactionInput({ occurredOn: `2025-${month}-${day}`, summary: `Call ${i}`, personIds: [maria], organizationIds: i === total - 1 ? [union] : [] }));
    }

    const detail = await ok(backend, 'people.get', { id: maria });
    expect(detail.affiliations.map((a) => a.id)).toEqual([current.id, old.id]);
    expect(detail.affiliations[0]).toEqual({
      id: current.id,
      person: { id: maria, name: 'Maria Rivera' },
      organization: { id: union, name: 'Tenant Union' },
      role: 'Chair',
      primary: true,
      startOn: '2022-03-01',
      endOn: null,
    });
    expect(detail.relationships).toEqual([
      { id: mentors.id, kind: 'mentors', direction: 'outgoing', other: { id: ana, name: 'Ana Lopez' }, note: 'Weekly' },
      { id: introduced.id, kind: 'introduced_by', direction: 'incoming', other: { id: ben, name: 'Ben Okafor' }, note: '' },
    ]);
    expect(detail.interactionCount).toBe(total);
    expect(detail.interactions).toHaveLength(RECENT_INTERACTIONS);
    expect(detail.interactions[0]).toMatchObject({ summary: `Call ${total - 1}`, occurredOn: '2025-02-25', people: [{ id: maria, name: 'Maria Rivera' }], organizations: [{ id: union, name: 'Tenant Union' }] });
    const dates = detail.interactions.map((i) => i.occurredOn);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(detail.lastContactedOn).toBe('2025-02-25');

    // Ana sees the same relationship from the other side.
    const anaDetail = await ok(backend, 'people.get', { id: ana });
    expect(anaDetail.relationships).toEqual([{ id: mentors.id, kind: 'mentors', direction: 'incoming', other: { id: maria, name: 'Maria Rivera' }, note: 'Weekly' }]);
  });
});

describe('people.delete', () => {
  it('removes the person with their links and leaves nothing dangling', async () => {
    const { backend, path } = await useBackend();
    const maria = await addPerson(backend, 'Maria Rivera');
    const ana = await addPerson(backend, 'Ana Lopez');
    const union = await addOrganization(backend, 'Tenant Union');
    await ok(backend, 'affiliations.create', { personId: maria, organizationId: union, role: 'Chair', primary: true, startOn: null, endOn: null });
    await ok(backend, 'relationships.create', { entity: 'person', kind: 'works_with', fromId: ana, toId: maria, note: '' });
    const alone = await ok(backend, 'interactions.create', interactionInput({ personIds: [maria] }));
    const shared = await ok(backend, 'interactions.create', interactionInput({ personIds: [maria, ana], organizationIds: [union] }));

    expect(await ok(backend, 'people.delete', { id: maria })).toEqual({ deleted: true });
    expect(countRows(path, 'people', `id = '${maria}'`)).toBe(0);
    expect(countRows(path, 'affiliations')).toBe(0);
    expect(countRows(path, 'person_relationships')).toBe(0);
    expect(countRows(path, 'interactions', `id = '${alone.id}'`)).toBe(0);
    const kept = await ok(backend, 'interactions.list', { personId: ana });
    expect(kept.rows.map((r) => r.id)).toEqual([shared.id]);
    expect(kept.rows[0]?.people).toEqual([{ id: ana, name: 'Ana Lopez' }]);
    expect(countRows(path, 'person_labels', `record_rowid not in (select rowid from people)`)).toBe(0);
    expect((await fails(backend, 'people.get', { id: maria })).code).toBe('not_found');
    const deletes = changeLog(path).filter((r) => r.action === 'delete').map((r) => r.entity).sort();
    expect(deletes).toEqual(['affiliations', 'interaction_participants', 'interaction_participants', 'interactions', 'people', 'person_relationships']);
  });
});
