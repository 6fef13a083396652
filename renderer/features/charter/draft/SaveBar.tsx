import { Button, Group, Paper, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import dayjs from 'dayjs';

interface SaveBarProps {
  dirty: boolean;
  saving: boolean;
  updatedAt: string | null;
  exporting: boolean;
  onDiscard: () => void;
  onExport: () => void;
  onAdopt: () => void;
}

/** Stays at the bottom of the window while editing: save state and the draft's actions. */
export function SaveBar({ dirty, saving, updatedAt, exporting, onDiscard, onExport, onAdopt }: SaveBarProps) {
  const state = dirty ? 'Unsaved changes' : updatedAt ? `All changes saved · ${dayjs(updatedAt).format('D MMM YYYY, HH:mm')}` : 'Nothing saved yet';
  return (
    <Paper className="save-bar" withBorder shadow="sm" px="md" py="sm">
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Group gap="xs" wrap="nowrap">
          <span className={dirty ? 'save-dot save-dot-dirty' : 'save-dot'} aria-hidden />
          <Text size="sm" c={dirty ? undefined : 'dimmed'} fw={dirty ? 500 : undefined} role="status">
            {state}
          </Text>
        </Group>
        <Group gap="xs" wrap="nowrap">
          {dirty && (
            <Button variant="subtle" color="gray" onClick={onDiscard}>
              Discard changes
            </Button>
          )}
          <Button variant="subtle" color="gray" leftSection={<IconDownload size={16} />} onClick={onExport} loading={exporting}>
            Export as Markdown
          </Button>
          <Button type="submit" variant={dirty ? 'filled' : 'default'} loading={saving}>
            Save draft
          </Button>
          <Button variant={dirty ? 'default' : 'filled'} onClick={onAdopt}>
            Adopt…
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
