import { screen, waitFor, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { ok } from '../support/backend';
import { addPerson } from './directory-support';
import { renderApp, startWithCoalition } from './renderApp';

// The story form's consent form against the real backend: the verdict for each use follows what
// is filled in, the anonymization switch without an anonymized version refuses every use, and
// an incomplete consent is refused on the form before anything is saved.

const today = new Date().toISOString().slice(0, 10);

test('the consent form shows the verdict for each use as it is filled in, and saves the consent', async () => {
  const { bridge } = await startWithCoalition();
  const maria = await addPerson(bridge, 'Maria Rivera');
  const story = await ok(bridge, 'stories.create', {
    today,
    story: {
      title: 'Three buses to the clinic',
      text: 'I take three buses to the clinic.',
      anonymizedText: '',
      storytellerPersonId: maria,
      issueArea: '',
      district: 'District 4',
      campaignId: null,
      consent: { given: false, uses: [], givenOn: null, method: null, recordedBy: '', expiresOn: null, withdrawnOn: null, withdrawalNote: '', anonymize: false },
    },
  });
  const { user } = renderApp(`/media/stories/${story.id}`);
  await user.click(await screen.findByRole('button', { name: 'Edit story and consent' }, { timeout: 10_000 }));
  const consent = await screen.findByRole('group', { name: 'Consent' });
  const verdicts = within(consent).getByLabelText('What this consent allows today');
  expect(within(verdicts).getByText(/Policymakers:/).parentElement?.textContent).toContain('no. Consent has not been given.');

  await user.click(within(consent).getByLabelText('Yes'));
  await user.click(within(consent).getByLabelText('Policymakers'));
  await user.type(within(consent).getByLabelText('Given on'), today);
  await user.tab();
  await waitFor(() => expect(within(verdicts).getByText(/Policymakers:/).parentElement?.textContent).toContain('yes, with the storyteller’s name.'));
  expect(within(verdicts).getByText(/Media:/).parentElement?.textContent).toContain('no. Consent does not cover media.');

  // Anonymization without an anonymized version: no use is possible, and the form says why.
  await user.click(within(consent).getByLabelText('Use only the anonymized version (no name)'));
  expect(within(verdicts).getByText(/Policymakers:/).parentElement?.textContent).toContain('the story has no anonymized version yet');
  await user.click(within(consent).getByLabelText('Use only the anonymized version (no name)'));

  // The method is missing: refused on the form, nothing saved.
  await user.click(screen.getByRole('button', { name: 'Save story' }));
  expect(await screen.findByText('Choose how consent was given: written, verbal or recorded.')).toBeTruthy();
  expect((await ok(bridge, 'stories.get', { id: story.id, today })).consent.given).toBe(false);

  await user.click(within(consent).getByRole('combobox', { name: 'How' }));
  await user.click(await screen.findByRole('option', { name: 'Verbal' }));
  await user.click(screen.getByRole('button', { name: 'Save story' }));
  await screen.findByRole('button', { name: 'Edit story and consent' }, { timeout: 10_000 });
  const saved = await ok(bridge, 'stories.get', { id: story.id, today });
  expect(saved.consent).toMatchObject({ given: true, uses: ['policymakers'], givenOn: today, method: 'verbal' });
  expect(saved.verdicts.policymakers).toEqual({ allowed: true, anonymized: false });
  expect(saved.consentHistory).toHaveLength(2);
});
