import { Anchor, Text, Timeline as MantineTimeline } from '@mantine/core';
import { Link } from 'react-router';
import { useRpcQuery } from '../../api/queries';
import { formatDate } from '../../components/format';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';

/** Everything linked to a campaign across the app, newest first. */
export function CampaignTimeline({ campaignId }: { campaignId: string }) {
  const timeline = useRpcQuery('campaigns.timeline', { campaignId });
  if (timeline.isPending) return <Loading label="Loading the timeline" />;
  if (timeline.isError) return <QueryError title="The timeline could not be read" error={timeline.error} onRetry={() => void timeline.refetch()} />;
  if (timeline.data.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Nothing has happened yet.
      </Text>
    );
  }
  return (
    <MantineTimeline bulletSize={12} lineWidth={2} aria-label="Campaign timeline">
      {timeline.data.map((entry, i) => (
        <MantineTimeline.Item key={i} title={<Text size="xs" c="dimmed">{formatDate(entry.on)}</Text>}>
          {entry.link ? (
            <Anchor component={Link} to={entry.link} size="sm">
              {entry.title}
            </Anchor>
          ) : (
            <Text size="sm">{entry.title}</Text>
          )}
        </MantineTimeline.Item>
      ))}
    </MantineTimeline>
  );
}
