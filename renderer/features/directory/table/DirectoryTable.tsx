import { useCallback, useEffect, useMemo, useState, type ComponentType, type ReactNode } from 'react';
import { ActionIcon, Badge, Button, Group, Modal, Paper, Popover, Stack, Text, TextInput, Tooltip, UnstyledButton } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { IconAdjustmentsHorizontal, IconBookmark, IconBookmarkPlus, IconSearch, IconTrash, IconX } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import type { Input, Method } from '@shared/contract';
import type { SavedView } from '@shared/directory/contract';
import type { RpcError } from '../../../api/client';
import { notifyError, notifySuccess } from '../../../api/errors';
import { useRpcMutation, useRpcQuery } from '../../../api/queries';
import { QueryError } from '../../../components/QueryError';
import { customFieldColumns } from '../customFields/columns';
import { ColumnPicker } from './ColumnPicker';
import { filterSearchKey } from './filterParams';
import { DataTable, PAGE_SIZE, type SortState, type TableColumn } from './DataTable';
import { ExportMenu, exportColumns } from './ExportMenu';

export type DirectoryEntity = SavedView['entity'];

export interface TableState<F, S extends string> {
  filters: F;
  sort: SortState<S>;
  columns: string[];
}

export interface FilterPanelProps<F> {
  filters: F;
  onChange: (filters: F) => void;
}

/** Everything that differs between the organizations table and the people table. */
export interface DirectoryTableConfig<Row extends { id: string }, F extends { text?: string | undefined }, S extends string> {
  entity: DirectoryEntity;
  /** 'Organizations' */
  label: string;
  /** 'organization' */
  noun: string;
  /** 'organizations' */
  plural: string;
  listMethod: Extract<Method, 'organizations.list' | 'people.list'>;
  fetchPage: (input: { filters: F; sort: SortState<S>; offset: number; limit: number }) => Promise<{ total: number; rows: Row[] }>;
  columns: readonly TableColumn<Row>[];
  defaults: TableState<F, S>;
  FilterPanel: ComponentType<FilterPanelProps<F>>;
  rowHref: (row: Row) => string;
  rowName: (row: Row) => string;
  /** The saved-view input for this table's state. */
  viewInput: (name: string, state: TableState<F, S>) => Input<'views.save'>;
  /** Reads a saved view of this entity back into table state. */
  fromView: (view: SavedView) => TableState<F, S> | null;
  /** Filters the address may give (`?stage=member&region=North`): the keys read, and the parser. */
  urlFilters?: { keys: readonly string[]; parse: (params: URLSearchParams) => F | null };
  /** The bar shown over selected rows; without it rows have no checkboxes. */
  BulkBar?: ComponentType<{ selected: ReadonlySet<string>; onDone: () => void }>;
  /** What an empty workspace shows instead of the table. */
  empty: ReactNode;
}

/** How many filters are set, for the Filters button (text search is shown on its own). */
export function countFilters(filters: object): number {
  return Object.entries(filters as Record<string, unknown>).filter(([key, value]) => {
    if (key === 'text' || value === undefined || value === null) return false;
    if (Array.isArray(value)) return value.length > 0;
    if (typeof value === 'object') return Object.values(value as Record<string, unknown>).some((v) => v !== undefined && v !== false && v !== '');
    return true;
  }).length;
}

/** Drops empty filters, so saved views and query keys only say what is set. */
export function compactFilters<F extends object>(filters: F): F {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value) && value.length === 0) continue;
    if (typeof value === 'object' && !Array.isArray(value)) {
      const inner = Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined && v !== null && v !== '' && v !== false));
      if (Object.keys(inner).length === 0) continue;
      out[key] = inner;
      continue;
    }
    out[key] = value;
  }
  return out as F;
}

function withFixed<Row>(columns: readonly TableColumn<Row>[], visible: readonly string[]): string[] {
  // Custom field columns ('cf:<id>') are kept even before the fields are loaded.
  const known = visible.filter((id) => id.startsWith('cf:') || columns.some((c) => c.id === id));
  const fixed = columns.filter((c) => c.fixed && !known.includes(c.id)).map((c) => c.id);
  return [...fixed, ...known];
}

/**
 * The directory's table screen, shared by organizations and people: text search (debounced),
 * filters, server-side sort, paged loading while scrolling, column picker, saved views and,
 * where the entity has them, bulk actions on selected rows.
 */
