import { useState } from 'react';
import { Anchor, Badge, Button, Group, SimpleGrid, Text } from '@mantine/core';
import { IconEdit, IconTrash } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from 'react-router';
import { ENGAGEMENT_KINDS, PRESENTED_KINDS } from '@shared/policy/contract';
import { useRpcMutation, useRpcQuery } from '../../api/queries';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { QueryError } from '../../components/QueryError';
import { Section } from '../../components/Section';
import { EngagementForm } from './EngagementForm';
import { billHref, officialHref } from './labels';
import { PolicyNav } from './PolicyNav';

/** One engagement: who met whom, about what, what was presented, the outcome and the follow-up. */
export function EngagementPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const engagement = useRpcQuery('policy.engagements.get', { id });
  const [editing, setEditing] = useState(false);
  const remove = useRpcMutation('policy.engagements.delete', { invalidates: ['policy.engagements.list', 'meetings.range'] });
  if (engagement.isError) return <QueryError title="This engagement could not be read" error={engagement.error} />;
  if (!engagement.data) return <Loading />;
  const e = engagement.data;
  return (
    <Page
      title={e.title}
      status={<Badge variant="light" tt="none">{ENGAGEMENT_KINDS[e.kind]}</Badge>}
      description={[e.occurredOn, e.location].filter(Boolean).join(' · ')}
      nav={<PolicyNav />}
      actions={
        <Group gap="xs">
          {e.meetingId && (
            <Button component={Link} to={`/meetings/${e.meetingId}`} variant="light">
              Open in the planner
            </Button>
          )}
          <Button variant="default" leftSection={<IconEdit size={16} />} onClick={() => setEditing(true)}>
            Edit
          </Button>
          <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={() => void remove.mutateAsync({ id }).then(() => navigate('/policy/engagements'))}>
            Delete
          </Button>
        </Group>
      }
    >
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Section title="Who">
          {e.officials.map((o) => (
            <Text key={o.id} size="sm">
              <Anchor component={Link} to={officialHref(o.id)}>
                {o.name}
              </Anchor>
              {o.stafferName ? ` (met ${o.stafferName})` : ''}
            </Text>
          ))}
          <Text size="sm" c="dimmed">
            Coalition: {e.attendees.map((a) => a.name).join(', ') || 'nobody listed'}
          </Text>
        </Section>
        <Section title="About">
          <Text size="sm">{e.campaignName ?? 'No campaign'}</Text>
          {e.billId && (
            <Anchor component={Link} to={billHref(e.billId)} size="sm">
              {e.billLabel}
            </Anchor>
          )}
          <Text size="sm">Presented: {e.presented.map((p) => PRESENTED_KINDS[p]).join(', ') || '—'}</Text>
          {e.presentedNote && <Text size="sm">{e.presentedNote}</Text>}
        </Section>
      </SimpleGrid>
      <Section title="Outcome and follow-up">
        <Text size="sm">{e.outcome || 'No outcome recorded.'}</Text>
        {e.followUp && (
          <Text size="sm">
            Follow-up: {e.followUp}
            {e.followUpOwnerName ? ` — ${e.followUpOwnerName}` : ''}
            {e.followUpDueOn ? `, due ${e.followUpDueOn}` : ''} {e.followUpDone ? '(done)' : '(open)'}
          </Text>
        )}
      </Section>
      {editing && <EngagementForm engagement={e} opened onClose={() => setEditing(false)} />}
    </Page>
  );
}
