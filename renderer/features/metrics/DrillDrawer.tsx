import { Anchor, Badge, Drawer, Group, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useRpcQuery } from '../../api/queries';
import { formatDate } from '../../components/format';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { formatValue } from './reads';

export interface Drill {
  metricId: string;
  /** What was clicked: "Policy wins, Mar 2026". */
  title: string;
  from: string;
  to: string;
  part?: string | undefined;
  unit?: string;
}

const LIMIT = 200;

/** The records behind a figure (metrics.drill), each a link to its page. */
export function DrillDrawer({ drill, onClose }: { drill: Drill | null; onClose: () => void }) {
  return (
    <Drawer opened={drill !== null} onClose={onClose} position="right" size="lg" title={drill?.title ?? ''} aria-label="The records behind the figure">
      {drill && <DrillList drill={drill} />}
    </Drawer>
  );
}

function DrillList({ drill }: { drill: Drill }) {
  const rows = useRpcQuery('metrics.drill', { metricId: drill.metricId, from: drill.from, to: drill.to, ...(drill.part ? { part: drill.part } : {}), offset: 0, limit: LIMIT });
  if (rows.isPending) return <Loading label="Loading the records" />;
  if (rows.isError) return <QueryError title="The records could not be read" error={rows.error} onRetry={() => void rows.refetch()} />;
  const { total } = rows.data;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {total === 0 ? 'No records in this period.' : `${total.toLocaleString('en')} record${total === 1 ? '' : 's'}, ${formatDate(drill.from)} – ${formatDate(drill.to)}`}
        {total > LIMIT && ` (the first ${LIMIT} shown)`}
      </Text>
      {total > 0 && (
        <Table striped verticalSpacing={4} aria-label="Records">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Record</Table.Th>
              <Table.Th>Date</Table.Th>
              <Table.Th ta="right">Adds</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.data.rows.map((r) => (
              <Table.Tr key={`${r.id}-${r.part ?? ''}-${r.value ?? ''}`}>
                <Table.Td>
                  <Stack gap={0}>
                    <Group gap={6} wrap="nowrap">
                      {r.route ? (
                        <Anchor component={Link} to={r.route} size="sm">
                          {r.label}
                        </Anchor>
                      ) : (
                        <Text size="sm">{r.label}</Text>
                      )}
                      {r.part && (
                        <Badge size="xs" variant="light" tt="none">
                          {r.part}
                        </Badge>
                      )}
                    </Group>
                    {r.detail && (
                      <Text size="xs" c="dimmed">
                        {r.detail}
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{r.date ? formatDate(r.date) : '—'}</Text>
                </Table.Td>
                <Table.Td ta="right">
                  <Text size="sm">{formatValue(r.value)}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
