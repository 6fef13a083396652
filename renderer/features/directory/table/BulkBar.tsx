import type { ReactNode } from 'react';
import { Button, Group, Paper, Text } from '@mantine/core';
import { ExportMenu } from './ExportMenu';

interface BulkBarProps {
  entity: 'organization' | 'person';
  selected: ReadonlySet<string>;
  /** Clears the selection. */
  onDone: () => void;
  /** The entity's own bulk changes (stage, tags…), between the count and the export. */
  children?: ReactNode;
}

const NOUNS = { organization: ['organization', 'organizations'], person: ['person', 'people'] } as const;

/** The bar over a directory table's selected rows: how many, the entity's changes, export, clear. */
export function BulkBar({ entity, selected, onDone, children }: BulkBarProps) {
  const n = selected.size;
  const [one, many] = NOUNS[entity];
  return (
    <Paper withBorder px="sm" py={8} className="bulk-bar" role="region" aria-label="Bulk actions">
      <Group gap="sm" wrap="wrap">
        <Text size="sm" fw={600}>
          {n.toLocaleString('en')} {n === 1 ? one : many} selected
        </Text>
        {children}
        <ExportMenu entity={entity} label="Export selection" scope={() => ({ ids: [...selected] })} />
        <Button size="xs" variant="subtle" color="gray" onClick={onDone} ml="auto">
          Clear selection
        </Button>
      </Group>
    </Paper>
  );
}
