import type { Shot } from './areas';

// Advocacy: the campaigns list, a campaign page of the sample (whole page), a petition with its
// signature chart, the public events and the grassroots entry with its totals.
export async function campaignsShots(s: Shot): Promise<void> {
  const { page, url, out } = s;
  await page.setViewportSize({ width: 1360, height: 880 });
  await page.goto(`${url}#/advocacy`);
  await page.getByRole('table', { name: 'Campaigns' }).waitFor();
  await s.shot('advocacy-campaigns');

  await page.getByRole('link', { name: 'Just Cause Eviction Now' }).click();
  await page.getByRole('heading', { name: 'Key messages' }).waitFor();
  await page.getByLabel('Campaign timeline').waitFor();
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${out}/campaign.png`, fullPage: true });
  console.log(`${out}/campaign.png`);

  await page.getByRole('link', { name: 'Just cause for every renter' }).first().click();
  await page.locator('.recharts-surface').first().waitFor();
  await s.shot('petition');

  await page.goto(`${url}#/advocacy/events`);
  await page.getByText('Past', { exact: true }).click();
  await page.getByRole('table', { name: 'Public events' }).waitFor();
  await s.shot('advocacy-events');

  await page.goto(`${url}#/advocacy/grassroots`);
  await page.getByRole('table', { name: 'Grassroots counts' }).waitFor();
  await s.shot('advocacy-grassroots');
}
