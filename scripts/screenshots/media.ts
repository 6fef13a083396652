import type { Shot } from './areas';

// Media & stories: the outreach board of the sample coalition, and a story's form with its consent
// (the verdict for each use today).
export async function mediaShots(s: Shot): Promise<void> {
  const { page, url } = s;
  await page.setViewportSize({ width: 1360, height: 880 });
  await page.goto(`${url}#/media`);
  await page.getByLabel('Published column').waitFor();
  await s.shot('media-outreach');

  await page.goto(`${url}#/media/stories`);
  await page.getByRole('table', { name: 'Stories' }).waitFor();
  await s.shot('stories-list');
  await page.getByRole('link', { name: 'Mi hija y el asma' }).click();
  await page.getByRole('button', { name: 'Edit story and consent' }).click();
  await page.getByRole('group', { name: 'Consent' }).waitFor();
  await s.shot('story-consent');
}