export function DirectoryTable<Row extends { id: string }, F extends { text?: string | undefined }, S extends string>({
  config,
}: {
  config: DirectoryTableConfig<Row, F, S>;
}) {
  const { defaults } = config;
  const [filters, setFilters] = useState<F>(defaults.filters);
  const [search, setSearch] = useState(defaults.filters.text ?? '');
  const [debouncedSearch] = useDebouncedValue(search, 150);
  const [chosenSort, setSort] = useState<SortState<S>>(defaults.sort);
  const [columns, setColumns] = useState<string[]>(defaults.columns);
  const [activeView, setActiveView] = useState<SavedView | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [filtersOpen, filtersPanel] = useDisclosure(false);
  // The built-in columns, then one per custom field of the entity.
  const customFields = useRpcQuery('customFields.list', { entity: config.entity });
  const allColumns = useMemo(
    () => [...config.columns, ...(customFieldColumns(customFields.data ?? []) as unknown as TableColumn<Row>[])],
    [config.columns, customFields.data],
  );
  // A sort by a custom field that is gone (deleted since, or kept by an older saved view) falls
  // back to the table's default sort instead of an error.
  const sortFieldGone = customFields.data !== undefined && chosenSort.field.startsWith('cf:') && !allColumns.some((c) => c.sortField === chosenSort.field);
  const sort = sortFieldGone ? defaults.sort : chosenSort;

  const effectiveFilters = compactFilters({ ...filters, text: debouncedSearch.trim() || undefined });
  const query = useInfiniteQuery<{ total: number; rows: Row[] }, RpcError>({
    queryKey: ['rpc', config.listMethod, { filters: effectiveFilters, sort }],
    queryFn: ({ pageParam }) => config.fetchPage({ filters: effectiveFilters, sort, offset: pageParam as number, limit: PAGE_SIZE }),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, p) => n + p.rows.length, 0);
      return loaded < last.total && last.rows.length > 0 ? loaded : undefined;
    },
    // While a new filter or sort loads, the old rows stay instead of a blank table.
    placeholderData: keepPreviousData,
  });
  const rows = query.data?.pages.flatMap((p) => p.rows) ?? [];
  const total = query.data?.pages[0]?.total ?? 0;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);

  const state: TableState<F, S> = { filters: compactFilters({ ...filters, text: search.trim() || undefined }), sort, columns };
  const applyState = useCallback(
    (next: TableState<F, S>) => {
      setFilters(next.filters);
      setSearch(next.filters.text ?? '');
      setSort(next.sort);
      setColumns(withFixed(allColumns, next.columns.length > 0 ? next.columns : defaults.columns));
      setSelected(new Set());
    },
    [allColumns, defaults.columns],
  );

  // A saved view picked in the sidebar arrives as ?view=<id>.
  const views = useRpcQuery('views.list', {});
  const [params, setParams] = useSearchParams();
  const viewParam = params.get('view');
  const [handledView, setHandledView] = useState<string | null>(null);
  if (viewParam !== handledView && (viewParam === null || views.data)) {
    // Applied while rendering (not in an effect), so the table never shows the old state first.
    setHandledView(viewParam);
    const view = viewParam ? views.data?.find((v) => v.id === viewParam) : undefined;
    const next = view ? config.fromView(view) : null;
    if (view && next) {
      applyState(next);
      setActiveView(view);
    }
  }
  useEffect(() => {
    if (!viewParam || handledView !== viewParam) return;
    if (!views.data?.some((v) => v.id === viewParam)) notifyError('The view was not opened', new Error('This saved view no longer exists.'));
    // Clearing the address lets the same view be picked again from the sidebar.
    setParams({}, { replace: true });
  }, [viewParam, handledView, views.data, setParams]);

  // Filters given in the address (a drill-down from another screen) replace the table's filters
  // whenever the address's filters change; they stay in the address so Back returns to them.
  const urlFilterKey = config.urlFilters ? filterSearchKey(params, config.urlFilters.keys) : '';
  const [handledUrlFilters, setHandledUrlFilters] = useState('');
  if (urlFilterKey !== handledUrlFilters) {
    setHandledUrlFilters(urlFilterKey);
    const next = config.urlFilters?.parse(params);
    if (next) {
      setFilters(next);
      setSearch(next.text ?? '');
      setActiveView(null);
      setSelected(new Set());
    }
  }

  const filterCount = countFilters(filters);
  const anyFilter = filterCount > 0 || search.trim() !== '';
  const showEmpty = query.isSuccess && total === 0 && !anyFilter && !query.isPlaceholderData;
  const { FilterPanel, BulkBar } = config;
  const selection = BulkBar ? { selected, onChange: setSelected } : undefined;

  if (showEmpty) return <>{config.empty}</>;

  return (
    <Stack gap="sm" className="dt-screen">
      <Group gap="xs" justify="space-between" wrap="wrap">
        <Group gap="xs" wrap="wrap">
          <TextInput
            aria-label="Search directory"
            placeholder={`Search ${config.label.toLowerCase()}…`}
            leftSection={<IconSearch size={15} stroke={1.7} />}
            size="xs"
            w={260}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            rightSection={
              search ? (
                <ActionIcon size="sm" variant="subtle" color="gray" aria-label="Clear search" onClick={() => setSearch('')}>
                  <IconX size={14} />
                </ActionIcon>
              ) : undefined
            }
          />
          <Button
            size="xs"
            variant={filtersOpen ? 'light' : 'default'}
            leftSection={<IconAdjustmentsHorizontal size={15} stroke={1.7} />}
            rightSection={filterCount > 0 ? <Badge size="xs" circle>{filterCount}</Badge> : undefined}
            onClick={filtersPanel.toggle}
            aria-expanded={filtersOpen}
            aria-label={filterCount > 0 ? `Filters (${filterCount} set)` : 'Filters'}
          >
            Filters
          </Button>
          {anyFilter && (
            <Button
              size="xs"
              variant="subtle"
              color="gray"
              onClick={() => {
                setFilters(defaults.filters);
                setSearch('');
              }}
            >
              Clear filters
            </Button>
          )}
        </Group>
        <Group gap="xs">
          <ViewsMenu entity={config.entity} views={views.data ?? []} active={activeView} onApply={(view) => {
            const next = config.fromView(view);
            if (next) {
              applyState(next);
              setActiveView(view);
            }
          }} onDeleted={(id) => activeView?.id === id && setActiveView(null)} />
          <SaveViewButton state={state} active={activeView} config={config} onSaved={setActiveView} />
          <ColumnPicker columns={allColumns} visible={columns} onChange={setColumns} onReset={() => setColumns(defaults.columns)} />
          <ExportMenu
            entity={config.entity}
            // The rows as the table shows them: its filters (search included), sort and visible columns.
            scope={() => ({ filters: compactFilters({ ...filters, text: search.trim() || undefined }), sort })}
            columns={() => exportColumns(config.entity, columns)}
          />
        </Group>
      </Group>

      {filtersOpen && (
        <Paper withBorder p="sm" className="dt-filters" role="region" aria-label={`${config.label} filters`}>
          <FilterPanel filters={filters} onChange={setFilters} />
        </Paper>
      )}

      {BulkBar && selected.size > 0 && <BulkBar selected={selected} onDone={() => setSelected(new Set())} />}

      <Group gap="xs" justify="space-between">
        <Text size="sm" c="dimmed" role="status" aria-live="polite">
          {query.isPending
            ? `Loading ${config.label.toLowerCase()}…`
            : `${total.toLocaleString('en')} ${total === 1 ? config.noun : config.plural}${anyFilter ? ' match' : ''}`}
          {activeView && ` · View: ${activeView.name}`}
        </Text>
        {rows.length < total && (
          <Text size="xs" c="dimmed">
            {rows.length.toLocaleString('en')} loaded · scroll for more
          </Text>
        )}
      </Group>

      {query.isError ? (
        <QueryError title={`The ${config.label.toLowerCase()} could not be read`} error={query.error} onRetry={() => void query.refetch()} />
      ) : query.isSuccess && total === 0 ? (
        <Paper withBorder p="xl" ta="center">
          <Text fw={600}>No {config.plural} match</Text>
          <Text size="sm" c="dimmed">
            Try fewer filters or another search.
          </Text>
        </Paper>
      ) : (
        <DataTable
          label={config.label}
          plural={config.plural}
          columns={allColumns}
          visibleColumns={columns}
          rows={rows}
          total={total}
          hasMore={hasNextPage}
          loadingMore={isFetchingNextPage}
          onLoadMore={loadMore}
          sort={sort}
          onSortChange={(next) => setSort(next as SortState<S>)}
          selection={selection}
          rowHref={config.rowHref}
          rowName={config.rowName}
        />
      )}
    </Stack>
  );
}

