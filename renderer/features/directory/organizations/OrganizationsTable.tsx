import { useState } from 'react';
import { Anchor, Button, Checkbox, Group, MultiSelect, Select, SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import { IconBuildingCommunity, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { organizationFilters, type OrganizationFilters, type OrganizationRow, type ORGANIZATION_SORT_FIELDS } from '@shared/directory/organizations';
import { TIERS, type Stage } from '@shared/directory/enums';
import type { CustomSortField } from '@shared/directory/fields';
import { call } from '../../../api/client';
import { notifyError, notifySuccess } from '../../../api/errors';
import { useRpcMutation, useRpcQuery } from '../../../api/queries';
import { EmptyState } from '../../../components/EmptyState';
import { formatDate } from '../../../components/format';
import { IsoDateInput } from '../../../components/IsoDateInput';
import { Dim, LabelList, SectorBadge, StageBadge } from '../badges';
import { CustomFilterInputs } from '../customFields/CustomFilterInputs';
import { CONTRIBUTION_OPTIONS, SECTOR_OPTIONS, STAGE_OPTIONS, TIER_OPTIONS, TYPE_GROUPS, stageLabel, typeLabel } from '../labels';
import { DIRECTORY_READS, organizationHref } from '../reads';
import { DirectoryTable, type DirectoryTableConfig, type FilterPanelProps } from '../table/DirectoryTable';
import { filtersFromSearch } from '../table/filterParams';
import type { TableColumn } from '../table/DataTable';
import { BulkBar } from '../table/BulkBar';

type OrgSort = (typeof ORGANIZATION_SORT_FIELDS)[number] | CustomSortField;

/** The filters `/directory?…` may carry (see organizationsHref). */
const ORGANIZATION_URL_FILTERS = ['text', 'stage', 'sector', 'type', 'tier', 'contribution', 'issueArea', 'region', 'population', 'tag'] as const;

const COLUMNS: TableColumn<OrganizationRow>[] = [
  {
    id: 'name',
    header: 'Name',
    width: 260,
    sortField: 'name',
    fixed: true,
    cell: (row) => (
      <Anchor component={Link} to={organizationHref(row.id)} size="sm" fw={600} className="dt-link" truncate="end">
        {row.name}
      </Anchor>
    ),
  },
  { id: 'stage', header: 'Stage', width: 110, sortField: 'stage', cell: (row) => <StageBadge stage={row.stage} /> },
  { id: 'sector', header: 'Sector', width: 190, sortField: 'sector', cell: (row) => <SectorBadge sector={row.sector} /> },
  { id: 'type', header: 'Type', width: 210, sortField: 'type', cell: (row) => <Dim>{typeLabel(row.type)}</Dim> },
  { id: 'tier', header: 'Tier', width: 90, cell: (row) => <Dim>{row.tier ? TIERS[row.tier] : null}</Dim> },
  { id: 'city', header: 'City', width: 130, sortField: 'city', cell: (row) => <Dim>{row.city}</Dim> },
  { id: 'regions', header: 'Regions', width: 180, cell: (row) => <LabelList items={row.regions} max={1} /> },
  { id: 'issueAreas', header: 'Issue areas', width: 240, cell: (row) => <LabelList items={row.issueAreas} /> },
  { id: 'tags', header: 'Tags', width: 180, cell: (row) => <LabelList items={row.tags} /> },
  { id: 'email', header: 'Email', width: 200, cell: (row) => <Dim>{row.email}</Dim> },
  {
    id: 'alignmentScore',
    header: 'Alignment',
    width: 100,
    sortField: 'alignmentScore',
    cell: (row) => <Dim>{row.alignmentScore === null ? null : `${row.alignmentScore} / 5`}</Dim>,
  },
  { id: 'lastContactedOn', header: 'Last contacted', width: 130, sortField: 'lastContactedOn', cell: (row) => <Dim>{formatDate(row.lastContactedOn)}</Dim> },
  { id: 'updatedAt', header: 'Updated', width: 130, sortField: 'updatedAt', cell: (row) => <Dim>{formatDate(row.updatedAt.slice(0, 10))}</Dim> },
];

// What fits a laptop window without scrolling sideways; the rest is one click away in Columns.
const DEFAULT_COLUMNS = ['name', 'stage', 'sector', 'type', 'city', 'lastContactedOn', 'issueAreas'];

function OrganizationFilterPanel({ filters, onChange }: FilterPanelProps<OrganizationFilters>) {
  const issueAreas = useRpcQuery('vocabulary.list', { kind: 'issue_area' });
  const populations = useRpcQuery('vocabulary.list', { kind: 'population' });
  const set = <K extends keyof OrganizationFilters>(key: K, value: OrganizationFilters[K]) => onChange({ ...filters, [key]: value });
  const list = <T extends string>(value: string[]) => (value.length > 0 ? (value as T[]) : undefined);
  const contacted = filters.lastContacted ?? {};
  const common = { size: 'xs', clearable: true, searchable: true } as const;

  return (
    <SimpleGrid cols={{ base: 2, md: 3, lg: 5 }} spacing="sm" verticalSpacing="xs">
      <MultiSelect {...common} label="Stage" data={STAGE_OPTIONS} value={filters.stage ?? []} onChange={(v) => set('stage', list(v))} />
      <MultiSelect {...common} label="Sector" data={SECTOR_OPTIONS} value={filters.sector ?? []} onChange={(v) => set('sector', list(v))} />
      <MultiSelect {...common} label="Type" data={TYPE_GROUPS} value={filters.type ?? []} onChange={(v) => set('type', list(v))} />
      <MultiSelect {...common} label="Tier" data={TIER_OPTIONS} value={filters.tier ?? []} onChange={(v) => set('tier', list(v))} />
      <MultiSelect {...common} label="Contribution" data={CONTRIBUTION_OPTIONS} value={filters.contribution ?? []} onChange={(v) => set('contribution', list(v))} />
      <MultiSelect {...common} label="Issue area" data={issueAreas.data ?? []} value={filters.issueArea ?? []} onChange={(v) => set('issueArea', list(v))} />
      <MultiSelect {...common} label="Population" data={populations.data ?? []} value={filters.population ?? []} onChange={(v) => set('population', list(v))} />
      <TagsInput size="xs" clearable label="Region" placeholder="Type and press Enter" value={filters.region ?? []} onChange={(v) => set('region', list(v))} />
      <TagsInput size="xs" clearable label="Tag" placeholder="Type and press Enter" value={filters.tag ?? []} onChange={(v) => set('tag', list(v))} />
      <Stack gap={4}>
        <Group gap={6} grow wrap="nowrap" align="flex-end">
          <IsoDateInput
            size="xs"
            clearable
            label="Contacted from"
            value={contacted.from ?? null}
            disabled={contacted.never}
            onChange={(v) => set('lastContacted', { ...contacted, from: v ?? undefined })}
          />
          <IsoDateInput
            size="xs"
            clearable
            label="Contacted to"
            value={contacted.to ?? null}
            disabled={contacted.never}
            onChange={(v) => set('lastContacted', { ...contacted, to: v ?? undefined })}
          />
        </Group>
        <Checkbox
          size="xs"
          label="Never contacted"
          checked={contacted.never === true}
          onChange={(e) => set('lastContacted', e.currentTarget.checked ? { never: true } : undefined)}
        />
      </Stack>
      <CustomFilterInputs entity="organization" value={filters.custom} onChange={(v) => set('custom', v)} />
    </SimpleGrid>
  );
}

/** Change stage or tags of the selected organizations in one step. */
function OrganizationBulkBar({ selected, onDone }: { selected: ReadonlySet<string>; onDone: () => void }) {
  const [stage, setStage] = useState<string | null>(null);
  const [tag, setTag] = useState('');
  const bulk = useRpcMutation('organizations.bulkUpdate', { invalidates: DIRECTORY_READS });
  const ids = [...selected];

  function run(change: { stage?: Stage; addTags?: string[]; removeTags?: string[] }, done: string) {
    bulk.mutate(
      { ids, ...change },
      {
        onSuccess: (result) => {
          notifySuccess(`${done} on ${result.updated} ${result.updated === 1 ? 'organization' : 'organizations'}.`);
          setTag('');
          setStage(null);
          onDone();
        },
        onError: (error) => notifyError('The selected organizations were not changed', error),
      },
    );
  }

  return (
    <BulkBar entity="organization" selected={selected} onDone={onDone}>
      <Group gap={6} wrap="nowrap">
        <Select size="xs" w={160} aria-label="New stage" placeholder="Change stage to…" data={STAGE_OPTIONS} value={stage} onChange={setStage} />
        <Button size="xs" disabled={!stage} loading={bulk.isPending} onClick={() => stage && run({ stage: stage as Stage }, `Stage changed to ${stageLabel(stage)}`)}>
          Change stage
        </Button>
      </Group>
      <Group gap={6} wrap="nowrap">
        <TextInput size="xs" w={160} aria-label="Tag to add or remove" placeholder="Tag" value={tag} onChange={(e) => setTag(e.currentTarget.value)} />
        <Button size="xs" variant="default" disabled={!tag.trim()} onClick={() => run({ addTags: [tag.trim()] }, `Tag “${tag.trim()}” added`)}>
          Add tag
        </Button>
        <Button size="xs" variant="default" disabled={!tag.trim()} onClick={() => run({ removeTags: [tag.trim()] }, `Tag “${tag.trim()}” removed`)}>
          Remove tag
        </Button>
      </Group>
    </BulkBar>
  );
}

function NoOrganizations({ onCreate }: { onCreate: () => void }) {
  return (
    <EmptyState
      icon={IconBuildingCommunity}
      title="No partner organizations yet"
      action={
        <Button leftSection={<IconPlus size={16} />} onClick={onCreate}>
          Add organization
        </Button>
      }
    >
      The directory holds every organization the coalition works with — nonprofits, grassroots and faith groups, government bodies, foundations —
      and where each relationship stands. Add the first one by hand; importing from a spreadsheet comes in a later update.
    </EmptyState>
  );
}

function organizationTableConfig(onCreate: () => void): DirectoryTableConfig<OrganizationRow, OrganizationFilters, OrgSort> {
  return {
    entity: 'organization',
    label: 'Organizations',
    noun: 'organization',
    plural: 'organizations',
    listMethod: 'organizations.list',
    fetchPage: (input) => call('organizations.list', input),
    columns: COLUMNS,
    defaults: { filters: {}, sort: { field: 'name', direction: 'asc' }, columns: DEFAULT_COLUMNS },
    FilterPanel: OrganizationFilterPanel,
    rowHref: (row) => organizationHref(row.id),
    rowName: (row) => row.name,
    viewInput: (name, state) => ({ name, entity: 'organization', filters: state.filters, sort: state.sort, columns: state.columns }),
    fromView: (view) => (view.entity === 'organization' ? { filters: view.filters, sort: view.sort, columns: view.columns } : null),
    urlFilters: { keys: ORGANIZATION_URL_FILTERS, parse: (params) => filtersFromSearch(params, organizationFilters, ORGANIZATION_URL_FILTERS) },
    BulkBar: OrganizationBulkBar,
    empty: <NoOrganizations onCreate={onCreate} />,
  };
}

/** Directory → Organizations. */
export function OrganizationsTable({ onCreate }: { onCreate: () => void }) {
  const [config] = useState(() => organizationTableConfig(onCreate));
  return <DirectoryTable config={config} />;
}
