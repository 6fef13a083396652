import { useState } from 'react';
import { Anchor, Badge, Button, Checkbox, Group, Select, SimpleGrid, Stack, TagsInput } from '@mantine/core';
import { IconPlus, IconUsers } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { PersonFilters, PersonRow, PERSON_SORT_FIELDS } from '@shared/directory/people';
import type { CustomSortField } from '@shared/directory/fields';
import { call } from '../../../api/client';
import { EmptyState } from '../../../components/EmptyState';
import { formatDate } from '../../../components/format';
import { IsoDateInput } from '../../../components/IsoDateInput';
import { Dim, LabelList } from '../badges';
import { CustomFilterInputs } from '../customFields/CustomFilterInputs';
import { EntityPicker } from '../EntityPicker';
import { organizationHref, personHref } from '../reads';
import { BulkBar } from '../table/BulkBar';
import { AddToWorkingGroup } from '../../structure/groups/AddToWorkingGroup';
import { DirectoryTable, type DirectoryTableConfig, type FilterPanelProps } from '../table/DirectoryTable';
import type { TableColumn } from '../table/DataTable';

type PersonSort = (typeof PERSON_SORT_FIELDS)[number] | CustomSortField;

const COLUMNS: TableColumn<PersonRow>[] = [
  {
    id: 'name',
    header: 'Name',
    width: 240,
    sortField: 'name',
    fixed: true,
    cell: (row) => (
      <Group gap={6} wrap="nowrap">
        <Anchor component={Link} to={personHref(row.id)} size="sm" fw={600} className="dt-link" truncate="end">
          {row.name}
        </Anchor>
        {row.communityLeader && (
          <Badge size="xs" variant="light" color="grape" radius="sm" tt="none" title="Community leader">
            Leader
          </Badge>
        )}
      </Group>
    ),
  },
  { id: 'title', header: 'Title', width: 200, cell: (row) => <Dim>{row.title}</Dim> },
  {
    id: 'organization',
    header: 'Organization',
    width: 240,
    cell: (row) =>
      row.organization ? (
        <Anchor component={Link} to={organizationHref(row.organization.id)} size="sm" truncate="end" c="var(--mantine-color-text)">
          {row.organization.name}
        </Anchor>
      ) : (
        <Dim />
      ),
  },
  { id: 'email', header: 'Email', width: 220, cell: (row) => <Dim>{row.email}</Dim> },
  { id: 'city', header: 'City', width: 140, sortField: 'city', cell: (row) => <Dim>{row.city}</Dim> },
  { id: 'district', header: 'District', width: 130, sortField: 'district', cell: (row) => <Dim>{row.district}</Dim> },
  { id: 'tags', header: 'Tags', width: 180, cell: (row) => <LabelList items={row.tags} /> },
  { id: 'lastContactedOn', header: 'Last contacted', width: 140, sortField: 'lastContactedOn', cell: (row) => <Dim>{formatDate(row.lastContactedOn)}</Dim> },
  { id: 'updatedAt', header: 'Updated', width: 130, sortField: 'updatedAt', cell: (row) => <Dim>{formatDate(row.updatedAt.slice(0, 10))}</Dim> },
];

const DEFAULT_COLUMNS = ['name', 'title', 'organization', 'email', 'city', 'lastContactedOn'];

const YES_NO = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];
const toBool = (v: string | null) => (v === 'yes' ? true : v === 'no' ? false : undefined);
const fromBool = (v: boolean | undefined) => (v === true ? 'yes' : v === false ? 'no' : null);

