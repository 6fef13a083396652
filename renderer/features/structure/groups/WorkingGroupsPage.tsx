import { useState } from 'react';
import { Anchor, Badge, Button, Modal, Table, Text } from '@mantine/core';
import { IconPlus, IconUsersGroup } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { GROUP_STATUSES } from '@shared/structure/contract';
import { useRpcQuery } from '../../../api/queries';
import { EmptyState } from '../../../components/EmptyState';
import { Loading } from '../../../components/Loading';
import { Page } from '../../../components/Page';
import { QueryError } from '../../../components/QueryError';
import { workingGroupHref } from '../reads';
import { StructureNav } from '../StructureNav';
import { STATUS_COLORS, WorkingGroupForm } from './WorkingGroupForm';

/** Structure → Working groups: every group with its status, leads and size. */
export function WorkingGroupsPage() {
  const groups = useRpcQuery('structure.workingGroups.list', {});
  const [adding, setAdding] = useState(false);
  const navigate = useNavigate();
  const add = (
    <Button leftSection={<IconPlus size={15} />} onClick={() => setAdding(true)}>
      New working group
    </Button>
  );
  return (
    <Page fluid title="Structure" description="Issue-specific working groups, their leads and members." nav={<StructureNav />} actions={add}>
      {groups.isPending ? (
        <Loading label="Loading the working groups" />
      ) : groups.isError ? (
        <QueryError title="The working groups could not be read" error={groups.error} onRetry={() => void groups.refetch()} />
      ) : groups.data.length === 0 ? (
        <EmptyState icon={IconUsersGroup} title="No working groups yet">
          A working group gathers the people working on one issue, with leads and objectives linked to the charter’s goals.
        </EmptyState>
      ) : (
        <Table striped highlightOnHover verticalSpacing={6} aria-label="Working groups">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Group</Table.Th>
              <Table.Th>Focus</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Leads</Table.Th>
              <Table.Th ta="right">Members</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {groups.data.map((g) => (
              <Table.Tr key={g.id}>
                <Table.Td>
                  <Anchor component={Link} to={workingGroupHref(g.id)} size="sm" fw={500}>
                    {g.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{g.focusIssueArea ?? '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLORS[g.status]} variant="light" radius="sm" tt="none">
                    {GROUP_STATUSES[g.status]}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={g.leads.length ? undefined : 'dimmed'}>
                    {g.leads.length ? g.leads.map((l) => l.name).join(', ') : 'No lead yet'}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">
                  <Text size="sm">{g.memberCount}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title="New working group" size="lg">
        {adding && (
          <WorkingGroupForm
            onDone={(id) => {
              setAdding(false);
              if (id) void navigate(workingGroupHref(id));
            }}
          />
        )}
      </Modal>
    </Page>
  );
}
