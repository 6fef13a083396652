import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Download, type Page } from '@playwright/test';
import { emptyPersonInput } from '../../../shared/directory/people';
import { area, collectErrors, rpc, startNewCoalition } from '../support/app';
import { useHarness } from '../support/harness';

// The meeting documents in real Chromium against the real backend (the built one, which finds
// the PDF fonts from out/main): a meeting's summary PDF and calendar file are downloaded from
// its page and read back (pdftotext, the .ics text), then an invitation from another calendar
// is imported from the calendar toolbar, previewed and created, and the month exported as one .ics.

const harness = useHarness();

/** Saves a download in the spec's folder and returns its path. */
async function saved(download: Download): Promise<string> {
  const path = join(harness.dir, download.suggestedFilename());
  await download.saveAs(path);
  return path;
}

async function documentsItem(page: Page, item: string): Promise<Download> {
  await page.getByRole('button', { name: 'Documents' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: item }).click()]);
  return download;
}

const INVITATION = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
  'BEGIN:VEVENT',
  'UID:lobby-day-2026@google.com',
  'DTSTAMP:20260420T120000Z',
  'DTSTART;TZID=Europe/Lisbon:20260520T093000',
  'DTEND;TZID=Europe/Lisbon:20260520T120000',
  'SUMMARY:Lobby day at the Assembleia',
  'LOCATION:Assembleia da República',
  'ORGANIZER;CN=Ana Soto:mailto:ana@harbor.example.org',
  'ATTENDEE;CN=Αθηνά Παπαδοπούλου:mailto:athina@harbor.example.org',
  'ATTENDEE;CN=Someone Else:mailto:someone@elsewhere.example.org',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

test('a coordinator downloads a meeting’s summary PDF and calendar file, and imports an invitation', async ({ page }) => {
  const errors = collectErrors(page);
  // The renderer's clock: May 2026, so the calendar opens on the month of these meetings.
  await page.clock.setFixedTime(new Date('2026-05-10T12:00:00'));
  await startNewCoalition(page, harness.url, 'Alianza Ñandú por la Salud');
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  // A recorded meeting, through the same RPC the screens use (the meetings story covers their forms).
  const person = (name: string, email: string) => rpc(page, 'people.create', { ...emptyPersonInput(), name, email });
  const ana = await person('Ana Soto', 'ana@harbor.example.org');
  const athina = await person('Αθηνά Παπαδοπούλου', 'athina@harbor.example.org');
  const khai = await person('Nguyễn Thị Minh Khai', 'khai@harbor.example.org');
  const meeting = await rpc(page, 'meetings.create', {
    type: 'assembly',
    title: 'Spring assembly',
    startsAt: '2026-05-04T16:00:00Z',
    endsAt: '2026-05-04T18:00:00Z',
    timeZone: 'America/New_York',
    location: 'Eastside Library',
    videoUrl: '',
    organizerPersonId: ana.id,
    workingGroupId: null,
  });
  const meetingId = meeting.id;
  await rpc(page, 'meetings.invite', { meetingId, personIds: [ana.id, athina.id, khai.id] });
  await rpc(page, 'meetings.respond', { meetingId, personIds: [ana.id, athina.id], attendance: 'present' });
  await rpc(page, 'meetings.saveAgenda', { meetingId, items: [{ title: 'Housing campaign plan', presenterPersonId: athina.id, minutesAllotted: 30, notes: '', documents: [] }] });
  await rpc(page, 'decisions.save', { meetingId, text: 'Launch the housing campaign in June.', motion: '', kind: 'ordinary', votesFor: 2, votesAgainst: 0, votesAbstain: 0 });
  await rpc(page, 'actionItems.save', { meetingId, description: 'Draft the campaign brief', ownerPersonId: khai.id, dueOn: '2026-05-15', status: 'open' });

  await page.goto(`${harness.url}#/meetings/${meetingId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Spring assembly' })).toBeVisible();

  // The summary PDF: one page, read back by poppler.
  const pdf = await saved(await documentsItem(page, 'Summary PDF'));
  expect(pdf).toMatch(/spring-assembly-2026-05-04-summary\.pdf$/);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, ' ');
  for (const expected of [
    'Alianza Ñandú por la Salud',
    'Spring assembly',
    'Monday, 4 May 2026, 12:00–14:00 (America/New_York)',
    'Housing campaign plan Αθηνά Παπαδοπούλου 30',
    '2 present, 0 absent, 0 excused, 1 not recorded (of 3 invited).',
    'Launch the housing campaign in June.',
    'Draft the campaign brief Nguyễn Thị Minh Khai 2026-05-15 Open',
    'Page 1 of 1',
  ]) {
    expect(text, expected).toContain(expected);
  }
  expect(execFileSync('pdffonts', [pdf], { encoding: 'utf8' })).toContain('NotoSans-Regular');
  // The notice says where it went; it sits over the page's buttons until closed.
  const notice = page.getByRole('alert').filter({ hasText: 'Saved the meeting summary as spring-assembly-2026-05-04-summary.pdf.' });
  await notice.locator('.mantine-Notification-closeButton').click();
  await expect(notice).toBeHidden();

  // The calendar file: the meeting in its own time zone, with the invitees' addresses.
  const ics = readFileSync(await saved(await documentsItem(page, 'Add to calendar (.ics)')), 'utf8');
  expect(ics).toContain(`UID:${meetingId}@coalitiondesk.org\r\n`);
  expect(ics).toContain('DTSTART;TZID=America/New_York:20260504T120000\r\n');
  expect(ics).toContain('BEGIN:VTIMEZONE\r\nTZID:America/New_York\r\n');
  expect(ics).toContain('mailto:khai@harbor.example.org');

  // An invitation from another calendar, imported from the calendar's toolbar.
  await area(page, 'Meetings').click();
  await page.getByRole('button', { name: 'Calendar file' }).click();
  await page.getByRole('menuitem', { name: 'Import .ics…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import meetings from a calendar file' });
  await dialog.getByLabel('Calendar file (.ics)').setInputFiles({ name: 'invite.ics', mimeType: 'text/calendar', buffer: Buffer.from(INVITATION) });
  await expect(dialog.getByText('1 meeting can be imported')).toBeVisible();
  const row = dialog.getByRole('table', { name: 'Meetings in the file' }).getByRole('row', { name: /Lobby day at the Assembleia/ });
  await expect(row).toContainText('Wed 20 May 2026, 09:30–12:00 (Europe/Lisbon)');
  await expect(row).toContainText('Organized by Ana Soto');
  await expect(row).toContainText('1 of 2 in the directory');
  await dialog.getByRole('button', { name: 'Create 1 meeting' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lobby day at the Assembleia' })).toBeVisible();
  await expect(page.getByText('Αθηνά Παπαδοπούλου').first()).toBeVisible();

  // The calendar's month as one calendar file: both meetings, each in its own time zone.
  await area(page, 'Meetings').click();
  await page.getByRole('button', { name: 'Calendar file' }).click();
  const [month] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Export these meetings (.ics)' }).click()]);
  expect(month.suggestedFilename()).toMatch(/^meetings-2026-0[45]-\d\d-to-2026-06-\d\d\.ics$/);
  const calendar = readFileSync(await saved(month), 'utf8');
  expect(calendar.match(/^BEGIN:VEVENT\r$/gm)).toHaveLength(2);
  expect(calendar).toContain('SUMMARY:Spring assembly\r\n');
  expect(calendar).toContain('DTSTART;TZID=Europe/Lisbon:20260520T093000\r\n');

  expect(errors).toEqual([]);
});
