import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconAlertTriangle, IconFileAlert, IconRestore } from '@tabler/icons-react';
import type { RecoveryBackup } from '@shared/backups/contract';
import type { Output } from '@shared/contract';
import { call, type RpcError } from '../../api/client';
import { errorMessage, notifyError, notifySuccess } from '../../api/errors';
import { useRpcQuery } from '../../api/queries';
import { CenteredScreen } from '../../components/CenteredScreen';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { ago, countsText, formatBytes, formatWhen, KIND_LABELS } from '../backups/BackupsPage';
import { useWorkspaceSwitch } from './useWorkspaceSwitch';

/** True when the workspace could not be opened because its file is damaged. */
export function isDamagedWorkspace(error: unknown): boolean {
  const details = (error as { code?: unknown; details?: unknown } | null)?.details;
  return (error as { code?: unknown } | null)?.code === 'workspace' && (details as { damaged?: unknown } | undefined)?.damaged === true;
}

/**
 * Shown instead of the app when the workspace file is damaged: what happened, the backups found
 * for it (each checked again), and a restore that keeps the damaged file under a new name.
 */
export function RecoveryScreen({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const recovery = useRpcQuery('workspace.recovery', {});
  const openSample = useWorkspaceSwitch('workspace.openSample');
  const client = useQueryClient();
  const restore = useMutation<{ damagedKeptAs: string }, RpcError, RecoveryBackup>({
    mutationFn: (backup) => call('workspace.recoverFromBackup', { id: backup.id }),
    onSuccess: async ({ damagedKeptAs }, backup) => {
      notifySuccess(`The workspace is back to ${formatWhen(backup.createdAt)}. The damaged file was kept as ${damagedKeptAs}.`, 'Restored');
      // The workspace is open again: every read is refetched, and the app replaces this screen.
      await client.invalidateQueries();
    },
    onError: (failure) => {
      notifyError('The backup was not restored', failure);
      void recovery.refetch();
    },
  });

  const startOver = useMutation<Output<'workspace.startOver'>, RpcError>({
    mutationFn: () => call('workspace.startOver', {}),
    onSuccess: async (result) => {
      if (result) notifySuccess(`A new, empty workspace is open. The damaged file was kept as ${result.damagedKeptAs}.`, 'Started over');
      await client.invalidateQueries();
    },
    onError: (failure) => {
      notifyError('A new workspace was not started', failure);
      void recovery.refetch();
    },
  });

  const salvage = useMutation<Output<'workspace.salvage'>, RpcError>({
    mutationFn: () => call('workspace.salvage', {}),
    onError: (failure) => notifyError('Nothing could be exported', failure),
  });

  const info = recovery.data;
  const newestGood = info?.backups.find((b) => b.ok);
  const keptAs = info ? `${info.fileName.replace(/\.coalition$/, '')}.damaged-….coalition` : '';

  function confirmStartOver() {
    modals.openConfirmModal({
      title: 'Start over in a new, empty workspace?',
      children: (
        <Stack gap="xs">
          <Text size="sm">
            The damaged file is not deleted: it is kept next to the workspace as <strong>{keptAs}</strong>. Its backups stay in the backups
            folder, so one can still be restored later from Data &amp; backups.
          </Text>
          <Text size="sm">Export what can still be read first if you may need it.</Text>
        </Stack>
      ),
      labels: { confirm: 'Start a new workspace', cancel: 'Cancel' },
      confirmProps: { color: 'orange' },
      onConfirm: () => startOver.mutate(),
    });
  }

  function confirmRestore(backup: RecoveryBackup) {
    modals.openConfirmModal({
      title: `Restore the backup from ${formatWhen(backup.createdAt)}?`,
      children: (
        <Stack gap="xs">
          <Text size="sm">The workspace goes back to this backup: {countsText(backup)}.</Text>
          <Text size="sm">
            The damaged file is not deleted: it is kept next to the workspace as <strong>{keptAs}</strong>, in case someone can still get
            something out of it.
          </Text>
        </Stack>
      ),
      labels: { confirm: 'Restore this backup', cancel: 'Cancel' },
      confirmProps: { color: 'orange' },
      onConfirm: () => restore.mutate(backup),
    });
  }

  return (
    <CenteredScreen width={720}>
      <Stack gap="lg">
        <ThemeIcon size={52} radius="xl" variant="light" color="orange" aria-hidden>
          <IconFileAlert size={26} stroke={1.6} />
        </ThemeIcon>
        <Stack gap="xs">
          <Title order={1} fz={26}>
            The workspace file is damaged
          </Title>
          <Text>
            {info ? `${info.fileName}: nothing` : 'Nothing'} has been changed in it.
          </Text>
          <Text c="dimmed" size="sm">
            Part of the file cannot be read, so Coalition Desk did not open it. You can put a backup in its place; the damaged file is kept.
          </Text>
        </Stack>
        <Alert color="orange" variant="light" title="What happened" role="alert">
          {info?.message ?? errorMessage(error)}
        </Alert>

        <Stack gap="sm">
          <Title order={2} fz={18}>
            Backups of this workspace
          </Title>
          {recovery.isError && <QueryError title="The backups could not be listed" error={recovery.error} onRetry={() => void recovery.refetch()} />}
          {recovery.isPending && <Loading label="Checking the backups" />}
          {info === null && (
            <Group gap="sm">
              <Text size="sm">The workspace can be opened again.</Text>
              <Button size="xs" onClick={onRetry}>
                Open it
              </Button>
            </Group>
          )}
          {info && info.backups.length === 0 && (
            <Text size="sm" c="dimmed">
              No backups of this workspace were found in {info.folder}.
            </Text>
          )}
          {info?.backups.map((backup) => {
            const isNewestGood = backup.id === newestGood?.id;
            return (
              <Card key={backup.id} withBorder padding="sm" radius="md" bg={isNewestGood ? 'var(--mantine-color-teal-light)' : undefined} aria-label={`Backup from ${formatWhen(backup.createdAt)}`} role="group">
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Stack gap={4}>
                    <Group gap="xs">
                      <Text fw={600}>{formatWhen(backup.createdAt)}</Text>
                      <Text size="sm" c="dimmed">
                        {ago(backup.createdAt)}
                      </Text>
                      <Badge variant="light" color="gray">
                        {KIND_LABELS[backup.kind]}
                      </Badge>
                      {isNewestGood && (
                        <Badge variant="filled" color="teal">
                          Newest good backup
                        </Badge>
                      )}
                    </Group>
                    <Text size="sm">
                      {countsText(backup)} · {formatBytes(backup.sizeBytes)}
                    </Text>
                    {backup.ok ? (
                      <Text size="sm" c={backup.checked ? 'teal' : 'dimmed'}>
                        {backup.checked ? 'Checked: readable and complete' : 'Checked when it was taken (checked again before a restore)'}
                      </Text>
                    ) : (
                      <Group gap={4} wrap="nowrap">
                        <IconAlertTriangle size={14} color="var(--mantine-color-red-6)" aria-hidden />
                        <Text size="sm" c="red">
                          This backup failed its check and cannot be restored: {backup.problem}
                        </Text>
                      </Group>
                    )}
                  </Stack>
                  {backup.ok && (
                    <Button
                      leftSection={<IconRestore size={16} />}
                      variant={isNewestGood ? 'filled' : 'default'}
                      loading={restore.isPending && restore.variables.id === backup.id}
                      disabled={restore.isPending}
                      onClick={() => confirmRestore(backup)}
                    >
                      Restore this backup
                    </Button>
                  )}
                </Group>
              </Card>
            );
          })}
        </Stack>

        <Stack gap="xs">
          <Title order={2} fz={18}>
            Export what can still be read
          </Title>
          <Text size="sm" c="dimmed">
            Writes one spreadsheet (CSV) file per table into a new folder next to the damaged file, skipping the parts that cannot be
            read. The damaged file is not changed.
          </Text>
          <Group>
            <Button variant="default" loading={salvage.isPending} onClick={() => salvage.mutate()}>
              Export what can still be read
            </Button>
          </Group>
          {salvage.data && <SalvageResult result={salvage.data} />}
        </Stack>

        {info?.damaged && (
          <Stack gap="xs">
            <Title order={2} fz={18}>
              Start over
            </Title>
            <Text size="sm" c="dimmed">
              With no backup to restore, start a new, empty workspace in its place. The damaged file is kept.
            </Text>
            <Group>
              <Button variant="default" color="orange" loading={startOver.isPending} onClick={confirmStartOver}>
                Start a new workspace
              </Button>
            </Group>
          </Stack>
        )}

        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            Or keep working elsewhere in the meantime: the sample coalition lives in its own file and does not touch yours.
          </Text>
          <Group>
            <Button variant="default" onClick={() => openSample.mutate()} loading={openSample.isPending}>
              Open the sample coalition
            </Button>
            <Button variant="subtle" onClick={onRetry}>
              Try again
            </Button>
          </Group>
        </Stack>
      </Stack>
    </CenteredScreen>
  );
}

const SALVAGE_TABLES: [string, string][] = [
  ['organizations', 'organizations'],
  ['people', 'people'],
  ['interactions', 'interactions'],
  ['charter_version', 'charter versions'],
];

function SalvageResult({ result }: { result: NonNullable<Output<'workspace.salvage'>> }) {
  const damaged = result.tables.filter((t) => t.unreadableRows > 0 || t.skippedRanges > 0);
  const rowsOf = (name: string) => result.tables.find((t) => t.name === name)?.rows ?? 0;
  const lost = (t: (typeof damaged)[number]) =>
    t.stoppedSplitting
      ? `${t.name} (up to ${t.unreadableRows.toLocaleString('en')} rows: too damaged to go through row by row)`
      : t.unreadableRows > 0
        ? `${t.name} (up to ${t.unreadableRows.toLocaleString('en')} ${t.unreadableRows === 1 ? 'row' : 'rows'})`
        : t.name;
  return (
    <Alert color={damaged.length > 0 ? 'yellow' : 'teal'} variant="light" title={`Exported to the folder “${result.folderName}”`}>
      <Text size="sm">{SALVAGE_TABLES.map(([name, label]) => `${rowsOf(name).toLocaleString('en')} ${label}`).join(' · ')}</Text>
      <Text size="sm">
        {damaged.length > 0
          ? `Some rows could not be read and were left out in: ${damaged.map(lost).join(', ')}.`
          : 'Every table could be read.'}
      </Text>
    </Alert>
  );
}
