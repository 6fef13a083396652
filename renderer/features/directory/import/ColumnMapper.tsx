import { Badge, ScrollArea, Select, Table, Text, type ComboboxData } from '@mantine/core';
import type { ImportEntity, ImportPreview } from '@shared/directory/imports';
import { useRpcQuery } from '../../../api/queries';
import { customImportFields, importFields } from './fields';

export type Mapping = (string | null)[];

const LEAVE_OUT = '';

/** Up to three non-empty sample values of one column, from the preview rows. */
function examples(preview: ImportPreview, column: number): string[] {
  const values = preview.preview.map((row) => row[column] ?? '').filter((value) => value.trim() !== '');
  return [...new Set(values)].slice(0, 3);
}

/** The first rows of the file as they are, so the coordinator recognizes it. */
export function FilePreview({ preview }: { preview: ImportPreview }) {
  return (
    <ScrollArea type="auto" offsetScrollbars>
      <Table withTableBorder withColumnBorders striped fz="xs" miw={Math.min(preview.headers.length * 140, 2400)} aria-label="First rows of the file">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={48}>Row</Table.Th>
            {preview.headers.map((header, index) => (
              <Table.Th key={index} style={{ whiteSpace: 'nowrap' }}>
                {header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.preview.map((row, rowIndex) => (
            <Table.Tr key={rowIndex}>
              {/* Spreadsheet numbering: the header is row 1. */}
              <Table.Td c="dimmed">{rowIndex + 2}</Table.Td>
              {preview.headers.map((_, column) => (
                <Table.Td key={column} maw={240} style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                  {row[column] ?? ''}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}

/**
 * Step 2: which field each column of the file fills (or none), the entity's custom fields in a
 * group of their own. A field takes one column.
 */
export function ColumnMapper({
  entity,
  preview,
  mapping,
  onChange,
}: {
  entity: ImportEntity;
  preview: ImportPreview;
  mapping: Mapping;
  onChange: (mapping: Mapping) => void;
}) {
  const fields = importFields(entity);
  // Officials (the policy area's import) have no custom fields.
  const customFields = useRpcQuery('customFields.list', { entity: entity === 'person' ? 'person' : 'organization' }, { enabled: entity !== 'official' });
  const custom = customImportFields(entity === 'official' ? [] : (customFields.data ?? []));
  return (
    <Table verticalSpacing="xs" highlightOnHover aria-label="Column mapping">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="28%">Column in the file</Table.Th>
          <Table.Th>Examples</Table.Th>
          <Table.Th w="32%">Fills the field</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {preview.headers.map((header, column) => {
          const chosen = mapping[column] ?? null;
          const usedElsewhere = new Set(mapping.filter((field, index) => field !== null && index !== column));
          const options = (group: Record<string, string>) => Object.entries(group).map(([value, label]) => ({ value, label, disabled: usedElsewhere.has(value) }));
          const data: ComboboxData = [
            { value: LEAVE_OUT, label: '— Leave out —' },
            { group: 'Fields', items: options(fields) },
            ...(Object.keys(custom).length > 0 ? [{ group: 'Custom fields', items: options(custom) }] : []),
          ];
          return (
            <Table.Tr key={column}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {header}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed" lineClamp={2}>
                  {examples(preview, column).join(' · ') || 'Empty in the first rows'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Select
                  size="xs"
                  aria-label={`Field for column ${header}`}
                  data={data}
                  value={chosen ?? LEAVE_OUT}
                  onChange={(value) => onChange(mapping.map((field, index) => (index === column ? value || null : field)))}
                  allowDeselect={false}
                  searchable
                  rightSection={chosen === 'name' ? <Badge size="xs" variant="light">Required</Badge> : undefined}
                  rightSectionWidth={chosen === 'name' ? 70 : undefined}
                />
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
