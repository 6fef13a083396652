import { Button, Group, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import type { WorkspaceInfo } from '@shared/workspace/contract';
import { call, type RpcError } from '../../api/client';
import { notifyError } from '../../api/errors';

/** Always visible while a backup is open read-only, with the way back to the workspace. */
export function BackupViewBanner({ backup }: { backup: NonNullable<WorkspaceInfo['viewingBackup']> }) {
  const client = useQueryClient();
  const back = useMutation<unknown, RpcError>({
    mutationFn: () => call('backups.closeReadOnly', {}),
    onSuccess: () => client.invalidateQueries(),
    onError: (error) => notifyError('Your workspace could not be opened', error),
  });
  return (
    <Group className="sample-banner backup-banner" justify="space-between" wrap="nowrap" px="xl" py={10} role="region" aria-label="Backup opened read-only">
      <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
        <IconLock size={18} stroke={1.7} aria-hidden style={{ flexShrink: 0 }} />
        <Text size="sm" fw={500} truncate="end">
          You are looking at the backup from {dayjs(backup.createdAt).format('D MMM YYYY, HH:mm')}, read-only
        </Text>
        <Text size="sm" c="dimmed" visibleFrom="lg" truncate="end">
          · Copy what you need, then go back to your workspace.
        </Text>
      </Group>
      <Button size="compact-sm" variant="white" color="dark" style={{ flexShrink: 0 }} onClick={() => back.mutate()} loading={back.isPending}>
        Back to my workspace
      </Button>
    </Group>
  );
}
