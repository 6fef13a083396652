import { ActionIcon, Button, Group, Tooltip } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';

// Small pieces every structure screen uses the same way.

/** Edit and delete for one table row, named after the row ("Edit Ana Soto’s role"). */
export function RowActions({ what, onEdit, onDelete }: { what: string; onEdit?: () => void; onDelete?: () => void }) {
  return (
    <Group gap={2} justify="flex-end" wrap="nowrap">
      {onEdit && (
        <Tooltip label="Edit">
          <ActionIcon variant="subtle" color="gray" aria-label={`Edit ${what}`} onClick={onEdit}>
            <IconPencil size={15} />
          </ActionIcon>
        </Tooltip>
      )}
      {onDelete && (
        <Tooltip label="Delete">
          <ActionIcon variant="subtle" color="gray" aria-label={`Delete ${what}`} onClick={onDelete}>
            <IconTrash size={15} />
          </ActionIcon>
        </Tooltip>
      )}
    </Group>
  );
}

/** Cancel and submit at the foot of a form in a modal. */
export function FormButtons({ onCancel, submit, loading }: { onCancel: () => void; submit: string; loading: boolean }) {
  return (
    <Group justify="flex-end" gap="sm" mt="xs">
      <Button variant="default" onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" loading={loading}>
        {submit}
      </Button>
    </Group>
  );
}
