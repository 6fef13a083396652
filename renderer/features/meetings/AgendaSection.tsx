import { useState } from 'react';
import { ActionIcon, Badge, Button, Group, Modal, NumberInput, Paper, Stack, TagsInput, Text, Textarea, TextInput, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { DragDropContext, Draggable, Droppable, type DropResult } from '@hello-pangea/dnd';
import { IconArrowDown, IconArrowUp, IconFileText, IconGripVertical, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { agendaItemInput, type AgendaItem, type AgendaItemInput, type MeetingDetail } from '@shared/meetings/contract';
import { notifyError, showSaveError, validateWithSchema } from '../../api/errors';
import { useRpcMutation } from '../../api/queries';
import { Section } from '../../components/Section';
import { EntityPicker } from '../directory/EntityPicker';
import { MEETING_READS } from './reads';
import { minutesBetween } from './time';

const toInput = ({ presenterName: _, ...item }: AgendaItem): AgendaItemInput => item;

/** Moves one element of a list (drag and drop, or the up / down buttons). */
function moved<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

/** The agenda: items in order (drag, or the keyboard's arrows and the up / down buttons), and their time against the meeting's length. */
export function AgendaSection({ meeting }: { meeting: MeetingDetail }) {
  const save = useRpcMutation('meetings.saveAgenda', { invalidates: MEETING_READS });
  // A move shows at once; once saved (and the meeting read again) the saved agenda takes over.
  const [pending, setPending] = useState<AgendaItem[] | null>(null);
  const items = pending ?? meeting.agenda;
  const [editing, setEditing] = useState<AgendaItem | 'new' | null>(null);

  const length = minutesBetween(meeting.startsAt, meeting.endsAt);
  const total = items.reduce((sum, item) => sum + item.minutesAllotted, 0);

  function persist(next: AgendaItem[]) {
    setPending(next);
    save.mutate(
      { meetingId: meeting.id, items: next.map(toInput) },
      {
        onSettled: () => setPending(null),
        onError: (error) => notifyError('The agenda was not saved', error),
      },
    );
  }

  function onDragEnd(result: DropResult) {
    if (!result.destination || result.destination.index === result.source.index) return;
    persist(moved(items, result.source.index, result.destination.index));
  }

  return (
    <Section title="Agenda" hint="Drag items (or use the arrows) to change the order.">
      <Group justify="space-between">
        <Text size="sm" c={total > length ? 'red' : 'dimmed'} aria-live="polite">
          {total} of {length} minutes planned{total > length ? ` — ${total - length} minutes over the meeting's length` : ''}
        </Text>
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')}>
          Add item
        </Button>
      </Group>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No agenda yet.
        </Text>
      ) : (
        <DragDropContext onDragEnd={onDragEnd}>
          <Droppable droppableId="agenda">
            {(drop) => (
              <Stack gap={6} ref={drop.innerRef} {...drop.droppableProps} component="ol" className="plain-list" aria-label="Agenda items">
                {items.map((item, index) => (
                  <Draggable key={item.id} draggableId={item.id} index={index}>
                    {(drag) => (
                      <Paper withBorder p="xs" component="li" ref={drag.innerRef} {...drag.draggableProps} aria-label={`${index + 1}. ${item.title}`}>
                        <Group wrap="nowrap" gap="xs" align="flex-start">
                          <ActionIcon variant="subtle" color="gray" aria-label={`Drag ${item.title}`} {...drag.dragHandleProps}>
                            <IconGripVertical size={16} />
                          </ActionIcon>
                          <Stack gap={2} style={{ flexGrow: 1, minWidth: 0 }}>
                            <Group gap="xs">
                              <Text size="sm" fw={600}>
                                {index + 1}. {item.title}
                              </Text>
                              <Badge size="sm" variant="light" color="gray" tt="none">
                                {item.minutesAllotted} min
                              </Badge>
                            </Group>
                            {item.presenterName && (
                              <Text size="xs" c="dimmed">
                                Presented by {item.presenterName}
                              </Text>
                            )}
                            {item.notes && <Text size="xs">{item.notes}</Text>}
                            {item.documents.map((path) => (
                              <Group key={path} gap={4} wrap="nowrap">
                                <IconFileText size={13} aria-hidden />
                                <Text size="xs" ff="monospace" truncate="end" title={path}>
                                  {path}
                                </Text>
                              </Group>
                            ))}
                          </Stack>
                          <Group gap={2} wrap="nowrap">
                            <ActionIcon variant="subtle" color="gray" aria-label={`Move ${item.title} up`} disabled={index === 0} onClick={() => persist(moved(items, index, index - 1))}>
                              <IconArrowUp size={15} />
                            </ActionIcon>
                            <ActionIcon
                              variant="subtle"
                              color="gray"
                              aria-label={`Move ${item.title} down`}
                              disabled={index === items.length - 1}
                              onClick={() => persist(moved(items, index, index + 1))}
                            >
                              <IconArrowDown size={15} />
                            </ActionIcon>
                            <Tooltip label="Edit item">
                              <ActionIcon variant="subtle" color="gray" aria-label={`Edit ${item.title}`} onClick={() => setEditing(item)}>
                                <IconPencil size={15} />
                              </ActionIcon>
                            </Tooltip>
                            <Tooltip label="Remove item">
                              <ActionIcon variant="subtle" color="gray" aria-label={`Remove ${item.title}`} onClick={() => persist(items.filter((i) => i.id !== item.id))}>
                                <IconTrash size={15} />
                              </ActionIcon>
                            </Tooltip>
                          </Group>
                        </Group>
                      </Paper>
                    )}
                  </Draggable>
                ))}
                {drop.placeholder}
              </Stack>
            )}
          </Droppable>
        </DragDropContext>
      )}
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? 'Add an agenda item' : 'Edit agenda item'}>
        {editing !== null && (
          <AgendaItemForm
            item={editing === 'new' ? null : editing}
            saving={save.isPending}
            onCancel={() => setEditing(null)}
            onSave={(input, form) => {
              const next = editing === 'new' ? [...items.map(toInput), input] : items.map((i) => (i.id === editing.id ? { ...input, id: i.id } : toInput(i)));
              save.mutate({ meetingId: meeting.id, items: next }, { onSuccess: () => setEditing(null), onError: (error) => form(error) });
            }}
          />
        )}
      </Modal>
    </Section>
  );
}

