import { useState } from 'react';
import { ActionIcon, Alert, Anchor, Button, Checkbox, Group, Modal, Select, SegmentedControl, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconUserMinus, IconUserPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Conflict, InviteGroup, Invitee, MeetingDetail } from '@shared/meetings/contract';
import { notifyError, notifySuccess } from '../../api/errors';
import { useRpcMutation } from '../../api/queries';
import { Section } from '../../components/Section';
import type { Picked } from '../directory/EntityPicker';
import { personHref } from '../directory/reads';
import { ConflictList } from './ConflictList';
import { RSVP_OPTIONS } from './labels';
import { PeoplePicker } from './PeoplePicker';
import { MEETING_READS } from './reads';
import { WorkingGroupSelect } from './WorkingGroupSelect';

const ATTENDANCE_CHOICES = [
  { value: 'present', label: 'Present' },
  { value: 'absent', label: 'Absent' },
  { value: 'excused', label: 'Excused' },
  { value: '', label: '—' },
];

/** Invitees with their RSVP and attendance, and the invite dialog (people, a working group, the steering committee, all members). */
export function InviteesSection({ meeting }: { meeting: MeetingDetail }) {
  const [inviting, setInviting] = useState(false);
  const respond = useRpcMutation('meetings.respond', { invalidates: MEETING_READS });
  const uninvite = useRpcMutation('meetings.uninvite', { invalidates: MEETING_READS });
  const present = meeting.invitees.filter((i) => i.attendance === 'present').length;

  function record(invitee: Invitee, change: { rsvp?: Invitee['rsvp']; attendance?: Invitee['attendance'] }) {
    respond.mutate({ meetingId: meeting.id, personIds: [invitee.personId], ...change }, { onError: (error) => notifyError(`${invitee.name}'s answer was not recorded`, error) });
  }

  return (
    <Section title="Invitations and attendance" hint={`${meeting.invitees.length} invited · ${present} present`}>
      <Group gap="xs">
        <Button size="xs" variant="light" leftSection={<IconUserPlus size={14} />} onClick={() => setInviting(true)}>
          Invite…
        </Button>
        {meeting.invitees.length > 0 && (
          <Button
            size="xs"
            variant="default"
            onClick={() =>
              respond.mutate(
                { meetingId: meeting.id, personIds: meeting.invitees.map((i) => i.personId), attendance: 'present' },
                { onError: (error) => notifyError('Attendance was not recorded', error) },
              )
            }
          >
            Mark everyone present
          </Button>
        )}
      </Group>
      {meeting.invitees.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nobody is invited yet.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing={4} aria-label="Invitees">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Person</Table.Th>
                <Table.Th>RSVP</Table.Th>
                <Table.Th>Attendance</Table.Th>
                <Table.Th aria-label="Remove" />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {meeting.invitees.map((invitee) => (
                <Table.Tr key={invitee.personId}>
                  <Table.Td>
                    <Anchor component={Link} to={personHref(invitee.personId)} size="sm" fw={500}>
                      {invitee.name}
                    </Anchor>
                    {invitee.organizations.length > 0 && (
                      <Text size="xs" c="dimmed">
                        {invitee.organizations.map((o) => o.name).join(', ')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Select
                      size="xs"
                      w={120}
                      aria-label={`RSVP of ${invitee.name}`}
                      data={RSVP_OPTIONS}
                      value={invitee.rsvp}
                      allowDeselect={false}
                      onChange={(rsvp) => rsvp && record(invitee, { rsvp: rsvp as Invitee['rsvp'] })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <SegmentedControl
                      size="xs"
                      aria-label={`Attendance of ${invitee.name}`}
                      data={ATTENDANCE_CHOICES}
                      value={invitee.attendance ?? ''}
                      onChange={(value) => record(invitee, { attendance: value === '' ? null : (value as Invitee['attendance']) })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Tooltip label="Remove from the meeting">
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={`Remove ${invitee.name} from the meeting`}
                        onClick={() => uninvite.mutate({ meetingId: meeting.id, personId: invitee.personId }, { onError: (error) => notifyError('The invitation was not removed', error) })}
                      >
                        <IconUserMinus size={15} />
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal opened={inviting} onClose={() => setInviting(false)} title={`Invite to ${meeting.title}`} size="lg">
        {inviting && <InviteForm meeting={meeting} onDone={() => setInviting(false)} />}
      </Modal>
    </Section>
  );
}

function InviteForm({ meeting, onDone }: { meeting: MeetingDetail; onDone: () => void }) {
  const invite = useRpcMutation('meetings.invite', { invalidates: MEETING_READS });
  const [people, setPeople] = useState<Picked[]>([]);
  const [workingGroupId, setWorkingGroupId] = useState<string | null>(meeting.workingGroupId);
  const [withGroup, setWithGroup] = useState(meeting.workingGroupId !== null);
  const [steering, setSteering] = useState(meeting.type === 'steering');
  const [members, setMembers] = useState(false);
  const [conflicts, setConflicts] = useState<Conflict[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  function submit() {
    const groups: InviteGroup[] = [
      ...(withGroup && workingGroupId ? [{ kind: 'working_group' as const, workingGroupId }] : []),
      ...(steering ? [{ kind: 'steering' as const }] : []),
      ...(members ? [{ kind: 'members' as const }] : []),
    ];
    if (groups.length + people.length === 0) {
      setError('Choose people or a group to invite.');
      return;
    }
    invite.mutate(
      { meetingId: meeting.id, personIds: people.map((p) => p.id), groups },
      {
        onSuccess: (result) => {
          notifySuccess(`${result.added} invited${result.alreadyInvited ? ` (${result.alreadyInvited} already were)` : ''}.`);
          // Double-booking is a warning: the invitations stand, the dialog stays to show who.
          if (result.conflicts.length > 0) setConflicts(result.conflicts);
          else onDone();
        },
        onError: (e) => notifyError('Nobody was invited', e),
      },
    );
  }

  if (conflicts) {
    return (
      <Stack gap="sm">
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} title="Invited, but double-booked">
          <ConflictList conflicts={conflicts} />
        </Alert>
        <Group justify="flex-end">
          <Button onClick={onDone}>Close</Button>
        </Group>
      </Stack>
    );
  }

  return (
    <Stack gap="sm">
      <PeoplePicker label="People" value={people} onChange={setPeople} error={error} />
      <Text size="sm" fw={600} mt="xs">
        Whole groups (as of the meeting's day)
      </Text>
      <Group align="flex-end" gap="sm">
        <Checkbox label="A working group" checked={withGroup} onChange={(e) => setWithGroup(e.currentTarget.checked)} mb={8} />
        <WorkingGroupSelect value={workingGroupId} onChange={(id) => { setWorkingGroupId(id); setWithGroup(id !== null); }} label="" placeholder="Choose a working group" />
      </Group>
      <Checkbox label="The steering committee (current term holders)" checked={steering} onChange={(e) => setSteering(e.currentTarget.checked)} />
      <Checkbox label="All members (people at member organizations)" checked={members} onChange={(e) => setMembers(e.currentTarget.checked)} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button onClick={submit} loading={invite.isPending}>
          Invite
        </Button>
      </Group>
    </Stack>
  );
}
