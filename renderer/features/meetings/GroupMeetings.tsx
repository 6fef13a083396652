import { useState } from 'react';
import { Button, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useRpcQuery } from '../../api/queries';
import { today } from '../../components/format';
import { Section } from '../../components/Section';
import { ActionItemsTable } from './ActionItems';
import { MeetingFormModal } from './MeetingForm';
import { MeetingList } from './MeetingList';

/** A working group's meetings (newest first) and open action items, for the group's page. */
export function GroupMeetings({ workingGroupId }: { workingGroupId: string }) {
  const [day] = useState(today);
  const [scheduling, schedule] = useDisclosure(false);
  const meetings = useRpcQuery('meetings.list', { workingGroupId, offset: 0, limit: 10 });
  const items = useRpcQuery('actionItems.list', { workingGroupId, openOnly: true, offset: 0, limit: 50 });
  return (
    <Stack gap="lg">
      <Section title="Meetings" hint={meetings.data && meetings.data.total > 10 ? `The latest 10 of ${meetings.data.total}.` : undefined}>
        {meetings.data?.total === 0 && (
          <Text size="sm" c="dimmed">
            No meetings yet.
          </Text>
        )}
        {meetings.data && <MeetingList meetings={meetings.data.rows} label="Meetings of this working group" />}
        <Group>
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={schedule.open}>
            Schedule a meeting
          </Button>
        </Group>
      </Section>
      <Section title="Open action items">
        {items.data?.total === 0 && (
          <Text size="sm" c="dimmed">
            No open action items from this group's meetings.
          </Text>
        )}
        {items.data && <ActionItemsTable items={items.data.rows} today={day} label="Open action items of this working group" />}
      </Section>
      <MeetingFormModal opened={scheduling} onClose={schedule.close} defaults={{ type: 'working_group', workingGroupId }} />
    </Stack>
  );
}
