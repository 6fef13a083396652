import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Group, Stack, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconArrowForwardUp } from '@tabler/icons-react';
import dayjs from 'dayjs';
import type { Output } from '@shared/contract';
import type { BatchEntry } from '@shared/history/contract';
import { call, type RpcError } from '../../api/client';
import { notifyError } from '../../api/errors';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { QueryError } from '../../components/QueryError';
import { RecordedAs } from './RecordedAs';

// The workspace's history: every call that changed something (one row per batch: an import, a
// merge or a bulk edit is one row), who made it and when, and undo / redo.

const PAGE = 50;

function formatWhen(iso: string): string {
  return dayjs(iso).format('D MMM YYYY, HH:mm');
}

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** Undo for a change or a redo; redo for an undo. */
function verb(batch: BatchEntry): 'Undo' | 'Redo' {
  return batch.kind === 'undo' ? 'Redo' : 'Undo';
}

/** What "Undo last change" reverts: the newest change or redo not undone yet. */
export function latestUndoable(batches: readonly BatchEntry[]): BatchEntry | undefined {
  return batches.find((b) => b.undoneBy === null && b.kind !== 'undo');
}

export function HistoryPage() {
  const client = useQueryClient();
  const history = useInfiniteQuery<Output<'history.batches'>, RpcError>({
    queryKey: ['rpc', 'history.batches', 'pages'],
    queryFn: ({ pageParam }) => call('history.batches', { limit: PAGE, ...(typeof pageParam === 'string' ? { before: pageParam } : {}) }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => (last.more ? (last.batches.at(-1)?.id ?? null) : null),
    // Every call may add a batch and none invalidates this list: read it afresh on each visit.
    refetchOnMount: 'always',
  });
  const [pending, setPending] = useState<string | null>(null);
  const undo = useMutation<Output<'history.undo'>, RpcError, BatchEntry>({
    mutationFn: (batch) => call('history.undo', { batch: batch.id }),
    onMutate: (batch) => setPending(batch.id),
    // Any screen may show what changed back: every read is refetched.
    onSuccess: async (result) => {
      await client.invalidateQueries({ queryKey: ['rpc'] });
      notifications.show({
        color: 'teal',
        title: result.undo.kind === 'redo' ? 'Redone' : 'Undone',
        message: `${result.undone.summary}. ${result.undo.kind === 'redo' ? 'It is back.' : 'You can redo it from History.'}`,
      });
    },
    onError: (error, batch) => notifyError(`“${batch.summary}” was not ${verb(batch) === 'Undo' ? 'undone' : 'redone'}`, error),
    onSettled: () => setPending(null),
  });

  const batches = history.data?.pages.flatMap((p) => p.batches) ?? [];
  const latest = latestUndoable(batches);
  const byId = new Map(batches.map((b) => [b.id, b]));

  function confirm(batch: BatchEntry) {
    const action = verb(batch);
    const who = batch.actor ? ` by ${batch.actor}` : '';
    modals.openConfirmModal({
      title: `${action} “${batch.summary}”?`,
      children: (
        <Stack gap="xs">
          <Text size="sm">
            {action === 'Undo'
              ? `Everything this change did (${formatWhen(batch.at)}${who}, ${plural(batch.changes, 'recorded change', 'recorded changes')}) is reverted: the records go back to how they were before it.`
              : `The change this undo reverted is made again (${plural(batch.changes, 'recorded change', 'recorded changes')}).`}
          </Text>
          <Text size="sm" c="dimmed">
            {action === 'Undo'
              ? 'The undo is recorded too, so it can be redone from this list. If a later change touched the same records, undo that one first.'
              : 'The redo is recorded too, so it can be undone again.'}
          </Text>
        </Stack>
      ),
      labels: { confirm: action, cancel: 'Cancel' },
      onConfirm: () => undo.mutate(batch),
    });
  }

  // Edit ▸ Undo last change… opens this screen with ?undo=last: confirm the latest undoable change.
  const [params, setParams] = useSearchParams();
  const asked = params.get('undo') === 'last';
  // After the visit's refetch, so the confirmation names the latest change, not a cached one.
  const loaded = history.isSuccess && !history.isFetching;
  useEffect(() => {
    if (!asked || !loaded) return;
    setParams({}, { replace: true });
    if (latest) confirm(latest);
    else notifications.show({ color: 'gray', title: 'Nothing to undo', message: 'No change in this workspace is waiting to be undone.' });
    // confirm and latest are read once, when the request arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [asked, loaded]);

  return (
    <Page
      title="History"
      description="Every change made in this workspace, newest first, with who made it and when. An import, a merge or a bulk edit is one change, undone in one step. Undoing is recorded too, so an undo can be redone."
      actions={
        <Button leftSection={<IconArrowBackUp size={16} />} disabled={!latest} loading={latest !== undefined && pending === latest.id} onClick={() => latest && confirm(latest)}>
          Undo last change
        </Button>
      }
    >
      <RecordedAs />
      {history.isPending ? (
        <Loading label="Loading the history" />
      ) : history.isError ? (
        <QueryError title="The history could not be read" error={history.error} onRetry={() => void history.refetch()} />
      ) : batches.length === 0 ? (
        <Text c="dimmed" size="sm">
          No changes yet. Everything you add, edit, import, merge or delete will be listed here.
        </Text>
      ) : (
        <Stack gap="md">
          <Table aria-label="Changes" verticalSpacing="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={170}>When</Table.Th>
                <Table.Th w={150}>Who</Table.Th>
                <Table.Th>What</Table.Th>
                <Table.Th w={120}>
                  <VisuallyHidden>Undo</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {batches.map((batch) => {
                const undoneBy = batch.undoneBy ? byId.get(batch.undoneBy) : undefined;
                const action = verb(batch);
                return (
                  <Table.Tr key={batch.id} className={batch.undoneBy ? 'history-undone' : undefined}>
                    <Table.Td>
                      <Text size="sm" title={batch.at}>
                        {formatWhen(batch.at)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c={batch.actor ? undefined : 'dimmed'}>
                        {batch.actor || 'Unknown'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={8} wrap="nowrap">
                        <Text size="sm" td={batch.undoneBy ? 'line-through' : undefined} c={batch.undoneBy ? 'dimmed' : undefined}>
                          {batch.summary}
                        </Text>
                        {batch.undoneBy && (
                          <Tooltip label={undoneBy ? `${formatWhen(undoneBy.at)}${undoneBy.actor ? ` by ${undoneBy.actor}` : ''}` : 'Undone later'} withinPortal>
                            <Badge size="xs" variant="outline" color="gray" radius="sm">
                              Undone
                            </Badge>
                          </Tooltip>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      {!batch.undoneBy && (
                        <Button
                          size="compact-sm"
                          variant={batch.id === latest?.id ? 'light' : 'subtle'}
                          leftSection={action === 'Undo' ? <IconArrowBackUp size={14} /> : <IconArrowForwardUp size={14} />}
                          loading={pending === batch.id}
                          disabled={pending !== null && pending !== batch.id}
                          aria-label={`${action} “${batch.summary}”`}
                          onClick={() => confirm(batch)}
                        >
                          {action}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          {history.hasNextPage && (
            <Group justify="center">
              <Button variant="default" loading={history.isFetchingNextPage} onClick={() => void history.fetchNextPage()}>
                Show earlier changes
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Page>
  );
}
