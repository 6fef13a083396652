import { screen, waitFor, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { ok } from '../support/backend';
import { addPerson } from './directory-support';
import { renderApp, startWithCoalition } from './renderApp';

// The meeting documents from the screens: the meeting page's Documents menu hands the summary
// PDF and the calendar file to the Save dialog (the test bridge's file.saveAs); the calendar's
// "Calendar file" menu imports an .ics file after a preview.

const MEETING = {
  type: 'assembly',
  title: 'Spring assembly',
  startsAt: '2026-05-04T16:00:00Z',
  endsAt: '2026-05-04T18:00:00Z',
  timeZone: 'America/New_York',
  location: 'Eastside Library',
  videoUrl: '',
  organizerPersonId: null,
  workingGroupId: null,
} as const;

// The backend makes a PDF in the test's own process: give it time on a busy machine.
const SLOW = { timeout: 10_000 };

function icsFile(lines: string[]): File {
  return new File([['BEGIN:VCALENDAR', 'VERSION:2.0', ...lines, 'END:VCALENDAR', ''].join('\r\n')], 'invite.ics', { type: 'text/calendar' });
}

test('the meeting page saves the summary PDF and the calendar file', { timeout: 40_000 }, async () => {
  const { bridge, saved } = await startWithCoalition();
  const meeting = await ok(bridge, 'meetings.create', MEETING);
  const { user } = renderApp(`/meetings/${meeting.id}`);

  await user.click(await screen.findByRole('button', { name: 'Documents' }, SLOW));
  await user.click(await screen.findByRole('menuitem', { name: 'Summary PDF' }));
  await waitFor(() => expect(saved).toHaveLength(1), SLOW);
  expect(saved[0]?.suggestedName).toBe('spring-assembly-2026-05-04-summary.pdf');
  expect(Buffer.from(saved[0]?.content ?? '', 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(await screen.findByText('Saved the meeting summary as spring-assembly-2026-05-04-summary.pdf.', {}, SLOW)).toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: 'Documents' }));
  await user.click(await screen.findByRole('menuitem', { name: 'Add to calendar (.ics)' }));
  await waitFor(() => expect(saved).toHaveLength(2), SLOW);
  expect(saved[1]?.suggestedName).toBe('spring-assembly-2026-05-04.ics');
  expect(saved[1]?.content).toContain(`UID:${meeting.id}@coalitiondesk.org\r\n`);
  expect(saved[1]?.content).toContain('DTSTART;TZID=America/New_York:20260504T120000\r\n');
});

test('Import .ics… previews the file’s meetings and problems, then creates the new ones in one step', { timeout: 40_000 }, async () => {
  const { bridge } = await startWithCoalition();
  await addPerson(bridge, 'Αθηνά Παπαδοπούλου', { email: 'athina@example.org' });
  const existing = await ok(bridge, 'meetings.create', MEETING);
  const { user } = renderApp('/meetings');

  await user.click(await screen.findByRole('button', { name: 'Calendar file' }, SLOW));
  await user.click(await screen.findByRole('menuitem', { name: 'Import .ics…' }));
  const dialog = await screen.findByRole('dialog', { name: 'Import meetings from a calendar file' });
  const file = icsFile([
    'BEGIN:VEVENT',
    'UID:town-hall@example.org',
    'SUMMARY:Housing town hall',
    'CATEGORIES:Town hall',
    'DTSTART;TZID=America/Chicago:20260610T180000',
    'DTEND;TZID=America/Chicago:20260610T200000',
    'ATTENDEE;CN=Athina:mailto:Athina@Example.org',
    'END:VEVENT',
    'BEGIN:VEVENT',
    `UID:${existing.id}@coalitiondesk.org`,
    'SUMMARY:Spring assembly',
    'DTSTART:20260504T160000Z',
    'DTEND:20260504T180000Z',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'UID:broken@example.org',
    'SUMMARY:No start time',
    'END:VEVENT',
  ]);
  await user.upload(within(dialog).getByLabelText('Calendar file (.ics)'), file);

  expect(await within(dialog).findByText(/2 meetings can be imported, 1 is already in this workspace, 1 event cannot be read/, {}, SLOW)).toBeInTheDocument();
  const table = within(dialog).getByRole('table', { name: 'Meetings in the file' });
  const townHall = within(table).getByRole('row', { name: /Housing town hall/ });
  expect(townHall).toHaveTextContent('Town hall');
  expect(townHall).toHaveTextContent('Wed 10 Jun 2026, 18:00–20:00 (America/Chicago)');
  expect(townHall).toHaveTextContent('1 of 1 in the directory');
  expect(within(table).getByRole('row', { name: /Spring assembly/ })).toHaveTextContent('Already here');
  expect(within(dialog).getByText('Event 3 (No start time): It has no start time (DTSTART).')).toBeInTheDocument();

  await user.click(within(dialog).getByRole('button', { name: 'Create 1 meeting' }));
  // One meeting created: its page opens.
  expect(await screen.findByRole('heading', { level: 1, name: 'Housing town hall' }, SLOW)).toBeInTheDocument();
  const range = await ok(bridge, 'meetings.range', { from: '2026-05-01T00:00:00Z', to: '2026-07-01T00:00:00Z' });
  expect(range.meetings.map((m) => [m.title, m.type, m.invited])).toEqual([
    ['Spring assembly', 'assembly', 0],
    ['Housing town hall', 'town_hall', 1],
  ]);
});

test('a file that is not a calendar is refused in the dialog, and nothing is created', async () => {
  const { bridge } = await startWithCoalition();
  const { user } = renderApp('/meetings');
  await user.click(await screen.findByRole('button', { name: 'Calendar file' }, SLOW));
  await user.click(await screen.findByRole('menuitem', { name: 'Import .ics…' }));
  const dialog = await screen.findByRole('dialog', { name: 'Import meetings from a calendar file' });
  await user.upload(within(dialog).getByLabelText('Calendar file (.ics)'), new File(['Name,Email\r\nAna,ana@example.org\r\n'], 'people.ics', { type: 'text/calendar' }));
  expect(await within(dialog).findByText('people.ics could not be read. This file is not a calendar (.ics) file: it does not begin with BEGIN:VCALENDAR.', {}, SLOW)).toBeInTheDocument();
  expect((await ok(bridge, 'meetings.range', { from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' })).meetings).toEqual([]);
});
