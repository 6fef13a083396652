import { useState } from 'react';
import { Anchor, Button, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileText, IconPlus, IconSearch } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { BILL_KINDS, BILL_STATUSES, LEVELS, POSITIONS, type BillStatus, type Level, type Position } from '@shared/policy/contract';
import { useRpcQuery } from '../../api/queries';
import { EmptyState } from '../../components/EmptyState';
import { Page } from '../../components/Page';
import { QueryError } from '../../components/QueryError';
import { PositionBadge, StatusBadge } from './badges';
import { BillForm } from './BillForm';
import { billHref } from './labels';
import { PolicyNav } from './PolicyNav';

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

/** Policy ▸ Bills and policies: by status, position and level, the latest status change first. */
export function BillsPage() {
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  const [status, setStatus] = useState<BillStatus | null>(null);
  const [position, setPosition] = useState<Position | null>(null);
  const [level, setLevel] = useState<Level | null>(null);
  const [adding, setAdding] = useState(false);
  const bills = useRpcQuery('policy.bills.list', { filters: { search: debounced, status, position, level }, offset: 0, limit: 500 });
  return (
    <Page
      title="Bills and policies"
      description="Bills, policies, budget items and regulations the coalition follows: where each stands and what the coalition asks."
      fluid
      nav={<PolicyNav />}
      actions={
        <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
          New bill
        </Button>
      }
    >
      <Group gap="sm" align="flex-end">
        <TextInput label="Search" placeholder="Identifier or title" leftSection={<IconSearch size={16} />} value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={260} />
        <Select label="Status" clearable placeholder="Any" data={options(BILL_STATUSES)} value={status} onChange={(v) => setStatus(v as BillStatus | null)} w={200} />
        <Select label="Position" clearable placeholder="Any" data={options(POSITIONS)} value={position} onChange={(v) => setPosition(v as Position | null)} w={200} />
        <Select label="Level" clearable placeholder="Any" data={options(LEVELS)} value={level} onChange={(v) => setLevel(v as Level | null)} w={180} />
      </Group>
      {bills.isError && <QueryError title="The bills could not be read" error={bills.error} />}
      {bills.data && bills.data.total === 0 && (
        <EmptyState icon={IconFileText} title="No bills here yet">
          Add the bills and policies the coalition follows.
        </EmptyState>
      )}
      {bills.data && bills.data.total > 0 && (
        <>
          <Text size="sm" c="dimmed">
            {bills.data.total.toLocaleString('en')} bill{bills.data.total === 1 ? '' : 's'}
          </Text>
          <Table striped highlightOnHover aria-label="Bills">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Bill</Table.Th>
                <Table.Th>Title</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th>Jurisdiction</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Since</Table.Th>
                <Table.Th>Coalition</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {bills.data.rows.map((b) => (
                <Table.Tr key={b.id}>
                  <Table.Td>
                    <Anchor component={Link} to={billHref(b.id)} fw={600} size="sm">
                      {b.identifier}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{b.title}</Table.Td>
                  <Table.Td>{BILL_KINDS[b.kind]}</Table.Td>
                  <Table.Td>{b.jurisdiction}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={b.status} />
                  </Table.Td>
                  <Table.Td>{b.statusOn}</Table.Td>
                  <Table.Td>
                    <PositionBadge position={b.position} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
      {adding && <BillForm opened onClose={() => setAdding(false)} onSaved={(id) => void navigate(billHref(id))} />}
    </Page>
  );
}
