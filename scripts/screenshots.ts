// Takes the README and docs screenshots from the web harness in Debian's Chromium:
// `npm run screenshots` (after a build). Writes docs/screenshots/*.png.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import config from '../playwright.config';
import { harnessDataDir, startHarness } from '../tests/e2e/support/harness';
import { AREA_SHOTS, IN_PAGE_CALL, type Shot } from './screenshots/areas';

const out = 'docs/screenshots';
mkdirSync(out, { recursive: true });
const data = harnessDataDir();
// Who the pictures' changes are recorded as (the History screen shows it).
process.env['COALITION_DESK_USER'] = 'Dana Whitfield';
const harness = await startHarness(data.dir);
const browser = await chromium.launch(config.use?.launchOptions);

// `npm run screenshots -- policy media` takes only those areas' pictures (names in screenshots/areas.ts).
const only = process.argv.slice(2);

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${out}/${name}.png` });
  console.log(`${out}/${name}.png`);
}

/** The pictures of the areas in screenshots/areas.ts (those named on the command line, or all). */
async function areaShots(page: Page): Promise<void> {
  const context: Shot = { page, url: harness.url, out, dataDir: data.dir, shot: (name) => shot(page, name) };
  for (const [name, take] of Object.entries(AREA_SHOTS)) {
    if (only.length > 0 && !only.includes(name)) continue;
    await page.emulateMedia({ colorScheme: 'light' });
    await take(context);
  }
}

try {
  const page = await browser.newPage({ viewport: { width: 1360, height: 880 }, deviceScaleFactor: 1 });
  await page.goto(harness.url);
  await page.getByRole('button', { name: 'Explore sample coalition' }).waitFor();
  if (only.length > 0) {
    await page.getByRole('button', { name: 'Explore sample coalition' }).click();
    await page.getByRole('navigation', { name: 'Areas' }).waitFor();
    await areaShots(page);
  } else {
  await shot(page, 'welcome');

  await page.getByRole('button', { name: 'Explore sample coalition' }).click();
  await page.getByRole('link', { name: 'Charter' }).first().click();
  await page.getByLabel('Mission').waitFor();
  await shot(page, 'charter-editor');

  await page.getByRole('link', { name: 'Versions' }).first().click();
  await page.getByText('Adopted at the founding assembly.').waitFor();
  await shot(page, 'versions');
  await page.getByRole('button', { name: /compare/i }).first().click();
  await page.locator('ins').first().waitFor();
  await shot(page, 'version-diff');

  // The directory with the sample coalition's partners, one organization and one person.
  const areas = page.getByRole('navigation', { name: 'Areas' });
  await areas.getByRole('link', { name: 'Directory', exact: true }).click();
  const orgTable = page.getByRole('table', { name: 'Organizations' });
  await orgTable.getByRole('row').nth(1).waitFor();
  await shot(page, 'directory');
  await orgTable.getByRole('row').nth(3).getByRole('link').first().click();
  await page.getByRole('list', { name: 'Timeline' }).or(page.getByText('No interactions logged yet.')).first().waitFor();
  await shot(page, 'organization');
  const person = page.getByRole('list', { name: 'People' }).getByRole('link').first();
  if (await person.count()) {
    await person.click();
    await page.getByRole('heading', { name: 'Contact consent' }).waitFor();
    await shot(page, 'person');
  }
  await page.goto(`${harness.url}#/directory/representation`);
  await page.locator('.recharts-surface').first().waitFor();
  await page.waitForTimeout(500); // chart animation
  await shot(page, 'representation');
  await page.goto(`${harness.url}#/directory/duplicates`);
  await page.getByRole('heading', { name: 'Directory' }).waitFor();
  await page.waitForTimeout(500);
  await shot(page, 'duplicates');
  await page.goto(`${harness.url}#/directory/lists`);
  await page.getByRole('table', { name: 'Issue areas' }).getByRole('link').first().waitFor();
  await shot(page, 'directory-lists');

  // Structure (issue 4): the steering committee today, a working group's page, the applications.
  await areas.getByRole('link', { name: 'Structure', exact: true }).click();
  await page.getByRole('table', { name: 'Steering committee' }).getByRole('row').nth(1).waitFor();
  await shot(page, 'structure-committee');
  await page.getByRole('link', { name: 'Working groups' }).click();
  await page.getByRole('link', { name: 'Housing justice' }).click();
  await page.getByRole('table', { name: 'Members' }).getByRole('row').nth(1).waitFor();
  await shot(page, 'structure-working-group');
  await page.getByRole('link', { name: 'Applications' }).click();
  await page.getByRole('table', { name: 'Applications' }).getByRole('row').nth(1).waitFor();
  await shot(page, 'structure-applications');

  // The import mapper: a partner list as a coordinator might get it, with two rows the dry run
  // flags. A tall window, so the whole screen (file, mapping, dry run) is in one picture.
  await page.setViewportSize({ width: 1360, height: 1780 });
  await page.goto(`${harness.url}#/directory/import`);
  const partnerList = [
    'Organization,Sector,Stage,Town,E-mail,Phone,Staff,Focus',
    'Lakeshore Legal Clinic,Nonprofit,Engaged,Lakeshore,intake@lakeshorelegal.org,(555) 014-2210,14,Legal rights; Housing',
    'Westside Parents Network,Community & grassroots,Contacted,Westside,hello@westsideparents.org,,0,Education; Youth',
    'Riverbend Mosque Food Pantry,Community & grassroots,Friendly,Riverbend,,(555) 014-8890,2,Food security',
    'Harbor Health Foundation,Private sector,Identified,Harbor City,grants@harborhealth,(555) 014-3300,9,Healthcare access',
    'North County Tenants Union,Community & grassroots,Member,North County,ntu@example.org,,1,Housing',
  ].join('\n');
  await page.locator('input[type=file]').setInputFiles({ name: 'partner-list.csv', mimeType: 'text/csv', buffer: Buffer.from(partnerList) });
  await page.getByRole('table', { name: 'Row problems' }).waitFor();
  await shot(page, 'import-mapper');
  await page.setViewportSize({ width: 1360, height: 880 });
  // Custom fields: the sample coalition has none, so three are defined (and filled in on some
  // organizations) through the same RPC the screens use.
  // (A string, not a function: tsx would wrap a function's inner helpers in a __name the page lacks.)
  await page.evaluate(`(async () => {
    ${IN_PAGE_CALL}
    const dues = await call('customFields.save', { entity: 'organization', label: 'Dues status', kind: 'choice', choices: ['Paid', 'Waived', 'Late'] });
    const members = await call('customFields.save', { entity: 'organization', label: 'Members', kind: 'number' });
    await call('customFields.save', { entity: 'organization', label: 'Renewal date', kind: 'date' });
    await call('customFields.save', { entity: 'person', label: 'Shirt size', kind: 'choice', choices: ['S', 'M', 'L', 'XL'] });
    await call('customFields.save', { entity: 'person', label: 'Volunteer hours', kind: 'number' });
    const { rows } = await call('organizations.list', { filters: { stage: ['member'] }, limit: 60 });
    for (const [i, row] of rows.entries()) {
      const o = await call('organizations.get', { id: row.id });
      const { id, stageChangedOn, lastContactedOn, createdAt, updatedAt, stageHistory, affiliations, relationships, interactions, interactionCount, ...input } = o;
      const custom = { [dues.id]: ['Paid', 'Paid', 'Waived', 'Late'][i % 4], [members.id]: 20 + ((i * 37) % 400) };
      await call('organizations.update', { id: row.id, organization: { ...input, custom } });
    }
  })()`);
  await page.goto(`${harness.url}#/directory/fields`);
  await page.reload(); // the app's cached reads predate the fields
  await page.getByRole('table', { name: 'Organization fields' }).getByText('Dues status').waitFor();
  await shot(page, 'custom-fields');

  // Backups: the one taken when the sample opened (before the fields above), and a manual one
  // taken through the same RPC as "Back up now" (without its notification over the buttons).
  await page.evaluate(`window.coalition.call('backups.create', {})`);
  await page.goto(`${harness.url}#/backups`);
  await page.reload();
  await page.getByRole('table', { name: 'Backups' }).getByRole('row').nth(2).waitFor();
  await shot(page, 'backups');

  // Meetings (issue 4), in a page of their own whose clock is set a few hours before the sample's
  // first meeting after its "today" (2026-11-01), so Home has something coming up: Home, the
  // calendar (light and dark), and the held meeting with the most recorded.
  const meetingsPage = await browser.newPage({ viewport: { width: 1360, height: 880 }, deviceScaleFactor: 1 });
  await meetingsPage.goto(harness.url);
  const picks = await meetingsPage.evaluate<{ next: string; meeting: string }>(`(async () => {
    ${IN_PAGE_CALL}
    const next = (await call('meetings.range', { from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' })).meetings.find((m) => m.status === 'scheduled');
    const held = (await call('meetings.range', { from: '2026-09-01T00:00:00Z', to: '2026-11-01T00:00:00Z' })).meetings;
    let best = null;
    for (const row of held) {
      const m = await call('meetings.get', { id: row.id });
      const score = Math.min(m.decisions.length, 2) * 10 + Math.min(m.actionItems.length, 3) * 3 + Math.min(m.invitees.length, 12);
      if (!best || score > best.score) best = { id: m.id, score };
    }
    return { next: next.startsAt, meeting: best.id };
  })()`);
  await meetingsPage.clock.setFixedTime(new Date(Date.parse(picks.next) - 3 * 3_600_000));
  await meetingsPage.reload();
  await meetingsPage.getByRole('list', { name: 'Meetings in the next 24 hours' }).waitFor();
  await meetingsPage.locator('.mantine-Notification-root').waitFor();
  await shot(meetingsPage, 'home');
  await meetingsPage.getByRole('button', { name: 'Close' }).or(meetingsPage.locator('.mantine-Notification-closeButton')).first().click();
  await meetingsPage.goto(`${harness.url}#/meetings`);
  await meetingsPage.locator('.fc-event').first().waitFor();
  await shot(meetingsPage, 'meetings-calendar');
  await meetingsPage.emulateMedia({ colorScheme: 'dark' });
  await shot(meetingsPage, 'meetings-calendar-dark');
  await meetingsPage.emulateMedia({ colorScheme: 'light' });
  await meetingsPage.goto(`${harness.url}#/meetings/${picks.meeting}`);
  await meetingsPage.getByRole('table', { name: 'Invitees' }).waitFor();
  await shot(meetingsPage, 'meeting');
  await meetingsPage.close();

  await page.emulateMedia({ colorScheme: 'dark' });
  await areas.getByRole('link', { name: 'Directory', exact: true }).click();
  await orgTable.getByRole('row').nth(1).waitFor();
  await shot(page, 'directory-dark');

  await page.keyboard.press('Control+k');
  await page.getByRole('dialog').waitFor();
  await page.waitForTimeout(500); // let the palette's opening transition finish
  await shot(page, 'command-palette');

  // A meeting's summary PDF (issue 4) as page images: the sample's held meeting with the most
  // recorded (decisions, action items, attendance), made by the same RPC as the meeting page's
  // Documents menu and drawn by poppler's pdftoppm.
  const summary = await page.evaluate<{ content: string }>(`(async () => {
    ${IN_PAGE_CALL}
    const { rows } = await call('meetings.list', { offset: 0, limit: 100 });
    let best = null;
    for (const row of rows) {
      const m = await call('meetings.get', { id: row.id });
      const score = Math.min(m.decisions.length, 3) * 10 + Math.min(m.actionItems.length, 4) * 3 + m.agenda.length + (m.invitees.some((i) => i.attendance) ? 5 : 0);
      if (!best || score > best.score) best = { id: m.id, score };
    }
    return call('meetings.summaryPdf', { meetingId: best.id, pageSize: 'A4' });
  })()`);
  const summaryPdf = `${data.dir}/meeting-summary.pdf`;
  writeFileSync(summaryPdf, Buffer.from(summary.content, 'base64'));
  execFileSync('pdftoppm', ['-png', '-r', '80', summaryPdf, `${out}/meeting-summary`]);
  console.log(`${out}/meeting-summary-*.png`);

  await areaShots(page);

  // History (last, so the changes below appear in no other picture): a bulk stage change, a
  // merge of a duplicate pair, a bulk tag change, and that tag change undone — through the same RPC the
  // screens use. The changes are recorded as "Dana Whitfield" (COALITION_DESK_USER, set above).
  await page.keyboard.press('Escape');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.evaluate(`(async () => {
    ${IN_PAGE_CALL}
    const { rows } = await call('organizations.list', { filters: { stage: ['contacted'] }, limit: 40 });
    await call('organizations.bulkUpdate', { ids: rows.map((r) => r.id), stage: 'engaged' });
    const pair = (await call('duplicates.find', { entity: 'organization', offset: 0, limit: 5 })).pairs[0];
    if (pair) await call('duplicates.merge', { entity: 'organization', survivorId: pair.a.id, mergedId: pair.b.id, fields: {} });
    await call('organizations.bulkUpdate', { ids: rows.slice(0, 12).map((r) => r.id), addTags: ['spring-assembly'] });
    await call('history.undo', {});
  })()`);
  await page.goto(`${harness.url}#/history`);
  await page.reload();
  await page.getByRole('table', { name: 'Changes' }).getByRole('row').nth(8).waitFor();
  await shot(page, 'history');
  }
} finally {
  await browser.close();
  await harness.stop();
  data.cleanup();
}
