import { expect, test } from '@playwright/test';
import { area, collectErrors, rpc, startNewCoalition } from '../support/app';
import { useHarness } from '../support/harness';

// Stories in real Chromium against the real backend: a story is added through the form with
// consent for policymakers (the form shows the verdict as it is filled in), another is added
// without consent; the list's "usable for policymakers" filter shows only the first.

const harness = useHarness();

test('only the story whose consent covers policymakers is listed as usable for them', async ({ page }) => {
  const errors = collectErrors(page);
  await page.clock.setFixedTime(new Date('2026-06-01T12:00:00'));
  await startNewCoalition(page, harness.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await rpc(page, 'stories.create', {
    today: '2026-06-01',
    story: {
      title: 'Not asked yet',
      text: 'A story told at the food bank.',
      anonymizedText: '',
      storytellerPersonId: null,
      issueArea: '',
      district: 'District 4',
      campaignId: null,
      consent: { given: false, uses: [], givenOn: null, method: null, recordedBy: '', expiresOn: null, withdrawnOn: null, withdrawalNote: '', anonymize: false },
    },
  });

  await area(page, 'Media & stories').click();
  await page.getByRole('link', { name: 'Stories', exact: true }).click();
  await page.getByRole('link', { name: 'Add story' }).click();
  const form = page.getByRole('form', { name: 'New story' });
  await form.getByLabel('Title').fill('Three buses to the clinic');
  await form.getByRole('textbox', { name: /^Story/ }).fill('I take three buses to reach the only clinic that accepts my coverage.');
  await form.getByRole('textbox', { name: /^Anonymized version/ }).fill('A worker takes three buses to reach the clinic.');
  await form.getByRole('textbox', { name: /^District/ }).fill('District 4');
  const consent = form.getByRole('group', { name: 'Consent' });
  await consent.getByLabel('Yes').check();
  await consent.getByLabel('Policymakers').check();
  await consent.getByRole('textbox', { name: /^Given on/ }).fill('2026-05-20');
  await page.keyboard.press('Escape');
  await consent.getByRole('combobox', { name: 'How' }).click();
  await page.getByRole('option', { name: 'Written' }).click();
  // Without a storyteller, only the anonymized version may be used: the form says so.
  await expect(consent.getByText(/Policymakers:\s*yes, the anonymized version only/)).toBeVisible();
  await expect(consent.getByText(/Media:\s*no\. Consent does not cover media\./)).toBeVisible();
  await form.getByRole('button', { name: 'Add story' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Three buses to the clinic' })).toBeVisible();

  await page.getByRole('link', { name: 'Stories', exact: true }).click();
  const table = page.getByRole('table', { name: 'Stories' });
  await expect(table.getByRole('row')).toHaveCount(3);
  await page.getByRole('combobox', { name: 'Usable for' }).click();
  await page.getByRole('option', { name: 'Usable for policymakers' }).click();
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('link', { name: 'Three buses to the clinic' })).toBeVisible();
  await expect(table.getByText('Not asked yet')).toHaveCount(0);
  expect(errors).toEqual([]);
});
