import { expect, test } from '@playwright/test';
import { area, collectErrors, startNewCoalition } from '../support/app';
import { useHarness } from '../support/harness';

// The structure story in real Chromium against the real backend: a coordinator creates a working
// group, adds a lead on its page and two more people from the people table's bulk bar, creates a
// steering committee seat, gives it a holder, and sees the committee today; moving the clock ten
// months on puts the term among those ending within 90 days.

const harness = useHarness();

test('a coordinator builds a working group and the steering committee, and sees the committee today', async ({ page }) => {
  const errors = collectErrors(page);
  await startNewCoalition(page, harness.url);
  await expect(area(page, 'Structure')).toBeVisible();
  // The people are the directory's (its own story covers their forms): added through the same RPC.
  await page.evaluate(`(async () => {
    const call = async (method, input) => {
      const result = await window.coalition.call(method, input);
      if (!result.ok) throw new Error(method + ' failed: ' + result.error.message);
      return result.value;
    };
    const person = (name) => ({ name, pronouns: '', title: '', languages: [], email: '', phone: '', city: '', district: '', communityLeader: false, tags: [], notes: '',
      consent: { mayContact: null, channels: [], recordedOn: null, recordedBy: '' } });
    const union = await call('organizations.create', { name: 'Harbor Tenants Union', otherNames: [], sector: 'community', type: 'local_community_group', issueAreas: [], regions: [],
      populations: [], alignment: { score: null, note: '' }, stage: 'member', tier: null, contributions: [], website: '', email: '', phone: '', address: '', city: '', district: '',
      registrationNumber: '', staffSize: null, budgetBand: null, tags: [], notes: '' });
    const ana = await call('people.create', person('Ana Soto'));
    await call('people.create', person('Ben Okafor'));
    await call('people.create', person('Cruz Diaz'));
    await call('affiliations.create', { personId: ana.id, organizationId: union.id, role: 'Organizer', primary: true, startOn: null, endOn: null });
  })()`);

  // A working group with Ana as its lead.
  await area(page, 'Structure').click();
  await page.getByRole('link', { name: 'Working groups' }).click();
  await page.getByRole('button', { name: 'New working group' }).click();
  const groupDialog = page.getByRole('dialog', { name: 'New working group' });
  await groupDialog.getByLabel('Name').fill('Housing justice');
  await groupDialog.getByRole('button', { name: 'Add group' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Housing justice' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Add a person' }).fill('Ana');
  await page.getByRole('option', { name: /Ana Soto/ }).click();
  await page.getByRole('combobox', { name: 'As' }).click();
  await page.getByRole('option', { name: 'Lead', exact: true }).click();
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  const members = page.getByRole('table', { name: 'Members' });
  await expect(members.getByRole('row', { name: /Ana Soto/ })).toContainText('Harbor Tenants Union');
  await expect(members.getByRole('row', { name: /Ana Soto/ })).toContainText('Lead');

  // Two more from the people table, in one step.
  await area(page, 'Directory').click();
  await page.getByRole('link', { name: 'People', exact: true }).click();
  const people = page.getByRole('table', { name: 'People' });
  await people.getByRole('row', { name: /Ben Okafor/ }).getByRole('checkbox').check();
  await people.getByRole('row', { name: /Cruz Diaz/ }).getByRole('checkbox').check();
  const bulk = page.getByRole('region', { name: 'Bulk actions' });
  await bulk.getByRole('combobox', { name: 'Working group' }).click();
  await page.getByRole('option', { name: 'Housing justice' }).click();
  await bulk.getByRole('button', { name: 'Add to group' }).click();
  await expect(page.getByText('2 people added to Housing justice.')).toBeVisible();

  await area(page, 'Structure').click();
  await page.getByRole('link', { name: 'Working groups' }).click();
  await expect(page.getByRole('table', { name: 'Working groups' }).getByRole('row', { name: /Housing justice/ })).toContainText('Ana Soto');
  await expect(page.getByRole('table', { name: 'Working groups' }).getByRole('row', { name: /Housing justice/ })).toContainText('3');

  // A grassroots seat with 12-month terms, and Ana as its chair for the Tenants Union.
  await page.getByRole('link', { name: 'Steering committee' }).click();
  await page.getByRole('button', { name: 'Add seat' }).click();
  const seatDialog = page.getByRole('dialog', { name: 'New seat' });
  await seatDialog.getByLabel('Seat name').fill('Grassroots seat 1');
  await seatDialog.getByRole('combobox', { name: /^Requirement/ }).click();
  await page.getByRole('option', { name: 'Sector' }).click();
  await seatDialog.getByRole('combobox', { name: /^Sector/ }).click();
  await page.getByRole('option', { name: 'Community & grassroots' }).click();
  await seatDialog.getByLabel('Term length (months)').fill('12');
  await seatDialog.getByRole('button', { name: 'Add seat' }).click();
  await expect(page.getByRole('list', { name: 'Vacant seats' })).toContainText('Grassroots seat 1');

  await page.getByRole('list', { name: 'Vacant seats' }).getByRole('button', { name: 'Assign holder' }).click();
  const termDialog = page.getByRole('dialog', { name: 'Holder of Grassroots seat 1' });
  await termDialog.getByRole('combobox', { name: 'Holder' }).fill('Ana');
  await page.getByRole('option', { name: /Ana Soto/ }).click();
  await termDialog.getByRole('combobox', { name: 'Sits for (organization)' }).fill('Harbor');
  await page.getByRole('option', { name: /Harbor Tenants Union/ }).click();
  await termDialog.getByRole('combobox', { name: /^Role/ }).click();
  await page.getByRole('option', { name: 'Chair', exact: true }).click();
  await termDialog.getByRole('button', { name: 'Add holder' }).click();

  const committee = page.getByRole('table', { name: 'Steering committee' });
  const seat = committee.getByRole('row', { name: /Grassroots seat 1/ });
  await expect(seat).toContainText('Ana Soto');
  await expect(seat).toContainText('Harbor Tenants Union');
  await expect(seat).toContainText('Chair');
  await expect(seat).toContainText('Met');
  await expect(page.getByText('Every seat has a holder.')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Terms ending soon' })).toHaveCount(0);

  // Ten months later the term ends within 90 days.
  await page.clock.setFixedTime(new Date(Date.now() + 300 * 86_400_000));
  await page.reload();
  await expect(page.getByRole('list', { name: 'Terms ending soon' })).toContainText('Grassroots seat 1 — Ana Soto');
  expect(errors).toEqual([]);
});
