import { Badge, Group, Text } from '@mantine/core';
import type { Stage } from '@shared/directory/enums';
import { formatDate } from '../../components/format';
import { SECTOR_COLORS, sectorLabel, STAGE_COLORS, stageLabel } from './labels';

export function StageBadge({ stage, since, size = 'sm' }: { stage: Stage; since?: string; size?: 'xs' | 'sm' | 'md' | 'lg' }) {
  return (
    <Badge color={STAGE_COLORS[stage]} variant="light" size={size} radius="sm" tt="none">
      {stageLabel(stage)}
      {since ? ` since ${formatDate(since)}` : ''}
    </Badge>
  );
}

export function SectorBadge({ sector }: { sector: string }) {
  return (
    <Badge color={SECTOR_COLORS[sector] ?? 'gray'} variant="dot" size="sm" radius="sm" tt="none">
      {sectorLabel(sector)}
    </Badge>
  );
}

/** A short list of labels in one line, with "+N" for the rest. */
export function LabelList({ items, max = 2 }: { items: readonly string[]; max?: number }) {
  if (items.length === 0) return <Text size="sm" c="dimmed" aria-label="None">—</Text>;
  const shown = items.slice(0, max);
  const rest = items.length - shown.length;
  return (
    <Group gap={4} wrap="nowrap" title={items.join(', ')} style={{ overflow: 'hidden' }}>
      {shown.map((item) => (
        <Badge key={item} variant="default" size="sm" radius="sm" tt="none" fw={500} style={{ flexShrink: 0 }}>
          {item}
        </Badge>
      ))}
      {rest > 0 && (
        <Text size="xs" c="dimmed">
          +{rest}
        </Text>
      )}
    </Group>
  );
}

/** A dimmed dash for an empty value, so blank cells read as "none" rather than "loading". */
export function Dim({ children }: { children?: string | null }) {
  return children ? (
    <Text size="sm" truncate="end">
      {children}
    </Text>
  ) : (
    <Text size="sm" c="dimmed">
      —
    </Text>
  );
}
