import type { Shot } from './areas';

// Metrics: the dashboard for the sample's year (whole page), a drill-down, a metric's page, the
// catalogue, and a survey round's results and its comparison with the earlier round.
export async function metricsShots(s: Shot): Promise<void> {
  const { page, url, out } = s;
  await page.setViewportSize({ width: 1360, height: 880 });
  await page.goto(`${url}#/metrics`);
  await page.getByRole('button', { name: 'Year' }).or(page.getByText('Year', { exact: true })).first().waitFor();
  await page.locator('.recharts-surface').first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${out}/metrics-dashboard.png`, fullPage: true });
  console.log(`${out}/metrics-dashboard.png`);

  await page.getByRole('button', { name: /Attendance at meetings: open the records/ }).click();
  await page.getByRole('table', { name: 'Records' }).waitFor();
  await s.shot('metrics-drill');
  await page.keyboard.press('Escape');

  await page.goto(`${url}#/metrics/catalogue`);
  await page.getByRole('table', { name: 'Metrics' }).waitFor();
  await s.shot('metrics-catalogue');
  await page.getByRole('link', { name: 'Social-media engagement' }).click();
  await page.locator('.recharts-surface').first().waitFor();
  await s.shot('metric-page');

  await page.goto(`${url}#/metrics/surveys`);
  await page.getByRole('link', { name: 'Member organization feedback' }).click();
  await page.getByRole('link', { name: 'Autumn 2026' }).click();
  await page.locator('.recharts-surface').first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${out}/survey-results.png`, fullPage: true });
  console.log(`${out}/survey-results.png`);
  await page.getByRole('tab', { name: 'Compare rounds' }).click();
  await page.getByText(/Spring 2026: average/).first().waitFor();
  await page.locator('.recharts-surface').first().waitFor();
  await s.shot('survey-compare');
}
