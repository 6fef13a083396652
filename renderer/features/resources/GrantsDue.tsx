import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useRpcQuery } from '../../api/queries';
import { formatDate, today } from '../../components/format';

/** Home: grant deadlines and reports due in the next 30 days, and those passed and not done. */
export function GrantsDue() {
  const due = useRpcQuery('grants.due', { today: today() });
  if (!due.data) return null;
  if (due.data.length === 0) return <Text size="sm" c="dimmed">No grant deadline or report due in the next 30 days.</Text>;
  return (
    <Stack gap={6} aria-label="Grant deadlines and reports due">
      {due.data.map((d) => (
        <Group key={`${d.kind}:${d.grantId}:${d.title}:${d.dueOn}`} gap="xs" wrap="nowrap">
          <Badge variant="light" color={d.daysLeft < 0 ? 'red' : d.daysLeft <= 7 ? 'orange' : 'blue'} w={110}>
            {d.daysLeft < 0 ? `${-d.daysLeft} days late` : d.daysLeft === 0 ? 'Today' : `In ${d.daysLeft} days`}
          </Badge>
          <Text size="sm">
            <Anchor component={Link} to="/resources/grants">
              {d.kind === 'deadline' ? `Application deadline: ${d.grantTitle}` : `${d.title}: ${d.grantTitle}`}
            </Anchor>{' '}
            <Text span c="dimmed" size="sm">
              ({d.funderName}, {formatDate(d.dueOn)})
            </Text>
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
