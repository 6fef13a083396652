import { useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Badge, Button, Group, Menu, Modal, PasswordInput, Progress, Stack, Table, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { IconAlertTriangle, IconChevronDown, IconDatabase, IconDatabaseExport, IconDatabaseImport, IconEye, IconFolder, IconRestore, IconShieldCheck } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { PASSPHRASE_MIN, type BackupKind, type BackupSummary } from '@shared/backups/contract';
import { call, RpcError } from '../../api/client';
import { notifyError, notifySuccess } from '../../api/errors';
import { useRpcMutation, useRpcQuery } from '../../api/queries';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { QueryError } from '../../components/QueryError';

// Backups of the open workspace: the automatic and manual copies in the backups folder, restore,
// and the passphrase-encrypted file that carries a workspace to another laptop.

export const KIND_LABELS: Record<BackupKind, string> = {
  automatic: 'Automatic',
  manual: 'Manual',
  'before-import': 'Before import',
  'before-merge': 'Before merge',
  'before-undo': 'Before undo',
  'before-migration': 'Before upgrade',
  'before-restore': 'Before restore',
};

const KIND_COLORS: Record<BackupKind, string> = {
  automatic: 'gray',
  manual: 'blue',
  'before-import': 'grape',
  'before-merge': 'grape',
  'before-undo': 'grape',
  'before-migration': 'orange',
  'before-restore': 'teal',
};

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${(bytes / (1024 * 1024 * 1024)).toFixed(2)} GB`;
}

export function formatWhen(iso: string): string {
  return dayjs(iso).format('D MMM YYYY, HH:mm');
}

/** "just now", "12 minutes ago", "3 hours ago", "5 days ago". */
export function ago(iso: string, now: Date = new Date()): string {
  const minutes = Math.round((now.getTime() - new Date(iso).getTime()) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${plural(minutes, 'minute', 'minutes')} ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${plural(hours, 'hour', 'hours')} ago`;
  return `${plural(Math.round(hours / 24), 'day', 'days')} ago`;
}

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

export function countsText(b: BackupSummary): string {
  return [
    plural(b.counts.organizations, 'organization', 'organizations'),
    plural(b.counts.people, 'person', 'people'),
    plural(b.counts.interactions, 'interaction', 'interactions'),
  ].join(' · ');
}

/** A rough strength hint: length counts most, mixing kinds of characters helps. */
export function passphraseStrength(passphrase: string): { score: number; label: string; color: string } {
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(passphrase)).length;
  const words = passphrase.trim().split(/\s+/).filter(Boolean).length;
  const points = passphrase.length + kinds * 3 + (words >= 4 ? 8 : 0);
  if (passphrase.length < PASSPHRASE_MIN) return { score: Math.min(25, passphrase.length * 2.5), label: `Too short: at least ${PASSPHRASE_MIN} characters`, color: 'red' };
  if (points < 22) return { score: 45, label: 'Fair: a longer passphrase is safer', color: 'yellow' };
  if (points < 32) return { score: 75, label: 'Good', color: 'teal' };
  return { score: 100, label: 'Strong', color: 'green' };
}

const BACKUP_READS = ['backups.list'] as const;

