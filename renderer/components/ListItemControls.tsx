import { ActionIcon, Group, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';

interface ListItemControlsProps {
  /** What one item is called in labels: 'goal' → "Move goal 2 up". */
  noun: string;
  index: number;
  count: number;
  onMove: (from: number, to: number) => void;
  onRemove: (index: number) => void;
}

/** Move up, move down and remove for one row of an editable list, each with a unique name. */
export function ListItemControls({ noun, index, count, onMove, onRemove }: ListItemControlsProps) {
  const n = index + 1;
  return (
    <Group gap={2} wrap="nowrap">
      <Tooltip label="Move up">
        <ActionIcon variant="subtle" color="gray" aria-label={`Move ${noun} ${n} up`} disabled={index === 0} onClick={() => onMove(index, index - 1)}>
          <IconArrowUp size={16} stroke={1.7} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label="Move down">
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={`Move ${noun} ${n} down`}
          disabled={index === count - 1}
          onClick={() => onMove(index, index + 1)}
        >
          <IconArrowDown size={16} stroke={1.7} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label="Remove">
        <ActionIcon variant="subtle" color="red" aria-label={`Remove ${noun} ${n}`} onClick={() => onRemove(index)}>
          <IconTrash size={16} stroke={1.7} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
