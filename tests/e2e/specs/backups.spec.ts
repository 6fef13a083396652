import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { useHarness } from '../support/harness';

// Backups in real Chromium against the real backend host: back up now, write an encrypted file
// (the harness stands in for the Save dialog with <data>/backup-files), change something, restore
// from the file with a wrong and then the right passphrase, and open a backup read-only.

const harness = useHarness();

async function organizationTotal(page: Page): Promise<number> {
  return page.evaluate(`window.coalition.call('organizations.list', { limit: 1 }).then((r) => r.value.total)`);
}

test('back up, carry the workspace in an encrypted file, restore it, and look into a backup read-only', async ({ page }) => {
  await page.goto(harness.url);
  await page.getByRole('button', { name: 'Explore sample coalition' }).click();
  await page.getByRole('link', { name: 'Data & backups' }).click();
  const table = page.getByRole('table', { name: 'Backups' });
  // The sample was backed up when it opened.
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('row').nth(1)).toContainText('Automatic');
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('row').nth(1)).toContainText('Manual');
  // The confirmation sits over the header's buttons (notifications are top right): dismiss it.
  await page.locator('.mantine-Notification-root').getByRole('button').click();
  const before = await organizationTotal(page);

  await page.getByRole('button', { name: 'Encrypted file' }).click();
  await page.getByRole('menuitem', { name: 'Back up to encrypted file…' }).click();
  let dialog = page.getByRole('dialog', { name: 'Back up to encrypted file' });
  await dialog.getByLabel('Passphrase', { exact: true }).fill('harbor lights over the bay');
  await dialog.getByLabel('Passphrase again').fill('harbor lights over the bay');
  await dialog.getByRole('button', { name: 'Choose where to save…' }).click();
  await expect(dialog).toBeHidden();
  const files = readdirSync(join(harness.dir, 'backup-files'));
  expect(files).toEqual([expect.stringMatching(/^sample-coalition backup \d{4}-\d{2}-\d{2}\.cdbackup$/)]);

  // A change after the file was written.
  const first = await page.evaluate(`window.coalition.call('organizations.list', { limit: 1 }).then((r) => r.value.rows[0].id)`);
  await page.evaluate(`window.coalition.call('organizations.delete', { id: ${JSON.stringify(first)} })`);
  expect(await organizationTotal(page)).toBe(before - 1);

  await page.getByRole('button', { name: 'Encrypted file' }).click();
  await page.getByRole('menuitem', { name: 'Restore from encrypted file…' }).click();
  dialog = page.getByRole('dialog', { name: 'Restore from encrypted file' });
  await dialog.getByLabel('Passphrase').fill('not the passphrase');
  await dialog.getByRole('button', { name: 'Choose file and restore…' }).click();
  await expect(dialog.getByText('The passphrase does not match this backup file.')).toBeVisible();
  expect(await organizationTotal(page)).toBe(before - 1);
  await dialog.getByLabel('Passphrase').fill('harbor lights over the bay');
  await dialog.getByRole('button', { name: 'Choose file and restore…' }).click();
  await expect(dialog).toBeHidden();
  await expect(table.getByRole('row').nth(1)).toContainText('Before restore');
  expect(await organizationTotal(page)).toBe(before);

  // The state before the restore, opened read-only: one organization fewer, and nothing can change.
  await table.getByRole('row').nth(1).getByRole('button', { name: /Open the backup from .* read-only/ }).click();
  const banner = page.getByRole('region', { name: 'Backup opened read-only' });
  await expect(banner).toBeVisible();
  expect(await organizationTotal(page)).toBe(before - 1);
  await banner.getByRole('button', { name: 'Back to my workspace' }).click();
  await expect(banner).toBeHidden();
  expect(await organizationTotal(page)).toBe(before);
  expect(existsSync(join(harness.dir, 'sample-coalition backups'))).toBe(true);
});
