import type { Shot } from './areas';

// Policy: the officials list, an official's page (whole page: stances with history, holders,
// district match, engagements, scorecard) and a bill's page (status pipeline, allocations).
export async function policyShots(s: Shot): Promise<void> {
  const { page, url, out } = s;
  await page.setViewportSize({ width: 1360, height: 880 });
  await page.goto(`${url}#/policy`);
  await page.getByRole('table', { name: 'Officials' }).waitFor();
  await s.shot('officials');

  await page.getByRole('table', { name: 'Officials' }).getByRole('link').first().click();
  await page.getByRole('heading', { name: 'Where they stand' }).waitFor();
  await page.getByRole('table', { name: 'Scorecard' }).or(page.getByText('No stance, sponsorship')).first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${out}/official.png`, fullPage: true });
  console.log(`${out}/official.png`);

  await page.goto(`${url}#/policy/bills`);
  await page.getByRole('table', { name: 'Bills' }).waitFor();
  await page.getByRole('link', { name: 'AB 123' }).click();
  await page.getByRole('table', { name: 'Funding allocations' }).waitFor();
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${out}/bill.png`, fullPage: true });
  console.log(`${out}/bill.png`);
}
