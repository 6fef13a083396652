import { IN_PAGE_CALL, type Shot } from './areas';

// The directory table sorted by a custom field's column (largest membership first; partners
// without a value last). The sample coalition has no custom fields, so a number field is defined
// (or the full run's one reused) and filled in on most partners through the same RPC the screens use.
export async function directoryShots(s: Shot): Promise<void> {
  const { page, url } = s;
  await page.setViewportSize({ width: 1360, height: 880 });
  // (A string, not a function: tsx would wrap a function's inner helpers in a __name the page lacks.)
  await page.evaluate(`(async () => {
    ${IN_PAGE_CALL}
    const fields = await call('customFields.list', { entity: 'organization' });
    const members = fields.find((f) => f.label === 'Members') ?? (await call('customFields.save', { entity: 'organization', label: 'Members', kind: 'number' }));
    if ((members.valueCount ?? 0) > 0) return;
    const { rows } = await call('organizations.list', { limit: 100 });
    for (const [i, row] of rows.entries()) {
      if (i % 5 === 4) continue; // some partners have no count
      const { id, stageChangedOn, lastContactedOn, createdAt, updatedAt, stageHistory, affiliations, relationships, interactions, interactionCount, ...input } = await call('organizations.get', { id: row.id });
      await call('organizations.update', { id: row.id, organization: { ...input, custom: { [members.id]: 20 + ((i * 37) % 400) } } });
    }
  })()`);
  await page.goto(`${url}#/directory`);
  await page.reload(); // the app's cached reads predate the field
  const table = page.getByRole('table', { name: 'Organizations' });
  await table.getByRole('row').nth(1).waitFor();
  await page.getByRole('button', { name: 'Columns' }).click();
  await page.getByRole('checkbox', { name: 'Members' }).click();
  // Room for the Members column beside the names.
  await page.getByRole('checkbox', { name: 'Type' }).click();
  await page.getByRole('checkbox', { name: 'Issue areas' }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Sort by Members' }).click();
  await table.locator('th[aria-sort="ascending"]', { hasText: 'Members' }).waitFor();
  await page.getByRole('button', { name: 'Sort by Members' }).click();
  await table.locator('th[aria-sort="descending"]', { hasText: 'Members' }).waitFor();
  await page.evaluate(`document.querySelector('[data-virtual-viewport]').scrollTo(0, 0)`);
  await s.shot('directory-custom-sort');
}
