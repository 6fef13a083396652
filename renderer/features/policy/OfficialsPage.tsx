import { useState } from 'react';
import { Anchor, Button, Group, Menu, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBuildingBank, IconDownload, IconPlus, IconSearch, IconUpload } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { LEVELS, type Level } from '@shared/policy/contract';
import { useRpcQuery } from '../../api/queries';
import { EmptyState } from '../../components/EmptyState';
import { Page } from '../../components/Page';
import { QueryError } from '../../components/QueryError';
import { officialHref } from './labels';
import { OfficialForm } from './OfficialForm';
import { PolicyNav } from './PolicyNav';
import { exportScorecard } from './saveExport';

/** Policy ▸ Officials: every official, filtered by level, body, party and committee, searched by name or district. */
export function OfficialsPage() {
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  const [level, setLevel] = useState<Level | null>(null);
  const [bodyId, setBodyId] = useState<string | null>(null);
  const [party, setParty] = useState<string | null>(null);
  const [committeeId, setCommitteeId] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const officials = useRpcQuery('policy.officials.list', { filters: { search: debounced, level, bodyId, party, committeeId }, offset: 0, limit: 500 });
  const bodies = useRpcQuery('policy.bodies.list', {});
  const committees = useRpcQuery('policy.committees.list', { bodyId: null });
  const parties = useRpcQuery('policy.officials.parties', {});

  return (
    <Page
      title="Officials"
      description="Local, state and national officials: where they sit, whom they represent, where they stand and who in the coalition knows them."
      fluid
      nav={<PolicyNav />}
      actions={
        <Group gap="xs">
          <Menu>
            <Menu.Target>
              <Button variant="default" leftSection={<IconDownload size={16} />}>
                Export scorecard
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => void exportScorecard(null, 'xlsx')}>Excel (.xlsx)</Menu.Item>
              <Menu.Item onClick={() => void exportScorecard(null, 'csv')}>CSV</Menu.Item>
            </Menu.Dropdown>
          </Menu>
          <Button component={Link} to="/policy/import" variant="default" leftSection={<IconUpload size={16} />}>
            Import
          </Button>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
            New official
          </Button>
        </Group>
      }
    >
      <Group gap="sm" align="flex-end">
        <TextInput label="Search" placeholder="Name, district, title" leftSection={<IconSearch size={16} />} value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={260} />
        <Select label="Level" clearable placeholder="Any" data={Object.entries(LEVELS).map(([value, label]) => ({ value, label }))} value={level} onChange={(v) => setLevel(v as Level | null)} w={180} />
        <Select label="Body" clearable placeholder="Any" data={(bodies.data ?? []).map((b) => ({ value: b.id, label: b.name }))} value={bodyId} onChange={setBodyId} w={220} searchable />
        <Select label="Party" clearable placeholder="Any" data={parties.data ?? []} value={party} onChange={setParty} w={180} />
        <Select label="Committee" clearable placeholder="Any" data={(committees.data ?? []).map((c) => ({ value: c.id, label: c.name }))} value={committeeId} onChange={setCommitteeId} w={220} searchable />
      </Group>
      {officials.isError && <QueryError title="The officials could not be read" error={officials.error} />}
      {officials.data && officials.data.total === 0 && <EmptyState icon={IconBuildingBank} title="No officials here yet">Add one, or import a spreadsheet of officials.</EmptyState>}
      {officials.data && officials.data.total > 0 && (
        <>
          <Text size="sm" c="dimmed">
            {officials.data.total.toLocaleString('en')} official{officials.data.total === 1 ? '' : 's'}
          </Text>
          <Table striped highlightOnHover aria-label="Officials">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Title</Table.Th>
                <Table.Th>Level</Table.Th>
                <Table.Th>Body</Table.Th>
                <Table.Th>District</Table.Th>
                <Table.Th>Jurisdiction</Table.Th>
                <Table.Th>Party</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {officials.data.rows.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td>
                    <Anchor component={Link} to={officialHref(o.id)} fw={600} size="sm">
                      {o.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{o.title}</Table.Td>
                  <Table.Td>{LEVELS[o.level]}</Table.Td>
                  <Table.Td>{o.bodyName ?? ''}</Table.Td>
                  <Table.Td>{o.district}</Table.Td>
                  <Table.Td>{o.jurisdiction}</Table.Td>
                  <Table.Td>{o.party}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
      {adding && <OfficialForm opened onClose={() => setAdding(false)} onSaved={(id) => void navigate(officialHref(id))} />}
    </Page>
  );
}
