import { expect, test, type Page } from '@playwright/test';
import { collectErrors } from '../support/app';
import { useHarness } from '../support/harness';

// The foundation's end-to-end story, in real Chromium against the real backend:
// first run → start a new coalition → write the charter with two goals → adopt version 1 →
// edit and adopt version 2 → see the difference → restart the server → everything is still there.

const harness = useHarness();

async function fillGoal(page: Page, n: number, goal: { category: string; title: string; description: string; target?: [string, string, string] }) {
  const card = page.getByRole('group', { name: `Goal ${n}` });
  await card.getByLabel('Category').click();
  await page.getByRole('option', { name: goal.category }).click();
  await card.getByLabel('Title').fill(goal.title);
  await card.getByLabel('Description').fill(goal.description);
  if (goal.target) {
    await card.getByLabel('Measurable target').check();
    await card.getByLabel('Target metric').fill(goal.target[0]);
    await card.getByLabel('Target value').fill(goal.target[1]);
    await card.getByLabel('Unit').fill(goal.target[2]);
  }
}

async function adopt(page: Page, note: string) {
  await page.getByRole('button', { name: 'Adopt…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Note').fill(note);
  await dialog.getByRole('button', { name: 'Adopt version' }).click();
  await expect(dialog).toBeHidden();
}

test('a coordinator writes, adopts and amends the charter, and it survives a restart', async ({ page }) => {
  const errors = collectErrors(page);

  await page.goto(harness.url);
  await expect(page.getByRole('button', { name: 'Start a new coalition' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Explore sample coalition' })).toBeVisible();

  await page.getByRole('button', { name: 'Start a new coalition' }).click();
  await page.getByLabel('Coalition name').fill('Harbor City Care Coalition');
  await page.getByLabel('Short name').fill('HCCC');
  await page.getByLabel('Region').fill('Harbor City');
  await page.getByRole('button', { name: 'Create coalition' }).click();

  await page.getByRole('link', { name: 'Charter' }).first().click();
  await page.getByLabel('Mission').fill('Win fair, well-funded social services for every Harbor City resident.');
  await page.getByLabel('Vision').fill('A city where care is a right.');
  for (const value of ['Equity', 'Community voice']) {
    await page.getByLabel('New value').fill(value);
    await page.getByRole('button', { name: 'Add value' }).click();
  }
  await page.getByRole('button', { name: 'Add goal' }).click();
  await fillGoal(page, 1, {
    category: 'Policy change',
    title: 'Expand mental-health coverage',
    description: 'Pass the state mental-health parity bill.',
    target: ['Bills enacted', '1', 'bill'],
  });
  await page.getByRole('button', { name: 'Add goal' }).click();
  await fillGoal(page, 2, { category: 'Public awareness', title: 'Make eviction visible', description: 'Town halls in every district.' });
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByText(/saved/i).first()).toBeVisible();

  await adopt(page, 'Founding assembly');
  await expect(page.getByText(/version 1/i).first()).toBeVisible();

  await page.getByLabel('Mission').fill('Win fair, well-funded social and legal services for every Harbor City resident.');
  await page.getByRole('group', { name: 'Goal 2' }).getByLabel('Title').fill('Make eviction and hunger visible');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await adopt(page, 'Amended by the steering committee');
  await expect(page.getByText(/version 2/i).first()).toBeVisible();

  await page.getByRole('link', { name: 'Versions' }).first().click();
  await expect(page.getByText('Amended by the steering committee')).toBeVisible();
  await expect(page.getByText('Founding assembly')).toBeVisible();
  await page.getByRole('button', { name: /compare/i }).first().click();
  await expect(page.locator('ins', { hasText: 'and legal' })).toBeVisible();
  await expect(page.getByText('Make eviction and hunger visible').first()).toBeVisible();

  // Restart the server: the workspace file on disk is all that carries over.
  await harness.restart();
  await page.goto(harness.url);
  await page.getByRole('link', { name: 'Charter' }).first().click();
  await expect(page.getByLabel('Mission')).toHaveValue('Win fair, well-funded social and legal services for every Harbor City resident.');
  await expect(page.getByRole('group', { name: 'Goal 1' }).getByLabel('Title')).toHaveValue('Expand mental-health coverage');
  await page.getByRole('link', { name: 'Versions' }).first().click();
  await expect(page.getByText('Founding assembly')).toBeVisible();
  await expect(page.getByText('Amended by the steering committee')).toBeVisible();

  expect(errors).toEqual([]);
});
