import { describe, expect, it } from 'vitest';
import {
  emailKey,
  MAX_GROUP,
  organizationNameKey,
  personNameKey,
  phoneKey,
  websiteKey,
} from '../../../electron/backend/directory/duplicates/detect';
import { changeLog, fails, issuesOf, ok, snapshot, useBackend, withSqlite } from '../../support/backend';
import { countRows, foreignKeyProblems, organizationInput, personInput } from '../../support/people';
import type { Caller } from '../../support/backend';
import type { Input } from '@shared/contract';

const MISSING = '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';

async function org(caller: Caller, name: string, overrides: Partial<Input<'organizations.create'>> = {}): Promise<string> {
  return (await ok(caller, 'organizations.create', organizationInput(name, overrides))).id;
}

async function person(caller: Caller, name: string, overrides: Partial<Input<'people.create'>> = {}): Promise<string> {
  const blank = { email: '', phone: '', tags: [], languages: [] };
  return (await ok(caller, 'people.create', personInput({ name, ...blank, ...overrides }))).id;
}

/** The pairs found, as "nameA ~ nameB: reasons". */
async function found(caller: Caller, entity: 'organization' | 'person'): Promise<string[]> {
  const { pairs } = await ok(caller, 'duplicates.find', { entity, offset: 0, limit: 200 });
  return pairs.map((p) => `${p.a.name} ~ ${p.b.name}: ${p.reasons.join(',')}`).sort();
}

describe('match keys', () => {
  it('normalizes names, emails, websites and phones', () => {
    expect(organizationNameKey('The Harbor Food-Bank, Inc.')).toBe('harbor food bank');
    expect(organizationNameKey('harbor food bank')).toBe('harbor food bank');
    expect(organizationNameKey('Coalition São Tomé LLC')).toBe('sao tome');
    expect(organizationNameKey('Alder & Pine Coalition')).toBe('alder pine');
    expect(organizationNameKey('The Coalition')).toBe('the coalition');
    expect(personNameKey('  José Ávila-Pérez ')).toBe('jose avila perez');
    expect(emailKey(' Info@Alder.ORG ')).toBe('info@alder.org');
    expect(emailKey('')).toBeNull();
    expect(websiteKey('https://www.Alder.org/about?x=1')).toBe('alder.org');
    expect(websiteKey('alder.org')).toBe('alder.org');
    expect(websiteKey('http://alder.org:8080')).toBe('alder.org');
    expect(websiteKey('')).toBeNull();
    expect(phoneKey('+1 (555) 010-2030')).toBe('5550102030');
    expect(phoneKey('555.010.2030 x12')).toBe('5550102030');
    expect(phoneKey('12-34')).toBeNull();
  });
});

