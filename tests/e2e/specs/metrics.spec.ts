import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Download } from '@playwright/test';
import { area, collectErrors, startNewCoalition } from '../support/app';
import { useHarness } from '../support/harness';

// The metrics story in real Chromium against the real backend: a coordinator adds an entered
// metric, enters a month's value and the year's target, opens the dashboard, drills from the
// target chart's bar into the value behind it, and saves the chart as SVG and PNG.

const harness = useHarness();

async function saved(download: Download): Promise<Buffer> {
  const path = join(harness.dir, download.suggestedFilename());
  await download.saveAs(path);
  return readFileSync(path);
}

test('a coordinator enters a metric value, sees it on the dashboard against its target and drills into it', async ({ page }) => {
  const errors = collectErrors(page);
  await page.clock.setFixedTime(new Date('2026-06-15T10:00:00Z'));
  await startNewCoalition(page, harness.url);
  await area(page, 'Metrics').click();
  await page.getByRole('link', { name: 'Catalogue' }).click();
  await expect(page.getByRole('table', { name: 'Metrics' })).toContainText('Policy wins');

  await page.getByRole('button', { name: 'New metric' }).click();
  const dialog = page.getByRole('dialog', { name: 'New metric' });
  await dialog.getByLabel('Name').fill('Website visits');
  await dialog.getByLabel('Unit').fill('visits');
  await dialog.getByRole('button', { name: 'Add metric' }).click();
  await expect(page.getByRole('heading', { name: 'Website visits', level: 1 })).toBeVisible();

  await page.getByLabel('Value for Mar 2026').fill('1250');
  await page.getByRole('button', { name: 'Save values' }).click();
  await expect(page.getByText('Saved 1 month.')).toBeVisible();
  await page.getByRole('textbox', { name: 'Period', exact: true }).fill('2026');
  await page.getByRole('textbox', { name: 'Target', exact: true }).fill('5000');
  await page.getByRole('button', { name: 'Set target' }).click();
  await expect(page.getByRole('table', { name: 'Targets' })).toContainText('5,000 visits');

  // The dashboard for 2026: the target chart, by year, and the value behind its bar.
  await page.getByRole('link', { name: 'Dashboard' }).click();
  const chart = page.getByRole('region', { name: 'Website visits: target and actual' });
  await expect(chart).toContainText('By year');
  await chart.locator('.recharts-bar-rectangle path, .recharts-rectangle').first().click();
  const drawer = page.getByRole('dialog', { name: 'Website visits, 2026' });
  await expect(drawer).toContainText('1 record');
  const record = drawer.getByRole('link', { name: 'Website visits, Mar 2026' });
  await expect(drawer.getByRole('row', { name: /Website visits, Mar 2026/ })).toContainText('1,250');
  await record.click();
  await expect(page.getByRole('heading', { name: 'Website visits', level: 1 })).toBeVisible();

  // Save the dashboard chart as SVG and as PNG.
  await page.getByRole('link', { name: 'Dashboard' }).click();
  const save = async (format: 'SVG' | 'PNG') => {
    await page.getByRole('button', { name: 'Save the chart “Website visits: target and actual”' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: `Save as ${format}…` }).click();
    return download;
  };
  const svgDownload = await save('SVG');
  expect(svgDownload.suggestedFilename()).toBe('website-visits-target-and-actual-2026.svg');
  const svg = (await saved(svgDownload)).toString('utf8');
  expect(svg).toMatch(/^<\?xml/);
  expect(svg).toContain('<svg');
  expect(svg).toContain('recharts-bar-rectangle');
  expect(svg).toContain('2026');
  expect(Number(/<svg[^>]* width="(\d+)"/.exec(svg)?.[1])).toBeGreaterThan(300);
  const png = await saved(await save('PNG'));
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  // Twice the chart's size, and not a blank picture.
  expect(png.readUInt32BE(16)).toBeGreaterThan(600);
  expect(png.length).toBeGreaterThan(2000);
  expect(errors).toEqual([]);
});