interface ItemValues {
  title: string;
  presenterPersonId: string | null;
  presenterName: string;
  minutesAllotted: number | string;
  notes: string;
  documents: string[];
}

function AgendaItemForm({ item, saving, onSave, onCancel }: {
  item: AgendaItem | null;
  saving: boolean;
  onSave: (input: AgendaItemInput, onError: (error: unknown) => void) => void;
  onCancel: () => void;
}) {
  const form = useForm<ItemValues>({
    initialValues: {
      title: item?.title ?? '',
      presenterPersonId: item?.presenterPersonId ?? null,
      presenterName: item?.presenterName ?? '',
      minutesAllotted: item?.minutesAllotted ?? 10,
      notes: item?.notes ?? '',
      documents: item?.documents ?? [],
    },
    validate: (v) => validateWithSchema(agendaItemInput, toItem(v)),
  });
  const toItem = (v: ItemValues): AgendaItemInput => ({
    title: v.title,
    presenterPersonId: v.presenterPersonId,
    minutesAllotted: typeof v.minutesAllotted === 'number' ? v.minutesAllotted : Number.NaN,
    notes: v.notes,
    documents: v.documents,
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) => onSave(toItem(v), (error) => showSaveError(form, error, { title: 'The agenda was not saved', mapPath: (p) => p.replace(/^items\.\d+\./, '') })))}
    >
      <Stack gap="sm">
        <TextInput label="Title" withAsterisk data-autofocus {...form.getInputProps('title')} />
        <Group grow align="flex-start">
          <EntityPicker
            entity="person"
            label="Presenter"
            value={form.values.presenterPersonId}
            valueName={form.values.presenterName || undefined}
            onChange={(p) => {
              form.setFieldValue('presenterPersonId', p?.id ?? null);
              form.setFieldValue('presenterName', p?.name ?? '');
            }}
          />
          <NumberInput label="Minutes" min={0} max={1440} allowDecimal={false} {...form.getInputProps('minutesAllotted')} />
        </Group>
        <Textarea label="Notes" autosize minRows={2} maxRows={6} {...form.getInputProps('notes')} />
        <TagsInput
          label="Linked documents"
          description="File paths, for reference (press Enter after each)."
          placeholder="e.g. Shared/Budget 2026.xlsx"
          splitChars={[]}
          {...form.getInputProps('documents')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={saving}>
            Save item
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
