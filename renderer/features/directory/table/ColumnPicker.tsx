import { ActionIcon, Button, Checkbox, Group, Popover, Stack, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconColumns3 } from '@tabler/icons-react';
import type { TableColumn } from './DataTable';

interface ColumnPickerProps<Row> {
  columns: readonly TableColumn<Row>[];
  /** Shown columns in order. */
  visible: readonly string[];
  onChange: (visible: string[]) => void;
  onReset: () => void;
}

/** Show, hide and reorder the table's columns. Shown columns come first, in their order. */
export function ColumnPicker<Row>({ columns, visible, onChange, onReset }: ColumnPickerProps<Row>) {
  const byId = new Map(columns.map((c) => [c.id, c]));
  const ordered = [...visible.map((id) => byId.get(id)).filter((c) => c !== undefined), ...columns.filter((c) => !visible.includes(c.id))];

  function move(id: string, by: -1 | 1) {
    const next = [...visible];
    const from = next.indexOf(id);
    const to = from + by;
    if (from < 0 || to < 0 || to >= next.length) return;
    [next[from], next[to]] = [next[to] as string, next[from] as string];
    onChange(next);
  }

  return (
    <Popover position="bottom-end" shadow="md" width={280} trapFocus>
      <Popover.Target>
        <Button variant="default" size="xs" leftSection={<IconColumns3 size={15} stroke={1.7} />}>
          Columns
        </Button>
      </Popover.Target>
      <Popover.Dropdown aria-label="Columns">
        <Stack gap={4}>
          <Text size="xs" c="dimmed" fw={600}>
            Shown columns, in order
          </Text>
          {ordered.map((column) => {
            const shown = visible.includes(column.id);
            const index = visible.indexOf(column.id);
            return (
              <Group key={column.id} gap={4} wrap="nowrap" justify="space-between">
                <Checkbox
                  size="xs"
                  label={column.header}
                  checked={shown || column.fixed === true}
                  disabled={column.fixed}
                  onChange={(event) =>
                    onChange(event.currentTarget.checked ? [...visible, column.id] : visible.filter((id) => id !== column.id))
                  }
                />
                {shown && (
                  <Group gap={0} wrap="nowrap">
                    <ActionIcon size="sm" variant="subtle" color="gray" aria-label={`Move ${column.header} column up`} disabled={index === 0} onClick={() => move(column.id, -1)}>
                      <IconArrowUp size={14} />
                    </ActionIcon>
                    <ActionIcon
                      size="sm"
                      variant="subtle"
                      color="gray"
                      aria-label={`Move ${column.header} column down`}
                      disabled={index === visible.length - 1}
                      onClick={() => move(column.id, 1)}
                    >
                      <IconArrowDown size={14} />
                    </ActionIcon>
                  </Group>
                )}
              </Group>
            );
          })}
          <Button variant="subtle" size="xs" mt={4} onClick={onReset}>
            Reset columns
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
