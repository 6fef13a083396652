import { useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import { Checkbox, Skeleton, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type RowSelectionState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useNavigate } from 'react-router';

export type SortDirection = 'asc' | 'desc';
export interface SortState<S extends string = string> {
  field: S;
  direction: SortDirection;
}

/** One column the table can show. */
export interface TableColumn<Row> {
  id: string;
  header: string;
  /** Width in pixels; the last column takes what is left. */
  width: number;
  /** The server-side sort field behind this column, when it sorts. */
  sortField?: string;
  /** Always shown (the name column). */
  fixed?: boolean;
  cell: (row: Row) => ReactNode;
}

export const ROW_HEIGHT = 40;
/** Rows fetched per page from the backend. */
export const PAGE_SIZE = 100;
/** Fetch the next page this many rows before the end of what is loaded. */
const PREFETCH_ROWS = 30;

interface DataTableProps<Row extends { id: string }> {
  /** The table's accessible name ('Organizations'). */
  label: string;
  /** What rows are called in labels ('organizations'). */
  plural: string;
  columns: readonly TableColumn<Row>[];
  /** Shown columns, in order. */
  visibleColumns: readonly string[];
  rows: readonly Row[];
  total: number;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  sort: SortState;
  onSortChange: (sort: SortState) => void;
  /** Row checkboxes; absent when the table has no bulk actions. */
  selection?: { selected: ReadonlySet<string>; onChange: (next: Set<string>) => void };
  rowHref: (row: Row) => string;
  rowName: (row: Row) => string;
}

/**
 * The directory's grid: TanStack Table for columns, order, visibility and selection, TanStack
 * Virtual for rows, so only the rows on screen are in the DOM however many are loaded. Sorting
 * is the backend's (manual); pages are loaded as the coordinator scrolls toward the end.
 */
export function DataTable<Row extends { id: string }>(props: DataTableProps<Row>) {
  const { columns, visibleColumns, rows, selection, sort, onSortChange, hasMore, loadingMore, onLoadMore } = props;
  const navigate = useNavigate();
  const viewport = useRef<HTMLDivElement>(null);
  const height = useViewportHeight(viewport);

  const columnDefs = useMemo<ColumnDef<Row>[]>(() => {
    const defs: ColumnDef<Row>[] = columns.map((column) => ({
      id: column.id,
      header: column.header,
      size: column.width,
      enableSorting: column.sortField !== undefined,
      enableHiding: !column.fixed,
      cell: ({ row }) => column.cell(row.original),
    }));
    return defs;
  }, [columns]);

  const rowSelection = useMemo<RowSelectionState>(() => Object.fromEntries([...(selection?.selected ?? [])].map((id) => [id, true])), [selection?.selected]);
  const columnVisibility = useMemo(() => Object.fromEntries(columns.map((c) => [c.id, c.fixed === true || visibleColumns.includes(c.id)])), [columns, visibleColumns]);
  const columnOrder = useMemo(() => [...visibleColumns, ...columns.map((c) => c.id).filter((id) => !visibleColumns.includes(id))], [columns, visibleColumns]);

  // TanStack Table keeps its own memo cache, which the React Compiler cannot see into.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows as Row[],
    columns: columnDefs,
    getRowId: (row) => row.id,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    enableRowSelection: selection !== undefined,
    state: { rowSelection, columnVisibility, columnOrder, sorting: [{ id: sortColumnId(columns, sort.field), desc: sort.direction === 'desc' }] },
    onRowSelectionChange: (updater) => {
      if (!selection) return;
      const next = typeof updater === 'function' ? updater(rowSelection) : updater;
      selection.onChange(new Set(Object.keys(next).filter((id) => next[id])));
    },
  });

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => viewport.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? -1;

  // Load the next page before the coordinator reaches the end of what is loaded.
  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= rows.length - PREFETCH_ROWS) onLoadMore();
  }, [hasMore, loadingMore, lastIndex, rows.length, onLoadMore]);

  const tableRows = table.getRowModel().rows;
  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const allLoadedSelected = rows.length > 0 && rows.every((row) => selection?.selected.has(row.id));
  const someSelected = rows.some((row) => selection?.selected.has(row.id));
  const width = (selection ? 44 : 0) + headers.reduce((sum, header) => sum + header.getSize(), 0);

  function toggleSort(field: string) {
    onSortChange(sort.field === field ? { field, direction: sort.direction === 'asc' ? 'desc' : 'asc' } : { field, direction: 'asc' });
  }

  return (
    <div ref={viewport} className="dt-viewport" data-virtual-viewport style={{ height }}>
      <table className="dt" aria-label={props.label} aria-rowcount={props.total + 1} style={{ minWidth: width }}>
        <thead className="dt-head">
          <tr className="dt-row" aria-rowindex={1}>
            {selection && (
              <th className="dt-cell dt-check" scope="col">
                <Checkbox
                  size="xs"
                  aria-label={`Select all ${rows.length} shown ${props.plural}`}
                  checked={allLoadedSelected}
                  indeterminate={someSelected && !allLoadedSelected}
                  onChange={() => selection.onChange(allLoadedSelected ? new Set() : new Set([...selection.selected, ...rows.map((r) => r.id)]))}
                />
              </th>
            )}
            {headers.map((header, i) => {
              const column = columns.find((c) => c.id === header.column.id);
              const field = column?.sortField;
              const active = field !== undefined && field === sort.field;
              const last = i === headers.length - 1;
              return (
                <th
                  key={header.id}
                  className="dt-cell"
                  scope="col"
                  style={last ? { flex: `1 0 ${header.getSize()}px` } : { width: header.getSize() }}
                  aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}
                >
                  {field ? (
                    <UnstyledButton className="dt-sort" onClick={() => toggleSort(field)} aria-label={`Sort by ${column?.header ?? field}`}>
                      <span>{flexRender(header.column.columnDef.header, header.getContext())}</span>
                      {active ? (
                        sort.direction === 'asc' ? (
                          <IconArrowUp size={13} stroke={2} aria-hidden />
                        ) : (
                          <IconArrowDown size={13} stroke={2} aria-hidden />
                        )
                      ) : (
                        <IconSelector size={13} stroke={1.6} aria-hidden className="dt-sort-idle" />
                      )}
                    </UnstyledButton>
                  ) : (
                    flexRender(header.column.columnDef.header, header.getContext())
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="dt-body" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = tableRows[item.index];
            if (!row) return null;
            const selected = row.getIsSelected();
            return (
              <tr
                key={row.id}
                className="dt-row dt-body-row"
                data-selected={selected || undefined}
                aria-rowindex={item.index + 2}
                aria-selected={selection ? selected : undefined}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                onClick={(event) => {
                  // Clicks on the checkbox or a link inside the row do their own thing.
                  if ((event.target as HTMLElement).closest('input, a, button')) return;
                  void navigate(props.rowHref(row.original));
                }}
              >
                {selection && (
                  <td className="dt-cell dt-check">
                    <Checkbox
                      size="xs"
                      aria-label={`Select ${props.rowName(row.original)}`}
                      checked={selected}
                      onChange={row.getToggleSelectedHandler()}
                    />
                  </td>
                )}
                {row.getVisibleCells().map((cell, i, cells) => (
                  <td
                    key={cell.id}
                    className="dt-cell"
                    style={i === cells.length - 1 ? { flex: `1 0 ${cell.column.getSize()}px` } : { width: cell.column.getSize() }}
                  >
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {loadingMore && (
        <div className="dt-loading" role="status" aria-label={`Loading more ${props.plural}`}>
          <Skeleton height={10} width={120} />
          <Text size="xs" c="dimmed">
            Loading more…
          </Text>
        </div>
      )}
    </div>
  );
}

function sortColumnId<Row>(columns: readonly TableColumn<Row>[], field: string): string {
  return columns.find((c) => c.sortField === field)?.id ?? field;
}

/** The table fills the window below its top edge (at least 320 px), so the page itself does not scroll. */
function useViewportHeight(ref: RefObject<HTMLElement | null>): number {
  const [height, setHeight] = useState(480);
  useLayoutEffect(() => {
    const measure = () => {
      const top = ref.current?.getBoundingClientRect().top ?? 0;
      const next = Math.max(320, Math.round(window.innerHeight - top - 24));
      setHeight((current) => (current === next ? current : next));
    };
    measure();
    window.addEventListener('resize', measure);
    // Filters opening or a bulk bar appearing move the table down.
    const observer = new ResizeObserver(measure);
    if (ref.current?.parentElement) observer.observe(ref.current.parentElement);
    return () => {
      window.removeEventListener('resize', measure);
      observer.disconnect();
    };
  }, [ref]);
  return height;
}
