import { useState } from 'react';
import { Button, Menu } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCalendarDown, IconCalendarUp, IconChevronDown, IconCalendarEvent } from '@tabler/icons-react';
import type { MeetingType } from '@shared/meetings/contract';
import { call } from '../../../api/client';
import { notifyError } from '../../../api/errors';
import { ImportIcsModal } from './ImportIcsModal';
import { saveDocument } from './saveFile';

/** The calendar's view: its date range (once the calendar has one) and filters. */
export interface CalendarFilter {
  from?: string;
  to?: string;
  types?: MeetingType[];
  workingGroupId?: string;
}

/** The calendar toolbar's "Calendar file" menu: export the meetings in view as .ics, or import an .ics file. */
export function CalendarExportButton({ filter }: { filter: CalendarFilter }) {
  const [busy, setBusy] = useState(false);
  const [importing, importDialog] = useDisclosure(false);
  const { from, to, ...rest } = filter;

  async function exportView() {
    if (!from || !to) return;
    setBusy(true);
    try {
      const file = await call('meetings.exportIcs', { from, to, ...rest });
      await saveDocument(file, `${file.meetings} ${file.meetings === 1 ? 'meeting' : 'meetings'}`);
    } catch (error) {
      notifyError('The calendar file was not made', error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Menu position="bottom-end" shadow="md" withinPortal>
        <Menu.Target>
          <Button variant="default" loading={busy} leftSection={<IconCalendarEvent size={16} />} rightSection={<IconChevronDown size={13} />}>
            Calendar file
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconCalendarDown size={15} />} disabled={!from || !to} onClick={() => void exportView()}>
            Export these meetings (.ics)
          </Menu.Item>
          <Menu.Item leftSection={<IconCalendarUp size={15} />} onClick={importDialog.open}>
            Import .ics…
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ImportIcsModal opened={importing} onClose={importDialog.close} />
    </>
  );
}
