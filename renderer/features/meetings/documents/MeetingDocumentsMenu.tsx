import { useState } from 'react';
import { Button, Menu } from '@mantine/core';
import { IconCalendarPlus, IconChevronDown, IconFileDownload, IconFileTypePdf } from '@tabler/icons-react';
import { call } from '../../../api/client';
import { notifyError } from '../../../api/errors';
import { localPageSize, saveDocument } from './saveFile';

/** A meeting's documents: its summary as a PDF, and the meeting as a calendar file (.ics). */
export function MeetingDocumentsMenu({ meetingId }: { meetingId: string }) {
  const [busy, setBusy] = useState(false);

  async function run(task: () => Promise<void>, failure: string) {
    setBusy(true);
    try {
      await task();
    } catch (error) {
      notifyError(failure, error);
    } finally {
      setBusy(false);
    }
  }

  const summary = () =>
    run(async () => saveDocument(await call('meetings.summaryPdf', { meetingId, pageSize: localPageSize() }), 'the meeting summary'), 'The summary PDF was not made');
  const calendar = () => run(async () => saveDocument(await call('meetings.exportIcs', { meetingId }), 'the calendar file'), 'The calendar file was not made');

  return (
    <Menu position="bottom-end" shadow="md" withinPortal>
      <Menu.Target>
        <Button variant="default" loading={busy} leftSection={<IconFileDownload size={16} />} rightSection={<IconChevronDown size={13} />}>
          Documents
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconFileTypePdf size={15} />} onClick={() => void summary()}>
          Summary PDF
        </Menu.Item>
        <Menu.Item leftSection={<IconCalendarPlus size={15} />} onClick={() => void calendar()}>
          Add to calendar (.ics)
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
