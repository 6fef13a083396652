import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Download, type Page } from '@playwright/test';
import { emptyPersonInput } from '../../../shared/directory/people';
import { area, collectErrors, rpc, startNewCoalition } from '../support/app';
import { useHarness } from '../support/harness';

// The end of issue 6 in real Chromium against the real backend: the coordinator starts an impact
// report for last quarter, writes the challenges and next steps, exports the PDF (read back with
// pdftotext: the narrative, the cover, the headline numbers), then an update digest for last
// month exported as PDF, HTML and Markdown.

const harness = useHarness();

async function saved(download: Download): Promise<string> {
  const path = join(harness.dir, download.suggestedFilename());
  await download.saveAs(path);
  return path;
}

const pdfText = (path: string) => execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, ' ');

async function exportItem(page: Page, item: string): Promise<Download> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: item, exact: true }).click()]);
  return download;
}

test('a coordinator writes challenges and next steps, exports the impact report and the digest', async ({ page }) => {
  const errors = collectErrors(page);
  // The renderer's clock: 26 November 2026, so "last quarter" is Q3 and "last month" October.
  await page.clock.setFixedTime(new Date('2026-11-26T12:00:00'));
  await startNewCoalition(page, harness.url, 'Alianza Ñandú por la Salud');
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  const ana = await rpc(page, 'people.create', { ...emptyPersonInput(), name: 'Ana Soto' });
  const town = await rpc(page, 'meetings.create', {
    type: 'town_hall',
    title: 'Town hall on rents',
    startsAt: '2026-10-14T18:00:00Z',
    endsAt: '2026-10-14T20:00:00Z',
    timeZone: 'UTC',
    location: 'Eastside Library',
    videoUrl: '',
    organizerPersonId: null,
    workingGroupId: null,
  });
  await rpc(page, 'meetings.invite', { meetingId: town.id, personIds: [ana.id] });
  await rpc(page, 'meetings.respond', { meetingId: town.id, personIds: [ana.id], attendance: 'present' });

  // The impact report: last quarter by default, the narrative typed in the editor.
  await area(page, 'Reports').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Briefing packets' })).toBeVisible();
  await page.getByRole('button', { name: 'New impact report', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Impact report, Q3 2026 (July–September)' })).toBeVisible();
  // Q4 instead: the quarter of the town hall.
  await page.getByRole('combobox', { name: 'Quarter' }).click();
  await page.getByRole('option', { name: 'Q4 2026 (October–December)' }).click();
  await page.getByRole('textbox', { name: 'Title' }).fill('Impact report, autumn 2026');
  await page.getByRole('textbox', { name: /^Challenges/ }).fill('Evening turnout fell in November.\n\n- Childcare is the main barrier');
  await page.getByRole('textbox', { name: /^Next steps/ }).fill('Hold two daytime town halls in January.');
  await expect(page.getByLabel('Headline numbers preview').getByText('Attendance at meetings')).toBeVisible();
  const [pdfDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export PDF' }).click()]);
  const pdf = await saved(pdfDownload);
  expect(pdf).toMatch(/impact-report-autumn-2026\.pdf$/);
  const text = pdfText(pdf);
  for (const expected of [
    'Alianza Ñandú por la Salud',
    'Impact report, autumn 2026',
    'Q4 2026 (October–December)',
    'Prepared for our members · 26 November 2026',
    'Evening turnout fell in November.',
    'Childcare is the main barrier',
    'Hold two daytime town halls in January.',
    'Town hall on rents',
    'Meetings held, by type',
  ]) {
    expect(text, expected).toContain(expected);
  }
  // Vector charts: no image in the PDF.
  expect(execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim())).toEqual([]);
  // The narrative was saved with the report.
  await area(page, 'Reports').click();
  await page.getByRole('link', { name: 'Impact report, autumn 2026' }).click();
  await expect(page.getByRole('textbox', { name: /^Challenges/ })).toHaveValue('Evening turnout fell in November.\n\n- Childcare is the main barrier');

  // The digest for last month: preview, then PDF, HTML and Markdown.
  await area(page, 'Reports').click();
  await page.getByRole('button', { name: 'New digest', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Update digest, October 2026' })).toBeVisible();
  await expect(page.getByLabel('Digest preview').getByText('Town hall on rents')).toBeVisible();
  await page.getByRole('textbox', { name: /^How to get involved/ }).fill('Join the <housing> group & bring a friend.');
  const digestPdf = pdfText(await saved(await exportItem(page, 'PDF')));
  for (const expected of ['Update digest, October 2026', 'What happened', 'Town hall on rents', 'What is coming', 'Join the <housing> group & bring a friend.']) expect(digestPdf, expected).toContain(expected);
  const html = readFileSync(await saved(await exportItem(page, 'HTML (for an email)')), 'utf8');
  expect(html).toContain('Join the &lt;housing&gt; group &amp; bring a friend.');
  expect(html).not.toMatch(/<style|class=/);
  const markdown = readFileSync(await saved(await exportItem(page, 'Markdown')), 'utf8');
  expect(markdown).toContain('Join the \\<housing\\> group & bring a friend.');
  expect(markdown).toContain('- **14 October 2026** · Town hall on rents');

  expect(errors).toEqual([]);
});