function ViewsMenu({
  entity,
  views,
  active,
  onApply,
  onDeleted,
}: {
  entity: DirectoryEntity;
  views: readonly SavedView[];
  active: SavedView | null;
  onApply: (view: SavedView) => void;
  onDeleted: (id: string) => void;
}) {
  const [opened, setOpened] = useState(false);
  const remove = useRpcMutation('views.delete', { invalidates: ['views.list'] });
  const mine = views.filter((v) => v.entity === entity);

  function confirmDelete(view: SavedView) {
    setOpened(false);
    modals.openConfirmModal({
      title: `Delete the view “${view.name}”?`,
      children: <Text size="sm">The view’s filters, sort and columns are forgotten. No organization or person is changed.</Text>,
      labels: { confirm: 'Delete view', cancel: 'Keep it' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        remove.mutate(
          { id: view.id },
          { onSuccess: () => onDeleted(view.id), onError: (error) => notifyError('The view was not deleted', error) },
        ),
    });
  }

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" shadow="md" width={260}>
      <Popover.Target>
        <Button size="xs" variant="default" leftSection={<IconBookmark size={15} stroke={1.7} />} onClick={() => setOpened((o) => !o)}>
          Views{mine.length > 0 ? ` (${mine.length})` : ''}
        </Button>
      </Popover.Target>
      <Popover.Dropdown aria-label="Saved views">
        {mine.length === 0 ? (
          <Text size="sm" c="dimmed">
            No saved views yet. Set filters, sort and columns, then choose “Save view”.
          </Text>
        ) : (
          <Stack gap={2}>
            {mine.map((view) => (
              <Group key={view.id} gap={4} wrap="nowrap" justify="space-between" className="view-row" data-active={active?.id === view.id || undefined}>
                <UnstyledButton
                  className="view-apply"
                  onClick={() => {
                    setOpened(false);
                    onApply(view);
                  }}
                  aria-label={`Apply view ${view.name}`}
                >
                  <Text size="sm" truncate="end">
                    {view.name}
                  </Text>
                </UnstyledButton>
                <Tooltip label="Delete view">
                  <ActionIcon size="sm" variant="subtle" color="red" aria-label={`Delete view ${view.name}`} onClick={() => confirmDelete(view)}>
                    <IconTrash size={14} />
                  </ActionIcon>
                </Tooltip>
              </Group>
            ))}
          </Stack>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}

function SaveViewButton<Row extends { id: string }, F extends { text?: string | undefined }, S extends string>({
  state,
  active,
  config,
  onSaved,
}: {
  state: TableState<F, S>;
  active: SavedView | null;
  config: DirectoryTableConfig<Row, F, S>;
  onSaved: (view: SavedView) => void;
}) {
  const [opened, modal] = useDisclosure(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = useRpcMutation('views.save', { invalidates: ['views.list'] });

  function submit(replace: boolean) {
    const trimmed = name.trim();
    if (!trimmed) {
      setError('View name is required.');
      return;
    }
    const input = config.viewInput(trimmed, state);
    save.mutate(replace && active ? { ...input, id: active.id } : input, {
      onSuccess: (view) => {
        notifySuccess(`Saved the view “${view.name}”.`);
        onSaved(view);
        modal.close();
      },
      onError: (e) => {
        const issue = e.issues.find((i) => i.path === 'name');
        if (issue) setError(issue.message);
        else notifyError('The view was not saved', e);
      },
    });
  }

  return (
    <>
      <Button
        size="xs"
        variant="default"
        leftSection={<IconBookmarkPlus size={15} stroke={1.7} />}
        onClick={() => {
          setName(active?.name ?? '');
          setError(null);
          modal.open();
        }}
      >
        Save view
      </Button>
      <Modal opened={opened} onClose={modal.close} title="Save view" size="sm">
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            submit(false);
          }}
        >
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              Keeps the current search, filters, sort and columns under a name, listed in the sidebar under Directory.
            </Text>
            <TextInput label="View name" placeholder="Engaged health partners" data-autofocus value={name} error={error} onChange={(e) => setName(e.currentTarget.value)} />
            <Group justify="flex-end" gap="sm">
              {active && (
                <Button variant="default" onClick={() => submit(true)} loading={save.isPending}>
                  Replace “{active.name}”
                </Button>
              )}
              <Button type="submit" loading={save.isPending}>
                {active ? 'Save as new view' : 'Save view'}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

/** Opens a saved view from anywhere (the sidebar): the table applies it. */
export function viewHref(view: SavedView): string {
  return `${view.entity === 'organization' ? '/directory' : '/directory/people'}?view=${view.id}`;
}

export function useOpenView(): (view: SavedView) => void {
  const navigate = useNavigate();
  return (view) => void navigate(viewHref(view));
}
