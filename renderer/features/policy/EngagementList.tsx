import { Anchor, Badge, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import { ENGAGEMENT_KINDS, type EngagementSummary } from '@shared/policy/contract';
import { engagementHref, officialHref } from './labels';

/** Engagements as a short list: title, kind, date, officials, follow-up. */
export function EngagementList({ engagements, label }: { engagements: readonly EngagementSummary[]; label: string }) {
  if (engagements.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No engagements recorded yet.
      </Text>
    );
  }
  return (
    <ul className="plain-list row-list" aria-label={label}>
      {engagements.map((e) => (
        <li key={e.id} className="row-list-item">
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <div style={{ minWidth: 0 }}>
              <Anchor component={Link} to={engagementHref(e.id)} size="sm" fw={600}>
                {e.title}
              </Anchor>
              <Text size="xs" c="dimmed">
                {e.occurredOn} ·{' '}
                {e.officials.map((o, i) => (
                  <span key={o.id}>
                    {i > 0 ? ', ' : ''}
                    <Anchor component={Link} to={officialHref(o.id)} size="xs">
                      {o.name}
                    </Anchor>
                  </span>
                ))}
                {e.billLabel ? ` · ${e.billLabel}` : ''}
              </Text>
              {e.followUp && (
                <Text size="xs" c={e.followUpDone ? 'dimmed' : undefined} td={e.followUpDone ? 'line-through' : undefined}>
                  Follow-up: {e.followUp}
                  {e.followUpOwnerName ? ` — ${e.followUpOwnerName}` : ''}
                  {e.followUpDueOn ? `, due ${e.followUpDueOn}` : ''}
                </Text>
              )}
            </div>
            <Group gap={4} wrap="nowrap">
              {e.meetingId && (
                <Badge variant="outline" tt="none" component={Link} to={`/meetings/${e.meetingId}`} style={{ cursor: 'pointer' }}>
                  In the planner
                </Badge>
              )}
              <Badge variant="light" tt="none">
                {ENGAGEMENT_KINDS[e.kind]}
              </Badge>
            </Group>
          </Group>
        </li>
      ))}
    </ul>
  );
}
