import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { area, collectErrors, organizationsTable, startNewCoalition } from '../support/app';
import { useHarness } from '../support/harness';

// The partner directory's whole story in real Chromium against the real backend: import a CSV
// with a few bad rows → see the row errors → fix the mapping → import → search → filter → save a
// view → open a partner → log an interaction → merge two duplicates → export.

const harness = useHarness();

// Two rows are the same youth group (same phone, one name misspelt: the import cannot tell, the
// duplicates screen can); row 5 has a stage no one knows.
const CSV = [
  'Organization,Sector,Stage,City,Website,Phone,Employees',
  'São Miguel Health Center,Nonprofit,Engaged,Harbor City,https://saomiguel.org,,40',
  'Harbor Youth Alliance,Community & grassroots,Contacted,Lakeshore,https://harboryouth.org,(555) 010-2000,6',
  'Eastside Tenants Union,Community & grassroots,Member,Eastside,,,3',
  'Bayview Food Bank,Nonprofit,Very keen,Bayview,,,12',
  'Harbor Youth Aliance,Community & grassroots,Identified,Lakeshore,,555-010-2000,',
].join('\n');

async function mapColumn(page: Page, column: string, field: string) {
  await page.getByRole('combobox', { name: `Field for column ${column}` }).click();
  await page.getByRole('option', { name: field, exact: true }).click();
}

function problemRows(page: Page) {
  return page.getByRole('table', { name: 'Row problems' }).getByRole('row');
}

test('import with row errors, fix the mapping, then find, filter, save a view, log, merge and export', async ({ page }) => {
  // The directory's whole story in one test: near a minute when the machine is busy.
  test.setTimeout(120_000);
  const errors = collectErrors(page);
  await startNewCoalition(page, harness.url);

  // Import: the file, its first rows, the suggested mapping.
  await area(page, 'Directory').click();
  await page.getByRole('link', { name: 'Import…' }).click();
  // A bigger file is sent in pieces, its progress shown; cancelled (while its first piece is held
  // on the way), it is dropped and nothing is said.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route('**/rpc', async (route) => {
    if ((route.request().postDataJSON() as { method?: string } | null)?.method === 'imports.append') await held;
    await route.continue();
  });
  const bigger = Buffer.from(`${CSV}\n${'Another Partner,Nonprofit,Engaged,Harbor City,,,1\n'.repeat(150_000)}`);
  await page.locator('input[type=file]').setInputFiles({ name: 'everyone.csv', mimeType: 'text/csv', buffer: bigger });
  await expect(page.getByText('Sending everyone.csv: 0 MB of 7.2 MB')).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Upload progress' })).toHaveAttribute('aria-valuenow', '0');
  await page.getByRole('button', { name: 'Cancel' }).click();
  release();
  await expect(page.getByRole('progressbar', { name: 'Upload progress' })).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.unroute('**/rpc');

  await page.locator('input[type=file]').setInputFiles({ name: 'partners.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await expect(page.getByRole('table', { name: 'First rows of the file' }).getByText('Bayview Food Bank')).toBeVisible();
  await mapColumn(page, 'Organization', 'Organization name');
  await mapColumn(page, 'Sector', 'Sector');
  await mapColumn(page, 'Stage', 'Stage');
  await mapColumn(page, 'City', 'City');
  await mapColumn(page, 'Website', 'Website');
  await mapColumn(page, 'Phone', 'Phone');

  // A wrong mapping: employees are not a budget band. Every row with a number has a problem.
  await mapColumn(page, 'Employees', 'Budget');
  await expect(problemRows(page).filter({ hasText: 'Employees' })).toHaveCount(4);
  await expect(problemRows(page).filter({ hasText: 'Stage' })).toHaveCount(1);

  // Fixed: only row 5's stage is left, and the import waits for the coordinator's decision.
  await mapColumn(page, 'Employees', 'Staff size');
  await expect(problemRows(page).filter({ hasText: 'Employees' })).toHaveCount(0);
  await expect(problemRows(page)).toHaveCount(2);
  await expect(problemRows(page).nth(1)).toContainText('5');
  await expect(problemRows(page).nth(1)).toContainText('Stage');
  const importButton = page.getByRole('button', { name: 'Import 4 organizations' });
  await expect(importButton).toBeDisabled();
  await page.getByRole('checkbox', { name: /Leave out the 1 row with problems/ }).check();
  await importButton.click();
  await expect(page.getByRole('status')).toContainText('4 created');
  await page.getByRole('link', { name: 'Open organizations' }).click();
  await expect(page.getByText('4 organizations')).toBeVisible();

  // Search (accent-less) and filter.
  await page.getByRole('textbox', { name: 'Search directory' }).fill('sao');
  await expect(organizationsTable(page).getByRole('link', { name: 'São Miguel Health Center' })).toBeVisible();
  await expect(organizationsTable(page).getByRole('link', { name: 'Eastside Tenants Union' })).toBeHidden();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByRole('button', { name: 'Filters' }).click();
  const filters = page.getByRole('region', { name: 'Organizations filters' });
  await filters.getByRole('combobox', { name: 'Sector' }).click();
  await page.getByRole('option', { name: 'Community & grassroots', exact: true }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByText('3 organizations match')).toBeVisible();

  // Save the view and come back to it from the sidebar.
  await page.getByRole('button', { name: 'Save view' }).click();
  const viewDialog = page.getByRole('dialog', { name: 'Save view' });
  await viewDialog.getByLabel('View name').fill('Grassroots partners');
  await viewDialog.getByRole('button', { name: 'Save view' }).click();
  await expect(viewDialog).toBeHidden();
  await area(page, 'Charter').click();
  await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: /Grassroots partners/ }).click();
  await expect(page.getByText(/3 organizations match · View: Grassroots partners/)).toBeVisible();

  // Open a partner and log an interaction.
  await organizationsTable(page).getByRole('link', { name: 'Eastside Tenants Union' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Eastside Tenants Union' })).toBeVisible();
  await expect(page.getByText('Member', { exact: true }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Log interaction' }).click();
  const log = page.getByRole('dialog', { name: 'Log interaction' });
  await log.getByLabel('Summary').fill('Agreed to host the March assembly.');
  await log.getByRole('button', { name: 'Save interaction' }).click();
  await expect(log).toBeHidden();
  await expect(page.getByRole('list', { name: 'Timeline' }).getByText('Agreed to host the March assembly.')).toBeVisible();

  // Merge the two youth alliances (same phone).
  await area(page, 'Directory').click();
  await page.getByRole('link', { name: 'Duplicates', exact: true }).click();
  await page.getByRole('button', { name: /Review and merge Harbor Youth Ali?l?iance and Harbor Youth Ali?l?iance/ }).click();
  const merge = page.getByRole('dialog');
  await merge.getByRole('button', { name: 'Merge', exact: true }).click();
  await merge.getByRole('button', { name: 'Confirm merge' }).click();
  await expect(merge).toBeHidden();
  await area(page, 'Directory').click();
  await expect(page.getByText('3 organizations')).toBeVisible();

  // Export everything to CSV (the harness turns the Save dialog into a download).
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('menuitem', { name: /CSV/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^organizations-\d{4}-\d{2}-\d{2}\.csv$/);
  const exported = readFileSync(await download.path(), 'utf8');
  expect(exported).toContain('São Miguel Health Center');
  expect(exported).toContain('Eastside Tenants Union');
  expect(exported.match(/Harbor Youth Al+iance/g)).toHaveLength(1);
  expect(exported).not.toContain('Bayview Food Bank');

  expect(errors).toEqual([]);
});
