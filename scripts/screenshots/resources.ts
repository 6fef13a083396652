import type { Shot } from './areas';

// Resources and Capacity: a fundraising campaign of the sample (progress, the EUR gift apart,
// pledges with payments), the grants list, a delivered training (attendees, feedback) and the
// technical-assistance requests open by age.
export async function resourcesShots(s: Shot): Promise<void> {
  const { page, url, out } = s;
  await page.setViewportSize({ width: 1360, height: 880 });
  await page.goto(`${url}#/resources`);
  await page.getByRole('table', { name: 'Fundraising campaigns' }).waitFor();
  await s.shot('fundraising-list');

  await page.getByRole('link', { name: 'Coverage for All 2026' }).click();
  await page.getByRole('table', { name: 'Contributions' }).waitFor();
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${out}/fundraising.png`, fullPage: true });
  console.log(`${out}/fundraising.png`);

  await page.goto(`${url}#/resources/grants`);
  await page.getByRole('table', { name: 'Grants' }).waitFor();
  await s.shot('grants');

  await page.goto(`${url}#/capacity`);
  await page.getByRole('table', { name: 'Trainings' }).waitFor();
  await page.getByRole('link', { name: 'Telling your story to legislators' }).click();
  await page.getByRole('table', { name: 'Attendees and feedback' }).waitFor();
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${out}/training.png`, fullPage: true });
  console.log(`${out}/training.png`);

  await page.goto(`${url}#/capacity/assistance`);
  await page.getByRole('table', { name: 'Assistance requests' }).waitFor();
  await s.shot('assistance');
}
