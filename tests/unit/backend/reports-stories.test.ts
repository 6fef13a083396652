import { describe, expect, it } from 'vitest';
import type { StoryInput } from '@shared/stories/contract';
import type { Backend } from '../../../electron/backend/backend';
import { ok, useBackend } from '../../support/backend';
import { addPerson } from '../../support/people';
import { readPdf, squash } from '../../support/pdf';
import { impactInput } from '../../support/samples/reports';

// Stories in the impact report: only those whose consent covers reports on the report's date,
// and the anonymized version (no storyteller name) where consent or an anonymous storyteller
// requires it. The report asks the stories domain (usableStories), which applies the consent rule.

const Q4 = { kind: 'quarter', from: '2026-10-01', to: '2026-12-31' } as const;

function story(overrides: Omit<Partial<StoryInput>, 'consent'> & { consent?: Partial<StoryInput['consent']> }): StoryInput {
  const { consent, ...rest } = overrides;
  return {
    title: 'A story',
    text: 'The full story.',
    anonymizedText: '',
    storytellerPersonId: null,
    issueArea: 'Housing',
    district: 'District 4',
    campaignId: null,
    ...rest,
    consent: { given: true, uses: ['reports'], givenOn: '2026-01-10', method: 'written', recordedBy: 'Dana', expiresOn: null, withdrawnOn: null, withdrawalNote: '', anonymize: false, ...consent },
  };
}

async function stories(backend: Backend): Promise<void> {
  const maria = await addPerson(backend, 'María José Ortega');
  const kofi = await addPerson(backend, 'Kofi Mensah');
  const add = (input: StoryInput) => ok(backend, 'stories.create', { story: input, today: '2026-11-01' });
  await add(story({ title: 'Evicted in winter', text: 'María lost her flat in January.', storytellerPersonId: maria }));
  await add(story({ title: 'The clinic closed', text: 'Kofi Mensah waited six hours.', anonymizedText: 'A father waited six hours at the only clinic left.', storytellerPersonId: kofi, consent: { anonymize: true } }));
  await add(story({ title: 'Anonymous letter', text: 'Signed by a tenant.', anonymizedText: 'A tenant wrote to us about mould.' }));
  await add(story({ title: 'Media only', text: 'Only for the press.', storytellerPersonId: maria, consent: { uses: ['media'] } }));
  await add(story({ title: 'Withdrawn before the report', text: 'Withdrawn text.', storytellerPersonId: maria, consent: { withdrawnOn: '2026-11-20' } }));
  await add(story({ title: 'Expired before the report', text: 'Expired text.', storytellerPersonId: kofi, consent: { expiresOn: '2026-11-25' } }));
  await add(story({ title: 'Given after the report', text: 'Later text.', storytellerPersonId: kofi, consent: { givenOn: '2026-11-27' } }));
  await add(story({ title: 'No consent', text: 'Never agreed.', storytellerPersonId: kofi, consent: { given: false, uses: [], givenOn: null, method: null } }));
}

describe('stories in the impact report', () => {
  it('prints only stories whose consent covers reports on the report’s date, anonymized where required', async () => {
    const { backend } = await useBackend();
    await stories(backend);
    const report = await ok(backend, 'reports.create', impactInput({ period: Q4, sections: ['stories'] }));
    const text = squash(readPdf(Buffer.from((await ok(backend, 'reports.impactPdf', { id: report.id, today: '2026-11-26' })).content, 'base64')).text);

    expect(text).toContain('Evicted in winter');
    expect(text).toContain('María lost her flat in January.');
    expect(text).toContain('— María José Ortega, District 4');
    // Anonymized: the anonymized text, and no name.
    expect(text).toContain('A father waited six hours at the only clinic left.');
    expect(text).not.toContain('Kofi Mensah');
    expect(text).toContain('A tenant wrote to us about mould.');
    expect(text).not.toContain('Signed by a tenant.');
    expect(text).toContain('— Anonymous, District 4');
    for (const refused of ['Media only', 'Withdrawn before the report', 'Expired before the report', 'Given after the report', 'No consent', 'Withdrawn text.', 'Expired text.', 'Later text.', 'Never agreed.']) {
      expect(text, refused).not.toContain(refused);
    }

    // On an earlier date the withdrawn and expired ones were still usable; the later one not yet.
    const earlier = squash(readPdf(Buffer.from((await ok(backend, 'reports.impactPdf', { id: report.id, today: '2026-11-15' })).content, 'base64')).text);
    expect(earlier).toContain('Withdrawn text.');
    expect(earlier).toContain('Expired text.');
    expect(earlier).not.toContain('Later text.');
  });
});
