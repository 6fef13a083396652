import { useState } from 'react';
import { ActionIcon, Anchor, Badge, Button, Group, Modal, Select, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCheck, IconPencil, IconTrash } from '@tabler/icons-react';
import { Link } from 'react-router';
import { ACTION_STATUSES, OPEN_ACTION_STATUSES, actionItemInput, type ActionItem, type ActionItemInput, type ActionStatus } from '@shared/meetings/contract';
import { notifyError, notifySuccess, showSaveError, validateWithSchema } from '../../api/errors';
import { useRpcMutation } from '../../api/queries';
import { formatDate } from '../../components/format';
import { IsoDateInput } from '../../components/IsoDateInput';
import { EntityPicker } from '../directory/EntityPicker';
import { personHref } from '../directory/reads';
import { ACTION_STATUS_OPTIONS } from './labels';
import { MEETING_READS, meetingHref } from './reads';

const STATUS_COLORS: Record<ActionStatus, string> = { open: 'blue', in_progress: 'violet', done: 'teal', cancelled: 'gray' };

const isOpen = (item: ActionItem) => OPEN_ACTION_STATUSES.includes(item.status);

/** Action items with their owner, due date and meeting; each can be closed (marked done) right here. */
export function ActionItemsTable({ items, today, showMeeting = true, label }: { items: readonly ActionItem[]; today: string; showMeeting?: boolean; label: string }) {
  const [editing, setEditing] = useState<ActionItem | null>(null);
  const setStatus = useRpcMutation('actionItems.setStatus', { invalidates: MEETING_READS });
  const remove = useRpcMutation('actionItems.delete', { invalidates: MEETING_READS });
  if (items.length === 0) return null;
  return (
    <>
      <Table.ScrollContainer minWidth={600}>
        <Table verticalSpacing={4} aria-label={label}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Action</Table.Th>
              <Table.Th>Owner</Table.Th>
              <Table.Th>Due</Table.Th>
              {showMeeting && <Table.Th>From</Table.Th>}
              <Table.Th>Status</Table.Th>
              <Table.Th aria-label="Actions" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => {
              const overdue = isOpen(item) && item.dueOn !== null && item.dueOn < today;
              return (
                <Table.Tr key={item.id}>
                  <Table.Td>
                    <Text size="sm">{item.description}</Text>
                  </Table.Td>
                  <Table.Td>
                    {item.ownerPersonId ? (
                      <Anchor component={Link} to={personHref(item.ownerPersonId)} size="sm">
                        {item.ownerName}
                      </Anchor>
                    ) : (
                      <Text size="sm" c="orange">
                        No owner (deleted) — reassign
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm" c={overdue ? 'red' : undefined} fw={overdue ? 600 : undefined}>
                      {formatDate(item.dueOn) || '—'}
                      {overdue ? ' (overdue)' : ''}
                    </Text>
                  </Table.Td>
                  {showMeeting && (
                    <Table.Td>
                      {item.meetingId ? (
                        <Anchor component={Link} to={meetingHref(item.meetingId)} size="sm">
                          {item.meetingTitle}
                        </Anchor>
                      ) : (
                        <Text size="sm" c="dimmed">
                          Standalone
                        </Text>
                      )}
                    </Table.Td>
                  )}
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Badge color={STATUS_COLORS[item.status]} variant="light" tt="none" style={{ minWidth: 'max-content' }}>
                      {ACTION_STATUSES[item.status]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={2} wrap="nowrap" justify="flex-end">
                      {isOpen(item) && (
                        <Tooltip label="Mark done">
                          <ActionIcon
                            variant="subtle"
                            color="teal"
                            aria-label={`Mark “${item.description}” done`}
                            onClick={() =>
                              setStatus.mutate({ id: item.id, status: 'done' }, { onSuccess: () => notifySuccess(`“${item.description}” is done.`), onError: (e) => notifyError('The action item was not closed', e) })
                            }
                          >
                            <IconCheck size={16} />
                          </ActionIcon>
                        </Tooltip>
                      )}
                      <Tooltip label="Edit">
                        <ActionIcon variant="subtle" color="gray" aria-label={`Edit “${item.description}”`} onClick={() => setEditing(item)}>
                          <IconPencil size={15} />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label="Delete">
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={`Delete “${item.description}”`}
                          onClick={() => remove.mutate({ id: item.id }, { onError: (e) => notifyError('The action item was not deleted', e) })}
                        >
                          <IconTrash size={15} />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ActionItemModal opened={editing !== null} onClose={() => setEditing(null)} item={editing} meetingId={editing?.meetingId ?? null} />
    </>
  );
}

interface Values {
  description: string;
  ownerPersonId: string | null;
  ownerName: string;
  dueOn: string | null;
  status: ActionStatus;
}

/** Add an action item (to a meeting, or standalone with `meetingId` null) or change one. */
export function ActionItemModal({ opened, onClose, item, meetingId }: { opened: boolean; onClose: () => void; item: ActionItem | null; meetingId: string | null }) {
  return (
    <Modal opened={opened} onClose={onClose} title={item ? 'Edit action item' : 'Add an action item'}>
      {opened && <ActionItemForm item={item} meetingId={meetingId} onDone={onClose} />}
    </Modal>
  );
}

function ActionItemForm({ item, meetingId, onDone }: { item: ActionItem | null; meetingId: string | null; onDone: () => void }) {
  const save = useRpcMutation('actionItems.save', { invalidates: MEETING_READS });
  const toInput = (v: Values) => ({ ...(item ? { id: item.id } : {}), meetingId, description: v.description, ownerPersonId: v.ownerPersonId, dueOn: v.dueOn, status: v.status });
  const form = useForm<Values>({
    initialValues: {
      description: item?.description ?? '',
      ownerPersonId: item?.ownerPersonId ?? null,
      ownerName: item?.ownerName ?? '',
      dueOn: item?.dueOn ?? null,
      status: item?.status ?? 'open',
    },
    validate: (v) => validateWithSchema(actionItemInput, toInput(v)),
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) =>
        save.mutate(toInput(v) as ActionItemInput, { onSuccess: onDone, onError: (error) => showSaveError(form, error, { title: 'The action item was not saved', hasField: (f) => f in v }) }),
      )}
    >
      <Stack gap="sm">
        <TextInput label="Description" withAsterisk data-autofocus {...form.getInputProps('description')} />
        <EntityPicker
          entity="person"
          label="Owner"
          value={form.values.ownerPersonId}
          valueName={form.values.ownerName || undefined}
          onChange={(p) => {
            form.setFieldValue('ownerPersonId', p?.id ?? null);
            form.setFieldValue('ownerName', p?.name ?? '');
          }}
          error={form.errors['ownerPersonId'] as string | undefined}
        />
        <Group grow>
          <IsoDateInput label="Due" clearable {...form.getInputProps('dueOn')} />
          <Select label="Status" data={ACTION_STATUS_OPTIONS} allowDeselect={false} {...form.getInputProps('status')} />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Save action item
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
