import { expect, test } from '@playwright/test';
import { area, collectErrors, rpc, startNewCoalition } from '../support/app';
import { useHarness } from '../support/harness';

// The advocacy story in real Chromium against the real backend: a coordinator starts a campaign,
// writes a key message with its talking points and approves it, adds a town hall, and finds the
// town hall on the meeting calendar.

const harness = useHarness();

test('a coordinator starts a campaign, approves its key message and puts a town hall on the calendar', async ({ page }) => {
  const errors = collectErrors(page);
  // The renderer's clock: the calendar opens on May 2026. The backend keeps real time.
  await page.clock.setFixedTime(new Date('2026-05-04T12:00:00'));
  await startNewCoalition(page, harness.url);

  await area(page, 'Advocacy').click();
  await page.getByRole('button', { name: 'New campaign' }).click();
  const campaignDialog = page.getByRole('dialog', { name: 'New campaign' });
  await campaignDialog.getByLabel('Name').fill('Just Cause Eviction Now');
  await campaignDialog.getByLabel('Policy ask').fill('The council passes a just-cause eviction ordinance.');
  await campaignDialog.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Active' }).click();
  await campaignDialog.getByRole('button', { name: 'Start campaign' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Just Cause Eviction Now' })).toBeVisible();

  // A key message with two talking points in order, then approved.
  await page.getByRole('button', { name: 'Add key message' }).click();
  const messageDialog = page.getByRole('dialog', { name: 'New key message' });
  await messageDialog.getByLabel('Headline').fill('Stable homes keep neighborhoods strong');
  await messageDialog.getByLabel('Talking points').fill('No-cause evictions tripled since 2022.\nJust cause keeps every legal reason to evict.');
  await messageDialog.getByRole('button', { name: 'Add message' }).click();
  const card = page.getByLabel('Key message Stable homes keep neighborhoods strong');
  await expect(card.getByText('Draft', { exact: true })).toBeVisible();
  await expect(card.getByRole('listitem')).toHaveText(['No-cause evictions tripled since 2022.', 'Just cause keeps every legal reason to evict.']);
  await card.getByRole('button', { name: 'Approve' }).click();
  const approveDialog = page.getByRole('dialog', { name: 'Approve key message' });
  await approveDialog.getByLabel('Approved by').fill('Steering committee');
  await approveDialog.getByRole('button', { name: 'Approve' }).click();
  await expect(card.getByText('Approved', { exact: true })).toBeVisible();
  await expect(card).toContainText('Approved by Steering committee');

  // A town hall on 12 May, 18:00–20:00 in UTC.
  await page.getByRole('button', { name: 'Add event' }).click();
  const eventDialog = page.getByRole('dialog', { name: 'New public event' });
  await eventDialog.getByLabel('Title').fill('Tenants’ town hall');
  await eventDialog.getByLabel('Day').fill('2026-05-12');
  await eventDialog.getByLabel('Day').press('Tab');
  await eventDialog.getByRole('combobox', { name: 'Time zone' }).fill('UTC');
  await page.getByRole('option', { name: 'UTC', exact: true }).click();
  await eventDialog.getByLabel('Place').fill('Eastside Library');
  await eventDialog.getByRole('button', { name: 'Add event' }).click();
  await expect(eventDialog).toBeHidden();
  await expect(page.getByRole('table', { name: 'Public events' })).toContainText('Tenants’ town hall');
  await expect(page.getByLabel('Campaign timeline')).toContainText('Key message for policymakers approved by Steering committee: Stable homes keep neighborhoods strong');

  // The meeting calendar has it, as a town hall.
  await area(page, 'Meetings').click();
  await expect(page.getByText('Tenants’ town hall').first()).toBeVisible();
  const { meetings } = await rpc(page, 'meetings.range', { from: '2026-05-01T00:00:00Z', to: '2026-06-01T00:00:00Z' });
  expect(meetings.map((m) => [m.type, m.title, m.startsAt, m.location])).toEqual([['town_hall', 'Tenants’ town hall', '2026-05-12T18:00:00.000Z', 'Eastside Library']]);
  expect(errors).toEqual([]);
});