describe('duplicates.find', () => {
  it('pairs organizations by name (case, accents, punctuation, suffixes), email, website and phone, never a record with itself', async () => {
    const { backend } = await useBackend();
    await org(backend, 'The Harbor Food-Bank, Inc.');
    await org(backend, 'harbor food bank');
    await org(backend, 'Coalición São Tomé', { email: 'Hello@SaoTome.org' });
    await org(backend, 'Sao Tome Partners', { email: 'hello@saotome.org' });
    await org(backend, 'Alder Clinic', { website: 'https://www.alder.org/about' });
    await org(backend, 'Alder Health', { website: 'alder.org' });
    await org(backend, 'Bayview Union', { phone: '+1 (555) 010-2030' });
    await org(backend, 'Bayview Tenants', { phone: '555.010.2030' });
    await org(backend, 'Unrelated Group', { email: 'x@unrelated.org', website: 'unrelated.org', phone: '555 999 0000' });

    expect(await found(backend, 'organization')).toEqual([
      'Alder Clinic ~ Alder Health: website',
      'Bayview Union ~ Bayview Tenants: phone',
      'Coalición São Tomé ~ Sao Tome Partners: email',
      'The Harbor Food-Bank, Inc. ~ harbor food bank: name',
    ]);
  });

  it('merges the reasons of a pair found several ways and ranks it first; pages with a total', async () => {
    const { backend } = await useBackend();
    const first = await org(backend, 'Eastside Clinic', { email: 'info@eastside.org', phone: '555 010 1111' });
    const second = await org(backend, 'EASTSIDE CLINIC', { email: 'INFO@eastside.org', phone: '(555) 010-1111' });
    await org(backend, 'Alder', { website: 'alder.org' });
    await org(backend, 'Alder Trust', { website: 'www.alder.org' });

    const all = await ok(backend, 'duplicates.find', { entity: 'organization', offset: 0, limit: 50 });
    expect(all.total).toBe(2);
    expect(all.pairs[0]).toMatchObject({ a: { id: first, name: 'Eastside Clinic' }, b: { id: second }, reasons: ['name', 'email', 'phone'], score: 100 });
    expect(all.pairs[1]?.reasons).toEqual(['website']);
    expect(all.pairs[0]?.a.detail).toContain('Eastside');
    for (const pair of all.pairs) expect(pair.a.id).not.toBe(pair.b.id);

    const second_page = await ok(backend, 'duplicates.find', { entity: 'organization', offset: 1, limit: 1 });
    expect(second_page).toEqual({ total: 2, pairs: [all.pairs[1]] });
  });

  it('pairs people by name (accents, case, hyphens), email and phone', async () => {
    const { backend } = await useBackend();
    await person(backend, 'José Ávila-Pérez');
    await person(backend, 'jose avila perez');
    await person(backend, 'Ana Lopez', { email: 'Ana@Example.org' });
    await person(backend, 'Ana L.', { email: 'ana@example.org' });
    await person(backend, 'Ben Okafor', { phone: '+1 555 010 4444' });
    await person(backend, 'B. Okafor', { phone: '5550104444' });
    await person(backend, 'Someone Else', { email: 'someone@example.org', phone: '555 777 8888' });

    expect(await found(backend, 'person')).toEqual(['Ana Lopez ~ Ana L.: email', 'Ben Okafor ~ B. Okafor: phone', 'José Ávila-Pérez ~ jose avila perez: name']);
    // Organizations and people are never paired with each other.
    expect(await found(backend, 'organization')).toEqual([]);
  });

  it(`skips a key shared by more than ${MAX_GROUP} records (a switchboard number is not a duplicate)`, async () => {
    const { backend, path } = await useBackend();
    const ids: string[] = [];
    for (let i = 0; i < MAX_GROUP + 1; i++) ids.push(await person(backend, `Volunteer ${i}`));
    withSqlite(path, (db) => db.prepare("update people set phone = '555 010 0000'").run());
    expect(await found(backend, 'person')).toEqual([]);
    withSqlite(path, (db) => db.prepare('update people set phone = \'\' where id = ?').run(ids[0]));
    expect((await ok(backend, 'duplicates.find', { entity: 'person', offset: 0, limit: 1 })).total).toBe(MAX_GROUP - 1);
  });
});

/** A survivor and a merged organization with people, relationships, interactions and stage history. */
async function orgScene(backend: Caller) {
  const survivor = await org(backend, 'Harbor Food Bank', {
    tags: ['food'],
    issueAreas: ['Food security'],
    email: '',
    phone: '555 010 2030',
    notes: 'Survivor notes',
    stage: 'engaged',
    otherNames: ['HFB'],
  });
  const merged = await org(backend, 'The Harbor Food-Bank, Inc.', {
    tags: ['food', 'pantry'],
    issueAreas: ['Housing'],
    regions: ['Eastside'],
    email: 'info@harborfood.org',
    phone: '555 999 1111',
    notes: 'Merged notes',
    stage: 'member',
    tier: 'ally',
    contributions: ['meeting_space'],
  });
  const partner = await org(backend, 'Alder Trust');
  const [ana, ben, cy] = [await person(backend, 'Ana'), await person(backend, 'Ben'), await person(backend, 'Cy')];
  // Ben is affiliated with both: the merged one's affiliation is redundant.
  await ok(backend, 'affiliations.create', { personId: ben, organizationId: survivor, role: 'Chair', primary: false, startOn: null, endOn: null });
  await ok(backend, 'affiliations.create', { personId: ben, organizationId: merged, role: 'Member', primary: false, startOn: null, endOn: null });
  await ok(backend, 'affiliations.create', { personId: ana, organizationId: merged, role: 'Director', primary: true, startOn: null, endOn: null });
  await ok(backend, 'affiliations.create', { personId: cy, organizationId: merged, role: 'Volunteer', primary: false, startOn: null, endOn: null });
  // Relationships: one moves, one would be a self-link, one repeats the survivor's.
  await ok(backend, 'relationships.create', { entity: 'organization', kind: 'funds', fromId: partner, toId: merged, note: 'Grant' });
  await ok(backend, 'relationships.create', { entity: 'organization', kind: 'partner_of', fromId: merged, toId: survivor, note: '' });
  await ok(backend, 'relationships.create', { entity: 'organization', kind: 'partner_of', fromId: survivor, toId: partner, note: '' });
  await ok(backend, 'relationships.create', { entity: 'organization', kind: 'partner_of', fromId: merged, toId: partner, note: '' });
  // Interactions: one with both (the merged participation is redundant), two with the merged one only.
  const call = { kind: 'call' as const, summary: 'Talked.', personIds: [], followUp: null };
  await ok(backend, 'interactions.create', { ...call, occurredOn: '2025-01-10', organizationIds: [survivor, merged] });
  await ok(backend, 'interactions.create', { ...call, occurredOn: '2025-03-01', organizationIds: [merged], personIds: [ana] });
  await ok(backend, 'interactions.create', { ...call, occurredOn: '2024-12-01', organizationIds: [merged] });
  return { survivor, merged, partner, ana, ben, cy };
}

