import { expect, test, type Page } from '@playwright/test';
import { emptyOrganizationInput } from '../../../shared/directory/organizations';
import { emptyPersonInput } from '../../../shared/directory/people';
import { area, collectErrors, rpc, startNewCoalition } from '../support/app';
import { useHarness } from '../support/harness';

// The meeting planner's story in real Chromium against the real backend: a working group is
// created on the structure screens, its meeting scheduled on the calendar, the group invited,
// attendance taken, a decision recorded that passes, two action items added; moving the clock
// past their due dates shows them as overdue, and one is closed from the overdue list.

const harness = useHarness();

/** Picks a person in an EntityPicker (a searchable combobox) by typing part of the name. */
async function pickPerson(page: Page, scope: ReturnType<Page['getByRole']>, label: string, name: string) {
  await scope.getByRole('combobox', { name: label }).fill(name.split(' ')[0] ?? name);
  await page.getByRole('option', { name: new RegExp(name) }).click();
}

test('a coordinator schedules a working group meeting, takes attendance, records a decision and follows up its action items', async ({ page }) => {
  const errors = collectErrors(page);
  // The renderer's clock: the meeting day. The backend keeps real time (it stamps changes).
  await page.clock.setFixedTime(new Date('2026-05-04T12:00:00'));
  await startNewCoalition(page, harness.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  // The people are the directory's (its own story covers their forms): added through the same RPC.
  const union = await rpc(page, 'organizations.create', { ...emptyOrganizationInput(), name: 'Harbor Tenants Union', sector: 'community', type: 'local_community_group', stage: 'member' });
  const ana = await rpc(page, 'people.create', { ...emptyPersonInput(), name: 'Ana Soto' });
  await rpc(page, 'people.create', { ...emptyPersonInput(), name: 'Ben Okafor' });
  await rpc(page, 'affiliations.create', { personId: ana.id, organizationId: union.id, role: 'Organizer', primary: true, startOn: null, endOn: null });

  // A working group with two members, on the structure screens.
  await area(page, 'Structure').click();
  await page.getByRole('link', { name: 'Working groups' }).click();
  await page.getByRole('button', { name: 'New working group' }).click();
  const groupDialog = page.getByRole('dialog', { name: 'New working group' });
  await groupDialog.getByLabel('Name').fill('Housing justice');
  await groupDialog.getByRole('button', { name: 'Add group' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Housing justice' })).toBeVisible();
  for (const name of ['Ana Soto', 'Ben Okafor']) {
    await page.getByRole('combobox', { name: 'Add a person' }).fill(name.split(' ')[0] ?? name);
    await page.getByRole('option', { name: new RegExp(name) }).click();
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(page.getByRole('table', { name: 'Members' }).getByRole('row', { name: new RegExp(name) })).toBeVisible();
  }

  // Its meeting, scheduled from the calendar.
  await area(page, 'Meetings').click();
  await expect(page.getByRole('button', { name: 'Month', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Schedule meeting' }).click();
  const form = page.getByRole('dialog', { name: 'Schedule a meeting' });
  await form.getByRole('combobox', { name: /^Type/ }).click();
  await page.getByRole('option', { name: 'Working group', exact: true }).click();
  await form.getByRole('combobox', { name: 'Working group' }).click();
  await page.getByRole('option', { name: 'Housing justice' }).click();
  await form.getByLabel('Title').fill('Housing justice: May meeting');
  await form.getByLabel('Starts on').fill('2026-05-04');
  await form.getByLabel('Starts on').press('Tab');
  await form.getByRole('combobox', { name: /^Time zone/ }).fill('America/New_York');
  await page.getByRole('option', { name: 'America/New_York' }).click();
  await form.getByLabel('Location').fill('Harbor Union office');
  await form.getByRole('button', { name: 'Schedule meeting' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Housing justice: May meeting' })).toBeVisible();
  await expect(page.getByText('Mon 4 May 2026, 18:00–19:30 (America/New_York)')).toBeVisible();

  // Invite the group, take attendance.
  await page.getByRole('button', { name: 'Invite…' }).click();
  const invite = page.getByRole('dialog', { name: /^Invite to/ });
  await expect(invite.getByRole('checkbox', { name: 'A working group' })).toBeChecked();
  await invite.getByRole('button', { name: 'Invite', exact: true }).click();
  const invitees = page.getByRole('table', { name: 'Invitees' });
  await expect(invitees.getByRole('row')).toHaveCount(3);
  await expect(invitees.getByRole('row', { name: /Ana Soto/ })).toContainText('Harbor Tenants Union');
  for (const name of ['Ana Soto', 'Ben Okafor']) {
    await page.getByRole('radiogroup', { name: `Attendance of ${name}` }).getByText('Present').click();
  }
  await expect(page.getByText('2 of 2 invitees are present; 1 needed.')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Organizations represented' })).toContainText('Harbor Tenants Union');

  // A decision that passes.
  await page.getByRole('button', { name: 'Record a decision' }).click();
  const decision = page.getByRole('dialog', { name: 'Record a decision' });
  await decision.getByLabel('Decision', { exact: false }).first().fill('Hold a housing town hall in June.');
  await decision.getByLabel('Votes for').fill('2');
  await decision.getByRole('button', { name: 'Save decision' }).click();
  await expect(page.getByRole('list', { name: 'Decisions' })).toContainText('Passed');

  // Two action items.
  for (const [description, owner, due] of [
    ['Book the library hall', 'Ana Soto', '2026-05-11'],
    ['Draft the flyer', 'Ben Okafor', '2026-05-15'],
  ] as const) {
    await page.getByRole('button', { name: 'Add action item' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add an action item' });
    await dialog.getByLabel('Description').fill(description);
    await pickPerson(page, dialog, 'Owner', owner);
    await dialog.getByLabel('Due').fill(due);
    await dialog.getByLabel('Due').press('Tab');
    await dialog.getByRole('button', { name: 'Save action item' }).click();
    await expect(page.getByRole('table', { name: 'Action items of this meeting' })).toContainText(description);
  }

  // Not overdue yet…
  await page.getByRole('link', { name: '← Calendar' }).click();
  await page.getByRole('link', { name: 'Action items' }).click();
  await expect(page.getByText('Nothing is overdue.')).toBeVisible();

  // …but two weeks later both are.
  await page.clock.setFixedTime(new Date('2026-05-20T09:00:00'));
  await page.reload();
  const overdue = page.getByRole('table', { name: 'Overdue action items' });
  await expect(overdue.getByRole('row')).toHaveCount(3);
  await expect(overdue).toContainText('Book the library hall');
  await expect(overdue).toContainText('Draft the flyer');
  await expect(overdue).toContainText('Housing justice: May meeting');

  // Closed from the overdue list.
  await overdue.getByRole('button', { name: 'Mark “Book the library hall” done' }).click();
  await expect(overdue.getByRole('row')).toHaveCount(2);
  await area(page, 'Home').click();
  await expect(page.getByRole('table', { name: 'Overdue action items' })).toContainText('Draft the flyer');
  expect(errors).toEqual([]);
});
