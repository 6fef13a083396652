import { useState } from 'react';
import { DragDropContext, Draggable, Droppable, type DropResult } from '@hello-pangea/dnd';
import { ActionIcon, Anchor, Badge, Button, Group, Modal, NumberInput, Paper, ScrollArea, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconPlus } from '@tabler/icons-react';
import { OUTREACH_KINDS, OUTREACH_STATUS_VALUES, OUTREACH_STATUSES, type OutreachItem, type OutreachStatus } from '@shared/media/contract';
import { notifyError } from '../../api/errors';
import { useRpcMutation, useRpcQuery } from '../../api/queries';
import { formatDate, today } from '../../components/format';
import { IsoDateInput } from '../../components/IsoDateInput';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { QueryError } from '../../components/QueryError';
import { MediaNav } from './MediaNav';
import { OutreachForm } from './OutreachForm';
import { MEDIA_READS } from './reads';

const STATUS_COLORS: Record<OutreachStatus, string> = { idea: 'gray', drafting: 'yellow', review: 'orange', approved: 'blue', published: 'teal' };

/** Media ▸ Outreach: the board by status (buttons or drag to move) and the list. */
export function OutreachPage() {
  const [view, setView] = useState<'board' | 'list'>('board');
  const [campaignId, setCampaignId] = useState<string | null>(null);
  const [editing, setEditing] = useState<OutreachItem | 'new' | null>(null);
  const [publishing, setPublishing] = useState<OutreachItem | null>(null);
  const campaigns = useRpcQuery('campaigns.list', { statuses: [] });
  const items = useRpcQuery('media.outreach.list', campaignId ? { campaignId } : {});
  const move = useRpcMutation('media.outreach.move', { invalidates: MEDIA_READS });

  const moveTo = (item: OutreachItem, status: OutreachStatus) => {
    if (status === item.status) return;
    if (status === 'published' && (item.reach === null || item.engagement === null)) {
      setPublishing(item);
      return;
    }
    move.mutate({ id: item.id, status, today: today() }, { onError: (error) => notifyError(`“${item.title}” was not moved`, error) });
  };
  const onDragEnd = (result: DropResult) => {
    const item = items.data?.find((i) => i.id === result.draggableId);
    if (item && result.destination) moveTo(item, result.destination.droppableId as OutreachStatus);
  };

  return (
    <Page
      fluid
      title="Media outreach"
      description="Press releases, op-eds, social posts, PSAs, interviews, guest articles, podcasts and panels, from idea to published."
      nav={<MediaNav />}
      actions={
        <Button leftSection={<IconPlus size={15} />} onClick={() => setEditing('new')}>
          Add outreach
        </Button>
      }
    >
      <Group gap="sm" align="flex-end">
        <SegmentedControl value={view} onChange={(v) => setView(v)} data={[{ value: 'board', label: 'Board' }, { value: 'list', label: 'List' }]} />
        <Select placeholder="All campaigns" clearable searchable aria-label="Campaign" data={(campaigns.data ?? []).map((c) => ({ value: c.id, label: c.name }))} value={campaignId} onChange={setCampaignId} w={260} />
      </Group>
      {items.isPending ? (
        <Loading label="Loading the outreach items" />
      ) : items.isError ? (
        <QueryError title="The outreach items could not be read" error={items.error} onRetry={() => void items.refetch()} />
      ) : view === 'board' ? (
        <DragDropContext onDragEnd={onDragEnd}>
          <SimpleGrid cols={5} spacing="sm" style={{ alignItems: 'start' }}>
            {OUTREACH_STATUS_VALUES.map((status, index) => {
              const column = items.data.filter((i) => i.status === status);
              return (
                <Paper key={status} withBorder p="xs" bg="var(--mantine-color-default-hover)" aria-label={`${OUTREACH_STATUSES[status]} column`}>
                  <Group justify="space-between" mb="xs">
                    <Badge color={STATUS_COLORS[status]} variant="light" tt="none">
                      {OUTREACH_STATUSES[status]}
                    </Badge>
                    <Text size="xs" c="dimmed">
                      {column.length}
                    </Text>
                  </Group>
                  <Droppable droppableId={status}>
                    {(drop) => (
                      <Stack gap={6} ref={drop.innerRef} {...drop.droppableProps} mih={80}>
                        {column.map((item, position) => (
                          <Draggable key={item.id} draggableId={item.id} index={position}>
                            {(drag) => (
                              <Paper withBorder p="xs" radius="sm" ref={drag.innerRef} {...drag.draggableProps} {...drag.dragHandleProps} data-item={item.title}>
                                <Stack gap={2}>
                                  <Anchor size="sm" fw={500} onClick={() => setEditing(item)} style={{ lineHeight: 1.3 }}>
                                    {item.title}
                                  </Anchor>
                                  <Text size="xs" c="dimmed">
                                    {OUTREACH_KINDS[item.kind]}
                                    {item.outletName ? ` · ${item.outletName}` : ''}
                                  </Text>
                                  <Text size="xs" c="dimmed">
                                    {item.date ? formatDate(item.date) : 'No date'}
                                    {item.ownerName ? ` · ${item.ownerName}` : ''}
                                  </Text>
                                  {item.status === 'published' && (
                                    <Text size="xs">
                                      Reach {item.reach?.toLocaleString('en-US')} · engagement {item.engagement?.toLocaleString('en-US')}
                                    </Text>
                                  )}
                                  <Group justify="space-between" gap={0}>
                                    <Tooltip label={index > 0 ? `Back to ${OUTREACH_STATUSES[OUTREACH_STATUS_VALUES[index - 1] as OutreachStatus]}` : ''} disabled={index === 0}>
                                      <ActionIcon size="sm" variant="subtle" color="gray" disabled={index === 0} aria-label={`Move “${item.title}” back`} onClick={() => moveTo(item, OUTREACH_STATUS_VALUES[index - 1] as OutreachStatus)}>
                                        <IconChevronLeft size={14} />
                                      </ActionIcon>
                                    </Tooltip>
                                    <Tooltip label={index < OUTREACH_STATUS_VALUES.length - 1 ? `On to ${OUTREACH_STATUSES[OUTREACH_STATUS_VALUES[index + 1] as OutreachStatus]}` : ''} disabled={index === OUTREACH_STATUS_VALUES.length - 1}>
                                      <ActionIcon size="sm" variant="subtle" color="gray" disabled={index === OUTREACH_STATUS_VALUES.length - 1} aria-label={`Move “${item.title}” on`} onClick={() => moveTo(item, OUTREACH_STATUS_VALUES[index + 1] as OutreachStatus)}>
                                        <IconChevronRight size={14} />
                                      </ActionIcon>
                                    </Tooltip>
                                  </Group>
                                </Stack>
                              </Paper>
                            )}
                          </Draggable>
                        ))}
                        {drop.placeholder}
                      </Stack>
                    )}
                  </Droppable>
                </Paper>
              );
            })}
          </SimpleGrid>
        </DragDropContext>
      ) : (
        <ScrollArea>
          <Table striped highlightOnHover verticalSpacing={6} aria-label="Outreach items">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Title</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Date</Table.Th>
                <Table.Th>Campaign</Table.Th>
                <Table.Th>Outlet</Table.Th>
                <Table.Th>Owner</Table.Th>
                <Table.Th ta="right">Reach</Table.Th>
                <Table.Th ta="right">Engagement</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.data.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>
                    <Anchor size="sm" onClick={() => setEditing(item)}>
                      {item.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{OUTREACH_KINDS[item.kind]}</Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLORS[item.status]} variant="light" tt="none" style={{ flexShrink: 0 }}>
                      {OUTREACH_STATUSES[item.status]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{formatDate(item.date)}</Table.Td>
                  <Table.Td>{item.campaignName ?? '—'}</Table.Td>
                  <Table.Td>{item.outletName ?? '—'}</Table.Td>
                  <Table.Td>{item.ownerName ?? '—'}</Table.Td>
                  <Table.Td ta="right">{item.reach?.toLocaleString('en-US') ?? '—'}</Table.Td>
                  <Table.Td ta="right">{item.engagement?.toLocaleString('en-US') ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? 'New outreach item' : 'Edit outreach item'} size="lg">
        {editing !== null && <OutreachForm item={editing === 'new' ? undefined : editing} onDone={() => setEditing(null)} />}
      </Modal>
      <Modal opened={publishing !== null} onClose={() => setPublishing(null)} title="Publish">
        {publishing && <PublishForm item={publishing} onDone={() => setPublishing(null)} />}
      </Modal>
    </Page>
  );
}

/** What publishing asks for: the day, the reach and the engagement (and the link). */
function PublishForm({ item, onDone }: { item: OutreachItem; onDone: () => void }) {
  const move = useRpcMutation('media.outreach.move', { invalidates: MEDIA_READS });
  const [date, setDate] = useState<string | null>(item.date ?? today());
  const [reach, setReach] = useState<number | string>(item.reach ?? '');
  const [engagement, setEngagement] = useState<number | string>(item.engagement ?? '');
  const [link, setLink] = useState(item.link);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = () =>
    move.mutate(
      { id: item.id, status: 'published', today: today(), date, link, reach: reach === '' ? null : Number(reach), engagement: engagement === '' ? null : Number(engagement) },
      {
        onSuccess: onDone,
        onError: (error) => {
          const issues = (error.details as { issues?: { path: string; message: string }[] } | undefined)?.issues ?? [];
          if (issues.length === 0) notifyError('It was not published', error);
          setErrors(Object.fromEntries(issues.map((i) => [i.path, i.message])));
        },
      },
    );
  return (
    <Stack gap="sm">
      <Text size="sm">“{item.title}”: how far did it go?</Text>
      <IsoDateInput label="Published on" withAsterisk value={date} onChange={(v) => setDate(v)} error={errors.date} />
      <Group grow>
        <NumberInput label="Reach" withAsterisk min={0} thousandSeparator="," value={reach} onChange={setReach} error={errors.reach} />
        <NumberInput label="Engagement" withAsterisk min={0} thousandSeparator="," value={engagement} onChange={setEngagement} error={errors.engagement} />
      </Group>
      <TextInput label="Link" placeholder="https://" value={link} onChange={(e) => setLink(e.currentTarget.value)} error={errors.link} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button loading={move.isPending} onClick={submit}>
          Publish
        </Button>
      </Group>
    </Stack>
  );
}
