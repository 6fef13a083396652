import { Button, Group, Text } from '@mantine/core';
import { IconFlask } from '@tabler/icons-react';
import { useWorkspaceSwitch } from './useWorkspaceSwitch';

/** Always visible while the sample is open, so nobody mistakes it for their own records. */
export function SampleBanner() {
  const openDefault = useWorkspaceSwitch('workspace.openDefault');
  return (
    <Group className="sample-banner" justify="space-between" wrap="nowrap" px="xl" py={10} role="region" aria-label="Sample coalition">
      <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
        <IconFlask size={18} stroke={1.7} aria-hidden style={{ flexShrink: 0 }} />
        <Text size="sm" fw={500} truncate="end">
          You are exploring the sample coalition
        </Text>
        <Text size="sm" c="dimmed" visibleFrom="lg" truncate="end">
          · Changes stay in the sample file, not in your workspace.
        </Text>
      </Group>
      <Button
        size="compact-sm"
        variant="white"
        color="dark"
        style={{ flexShrink: 0 }}
        onClick={() => openDefault.mutate()}
        loading={openDefault.isPending}
      >
        Start your own coalition
      </Button>
    </Group>
  );
}
