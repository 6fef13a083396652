import { describe, expect, it } from 'vitest';
import type { StoryInput } from '@shared/stories/contract';
import { fails, issuesOf, ok, snapshot, useBackend } from '../../support/backend';
import { personInput } from '../../support/people';
import { storyInput } from '../../support/samples/stories';

// Stories through the RPC backend on a real SQLite file: consent history, the list's "usable for"
// filter agreeing with the rule, validation, the home screen's expiring consents, and what a
// directory delete or merge and undo do to storytellers.

const TODAY = '2026-06-01';

async function setup() {
  const { backend, path } = await useBackend();
  const maria = await ok(backend, 'people.create', personInput({ name: 'Maria Rivera', email: 'maria@example.org' }));
  const input = (overrides: Omit<Partial<StoryInput>, 'consent'> & { consent?: Partial<StoryInput['consent']> } = {}): StoryInput => {
    const base = storyInput({ storytellerPersonId: maria.id });
    return { ...base, ...overrides, consent: { ...base.consent, ...overrides.consent } };
  };
  return { backend, path, maria, input };
}

describe('stories', () => {
  it('creates a story with its verdicts, and keeps each consent change as history', async () => {
    const { backend, input } = await setup();
    const story = await ok(backend, 'stories.create', { story: input(), today: TODAY });
    expect(story.storytellerName).toBe('Maria Rivera');
    expect(story.verdicts.policymakers).toEqual({ allowed: true, anonymized: false });
    expect(story.verdicts.media).toEqual({ allowed: false, reason: 'Consent does not cover media.' });
    expect(story.consentHistory).toHaveLength(1);
    expect(story.consentHistory[0]?.summary).toBe('Given (written) on 2026-03-02 for reports, policymakers; expires 2027-03-01; recorded by Ana Soto');

    // Editing the text alone adds no consent history; withdrawing does.
    const retitled = await ok(backend, 'stories.update', { id: story.id, story: input({ title: 'New title' }), today: TODAY });
    expect(retitled.consentHistory).toHaveLength(1);
    const withdrawn = await ok(backend, 'stories.update', {
      id: story.id,
      story: input({ title: 'New title', consent: { withdrawnOn: '2026-05-20', withdrawalNote: 'Asked by phone' } }),
      today: TODAY,
    });
    expect(withdrawn.consentHistory).toHaveLength(2);
    expect(withdrawn.consentHistory[0]?.summary).toContain('withdrawn 2026-05-20 (Asked by phone)');
    expect(withdrawn.consentHistory[0]?.consent.withdrawnOn).toBe('2026-05-20');
    expect(withdrawn.verdicts.policymakers).toEqual({ allowed: false, reason: 'Consent was withdrawn on 2026-05-20.' });
  });

  it('refuses incomplete consent with plain field errors and writes nothing', async () => {
    const { backend, path, input } = await setup();
    const before = snapshot(path);
    const error = await fails(backend, 'stories.create', {
      story: input({ consent: { givenOn: null, method: null, uses: [], expiresOn: '2026-01-01' } }),
      today: TODAY,
    });
    expect(error.code).toBe('validation');
    expect(issuesOf(error)).toEqual(
      expect.arrayContaining([
        { path: 'story.consent.givenOn', message: 'Enter the day consent was given.' },
        { path: 'story.consent.method', message: 'Choose how consent was given: written, verbal or recorded.' },
        { path: 'story.consent.uses', message: 'Choose at least one use the consent covers.' },
      ]),
    );
    const early = await fails(backend, 'stories.create', { story: input({ consent: { expiresOn: '2026-01-01' } }), today: TODAY });
    expect(issuesOf(early)).toEqual([{ path: 'story.consent.expiresOn', message: 'Consent cannot expire before the day it was given.' }]);
    const notGiven = await fails(backend, 'stories.create', { story: input({ consent: { given: false, withdrawnOn: '2026-04-01' } }), today: TODAY });
    expect(issuesOf(notGiven)).toEqual([{ path: 'story.consent.withdrawnOn', message: 'Only consent that was given can be withdrawn.' }]);
    const missingPerson = await fails(backend, 'stories.create', { story: input({ storytellerPersonId: '00000000-0000-4000-8000-0000000000ff' }), today: TODAY });
    expect(missingPerson.code).toBe('not_found');
    expect(snapshot(path)).toEqual(before);
  });

  it('lists stories by district and issue area, and "usable for" agrees with the rule', async () => {
    const { backend, input } = await setup();
    const policy = await ok(backend, 'stories.create', { story: input({ title: 'A policymakers story', consent: { uses: ['policymakers'] } }), today: TODAY });
    await ok(backend, 'stories.create', { story: input({ title: 'B internal only', district: 'District 7', consent: { uses: ['internal'] } }), today: TODAY });
    await ok(backend, 'stories.create', { story: input({ title: 'C anonymize, no version', anonymizedText: '', consent: { anonymize: true } }), today: TODAY });
    await ok(backend, 'stories.create', { story: input({ title: 'D no consent', issueArea: 'Housing', consent: { given: false, uses: [], givenOn: null, method: null } }), today: TODAY });

    const usable = await ok(backend, 'stories.list', { today: TODAY, usableFor: 'policymakers' });
    expect(usable.rows.map((r) => r.id)).toEqual([policy.id]);
    expect(usable.total).toBe(1);
    const all = await ok(backend, 'stories.list', { today: TODAY });
    expect(all.rows.map((r) => r.title)).toEqual(['A policymakers story', 'B internal only', 'C anonymize, no version', 'D no consent']);
    expect(all.rows[2]?.verdicts.policymakers).toEqual({ allowed: false, reason: 'Consent asks for the anonymized version, and the story has no anonymized version yet.' });
    expect((await ok(backend, 'stories.list', { today: TODAY, district: 'District 7' })).rows.map((r) => r.title)).toEqual(['B internal only']);
    expect((await ok(backend, 'stories.list', { today: TODAY, issueArea: 'Housing' })).rows.map((r) => r.title)).toEqual(['D no consent']);
    expect((await ok(backend, 'stories.list', { today: TODAY, search: 'internal' })).rows.map((r) => r.title)).toEqual(['B internal only']);
    expect(await ok(backend, 'stories.facets', {})).toEqual({ districts: ['District 4', 'District 7'], issueAreas: ['Healthcare access', 'Housing'] });
  });

  it('lists consent expiring within 30 days (both ends included), not withdrawn or already expired', async () => {
    const { backend, input } = await setup();
    const soon = await ok(backend, 'stories.create', { story: input({ title: 'Soon', consent: { expiresOn: '2026-06-20' } }), today: TODAY });
    const today = await ok(backend, 'stories.create', { story: input({ title: 'Today', consent: { expiresOn: TODAY } }), today: TODAY });
    const edge = await ok(backend, 'stories.create', { story: input({ title: 'Edge', consent: { expiresOn: '2026-07-01' } }), today: TODAY });
    await ok(backend, 'stories.create', { story: input({ title: 'Later', consent: { expiresOn: '2026-07-02' } }), today: TODAY });
    await ok(backend, 'stories.create', { story: input({ title: 'Past', consent: { expiresOn: '2026-05-31' } }), today: TODAY });
    await ok(backend, 'stories.create', { story: input({ title: 'Withdrawn', consent: { expiresOn: '2026-06-10', withdrawnOn: '2026-05-01' } }), today: TODAY });
    const expiring = await ok(backend, 'stories.expiring', { today: TODAY, days: 30 });
    expect(expiring.map((s) => s.id)).toEqual([today.id, soon.id, edge.id]);
    expect(expiring[0]).toMatchObject({ storytellerName: 'Maria Rivera', expiresOn: TODAY, uses: ['reports', 'policymakers'] });
  });

  it('deleting the storyteller keeps the story, anonymous; undo brings the name back', async () => {
    const { backend, maria, input } = await setup();
    const story = await ok(backend, 'stories.create', { story: input(), today: TODAY });
    const named = await ok(backend, 'stories.create', { story: input({ title: 'No anonymized version', anonymizedText: '' }), today: TODAY });
    await ok(backend, 'people.delete', { id: maria.id });
    const after = await ok(backend, 'stories.get', { id: story.id, today: TODAY });
    expect(after.storytellerPersonId).toBeNull();
    expect(after.verdicts.policymakers).toEqual({ allowed: true, anonymized: true });
    // Without an anonymized version, an anonymous story can no longer be used.
    expect((await ok(backend, 'stories.get', { id: named.id, today: TODAY })).verdicts.policymakers.allowed).toBe(false);
    await ok(backend, 'history.undo', {});
    expect((await ok(backend, 'stories.get', { id: story.id, today: TODAY })).storytellerName).toBe('Maria Rivera');
  });

  it('a merge moves the stories to the survivor', async () => {
    const { backend, maria, input } = await setup();
    const other = await ok(backend, 'people.create', personInput({ name: 'María Rivera', email: 'mrivera@example.org' }));
    const story = await ok(backend, 'stories.create', { story: input({ storytellerPersonId: other.id }), today: TODAY });
    await ok(backend, 'duplicates.merge', { entity: 'person', survivorId: maria.id, mergedId: other.id, fields: {} });
    expect((await ok(backend, 'stories.get', { id: story.id, today: TODAY })).storytellerPersonId).toBe(maria.id);
    expect((await ok(backend, 'stories.list', { today: TODAY, storytellerPersonId: maria.id })).total).toBe(1);
  });

  it('deleting a story removes its consent history; undo restores both', async () => {
    const { backend, input } = await setup();
    const story = await ok(backend, 'stories.create', { story: input(), today: TODAY });
    await ok(backend, 'stories.update', { id: story.id, story: input({ consent: { uses: ['internal'] } }), today: TODAY });
    await ok(backend, 'stories.delete', { id: story.id });
    expect((await fails(backend, 'stories.get', { id: story.id, today: TODAY })).code).toBe('not_found');
    await ok(backend, 'history.undo', {});
    expect((await ok(backend, 'stories.get', { id: story.id, today: TODAY })).consentHistory).toHaveLength(2);
  });
});
