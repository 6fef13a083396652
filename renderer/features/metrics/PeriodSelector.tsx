import { ActionIcon, Group, SegmentedControl, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { IsoDateInput } from '../../components/IsoDateInput';
import { periodTitle, shift, type PeriodChoice, type PeriodKind } from './period';

const KINDS: { value: PeriodKind; label: string }[] = [
  { value: 'month', label: 'Month' },
  { value: 'quarter', label: 'Quarter' },
  { value: 'year', label: 'Year' },
  { value: 'custom', label: 'Custom' },
];

/** Month, quarter, year (with previous / next) or a custom range of days. */
export function PeriodSelector({ value, onChange }: { value: PeriodChoice; onChange: (next: PeriodChoice) => void }) {
  return (
    <Group gap="xs" wrap="wrap" role="group" aria-label="Period">
      <SegmentedControl size="xs" data={KINDS} value={value.kind} onChange={(kind) => onChange({ ...value, kind: kind })} aria-label="Period kind" />
      {value.kind === 'custom' ? (
        <Group gap={4}>
          <IsoDateInput size="xs" w={130} aria-label="From" value={value.from} onChange={(from) => from && onChange({ ...value, from })} />
          <Text size="xs">to</Text>
          <IsoDateInput size="xs" w={130} aria-label="To" value={value.to} onChange={(to) => to && onChange({ ...value, to })} />
        </Group>
      ) : (
        <Group gap={2} wrap="nowrap">
          <ActionIcon variant="subtle" size="sm" aria-label="Previous period" onClick={() => onChange(shift(value, -1))}>
            <IconChevronLeft size={16} />
          </ActionIcon>
          <Text size="sm" fw={600} miw={110} ta="center" data-testid="period-title">
            {periodTitle(value)}
          </Text>
          <ActionIcon variant="subtle" size="sm" aria-label="Next period" onClick={() => onChange(shift(value, 1))}>
            <IconChevronRight size={16} />
          </ActionIcon>
        </Group>
      )}
    </Group>
  );
}
