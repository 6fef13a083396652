import type { Shot } from './areas';

// Resources and Capacity: a fundraising campaign of the sample (the advocacy campaign it funds
// picked on its form, progress, the EUR gift apart, pledges with payments), the grants list, in-kind support recorded for a meeting, a campaign and
// a public event (the form's pickers open, then filled, then the list's links), a delivered
// training (attendees, feedback) and the technical-assistance requests open by age.
export async function resourcesShots(s: Shot): Promise<void> {
  const { page, url, out } = s;
  await page.setViewportSize({ width: 1360, height: 880 });
  await page.goto(`${url}#/resources`);
  await page.getByRole('table', { name: 'Fundraising campaigns' }).waitFor();
  await s.shot('fundraising-list');

  await page.getByRole('link', { name: 'Coverage for All 2026' }).click();
  await page.getByRole('table', { name: 'Contributions' }).waitFor();
  // The advocacy campaign it funds, picked on the form; the page then links to it.
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  const edit = page.getByRole('form', { name: 'Edit fundraising campaign' });
  await edit.getByRole('combobox', { name: 'Advocacy campaign' }).click();
  await page.getByRole('option', { name: 'Medicaid Mental Health Parity' }).waitFor();
  await s.shot('fundraising-form');
  await page.getByRole('option', { name: 'Medicaid Mental Health Parity' }).click();
  await edit.getByRole('button', { name: 'Save campaign' }).click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await page.getByRole('link', { name: 'Medicaid Mental Health Parity' }).waitFor();
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${out}/fundraising.png`, fullPage: true });
  console.log(`${out}/fundraising.png`);

  await page.goto(`${url}#/resources/grants`);
  await page.getByRole('table', { name: 'Grants' }).waitFor();
  await s.shot('grants');

  // In-kind support: the meeting, campaign and event it supported, picked around the day given.
  await page.goto(`${url}#/resources/in-kind`);
  await page.getByRole('table', { name: 'In-kind support' }).waitFor();
  await page.getByRole('button', { name: 'Record support' }).click();
  const form = page.getByRole('form', { name: 'New in-kind support' });
  await form.getByRole('combobox', { name: 'Organization' }).fill('a');
  await page.getByRole('option').first().click();
  await form.getByRole('combobox', { name: 'Kind' }).click();
  await page.getByRole('option', { name: 'Materials' }).click();
  await form.getByRole('textbox', { name: 'Description' }).fill('Sound system and 40 placards for the rally');
  await form.getByRole('textbox', { name: 'Given on' }).fill('2026-10-22');
  await form.getByRole('textbox', { name: 'Given on' }).press('Tab');
  await form.getByRole('textbox', { name: 'Estimated value' }).fill('850');
  await form.getByRole('textbox', { name: 'Currency' }).fill('USD');
  await form.getByRole('combobox', { name: 'Advocacy campaign' }).click();
  await page.getByRole('option', { name: 'Just Cause Eviction Now' }).click();
  await form.getByRole('combobox', { name: 'Public event' }).click();
  await page.getByRole('option', { name: /^Homes not notices rally/ }).click();
  await form.getByRole('combobox', { name: 'Meeting' }).click();
  await page.getByRole('option').first().waitFor();
  await s.shot('in-kind-form-picking');
  await page.getByRole('option').first().click();
  await s.shot('in-kind-form');
  await form.getByRole('button', { name: 'Record support' }).click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await page.getByRole('table', { name: 'In-kind support' }).getByRole('link', { name: 'Homes not notices rally' }).waitFor();
  await s.shot('in-kind');

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
