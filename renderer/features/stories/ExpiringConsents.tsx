import { Anchor, List, Text } from '@mantine/core';
import { Link } from 'react-router';
import { CONSENT_USES } from '@shared/stories/consent';
import { useRpcQuery } from '../../api/queries';
import { formatDate, today } from '../../components/format';
import { QueryError } from '../../components/QueryError';
import { storyHref } from './reads';

/** Home: stories whose consent expires in the next 30 days (ask the storyteller to renew it). */
export function ExpiringConsents() {
  const expiring = useRpcQuery('stories.expiring', { today: today(), days: 30 });
  if (expiring.isPending) return null;
  if (expiring.isError) return <QueryError title="Expiring consents could not be read" error={expiring.error} onRetry={() => void expiring.refetch()} />;
  if (expiring.data.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No story’s consent expires in the next 30 days.
      </Text>
    );
  }
  return (
    <List spacing={4} size="sm" aria-label="Consents expiring soon">
      {expiring.data.map((s) => (
        <List.Item key={s.id}>
          <Anchor component={Link} to={storyHref(s.id)} size="sm">
            {s.title}
          </Anchor>{' '}
          <Text span size="sm" c="dimmed">
            {s.storytellerName ?? 'Anonymous'} · {s.uses.map((u) => CONSENT_USES[u].toLowerCase()).join(', ')} · last day {formatDate(s.expiresOn)}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}
