import { expect, test, type Page } from '@playwright/test';
import { area, collectErrors, organizationsTable, startNewCoalition } from '../support/app';
import { useHarness } from '../support/harness';

// The directory's end-to-end story in real Chromium against the real backend: a new coalition
// adds two organizations and a person through the forms, finds one with an accent-less search,
// filters by stage, saves a view and re-applies it, opens an organization and logs an interaction.

const harness = useHarness();

async function pick(page: Page, scope: ReturnType<Page['getByRole']>, field: string, option: string) {
  await scope.getByRole('combobox', { name: new RegExp(`^${field}`) }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function addOrganization(page: Page, org: { name: string; sector: string; type: string; stage: string; city: string }) {
  await area(page, 'Directory').click();
  await page.getByRole('button', { name: 'New organization' }).click();
  const dialog = page.getByRole('dialog', { name: 'New organization' });
  await dialog.getByLabel('Organization name').fill(org.name);
  await pick(page, dialog, 'Sector', org.sector);
  await pick(page, dialog, 'Type', org.type);
  await pick(page, dialog, 'Stage', org.stage);
  await dialog.getByLabel('City').fill(org.city);
  await dialog.getByRole('button', { name: 'Save organization' }).click();
  await expect(page.getByRole('heading', { level: 1, name: org.name })).toBeVisible();
}

test('a coordinator builds the directory, finds, filters, saves a view and logs an interaction', async ({ page }) => {
  const errors = collectErrors(page);
  await startNewCoalition(page, harness.url);

  await area(page, 'Directory').click();
  await expect(page.getByText('No partner organizations yet')).toBeVisible();

  await addOrganization(page, { name: 'São Miguel Health Center', sector: 'Nonprofit', type: 'Public health organization', stage: 'Engaged', city: 'Harbor City' });
  await addOrganization(page, { name: 'Harbor Youth Alliance', sector: 'Community & grassroots', type: 'Youth / student group', stage: 'Contacted', city: 'Lakeshore' });

  await area(page, 'Directory').click();
  await page.getByRole('link', { name: 'People', exact: true }).click();
  await page.getByRole('button', { name: 'New person' }).click();
  const personDialog = page.getByRole('dialog', { name: 'New person' });
  await personDialog.getByRole('textbox', { name: /^Name/ }).fill('Amara Okafor');
  await personDialog.getByLabel('Title').fill('Health organizer');
  await personDialog.getByRole('button', { name: 'Save person' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Amara Okafor' })).toBeVisible();

  // Accent-less search from the command palette.
  await page.keyboard.press('Control+k');
  await page.getByRole('textbox', { name: 'Search commands' }).fill('Sao');
  await page.getByRole('button', { name: /São Miguel Health Center/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'São Miguel Health Center' })).toBeVisible();

  // The table: both organizations, then the same search in the table.
  await area(page, 'Directory').click();
  await expect(page.getByText('2 organizations')).toBeVisible();
  await expect(organizationsTable(page).getByRole('link', { name: 'Harbor Youth Alliance' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Search directory' }).fill('sao');
  await expect(organizationsTable(page).getByRole('link', { name: 'Harbor Youth Alliance' })).toBeHidden();
  await expect(organizationsTable(page).getByRole('link', { name: 'São Miguel Health Center' })).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();

  // Filter by stage.
  await page.getByRole('button', { name: 'Filters' }).click();
  const filters = page.getByRole('region', { name: 'Organizations filters' });
  await filters.getByRole('combobox', { name: 'Stage' }).click();
  await page.getByRole('option', { name: 'Contacted', exact: true }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByText('1 organization match')).toBeVisible();
  await expect(organizationsTable(page).getByRole('link', { name: 'Harbor Youth Alliance' })).toBeVisible();
  await expect(organizationsTable(page).getByRole('link', { name: 'São Miguel Health Center' })).toBeHidden();

  // Save the view, leave, and re-apply it from the sidebar.
  await page.getByRole('button', { name: 'Save view' }).click();
  const viewDialog = page.getByRole('dialog', { name: 'Save view' });
  await viewDialog.getByLabel('View name').fill('Contacted partners');
  await viewDialog.getByRole('button', { name: 'Save view' }).click();
  await expect(viewDialog).toBeHidden();
  await area(page, 'Charter').click();
  await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: /Contacted partners/ }).click();
  await expect(page.getByText(/1 organization match · View: Contacted partners/)).toBeVisible();
  await expect(organizationsTable(page).getByRole('link', { name: 'São Miguel Health Center' })).toBeHidden();

  // Open an organization and log an interaction.
  await organizationsTable(page).getByRole('link', { name: 'Harbor Youth Alliance' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Harbor Youth Alliance' })).toBeVisible();
  await page.getByRole('button', { name: 'Log interaction' }).click();
  const log = page.getByRole('dialog', { name: 'Log interaction' });
  await log.getByLabel('Summary').fill('Invited the youth council to the spring town hall.');
  await log.getByRole('combobox', { name: 'Participants' }).fill('Amara');
  await page.getByRole('option', { name: /Amara Okafor/ }).click();
  await log.getByRole('button', { name: 'Save interaction' }).click();
  await expect(log).toBeHidden();
  const timeline = page.getByRole('list', { name: 'Timeline' });
  await expect(timeline.getByText('Invited the youth council to the spring town hall.')).toBeVisible();
  await expect(timeline.getByRole('link', { name: 'Amara Okafor' })).toBeVisible();

  // The person's page shows the same interaction.
  await timeline.getByRole('link', { name: 'Amara Okafor' }).click();
  await expect(page.getByRole('list', { name: 'Timeline' }).getByText('Invited the youth council to the spring town hall.')).toBeVisible();

  expect(errors).toEqual([]);
});
