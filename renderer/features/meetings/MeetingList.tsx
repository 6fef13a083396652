import { Anchor, Badge, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import { MEETING_TYPES, type MeetingSummary } from '@shared/meetings/contract';
import { TYPE_COLORS } from './labels';
import { meetingHref } from './reads';
import { formatMeetingTime } from './time';

/** Meetings as a short list: title, type, when and where. */
export function MeetingList({ meetings, label }: { meetings: readonly MeetingSummary[]; label: string }) {
  return (
    <ul className="plain-list row-list" aria-label={label}>
      {meetings.map((m) => (
        <li key={m.id} className="row-list-item">
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <div style={{ minWidth: 0 }}>
              <Anchor component={Link} to={meetingHref(m.id)} size="sm" fw={600}>
                {m.title}
              </Anchor>
              <Text size="xs" c="dimmed">
                {formatMeetingTime(m.startsAt, m.endsAt, m.timeZone)}
                {m.location ? ` · ${m.location}` : ''}
              </Text>
            </div>
            <Badge color={TYPE_COLORS[m.type]} variant="light" tt="none" style={{ flexShrink: 0 }}>
              {m.status === 'cancelled' ? 'Cancelled' : MEETING_TYPES[m.type]}
            </Badge>
          </Group>
        </li>
      ))}
    </ul>
  );
}
