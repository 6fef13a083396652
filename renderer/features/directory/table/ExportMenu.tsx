import { useState } from 'react';
import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconDownload, IconFileSpreadsheet, IconFileTypeCsv } from '@tabler/icons-react';
import type { Input } from '@shared/contract';
import { EXPORT_FORMATS, ORGANIZATION_EXPORT_FIELDS, PERSON_EXPORT_FIELDS, type ExportFormat } from '@shared/directory/exports';
import { call } from '../../../api/client';
import { notifyError, notifySuccess } from '../../../api/errors';

type ExportInput = Input<'directory.export'>;
type Entity = ExportInput['entity'];

/** What to export: the table's filters and sort, or the selected ids. */
export type ExportScope = { filters: object; sort: { field: string; direction: 'asc' | 'desc' } } | { ids: string[] };

/** The table's visible columns that have an export field (custom field columns included), in the table's order. */
export function exportColumns(entity: Entity, visible: readonly string[]): string[] {
  const fields: Record<string, string> = entity === 'organization' ? ORGANIZATION_EXPORT_FIELDS : PERSON_EXPORT_FIELDS;
  return visible.filter((column) => column.startsWith('cf:') || Object.prototype.hasOwnProperty.call(fields, column));
}

/**
 * Builds the file in the backend (directory.export), then hands it to the Save dialog
 * (file.saveAs). Resolves when done; failures become notifications.
 */
export async function exportToFile(entity: Entity, format: ExportFormat, scope: ExportScope, columns?: readonly string[]): Promise<void> {
  const plural = entity === 'organization' ? 'organizations' : 'people';
  try {
    // Custom field columns ('cf:<id>') go after the fixed ones, as the export writes them.
    const fixed = (columns ?? []).filter((c) => !c.startsWith('cf:'));
    const custom = (columns ?? []).filter((c) => c.startsWith('cf:')).map((c) => c.slice(3));
    const chosen = fixed.length > 0 ? { columns: fixed, customColumns: custom } : {};
    const input = { entity, format, scope, ...chosen } as ExportInput;
    const file = await call('directory.export', input);
    const result = await call('file.saveAs', { suggestedName: file.fileName, mimeType: file.mimeType, content: file.content, encoding: file.encoding });
    // A cancelled Save dialog is the coordinator's choice, not a failure.
    if (result.saved) {
      const noun = file.rows === 1 ? (entity === 'organization' ? 'organization' : 'person') : plural;
      notifySuccess(`Exported ${file.rows.toLocaleString('en')} ${noun} to ${result.fileName ?? file.fileName}.`, 'Export saved');
    }
  } catch (error) {
    notifyError(`The ${plural} were not exported`, error);
  }
}

/** A small "Export" menu: CSV or Excel. */
export function ExportMenu({
  entity,
  label = 'Export',
  scope,
  columns,
  variant = 'default',
}: {
  entity: Entity;
  label?: string;
  /** Read when a format is chosen, so the export matches the table at that moment. */
  scope: () => ExportScope;
  columns?: () => string[];
  variant?: 'default' | 'light';
}) {
  const [busy, setBusy] = useState(false);
  async function run(format: ExportFormat) {
    setBusy(true);
    try {
      await exportToFile(entity, format, scope(), columns?.());
    } finally {
      setBusy(false);
    }
  }
  return (
    <Menu position="bottom-end" shadow="md" withinPortal>
      <Menu.Target>
        <Button size="xs" variant={variant} loading={busy} leftSection={<IconDownload size={15} stroke={1.7} />} rightSection={<IconChevronDown size={13} />}>
          {label}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconFileTypeCsv size={15} />} onClick={() => void run('csv')}>
          {EXPORT_FORMATS.csv} (.csv)
        </Menu.Item>
        <Menu.Item leftSection={<IconFileSpreadsheet size={15} />} onClick={() => void run('xlsx')}>
          {EXPORT_FORMATS.xlsx} (.xlsx)
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
