import { Anchor, List, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Conflict } from '@shared/meetings/contract';
import { meetingHref } from './reads';

/** People invited to another meeting at the same time, each with those meetings (a warning, not a block). */
export function ConflictList({ conflicts }: { conflicts: readonly Conflict[] }) {
  return (
    <List size="sm" spacing={2} aria-label="Double-booked people">
      {conflicts.map((c) => (
        <List.Item key={c.personId}>
          <Text span size="sm" fw={600}>
            {c.name}
          </Text>{' '}
          is also invited to{' '}
          {c.meetings.map((m, i) => (
            <span key={m.id}>
              {i > 0 && ', '}
              <Anchor component={Link} to={meetingHref(m.id)} size="sm">
                {m.title}
              </Anchor>
            </span>
          ))}
        </List.Item>
      ))}
    </List>
  );
}