describe('duplicates.merge', () => {
  it('copies chosen fields, unions lists and moves every related row to the survivor in one batch', async () => {
    const { backend, path } = await useBackend();
    const { survivor, merged, partner, ana, ben, cy } = await orgScene(backend);
    const before = {
      affiliations: countRows(path, 'affiliations'),
      relationships: countRows(path, 'organization_relationships'),
      participants: countRows(path, 'interaction_participants'),
      interactions: countRows(path, 'interactions'),
      stageChanges: countRows(path, 'organization_stage_changes'),
      organizations: countRows(path, 'organizations'),
    };
    const logBefore = changeLog(path).length;

    const result = await ok(backend, 'duplicates.merge', {
      entity: 'organization',
      survivorId: survivor,
      mergedId: merged,
      fields: { stage: 'merged', notes: 'merged' },
    });
    if (result.entity !== 'organization') throw new Error('expected an organization');
    const s = result.survivor;
    expect(s).toMatchObject({
      id: survivor,
      name: 'Harbor Food Bank',
      // Chosen: the merged record's stage (with its tier) and notes.
      stage: 'member',
      tier: 'ally',
      notes: 'Merged notes',
      // Not chosen: the survivor's phone; its empty email takes the merged one's.
      phone: '555 010 2030',
      email: 'info@harborfood.org',
      lastContactedOn: '2025-03-01',
    });
    expect(s.otherNames).toEqual(['HFB', 'The Harbor Food-Bank, Inc.']);
    expect(s.tags).toEqual(['food', 'pantry']);
    expect(s.issueAreas).toEqual(['Food security', 'Housing']);
    expect(s.regions).toEqual(['Eastside']);
    expect(s.contributions).toEqual(['meeting_space']);
    expect(result.counts).toEqual({
      affiliations: { moved: 2, dropped: 1 },
      relationships: { moved: 1, dropped: 2 },
      interactions: { moved: 2, dropped: 1 },
      stageChanges: 1,
    });

    // Per table: nothing lost but the exact duplicates and the merged record itself.
    expect(countRows(path, 'affiliations')).toBe(before.affiliations - 1);
    expect(countRows(path, 'organization_relationships')).toBe(before.relationships - 2);
    expect(countRows(path, 'interaction_participants')).toBe(before.participants - 1);
    expect(countRows(path, 'interactions')).toBe(before.interactions);
    expect(countRows(path, 'organization_stage_changes')).toBe(before.stageChanges);
    expect(countRows(path, 'organizations')).toBe(before.organizations - 1);
    for (const table of ['affiliations', 'interaction_participants', 'organization_stage_changes']) {
      expect(countRows(path, table, `organization_id = '${merged}'`)).toBe(0);
    }
    expect(countRows(path, 'organization_relationships', `from_id = '${merged}' or to_id = '${merged}'`)).toBe(0);
    expect(foreignKeyProblems(path)).toEqual([]);

    const detail = await ok(backend, 'organizations.get', { id: survivor });
    expect(detail.affiliations.map((a) => [a.person.id, a.role]).sort()).toEqual([[ana, 'Director'], [ben, 'Chair'], [cy, 'Volunteer']].sort());
    expect(detail.relationships.map((r) => `${r.direction} ${r.kind} ${r.other.id === partner ? 'partner' : r.other.id}`).sort()).toEqual([
      'incoming funds partner',
      'outgoing partner_of partner',
    ]);
    expect(detail.interactionCount).toBe(3);
    expect(detail.stageHistory.map((h) => h.stage).sort()).toEqual(['engaged', 'member']);
    expect((await fails(backend, 'organizations.get', { id: merged })).code).toBe('not_found');

    // One call, one batch; the merged record's delete keeps its whole row.
    const log = changeLog(path).slice(logBefore);
    expect(new Set(log.map((r) => r.batch)).size).toBe(1);
    const deleted = log.find((r) => r.entity === 'organizations' && r.entity_id === merged);
    expect(deleted?.action).toBe('delete');
    expect(JSON.parse(deleted?.before_json ?? '{}')).toMatchObject({ id: merged, name: 'The Harbor Food-Bank, Inc.', notes: 'Merged notes', phone: '555 999 1111' });
    // The survivor's history shows the merge as an update; the merged record's history is still there under its id.
    const survivorHistory = await ok(backend, 'history.list', { entity: 'organizations', entityId: survivor });
    expect(survivorHistory[0]?.action).toBe('update');
    expect(survivorHistory[0]?.batch).toBe(deleted?.batch);
    const mergedHistory = (await ok(backend, 'history.list', { entity: 'organizations', entityId: merged })).map((h) => h.action);
    expect(mergedHistory[0]).toBe('delete');
    expect(mergedHistory.at(-1)).toBe('create');

    // The pair is no longer reported.
    expect((await ok(backend, 'duplicates.find', { entity: 'organization', offset: 0, limit: 10 })).total).toBe(0);
  });

  it('keeps the survivor’s values by default and lets the merged name win (the survivor’s becomes another name)', async () => {
    const { backend } = await useBackend();
    const survivor = await org(backend, 'Alder', { city: 'Eastside', stage: 'member', tier: 'steering' });
    const merged = await org(backend, 'Alder Health Partners', { city: 'Westside', district: 'D2', stage: 'identified' });
    const result = await ok(backend, 'duplicates.merge', { entity: 'organization', survivorId: survivor, mergedId: merged, fields: { name: 'merged' } });
    expect(result.survivor).toMatchObject({ name: 'Alder Health Partners', otherNames: ['Alder'], city: 'Eastside', district: 'D2', stage: 'member', tier: 'steering' });
  });

  it('merges two people: affiliations deduplicated by organization, one primary kept, consent chosen', async () => {
    const { backend, path } = await useBackend();
    const survivor = await person(backend, 'Maria Rivera', { title: '', tags: ['housing'], languages: ['English'], consent: { mayContact: null, channels: [], recordedOn: null, recordedBy: '' } });
    const merged = await person(backend, 'María Rivera', { tags: ['tenants'], languages: ['Spanish', 'English'], title: 'Organizer', email: 'maria@x.org' });
    const other = await person(backend, 'Ben');
    const [a, b] = [await org(backend, 'Union A'), await org(backend, 'Union B')];
    await ok(backend, 'affiliations.create', { personId: survivor, organizationId: a, role: 'Chair', primary: true, startOn: null, endOn: null });
    await ok(backend, 'affiliations.create', { personId: merged, organizationId: a, role: 'Member', primary: false, startOn: null, endOn: null });
    await ok(backend, 'affiliations.create', { personId: merged, organizationId: b, role: 'Lead', primary: true, startOn: null, endOn: null });
    await ok(backend, 'relationships.create', { entity: 'person', kind: 'mentors', fromId: merged, toId: other, note: '' });
    await ok(backend, 'relationships.create', { entity: 'person', kind: 'works_with', fromId: survivor, toId: merged, note: '' });
    await ok(backend, 'interactions.create', { kind: 'meeting', occurredOn: '2025-02-02', summary: 'Met.', personIds: [merged, other], organizationIds: [], followUp: null });

    const result = await ok(backend, 'duplicates.merge', { entity: 'person', survivorId: survivor, mergedId: merged, fields: { consent: 'merged' } });
    if (result.entity !== 'person') throw new Error('expected a person');
    expect(result.survivor).toMatchObject({
      name: 'Maria Rivera',
      title: 'Organizer',
      email: 'maria@x.org',
      tags: ['housing', 'tenants'],
      languages: ['English', 'Spanish'],
      consent: { mayContact: true, channels: ['email', 'phone'] },
      lastContactedOn: '2025-02-02',
    });
    expect(result.counts).toMatchObject({ affiliations: { moved: 1, dropped: 1 }, relationships: { moved: 1, dropped: 1 }, interactions: { moved: 1, dropped: 0 } });
    const detail = await ok(backend, 'people.get', { id: survivor });
    expect(detail.affiliations.filter((x) => x.primary).map((x) => x.organization.id)).toEqual([a]);
    expect(detail.affiliations.map((x) => x.organization.id).sort()).toEqual([a, b].sort());
    expect(detail.relationships).toMatchObject([{ kind: 'mentors', direction: 'outgoing', other: { id: other } }]);
    expect(detail.interactions[0]?.people.map((p) => p.id).sort()).toEqual([survivor, other].sort());
    expect(countRows(path, 'people', `id = '${merged}'`)).toBe(0);
    expect(foreignKeyProblems(path)).toEqual([]);
  });

  it('refuses the same id twice, unknown ids and ids of the other kind, changing nothing', async () => {
    const { backend, path } = await useBackend();
    const a = await org(backend, 'Alder');
    const p = await person(backend, 'Ana');
    const before = snapshot(path);

    const same = await fails(backend, 'duplicates.merge', { entity: 'organization', survivorId: a, mergedId: a });
    expect(same.code).toBe('validation');
    expect(same.message).toContain('Choose two different records to merge.');
    expect(issuesOf(same).map((i) => i.path)).toEqual(['mergedId']);

    const missingSurvivor = await fails(backend, 'duplicates.merge', { entity: 'organization', survivorId: MISSING, mergedId: a });
    expect(missingSurvivor.code).toBe('not_found');
    expect(issuesOf(missingSurvivor).map((i) => i.path)).toEqual(['survivorId']);
    const missingMerged = await fails(backend, 'duplicates.merge', { entity: 'organization', survivorId: a, mergedId: MISSING });
    expect(issuesOf(missingMerged).map((i) => i.path)).toEqual(['mergedId']);
    // A person's id is not an organization's.
    expect((await fails(backend, 'duplicates.merge', { entity: 'organization', survivorId: a, mergedId: p })).code).toBe('not_found');

    const badChoice = await fails(backend, 'duplicates.merge', { entity: 'person', survivorId: p, mergedId: a, fields: { stage: 'merged' } });
    expect(badChoice.code).toBe('validation');
    expect(badChoice.message).toContain('stage');
    const badEntity = await fails(backend, 'duplicates.find', { entity: 'place', offset: 0, limit: 10 });
    expect(badEntity.code).toBe('validation');

    expect(snapshot(path)).toEqual(before);
  });

  it('leaves the workspace as it was when a merge fails after moving rows', async () => {
    const { backend, path } = await useBackend();
    const { survivor, merged } = await orgScene(backend);
    // Make the very last step (deleting the merged record) fail.
    withSqlite(path, (db) => db.exec("create trigger refuse_delete before delete on organizations begin select raise(abort, 'refused'); end"));
    const before = snapshot(path);
    const error = await fails(backend, 'duplicates.merge', { entity: 'organization', survivorId: survivor, mergedId: merged, fields: { notes: 'merged' } });
    expect(error.code).toBe('conflict');
    expect(snapshot(path)).toEqual(before);
    expect(foreignKeyProblems(path)).toEqual([]);
  });

  it('refuses a merge whose lists would not fit on one record, changing nothing', async () => {
    const { backend, path } = await useBackend();
    const tags = (p: string) => Array.from({ length: 30 }, (_, i) => `${p}${i}`);
    const survivor = await org(backend, 'Alder', { tags: tags('a') });
    const merged = await org(backend, 'Alder Two', { tags: tags('b') });
    const before = snapshot(path);
    const error = await fails(backend, 'duplicates.merge', { entity: 'organization', survivorId: survivor, mergedId: merged });
    expect(error).toMatchObject({ code: 'validation' });
    expect(error.message).toMatch(/60 tags; at most 50/);
    expect(snapshot(path)).toEqual(before);
  });
});
