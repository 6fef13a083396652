import { ActionIcon, Group, Select, Tooltip } from '@mantine/core';
import { IconArrowsExchange } from '@tabler/icons-react';
import type { CompareSide, VersionSummary } from '@shared/charter/contract';
import { formatDate } from '../../../components/format';
import { parseSide } from './compareLink';

export interface Sides {
  from: CompareSide;
  to: CompareSide;
}

interface ComparePickerProps extends Sides {
  versions: readonly VersionSummary[];
  onChange: (sides: Sides) => void;
}

/** The two sides of a comparison: any adopted version, or the current draft. */
export function ComparePicker({ versions, from, to, onChange }: ComparePickerProps) {
  const options = [
    ...versions.map((v) => ({ value: String(v.number), label: `Version ${v.number} — ${formatDate(v.adoptedOn)}` })),
    { value: 'draft', label: 'Current draft' },
  ];
  return (
    <Group align="flex-end" gap="xs" wrap="nowrap">
      <Select
        label="From"
        data={options}
        value={String(from)}
        allowDeselect={false}
        onChange={(value) => onChange({ from: parseSide(value) ?? from, to })}
        w={230}
      />
      <Tooltip label="Swap sides">
        <ActionIcon variant="default" size={36} aria-label="Swap sides" onClick={() => onChange({ from: to, to: from })}>
          <IconArrowsExchange size={18} stroke={1.6} />
        </ActionIcon>
      </Tooltip>
      <Select
        label="To"
        data={options}
        value={String(to)}
        allowDeselect={false}
        onChange={(value) => onChange({ from, to: parseSide(value) ?? to })}
        w={230}
      />
    </Group>
  );
}
