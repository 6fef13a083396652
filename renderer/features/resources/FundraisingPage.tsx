import { useState } from 'react';
import { Anchor, Badge, Button, Group, Modal, Progress, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { IconPigMoney } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { FUNDRAISING_PURPOSES, type FundraisingRow } from '@shared/resources/contract';
import { useRpcQuery } from '../../api/queries';
import { EmptyState } from '../../components/EmptyState';
import { formatDate } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { QueryError } from '../../components/QueryError';
import { FundraisingForm } from './FundraisingForm';
import { money } from './Money';
import { fundraisingHref } from './reads';
import { ResourcesNav } from './ResourcesNav';

export function percent(part: number, whole: number): number {
  return whole > 0 ? Math.min(100, Math.round((part / whole) * 100)) : 0;
}

/** Received and pledged against the goal: one bar, received solid, pledged-not-received lighter. */
export function GoalBar({ row, size = 'lg' }: { row: Pick<FundraisingRow, 'progress'>; size?: 'sm' | 'lg' }) {
  const { goalMinor, receivedMinor, outstandingMinor } = row.progress;
  return (
    <Progress.Root size={size} aria-label="Progress toward the goal">
      <Progress.Section value={percent(receivedMinor, goalMinor)} color="teal" />
      <Progress.Section value={Math.max(0, percent(receivedMinor + outstandingMinor, goalMinor) - percent(receivedMinor, goalMinor))} color="teal.2" />
    </Progress.Root>
  );
}

/** Joint fundraising campaigns with their progress toward the goal. */
export function FundraisingPage() {
  const list = useRpcQuery('fundraising.list', {});
  const navigate = useNavigate();
  const [adding, setAdding] = useState(false);
  return (
    <Page
      title="Fundraising"
      description="Joint fundraising goals, pledges and money received. Only contributions in a campaign's own currency count toward its goal."
      nav={<ResourcesNav />}
      actions={
        <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
          New campaign
        </Button>
      }
    >
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError title="This could not be loaded" error={list.error} />
      ) : list.data.length === 0 ? (
        <EmptyState icon={IconPigMoney} title="No fundraising campaigns yet">Start one to record pledges and money received toward a shared goal.</EmptyState>
      ) : (
        <Table striped verticalSpacing="sm" aria-label="Fundraising campaigns">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Campaign</Table.Th>
              <Table.Th>Purpose</Table.Th>
              <Table.Th>Dates</Table.Th>
              <Table.Th w={260}>Progress</Table.Th>
              <Table.Th ta="right">Received</Table.Th>
              <Table.Th ta="right">Goal</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((row) => (
              <Table.Tr key={row.id}>
                <Table.Td>
                  <Anchor component={Link} to={fundraisingHref(row.id)} fw={500}>
                    {row.name}
                  </Anchor>
                  {row.lead && (
                    <Text size="xs" c="dimmed">
                      Led by {row.lead.name}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{FUNDRAISING_PURPOSES[row.purpose]}</Table.Td>
                <Table.Td>
                  <Text size="sm">{[formatDate(row.startsOn), formatDate(row.endsOn)].filter(Boolean).join(' – ')}</Text>
                </Table.Td>
                <Table.Td>
                  <Stack gap={4}>
                    <GoalBar row={row} size="sm" />
                    <Text size="xs" c="dimmed">
                      {percent(row.progress.receivedMinor, row.progress.goalMinor)}% received · {row.contributions} contributions
                    </Text>
                    {row.otherCurrencies.length > 0 && (
                      <Group gap={4}>
                        {row.otherCurrencies.map((o) => (
                          <Badge key={o.currency} size="xs" variant="light" color="gray">
                            +{money(o.receivedMinor, o.currency)} not counted
                          </Badge>
                        ))}
                      </Group>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td ta="right">{money(row.progress.receivedMinor, row.progress.currency)}</Table.Td>
                <Table.Td ta="right">{money(row.progress.goalMinor, row.progress.currency)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title="New fundraising campaign" size="lg">
        <FundraisingForm
          onDone={(id) => {
            setAdding(false);
            if (id) void navigate(fundraisingHref(id));
          }}
        />
      </Modal>
    </Page>
  );
}
