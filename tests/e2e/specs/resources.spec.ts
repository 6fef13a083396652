import { expect, test } from '@playwright/test';
import { area, collectErrors, rpc, startNewCoalition } from '../support/app';
import { useHarness } from '../support/harness';
import { personInput } from '../../support/people';

// Resources and capacity in real Chromium against the real backend: a coordinator records a
// pledge and its first payment, delivers a training with an attendee and her feedback, and
// finds the training on the meeting calendar.

const harness = useHarness();

test('a pledge and its payment, then a training with attendees and feedback that shows in the calendar', async ({ page }) => {
  const errors = collectErrors(page);
  await page.clock.setFixedTime(new Date('2026-05-04T12:00:00'));
  await startNewCoalition(page, harness.url);
  await rpc(page, 'people.create', personInput({ name: 'Ana Soto' }));

  await area(page, 'Resources').click();
  await page.getByRole('button', { name: 'New campaign' }).click();
  const campaignDialog = page.getByRole('dialog', { name: 'New fundraising campaign' });
  await campaignDialog.getByLabel('Name').fill('Coverage for All');
  await campaignDialog.getByLabel('Goal').fill('10000');
  await campaignDialog.getByRole('button', { name: 'Start campaign' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Coverage for All' })).toBeVisible();

  await page.getByRole('button', { name: 'Record contribution' }).click();
  const pledgeDialog = page.getByRole('dialog', { name: 'Record contribution' });
  await pledgeDialog.getByLabel('Or a name (not in the directory)').fill('Alder Trust');
  await pledgeDialog.getByLabel('Amount pledged').fill('2500');
  await pledgeDialog.getByRole('button', { name: 'Record contribution' }).click();
  await expect(pledgeDialog).toBeHidden();
  await page.getByRole('button', { name: 'Record payment from Alder Trust' }).click();
  const payDialog = page.getByRole('dialog', { name: 'Payment from Alder Trust' });
  await payDialog.getByLabel('Amount received (USD)').fill('1000');
  await payDialog.getByRole('button', { name: 'Record payment' }).click();
  await expect(payDialog).toBeHidden();
  const row = page.getByRole('table', { name: 'Contributions' }).getByRole('row', { name: /Alder Trust/ });
  await expect(row).toContainText('$2,500.00');
  await expect(row).toContainText('$1,000.00');
  await expect(row).toContainText('$1,500.00');

  await area(page, 'Capacity').click();
  await page.getByRole('button', { name: 'New training' }).click();
  const trainingDialog = page.getByRole('dialog', { name: 'New training' });
  await trainingDialog.getByLabel('Title').fill('Speaking at a hearing');
  await trainingDialog.getByLabel('Date').fill('2026-05-12');
  await trainingDialog.getByLabel('Date').press('Tab');
  await trainingDialog.getByRole('combobox', { name: 'Time zone' }).fill('UTC');
  await page.getByRole('option', { name: 'UTC', exact: true }).click();
  await trainingDialog.getByRole('button', { name: 'Schedule training' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Speaking at a hearing' })).toBeVisible();

  await page.getByRole('button', { name: 'Edit attendees' }).click();
  const attendeesDialog = page.getByRole('dialog', { name: 'Attendees' });
  await attendeesDialog.getByLabel('People who attended').fill('Ana');
  await page.getByRole('option', { name: /Ana Soto/ }).click();
  await attendeesDialog.getByRole('button', { name: 'Save attendees' }).click();
  await expect(attendeesDialog).toBeHidden();
  await page.getByRole('button', { name: 'Feedback from Ana Soto' }).click();
  const feedbackDialog = page.getByRole('dialog', { name: 'Feedback from Ana Soto' });
  await feedbackDialog.getByText('★★★★', { exact: true }).click();
  await feedbackDialog.getByLabel('Comment').fill('Practical and short.');
  await feedbackDialog.getByRole('button', { name: 'Save feedback' }).click();
  await expect(page.getByText('4.0 (1)')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Attendees and feedback' })).toContainText('Practical and short.');

  // The calendar has it, as a training.
  await area(page, 'Meetings').click();
  await expect(page.getByText('Speaking at a hearing').first()).toBeVisible();
  const { meetings } = await rpc(page, 'meetings.range', { from: '2026-05-01T00:00:00Z', to: '2026-06-01T00:00:00Z' });
  expect(meetings.map((m) => [m.type, m.title, m.startsAt])).toEqual([['training', 'Speaking at a hearing', '2026-05-12T10:00:00.000Z']]);
  expect(errors).toEqual([]);
});
