import { useState } from 'react';
import { Badge, Button, Modal, SegmentedControl, Table, Text, UnstyledButton } from '@mantine/core';
import { IconFileDescription, IconPlus } from '@tabler/icons-react';
import { APPLICATION_STATUSES, type Application } from '@shared/structure/contract';
import { useRpcQuery } from '../../../api/queries';
import { EmptyState } from '../../../components/EmptyState';
import { formatDate, today } from '../../../components/format';
import { Loading } from '../../../components/Loading';
import { Page } from '../../../components/Page';
import { QueryError } from '../../../components/QueryError';
import { RowActions } from '../parts';
import { StructureNav } from '../StructureNav';
import { ApplicationForm } from './ApplicationForm';
import { ReviewForm, STATUS_COLORS } from './ReviewForm';

type Filter = 'waiting' | 'approved' | 'declined' | 'all';
const FILTERS: { value: Filter; label: string }[] = [
  { value: 'waiting', label: 'Waiting' },
  { value: 'approved', label: 'Approved' },
  { value: 'declined', label: 'Declined' },
  { value: 'all', label: 'All' },
];

function matches(filter: Filter, application: Application): boolean {
  if (filter === 'all') return true;
  if (filter === 'waiting') return application.status === 'received' || application.status === 'under_review';
  return application.status === filter;
}

/** Structure → Applications: organizations asking to join, how long each has waited, and their review. */
export function ApplicationsPage() {
  const day = today();
  const applications = useRpcQuery('structure.applications.list', { today: day });
  const [filter, setFilter] = useState<Filter>('waiting');
  const [editing, setEditing] = useState<Application | 'new' | null>(null);
  const [reviewing, setReviewing] = useState<string | null>(null);
  const shown = (applications.data ?? []).filter((a) => matches(filter, a));
  const opened = applications.data?.find((a) => a.id === reviewing);

  return (
    <Page
      fluid
      title="Structure"
      description="Membership applications from receipt to decision. Approving one makes the organization a member and records its charter endorsement."
      nav={<StructureNav />}
      actions={
        <Button leftSection={<IconPlus size={15} />} onClick={() => setEditing('new')}>
          Record application
        </Button>
      }
    >
      <SegmentedControl data={FILTERS} value={filter} onChange={setFilter} aria-label="Show applications" style={{ alignSelf: 'flex-start' }} />
      {applications.isPending ? (
        <Loading label="Loading the applications" />
      ) : applications.isError ? (
        <QueryError title="The applications could not be read" error={applications.error} onRetry={() => void applications.refetch()} />
      ) : shown.length === 0 ? (
        <EmptyState icon={IconFileDescription} title={filter === 'waiting' ? 'No application is waiting' : 'No applications here'}>
          Record an application when an organization asks to join; its review follows here.
        </EmptyState>
      ) : (
        <Table striped highlightOnHover verticalSpacing={6} aria-label="Applications">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Organization</Table.Th>
              <Table.Th>Contact</Table.Th>
              <Table.Th>Received</Table.Th>
              <Table.Th ta="right">Days waiting</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Charter version</Table.Th>
              <Table.Th w={50} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((a) => {
              const waiting = a.status === 'received' || a.status === 'under_review';
              return (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <UnstyledButton onClick={() => setReviewing(a.id)} aria-label={`Review ${a.organization.name}`}>
                      <Text size="sm" fw={500} c="blue">
                        {a.organization.name}
                      </Text>
                    </UnstyledButton>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{a.contactPerson?.name ?? '—'}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatDate(a.receivedOn)}</Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text size="sm" fw={waiting && a.daysWaiting > 30 ? 600 : undefined} c={waiting && a.daysWaiting > 30 ? 'orange' : waiting ? undefined : 'dimmed'}>
                      {a.daysWaiting}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLORS[a.status]} variant="light" radius="sm" tt="none">
                      {APPLICATION_STATUSES[a.status]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{a.charterVersion ? `Version ${a.charterVersion}` : '—'}</Text>
                  </Table.Td>
                  <Table.Td>
                    {waiting && <RowActions what={`${a.organization.name}’s application`} onEdit={() => setEditing(a)} />}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? 'New membership application' : 'Edit application'} size="lg">
        {editing !== null && <ApplicationForm application={editing === 'new' ? undefined : editing} onDone={() => setEditing(null)} />}
      </Modal>
      <Modal opened={opened !== undefined} onClose={() => setReviewing(null)} title="Membership application" size="lg">
        {opened && <ReviewForm application={opened} onDone={() => setReviewing(null)} />}
      </Modal>
    </Page>
  );
}
