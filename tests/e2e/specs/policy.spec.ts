import { expect, test, type Page } from '@playwright/test';
import { area, collectErrors, startNewCoalition } from '../support/app';
import { useHarness } from '../support/harness';

// The policy area's story in real Chromium against the real backend: import officials from a CSV
// (the directory's mapping and dry run, duplicates by name and district) → open one → record a
// stance → record a meeting engagement → the meeting is in the planner's calendar.

const harness = useHarness();

const CSV = [
  'Full name,Office,Level of government,Ward,Party',
  'Ελένη Παπαδοπούλου,State Senator,State,District 4,Green',
  'Nguyễn Thị Hoa,Council Member,Local,District 7,',
  'Георгий Петров,Representative,Federal,District 2,Labour',
  'Bad Row,Mayor,Galactic,,',
  'ΕΛΕΝΗ ΠΑΠΑΔΟΠΟΥΛΟΥ,State Senator,state,district 04,',
].join('\n');

async function choose(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label }).first().click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('import officials from a CSV, record a stance and a meeting engagement, and find the meeting in the calendar', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = collectErrors(page);
  await startNewCoalition(page, harness.url);

  await area(page, 'Policy').click();
  await page.getByRole('link', { name: 'Import officials' }).click();
  await page.locator('input[type=file]').setInputFiles({ name: 'officials.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await expect(page.getByRole('table', { name: 'First rows of the file' }).getByText('Георгий Петров')).toBeVisible();
  // The mapping is guessed from the headers; the dry run names the bad row's cell.
  await expect(page.getByRole('combobox', { name: 'Field for column Ward' })).toHaveValue('District');
  const problems = page.getByRole('table', { name: 'Row problems' }).getByRole('row');
  await expect(problems.filter({ hasText: 'Level of government' })).toHaveCount(1);
  await page.getByRole('radio', { name: 'Skip the row' }).check();
  await page.getByRole('checkbox', { name: /Leave out the 1 row with problems/ }).check();
  // Row 6 is row 2 again (same name and district, in capitals without accents): skipped.
  await page.getByRole('button', { name: 'Import 3 officials' }).click();
  await expect(page.getByRole('status')).toContainText('3 created');
  await page.getByRole('link', { name: 'Open officials' }).click();
  await expect(page.getByText('3 officials')).toBeVisible();

  // An official's page: record a stance on a bill.
  await page.getByRole('link', { name: 'Bills and policies' }).click();
  await page.getByRole('button', { name: 'New bill' }).click();
  const billDialog = page.getByRole('dialog');
  await billDialog.getByRole('textbox', { name: 'Identifier' }).fill('AB 123');
  await billDialog.getByRole('textbox', { name: 'Title' }).fill('Crisis Care Act');
  await billDialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { name: 'AB 123 · Crisis Care Act' })).toBeVisible();

  await page.getByRole('link', { name: 'Officials', exact: true }).click();
  await page.getByRole('link', { name: 'Ελένη Παπαδοπούλου' }).click();
  await page.getByRole('button', { name: 'Record a stance' }).click();
  await choose(page, 'On', 'AB 123 Crisis Care Act');
  await choose(page, 'Stance', 'Champion');
  await page.getByRole('button', { name: 'Record stance' }).click();
  await expect(page.getByRole('table', { name: 'Current stances' }).getByText('Champion')).toBeVisible();

  // A meeting engagement today, 15:00–16:00 in the browser's zone.
  const today = await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  await page.getByRole('button', { name: 'Record engagement' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Title' }).fill('Crisis-team briefing');
  await dialog.getByRole('textbox', { name: 'Date' }).fill(today);
  await dialog.getByRole('textbox', { name: /^Starts/ }).fill('15:00');
  await dialog.getByRole('textbox', { name: 'Ends' }).fill('16:00');
  await dialog.getByRole('button', { name: 'Save engagement' }).click();
  await expect(dialog).toHaveCount(0);
  const engagements = page.getByRole('list', { name: 'Engagements' });
  await expect(engagements.getByText('Crisis-team briefing')).toBeVisible();
  await expect(engagements.getByText('In the planner')).toBeVisible();

  // The planner's calendar shows it.
  await area(page, 'Meetings').click();
  await expect(page.getByText('Crisis-team briefing — Ελένη Παπαδοπούλου').first()).toBeVisible();
  expect(errors).toEqual([]);
});
