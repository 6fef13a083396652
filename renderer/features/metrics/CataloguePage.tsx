import { useState } from 'react';
import { Anchor, Badge, Button, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useRpcQuery } from '../../api/queries';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { QueryError } from '../../components/QueryError';
import { Section } from '../../components/Section';
import { MetricForm } from './MetricForm';
import { MetricsNav } from './MetricsNav';
import { metricHref } from './reads';

/** Metrics ▸ Catalogue: every indicator, derived from the records or entered month by month. */
export function CataloguePage() {
  const list = useRpcQuery('metrics.catalogue', {});
  const [adding, setAdding] = useState(false);
  const navigate = useNavigate();
  return (
    <Page
      fluid
      title="Metrics"
      description="The indicators the coalition follows: derived from its records, or entered each month."
      nav={<MetricsNav />}
      actions={
        <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
          New metric
        </Button>
      }
    >
      <Section title="Catalogue" hint="Open a metric for its values over time, its targets and the records behind it.">
        {list.isPending ? (
          <Loading label="Loading the catalogue" />
        ) : list.isError ? (
          <QueryError title="The catalogue could not be read" error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table striped highlightOnHover verticalSpacing={6} aria-label="Metrics">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Metric</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th>Unit</Table.Th>
                <Table.Th>Charter goal</Table.Th>
                <Table.Th ta="right">Values</Table.Th>
                <Table.Th ta="right">Targets</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>
                    <Anchor component={Link} to={metricHref(m.id)} size="sm" fw={500}>
                      {m.name}
                    </Anchor>
                    {m.description && (
                      <Text size="xs" c="dimmed" lineClamp={1}>
                        {m.description}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {m.kind === 'derived' ? (
                      <Badge size="sm" variant="light" color={m.available ? 'indigo' : 'gray'} tt="none">
                        {m.available ? 'Derived' : 'Derived · area not built yet'}
                      </Badge>
                    ) : (
                      <Badge size="sm" variant="light" color="teal" tt="none">
                        Entered
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{m.unit}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{m.goalTitle ?? '—'}</Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text size="sm">{m.kind === 'entered' ? m.values : '—'}</Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text size="sm">{m.targets}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Section>
      {adding && <MetricForm metric={null} onClose={() => setAdding(false)} onSaved={(saved) => void navigate(metricHref(saved.id))} />}
    </Page>
  );
}