function PersonFilterPanel({ filters, onChange }: FilterPanelProps<PersonFilters>) {
  const set = <K extends keyof PersonFilters>(key: K, value: PersonFilters[K]) => onChange({ ...filters, [key]: value });
  const list = (value: string[]) => (value.length > 0 ? value : undefined);
  const contacted = filters.lastContacted ?? {};
  return (
    <SimpleGrid cols={{ base: 2, md: 3, lg: 5 }} spacing="sm" verticalSpacing="xs">
      <EntityPicker
        size="xs"
        entity="organization"
        label="Organization"
        placeholder="Any organization"
        value={filters.organizationId ?? null}
        onChange={(picked) => set('organizationId', picked?.id)}
      />
      <Select size="xs" clearable label="Community leader" placeholder="Any" data={YES_NO} value={fromBool(filters.communityLeader)} onChange={(v) => set('communityLeader', toBool(v))} />
      <Select size="xs" clearable label="May contact" placeholder="Any" data={YES_NO} value={fromBool(filters.mayContact)} onChange={(v) => set('mayContact', toBool(v))} />
      <TagsInput size="xs" clearable label="District" placeholder="Type and press Enter" value={filters.district ?? []} onChange={(v) => set('district', list(v))} />
      <TagsInput size="xs" clearable label="Tag" placeholder="Type and press Enter" value={filters.tag ?? []} onChange={(v) => set('tag', list(v))} />
      <Stack gap={4}>
        <Group gap={6} grow wrap="nowrap" align="flex-end">
          <IsoDateInput size="xs" clearable label="Contacted from" value={contacted.from ?? null} disabled={contacted.never} onChange={(v) => set('lastContacted', { ...contacted, from: v ?? undefined })} />
          <IsoDateInput size="xs" clearable label="Contacted to" value={contacted.to ?? null} disabled={contacted.never} onChange={(v) => set('lastContacted', { ...contacted, to: v ?? undefined })} />
        </Group>
        <Checkbox size="xs" label="Never contacted" checked={contacted.never === true} onChange={(e) => set('lastContacted', e.currentTarget.checked ? { never: true } : undefined)} />
      </Stack>
      <CustomFilterInputs entity="person" value={filters.custom} onChange={(v) => set('custom', v)} />
    </SimpleGrid>
  );
}

function NoPeople({ onCreate }: { onCreate: () => void }) {
  return (
    <EmptyState
      icon={IconUsers}
      title="No people yet"
      action={
        <Button leftSection={<IconPlus size={16} />} onClick={onCreate}>
          Add person
        </Button>
      }
    >
      Advocates, community leaders and the contacts at partner organizations, with how they may be contacted. Add the first one by hand;
      importing from a spreadsheet comes in a later update.
    </EmptyState>
  );
}

/** Selected people can be added to a working group or exported. */
function PersonBulkBar({ selected, onDone }: { selected: ReadonlySet<string>; onDone: () => void }) {
  return (
    <BulkBar entity="person" selected={selected} onDone={onDone}>
      <AddToWorkingGroup selected={selected} onDone={onDone} />
    </BulkBar>
  );
}

function personTableConfig(onCreate: () => void): DirectoryTableConfig<PersonRow, PersonFilters, PersonSort> {
  return {
    entity: 'person',
    label: 'People',
    noun: 'person',
    plural: 'people',
    listMethod: 'people.list',
    fetchPage: (input) => call('people.list', input),
    columns: COLUMNS,
    defaults: { filters: {}, sort: { field: 'name', direction: 'asc' }, columns: DEFAULT_COLUMNS },
    FilterPanel: PersonFilterPanel,
    rowHref: (row) => personHref(row.id),
    rowName: (row) => row.name,
    viewInput: (name, state) => ({ name, entity: 'person', filters: state.filters, sort: state.sort, columns: state.columns }),
    fromView: (view) => (view.entity === 'person' ? { filters: view.filters, sort: view.sort, columns: view.columns } : null),
    BulkBar: PersonBulkBar,
    empty: <NoPeople onCreate={onCreate} />,
  };
}

/** Directory → People. */
export function PeopleTable({ onCreate }: { onCreate: () => void }) {
  const [config] = useState(() => personTableConfig(onCreate));
  return <DirectoryTable config={config} />;
}
