import { useState } from 'react';
import { Alert, Badge, Button, FileButton, Group, List, Modal, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconCalendarUp } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import type { Output } from '@shared/contract';
import { MEETING_TYPES } from '@shared/meetings/contract';
import { MAX_ICS_CHARS } from '@shared/meetings/documents';
import { call } from '../../../api/client';
import { errorMessage, notifyError, notifySuccess } from '../../../api/errors';
import { useRpcMutation } from '../../../api/queries';
import { meetingHref, MEETING_READS } from '../reads';
import { formatMeetingTime, localZone } from '../time';

interface Preview {
  fileName: string;
  content: string;
  timeZone: string;
  result: Output<'meetings.importIcs'>;
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/**
 * "Import .ics…": choose a calendar file, see the meetings it holds (and the events it cannot
 * import, and those already here), then create them in one step that History can undo.
 */
export function ImportIcsModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [reading, setReading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const create = useRpcMutation('meetings.importIcs', { invalidates: MEETING_READS });

  async function read(file: File | null) {
    if (!file) return;
    setProblem(null);
    if (file.size > MAX_ICS_CHARS) {
      setProblem(`${file.name} is larger than ${MAX_ICS_CHARS / 1024 / 1024} MB; export a shorter date range from your calendar.`);
      return;
    }
    setReading(true);
    try {
      const content = await file.text();
      const timeZone = localZone();
      setPreview({ fileName: file.name, content, timeZone, result: await call('meetings.importIcs', { content, defaultTimeZone: timeZone }) });
    } catch (error) {
      setProblem(`${file.name} could not be read. ${errorMessage(error)}`);
    } finally {
      setReading(false);
    }
  }

  function close() {
    setPreview(null);
    setProblem(null);
    onClose();
  }

  function createMeetings(chosen: Preview) {
    create.mutate(
      { content: chosen.content, defaultTimeZone: chosen.timeZone, create: true },
      {
        onSuccess: ({ created }) => {
          notifySuccess(`Created ${plural(created.length, 'meeting', 'meetings')} from ${chosen.fileName}. History can undo this.`, 'Meetings imported');
          close();
          const [only] = created;
          if (created.length === 1 && only) void navigate(meetingHref(only));
        },
        onError: (error) => notifyError('The meetings were not created', error),
      },
    );
  }

  const events = preview?.result.events ?? [];
  const problems = preview?.result.problems ?? [];
  const fresh = events.filter((e) => e.duplicateOf === null);

  return (
    <Modal opened={opened} onClose={close} title="Import meetings from a calendar file" size="xl">
      {!preview ? (
        <Stack gap="md">
          <Text size="sm">
            Choose an .ics file: an export from Outlook, Google Calendar or Apple Calendar, or an invitation’s attachment. You see its meetings before anything is
            created. Times without a time zone are read in yours ({localZone()}).
          </Text>
          <Group>
            <FileButton accept=".ics,text/calendar" onChange={(file) => void read(file)} inputProps={{ 'aria-label': 'Calendar file (.ics)' }}>
              {(props) => (
                <Button {...props} loading={reading} leftSection={<IconCalendarUp size={16} />}>
                  Choose .ics file
                </Button>
              )}
            </FileButton>
          </Group>
          {problem && (
            <Alert color="red" icon={<IconAlertTriangle size={18} />} title="Nothing was imported">
              {problem}
            </Alert>
          )}
        </Stack>
      ) : (
        <Stack gap="md">
          <Text size="sm">
            <b>{preview.fileName}</b>: {plural(events.length, 'meeting', 'meetings')} can be imported
            {events.length > fresh.length ? `, ${plural(events.length - fresh.length, 'is', 'are')} already in this workspace` : ''}
            {problems.length > 0 ? `, ${plural(problems.length, 'event cannot', 'events cannot')} be read` : ''}.
          </Text>
          {events.length > 0 && (
            <ScrollArea.Autosize mah={360}>
              <Table striped aria-label="Meetings in the file" verticalSpacing={6}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Meeting</Table.Th>
                    <Table.Th>When</Table.Th>
                    <Table.Th>Invitees</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {events.map((event) => (
                    <Table.Tr key={event.position}>
                      <Table.Td>
                        <Group gap={6}>
                          <Text size="sm" fw={500}>
                            {event.title}
                          </Text>
                          {event.duplicateOf && (
                            <Badge size="xs" color="gray" variant="light" tt="none">
                              Already here
                            </Badge>
                          )}
                          {event.cancelled && (
                            <Badge size="xs" color="red" variant="light" tt="none">
                              Cancelled
                            </Badge>
                          )}
                        </Group>
                        <Text size="xs" c="dimmed">
                          {[MEETING_TYPES[event.type], event.workingGroupName, event.location, event.organizerName ? `Organized by ${event.organizerName}` : null].filter(Boolean).join(' · ')}
                        </Text>
                        {event.notes.length > 0 && (
                          <List size="xs" c="dimmed">
                            {event.notes.map((note) => (
                              <List.Item key={note}>{note}</List.Item>
                            ))}
                          </List>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{formatMeetingTime(event.startsAt, event.endsAt, event.timeZone)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{event.attendees === 0 ? '—' : `${event.matchedPeople} of ${event.attendees} in the directory`}</Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
          )}
          {problems.length > 0 && (
            <Alert color="orange" icon={<IconAlertTriangle size={18} />} title={`${plural(problems.length, 'event is', 'events are')} left out`}>
              <List size="sm">
                {problems.map((p) => (
                  <List.Item key={p.position}>
                    Event {p.position}
                    {p.title ? ` (${p.title})` : ''}: {p.message}
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setPreview(null)}>
              Choose another file
            </Button>
            <Button disabled={fresh.length === 0} loading={create.isPending} onClick={() => createMeetings(preview)}>
              {fresh.length === 0 ? 'Nothing to create' : `Create ${plural(fresh.length, 'meeting', 'meetings')}`}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
