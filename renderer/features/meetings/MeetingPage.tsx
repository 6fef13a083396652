import { useState } from 'react';
import { Anchor, Badge, Button, Grid, Group, List, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useDisclosure } from '@mantine/hooks';
import { IconAlertTriangle, IconCalendarOff, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from 'react-router';
import { MEETING_TYPES, type MeetingDetail } from '@shared/meetings/contract';
import { notifyError, notifySuccess } from '../../api/errors';
import { useRpcMutation, useRpcQuery } from '../../api/queries';
import { EmptyState } from '../../components/EmptyState';
import { today } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { QueryError } from '../../components/QueryError';
import { Section } from '../../components/Section';
import { organizationHref } from '../directory/reads';
import { ActionItemModal, ActionItemsTable } from './ActionItems';
import { AgendaSection } from './AgendaSection';
import { ConflictList } from './ConflictList';
import { DecisionsSection } from './DecisionsSection';
import { MeetingDocumentsMenu } from './documents/MeetingDocumentsMenu';
import { InviteesSection } from './InviteesSection';
import { TYPE_COLORS } from './labels';
import { MeetingFormModal } from './MeetingForm';
import { MinutesSection } from './MinutesSection';
import { MEETING_READS } from './reads';
import { formatMeetingTime } from './time';

export function MeetingPage() {
  const { id = '' } = useParams();
  const meeting = useRpcQuery('meetings.get', { id });
  if (meeting.isPending) return <Loading label="Loading the meeting" />;
  if (meeting.isError) {
    if (meeting.error.code === 'not_found') {
      return (
        <Page title="Meeting not found">
          <EmptyState icon={IconCalendarOff} title="This meeting is not in the workspace" action={<Button component={Link} to="/meetings" variant="light">Back to the calendar</Button>}>
            It may have been deleted, or the link is from another workspace.
          </EmptyState>
        </Page>
      );
    }
    return (
      <Page title="Meeting">
        <QueryError title="The meeting could not be loaded" error={meeting.error} onRetry={() => void meeting.refetch()} />
      </Page>
    );
  }
  return <MeetingView meeting={meeting.data} />;
}

function MeetingView({ meeting }: { meeting: MeetingDetail }) {
  const navigate = useNavigate();
  const [editing, edit] = useDisclosure(false);
  const [adding, setAdding] = useState(false);
  const [now] = useState(today);
  const remove = useRpcMutation('meetings.delete', { invalidates: MEETING_READS });

  function confirmDelete() {
    modals.openConfirmModal({
      title: `Delete ${meeting.title}?`,
      children: <Text size="sm">Its agenda, invitations and decisions are removed. Its action items stay, as standalone items. History can undo this.</Text>,
      labels: { confirm: 'Delete meeting', cancel: 'Keep it' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        remove.mutate(
          { id: meeting.id },
          {
            onSuccess: () => {
              notifySuccess(`${meeting.title} was deleted.`);
              void navigate('/meetings');
            },
            onError: (e) => notifyError('The meeting was not deleted', e),
          },
        ),
    });
  }

  return (
    <Page
      title={meeting.title}
      status={
        <Group gap={6}>
          <Badge color={TYPE_COLORS[meeting.type]} variant="light" tt="none">
            {MEETING_TYPES[meeting.type]}
          </Badge>
          {meeting.status === 'cancelled' && (
            <Badge color="red" variant="light" tt="none">
              Cancelled
            </Badge>
          )}
        </Group>
      }
      description={
        <Stack gap={4}>
          <Anchor component={Link} to="/meetings" size="sm">
            ← Calendar
          </Anchor>
          <Text size="sm">{formatMeetingTime(meeting.startsAt, meeting.endsAt, meeting.timeZone)}</Text>
          {(meeting.location || meeting.videoUrl) && (
            <Text size="sm">
              {meeting.location}
              {meeting.location && meeting.videoUrl ? ' · ' : ''}
              {meeting.videoUrl && (
                <Anchor href={meeting.videoUrl} target="_blank" rel="noreferrer" size="sm">
                  Video link
                </Anchor>
              )}
            </Text>
          )}
          {(meeting.organizerName || meeting.workingGroupName) && (
            <Text size="sm" c="dimmed">
              {meeting.organizerName ? `Organized by ${meeting.organizerName}` : ''}
              {meeting.organizerName && meeting.workingGroupName ? ' · ' : ''}
              {meeting.workingGroupName ? `Working group: ${meeting.workingGroupName}` : ''}
            </Text>
          )}
        </Stack>
      }
      actions={
        <>
          <MeetingDocumentsMenu meetingId={meeting.id} />
          <Button variant="default" leftSection={<IconPencil size={16} />} onClick={edit.open}>
            Edit
          </Button>
          <Button variant="default" color="red" leftSection={<IconTrash size={16} />} loading={remove.isPending} onClick={confirmDelete} aria-label="Delete meeting">
            Delete
          </Button>
        </>
      }
    >
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <AgendaSection meeting={meeting} />
            <InviteesSection meeting={meeting} />
            <DecisionsSection meeting={meeting} />
            <Section title="Action items">
              {meeting.actionItems.length === 0 && (
                <Text size="sm" c="dimmed">
                  No action items yet.
                </Text>
              )}
              <ActionItemsTable items={meeting.actionItems} today={now} showMeeting={false} label="Action items of this meeting" />
              <Group>
                <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setAdding(true)}>
                  Add action item
                </Button>
              </Group>
              <ActionItemModal opened={adding} onClose={() => setAdding(false)} item={null} meetingId={meeting.id} />
            </Section>
            <MinutesSection meeting={meeting} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <Section title="Quorum">
              <Group gap="xs">
                <Badge color={meeting.quorum.met ? 'teal' : 'orange'} variant="light" tt="none" size="lg">
                  {meeting.quorum.met ? 'Quorum met' : 'No quorum yet'}
                </Badge>
              </Group>
              <Text size="sm">
                {meeting.quorum.basis === 'steering'
                  ? `${meeting.quorum.present} of ${meeting.quorum.of} steering seats are present; ${meeting.quorum.needed} needed.`
                  : `${meeting.quorum.present} of ${meeting.quorum.of} invitees are present; ${meeting.quorum.needed} needed.`}
              </Text>
            </Section>
            {meeting.conflicts.length > 0 && (
              <Section title="Double-booked">
                <Group gap={6} c="orange">
                  <IconAlertTriangle size={16} aria-hidden />
                  <Text size="sm">Invited to another meeting at the same time:</Text>
                </Group>
                <ConflictList conflicts={meeting.conflicts} />
              </Section>
            )}
            <Section title="Organizations represented" hint="The organizations of the people marked present.">
              {meeting.organizations.length === 0 ? (
                <Text size="sm" c="dimmed">
                  None yet: take attendance.
                </Text>
              ) : (
                <List size="sm" spacing={2} aria-label="Organizations represented">
                  {meeting.organizations.map((o) => (
                    <List.Item key={o.id}>
                      <Anchor component={Link} to={organizationHref(o.id)} size="sm">
                        {o.name}
                      </Anchor>{' '}
                      <Text span size="xs" c="dimmed">
                        ({o.present})
                      </Text>
                    </List.Item>
                  ))}
                </List>
              )}
            </Section>
          </Stack>
        </Grid.Col>
      </Grid>
      <MeetingFormModal opened={editing} onClose={edit.close} meeting={meeting} />
    </Page>
  );
}
