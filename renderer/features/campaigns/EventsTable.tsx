import { useState } from 'react';
import { Anchor, Badge, Modal, Table, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { Link } from 'react-router';
import { EVENT_KINDS, type PublicEvent } from '@shared/campaigns/contract';
import { notifyError } from '../../api/errors';
import { useRpcMutation } from '../../api/queries';
import { meetingHref } from '../meetings/reads';
import { formatMeetingTime } from '../meetings/time';
import { RowActions } from '../structure/parts';
import { EventForm } from './EventForm';
import { EVENT_COLORS, formatNumber } from './labels';
import { CAMPAIGN_READS, campaignHref } from './reads';

/** Public events with when and where (in their own zone), co-hosts, RSVPs, attendance and reach. */
export function EventsTable({ events, showCampaign }: { events: PublicEvent[]; showCampaign: boolean }) {
  const [editing, setEditing] = useState<PublicEvent | null>(null);
  const remove = useRpcMutation('campaigns.events.delete', { invalidates: CAMPAIGN_READS });
  const confirmDelete = (e: PublicEvent) =>
    modals.openConfirmModal({
      title: `Delete “${e.title}”?`,
      children: <Text size="sm">The event and its meeting on the calendar go. Undo is in History.</Text>,
      labels: { confirm: 'Delete', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () => remove.mutate({ id: e.id }, { onError: (err) => notifyError('The event was not deleted', err) }),
    });
  return (
    <>
      <Table striped verticalSpacing={6} aria-label="Public events">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Event</Table.Th>
            {showCampaign && <Table.Th>Campaign</Table.Th>}
            <Table.Th>When</Table.Th>
            <Table.Th>Place</Table.Th>
            <Table.Th>Co-hosts</Table.Th>
            <Table.Th ta="right">RSVPs</Table.Th>
            <Table.Th ta="right">Attended</Table.Th>
            <Table.Th ta="right">Reached</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>
                <Badge color={EVENT_COLORS[e.kind]} variant="light" radius="sm" tt="none" mr={6}>
                  {EVENT_KINDS[e.kind]}
                </Badge>
                {e.meetingId ? (
                  <Anchor component={Link} to={meetingHref(e.meetingId)} size="sm" fw={500}>
                    {e.title}
                  </Anchor>
                ) : (
                  <Text span size="sm" fw={500}>
                    {e.title}
                  </Text>
                )}
              </Table.Td>
              {showCampaign && (
                <Table.Td>
                  {e.campaign ? (
                    <Anchor component={Link} to={campaignHref(e.campaign.id)} size="sm">
                      {e.campaign.name}
                    </Anchor>
                  ) : (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  )}
                </Table.Td>
              )}
              <Table.Td>
                <Text size="sm">{formatMeetingTime(e.startsAt, e.endsAt, e.timeZone)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{e.location || '—'}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{e.cohosts.map((h) => h.name).join(', ') || '—'}</Text>
              </Table.Td>
              <Table.Td ta="right">{formatNumber(e.rsvps)}</Table.Td>
              <Table.Td ta="right">{formatNumber(e.attendance)}</Table.Td>
              <Table.Td ta="right">{formatNumber(e.peopleReached)}</Table.Td>
              <Table.Td>
                <RowActions what={e.title} onEdit={() => setEditing(e)} onDelete={() => confirmDelete(e)} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title="Edit event" size="xl">
        {editing && <EventForm event={editing} onDone={() => setEditing(null)} />}
      </Modal>
    </>
  );
}