export function BackupsPage() {
  const list = useRpcQuery('backups.list', {});
  const workspace = useRpcQuery('workspace.info', {});
  // Listed newest first; only checked backups are listed.
  const newest = list.data?.backups[0];
  const create = useRpcMutation('backups.create', { invalidates: BACKUP_READS });
  const restore = useRpcMutation('backups.restore', { invalidates: BACKUP_READS });
  const chooseFolder = useRpcMutation('backups.chooseFolder', { invalidates: BACKUP_READS });
  const useDefault = useRpcMutation('backups.useDefaultFolder', { invalidates: BACKUP_READS });
  const navigate = useNavigate();
  const client = useQueryClient();
  // Another workspace (the backup's copy) is open afterwards: every read is refetched.
  const openReadOnly = useMutation<unknown, RpcError, string>({
    mutationFn: (id) => call('backups.openReadOnly', { id }),
    onSuccess: async () => {
      await client.invalidateQueries();
      void navigate('/directory');
    },
    onError: (error) => notifyError('The backup could not be opened', error),
  });
  // The encrypted-file dialog lives in the URL (?file=export|import), so File ▸ Back up… can open it.
  const [params, setParams] = useSearchParams();
  const requested = params.get('file');
  const encrypting = requested === 'export' || requested === 'import' ? requested : null;
  const setEncrypting = (mode: 'export' | 'import' | null) => setParams(mode ? { file: mode } : {}, { replace: true });

  function confirmRestore(backup: BackupSummary) {
    modals.openConfirmModal({
      title: `Restore the backup from ${formatWhen(backup.createdAt)}?`,
      children: (
        <Stack gap="xs">
          <Text size="sm">
            The workspace goes back to this backup: {countsText(backup)}. Everything entered since then is replaced.
          </Text>
          <Text size="sm">
            The current state is backed up first; it appears in this list as “Before restore”, so you can come back to it.
          </Text>
        </Stack>
      ),
      labels: { confirm: 'Back up current state and restore', cancel: 'Cancel' },
      confirmProps: { color: 'orange' },
      onConfirm: () =>
        restore.mutate(
          { id: backup.id },
          {
            onSuccess: () => notifySuccess(`The workspace is back to ${formatWhen(backup.createdAt)}. The state before was backed up.`, 'Restored'),
            onError: (error) => notifyError('The backup was not restored', error),
          },
        ),
    });
  }

  const actions = (
    <>
      <Button
        leftSection={<IconShieldCheck size={16} />}
        loading={create.isPending}
        onClick={() =>
          create.mutate(
            {},
            {
              onSuccess: (b) => notifySuccess(`Checked and saved: ${countsText(b)}.`, 'Backed up'),
              onError: (error) => {
                notifyError('The backup failed', error);
                // The failure is recorded with the list: show it there too.
                void list.refetch();
              },
            },
          )
        }
      >
        Back up now
      </Button>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" rightSection={<IconChevronDown size={14} />}>
            Encrypted file
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconDatabaseExport size={16} />} onClick={() => setEncrypting('export')}>
            Back up to encrypted file…
          </Menu.Item>
          <Menu.Item leftSection={<IconDatabaseImport size={16} />} onClick={() => setEncrypting('import')}>
            Restore from encrypted file…
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </>
  );

  return (
    <Page
      title="Data & backups"
      description="Where this workspace and its backups are, and copies of it checked before they count. Coalition Desk backs up when the workspace opens, every 15 minutes while it changes, and before every import, merge and upgrade. It keeps the last 10 backups, plus one a day for 14 days and one a month for a year."
      actions={actions}
    >
      {list.isPending ? (
        <Loading label="Loading backups" />
      ) : list.isError ? (
        <QueryError title="The backups could not be listed" error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Stack gap="md">
          {list.data.lastFailure && (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title="The last backup failed" role="alert">
              <Text size="sm">
                {KIND_LABELS[list.data.lastFailure.kind]} backup, {formatWhen(list.data.lastFailure.at)}: {list.data.lastFailure.message}
              </Text>
              <Text size="sm" mt={4}>
                It was not kept. Try “Back up now”; if it fails again, check the free space in the backups folder.
              </Text>
            </Alert>
          )}
          <Group gap="sm" wrap="nowrap">
            <IconDatabase size={18} stroke={1.6} aria-hidden />
            <Text size="sm" style={{ minWidth: 0, flexGrow: 1 }} truncate="end" title={workspace.data?.path}>
              <Text span c="dimmed" size="sm">
                Workspace{' '}
              </Text>
              {workspace.data?.path ?? '…'}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap" aria-label="Last verified backup">
            <IconShieldCheck size={18} stroke={1.6} aria-hidden />
            <Text size="sm">
              <Text span c="dimmed" size="sm">
                Last verified backup{' '}
              </Text>
              {newest ? `${formatWhen(newest.createdAt)} (${ago(newest.createdAt)})` : 'none yet: “Back up now” takes one'}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap" className="backups-folder">
            <IconFolder size={18} stroke={1.6} aria-hidden />
            <Text size="sm" style={{ minWidth: 0, flexGrow: 1 }} truncate="end" title={list.data.folder}>
              <Text span c="dimmed" size="sm">
                Kept in{' '}
              </Text>
              {list.data.folder}
              {list.data.folderIsDefault && (
                <Text span c="dimmed" size="sm">
                  {' '}
                  (next to the workspace)
                </Text>
              )}
            </Text>
            {!list.data.folderIsDefault && (
              <Button variant="subtle" size="xs" loading={useDefault.isPending} onClick={() => useDefault.mutate({}, { onError: (e) => notifyError('The folder was not changed', e) })}>
                Use default folder
              </Button>
            )}
            <Button variant="default" size="xs" loading={chooseFolder.isPending} onClick={() => chooseFolder.mutate({}, { onError: (e) => notifyError('The folder was not changed', e) })}>
              Change folder…
            </Button>
          </Group>
          {list.data.backups.length === 0 ? (
            <Text size="sm" c="dimmed">
              No backups yet. The first is taken when there is something to back up, or now with “Back up now”.
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={720}>
              <Table verticalSpacing="sm" highlightOnHover aria-label="Backups">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Taken</Table.Th>
                    <Table.Th>Kind</Table.Th>
                    <Table.Th>Records</Table.Th>
                    <Table.Th ta="right">Size</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.backups.map((backup, index) => (
                    <Table.Tr key={backup.id}>
                      <Table.Td>
                        <Text size="sm" fw={index === 0 ? 600 : undefined}>
                          {formatWhen(backup.createdAt)}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {ago(backup.createdAt)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={KIND_COLORS[backup.kind]}>
                          {KIND_LABELS[backup.kind]}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{countsText(backup)}</Text>
                        <Text size="xs" c="dimmed">
                          {plural(backup.counts.charterVersions, 'charter version', 'charter versions')}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right">
                        <Text size="sm">{formatBytes(backup.sizeBytes)}</Text>
                      </Table.Td>
                      <Table.Td ta="right">
                        <Group gap="xs" justify="flex-end" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="subtle"
                          leftSection={<IconEye size={14} />}
                          onClick={() => openReadOnly.mutate(backup.id)}
                          loading={openReadOnly.isPending && openReadOnly.variables === backup.id}
                          aria-label={`Open the backup from ${formatWhen(backup.createdAt)} read-only`}
                        >
                          Open read-only
                        </Button>
                        <Button
                          size="xs"
                          variant="default"
                          leftSection={<IconRestore size={14} />}
                          onClick={() => confirmRestore(backup)}
                          loading={restore.isPending && restore.variables.id === backup.id}
                          aria-label={`Restore the backup from ${formatWhen(backup.createdAt)}`}
                        >
                          Restore
                        </Button>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      )}
      <EncryptedFileModal mode={encrypting} onClose={() => setEncrypting(null)} />
    </Page>
  );
}

function EncryptedFileModal({ mode, onClose }: { mode: 'export' | 'import' | null; onClose: () => void }) {
  const exportFile = useRpcMutation('backups.exportEncrypted');
  const importFile = useRpcMutation('backups.importEncrypted', { invalidates: BACKUP_READS });
  const form = useForm({
    initialValues: { passphrase: '', repeat: '' },
    validate: {
      passphrase: (v) => (v.length < PASSPHRASE_MIN ? `The passphrase needs at least ${PASSPHRASE_MIN} characters.` : null),
      repeat: (v, values) => (mode === 'export' && v !== values.passphrase ? 'The two passphrases are not the same.' : null),
    },
  });
  const strength = passphraseStrength(form.values.passphrase);
  const pending = exportFile.isPending || importFile.isPending;

  function close() {
    form.reset();
    onClose();
  }

  function showError(title: string, error: unknown) {
    const issue = error instanceof RpcError ? error.issues.find((i) => i.path === 'passphrase') : undefined;
    if (issue) form.setFieldError('passphrase', issue.message);
    else notifyError(title, error);
  }

  const submit = form.onSubmit(({ passphrase }) => {
    if (mode === 'export') {
      exportFile.mutate(
        { passphrase },
        {
          onSuccess: (r) => {
            if (!r.saved) return;
            notifySuccess(`${r.fileName ?? 'The file'} is encrypted and saved${r.sizeBytes === null ? '' : ` (${formatBytes(r.sizeBytes)})`}. Keep the passphrase somewhere safe.`, 'Backed up to file');
            close();
          },
          onError: (error) => showError('The backup file was not written', error),
        },
      );
    } else if (mode === 'import') {
      importFile.mutate(
        { passphrase },
        {
          onSuccess: (r) => {
            if (!r.restored) return;
            notifySuccess(`The workspace now holds ${r.fileName ?? 'the file'}’s data. The state before was backed up.`, 'Restored from file');
            close();
          },
          onError: (error) => showError('Nothing was restored', error),
        },
      );
    }
  });

  return (
    <Modal opened={mode !== null} onClose={close} title={mode === 'import' ? 'Restore from encrypted file' : 'Back up to encrypted file'} size="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {mode === 'export' ? (
            <Text size="sm">
              One file with the whole workspace, encrypted with a passphrase (AES-256). Use it to keep a copy off this laptop or to move the
              workspace to another one. Without the passphrase nobody can open it — not even you, so write it down somewhere safe.
            </Text>
          ) : (
            <Text size="sm">
              Choose a Coalition Desk backup file next, and enter the passphrase it was saved with. The current state of this workspace is
              backed up first, then replaced by the file’s.
            </Text>
          )}
          <PasswordInput
            label="Passphrase"
            description={mode === 'export' ? `At least ${PASSPHRASE_MIN} characters; a few unrelated words are easy to remember and hard to guess.` : undefined}
            autoComplete={mode === 'export' ? 'new-password' : 'current-password'}
            data-autofocus
            {...form.getInputProps('passphrase')}
          />
          {mode === 'export' && (
            <>
              <Stack gap={4} aria-live="polite">
                <Progress value={strength.score} color={strength.color} size="sm" aria-label="Passphrase strength" />
                <Text size="xs" c="dimmed">
                  {form.values.passphrase === '' ? ' ' : strength.label}
                </Text>
              </Stack>
              <PasswordInput label="Passphrase again" autoComplete="new-password" {...form.getInputProps('repeat')} />
            </>
          )}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={pending} color={mode === 'import' ? 'orange' : undefined}>
              {mode === 'import' ? 'Choose file and restore…' : 'Choose where to save…'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
