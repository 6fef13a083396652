import { ActionIcon, Anchor, Badge, Button, Checkbox, Group, Modal, Select, SimpleGrid, Stack, Switch, Text, Textarea, TextInput, ThemeIcon, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { IconCalendarEvent, IconCheck, IconMail, IconNote, IconPhone, IconPlus, IconTrash, IconUsersGroup, type Icon } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { INTERACTION_KINDS, type InteractionKind } from '@shared/directory/enums';
import { interactionInput, type Interaction, type InteractionInput } from '@shared/directory/interactions';
import { call, type RpcError } from '../../../api/client';
import { focusField, notifyError, showSaveError, validateWithSchema } from '../../../api/errors';
import { useRpcMutation } from '../../../api/queries';
import { formatDate, today } from '../../../components/format';
import { IsoDateInput } from '../../../components/IsoDateInput';
import { Loading } from '../../../components/Loading';
import { QueryError } from '../../../components/QueryError';
import { ParticipantPicker, type Picked } from '../EntityPicker';
import { INTERACTION_OPTIONS } from '../labels';
import { DIRECTORY_READS, organizationHref, personHref } from '../reads';

const TIMELINE_PAGE = 20;

const KIND_ICONS: Record<InteractionKind, Icon> = {
  call: IconPhone,
  email: IconMail,
  meeting: IconUsersGroup,
  event: IconCalendarEvent,
  note: IconNote,
};

/** The partner whose page shows the timeline. */
export interface Subject {
  entity: 'organization' | 'person';
  id: string;
  name: string;
}

function toInput(i: Interaction): InteractionInput {
  return {
    kind: i.kind,
    occurredOn: i.occurredOn,
    summary: i.summary,
    personIds: i.people.map((p) => p.id),
    organizationIds: i.organizations.map((o) => o.id),
    followUp: i.followUp,
  };
}

/** Interactions with a partner, newest first, paged with "Show more", and a way to log one. */
export function Timeline({ subject }: { subject: Subject }) {
  const [opened, modal] = useDisclosure(false);
  const filter = subject.entity === 'organization' ? { organizationId: subject.id } : { personId: subject.id };
  const query = useInfiniteQuery<{ total: number; rows: Interaction[] }, RpcError>({
    queryKey: ['rpc', 'interactions.list', { ...filter, paged: true }],
    queryFn: ({ pageParam }) => call('interactions.list', { ...filter, offset: pageParam as number, limit: TIMELINE_PAGE }),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, p) => n + p.rows.length, 0);
      return loaded < last.total && last.rows.length > 0 ? loaded : undefined;
    },
  });
  const rows = query.data?.pages.flatMap((p) => p.rows) ?? [];
  const total = query.data?.pages[0]?.total ?? 0;

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {query.isSuccess ? (total === 0 ? 'No interactions logged yet.' : `${total} ${total === 1 ? 'interaction' : 'interactions'}, newest first.`) : ' '}
        </Text>
        <Button size="xs" leftSection={<IconPlus size={15} />} onClick={modal.open}>
          Log interaction
        </Button>
      </Group>
      {query.isError && <QueryError title="The interactions could not be read" error={query.error} onRetry={() => void query.refetch()} />}
      {query.isPending && <Loading label="Loading interactions" />}
      {rows.length > 0 && (
        <ol className="plain-list timeline" aria-label="Timeline">
          {rows.map((interaction) => (
            <TimelineItem key={interaction.id} interaction={interaction} subject={subject} />
          ))}
        </ol>
      )}
      {query.hasNextPage && (
        <Group justify="center">
          <Button size="xs" variant="default" loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
            Show more ({total - rows.length} older)
          </Button>
        </Group>
      )}
      <Modal opened={opened} onClose={modal.close} title="Log interaction" size="lg">
        {opened && <InteractionForm subject={subject} onDone={modal.close} />}
      </Modal>
    </Stack>
  );
}

function TimelineItem({ interaction, subject }: { interaction: Interaction; subject: Subject }) {
  const update = useRpcMutation('interactions.update', { invalidates: DIRECTORY_READS });
  const remove = useRpcMutation('interactions.delete', { invalidates: DIRECTORY_READS });
  const KindIcon = KIND_ICONS[interaction.kind];
  const others = [
    ...interaction.organizations.filter((o) => !(subject.entity === 'organization' && o.id === subject.id)).map((o) => ({ ...o, href: organizationHref(o.id) })),
    ...interaction.people.filter((p) => !(subject.entity === 'person' && p.id === subject.id)).map((p) => ({ ...p, href: personHref(p.id) })),
  ];
  const kind = INTERACTION_KINDS[interaction.kind];
  const follow = interaction.followUp;

  function toggleDone() {
    if (!follow) return;
    update.mutate(
      { id: interaction.id, interaction: { ...toInput(interaction), followUp: { ...follow, done: !follow.done } } },
      { onError: (error) => notifyError('The follow-up was not updated', error) },
    );
  }

  function confirmDelete() {
    modals.openConfirmModal({
      title: 'Delete this interaction?',
      children: <Text size="sm">The {kind.toLowerCase()} of {formatDate(interaction.occurredOn)} is removed from every participant’s timeline.</Text>,
      labels: { confirm: 'Delete interaction', cancel: 'Keep it' },
      confirmProps: { color: 'red' },
      onConfirm: () => remove.mutate({ id: interaction.id }, { onError: (error) => notifyError('The interaction was not deleted', error) }),
    });
  }

  return (
    <li className="timeline-item">
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <ThemeIcon variant="light" color="gray" radius="xl" size={30} aria-hidden>
          <KindIcon size={16} stroke={1.7} />
        </ThemeIcon>
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Group gap={8} justify="space-between" wrap="nowrap">
            <Text size="sm" fw={600}>
              {kind} · {formatDate(interaction.occurredOn)}
            </Text>
            <Tooltip label="Delete interaction">
              <ActionIcon size="sm" variant="subtle" color="gray" aria-label={`Delete ${kind.toLowerCase()} of ${interaction.occurredOn}`} onClick={confirmDelete}>
                <IconTrash size={14} />
              </ActionIcon>
            </Tooltip>
          </Group>
          <Text size="sm" className="prose">
            {interaction.summary}
          </Text>
          {others.length > 0 && (
            <Text size="xs" c="dimmed">
              With{' '}
              {others.map((o, i) => (
                <span key={o.id}>
                  {i > 0 && ', '}
                  <Anchor component={Link} to={o.href} size="xs">
                    {o.name}
                  </Anchor>
                </span>
              ))}
            </Text>
          )}
          {follow && (
            <Group gap={8} mt={2}>
              <Badge size="sm" variant="light" color={follow.done ? 'teal' : follow.dueOn < today() ? 'red' : 'yellow'} radius="sm" tt="none">
                Follow-up: {follow.owner}, due {formatDate(follow.dueOn)}
                {follow.done ? ' · done' : ''}
              </Badge>
              <Button size="compact-xs" variant="subtle" leftSection={<IconCheck size={12} />} onClick={toggleDone} loading={update.isPending}>
                {follow.done ? 'Mark not done' : 'Mark done'}
              </Button>
            </Group>
          )}
        </Stack>
      </Group>
    </li>
  );
}

interface InteractionFormValues {
  kind: string;
  occurredOn: string | null;
  summary: string;
  participants: Picked[];
  withFollowUp: boolean;
  followUp: { owner: string; dueOn: string | null; done: boolean };
}

function toInteractionInput(v: InteractionFormValues, subject: Subject): InteractionInput {
  const all = [{ entity: subject.entity, id: subject.id, name: subject.name }, ...v.participants];
  return {
    kind: v.kind as InteractionKind,
    occurredOn: v.occurredOn ?? '',
    summary: v.summary,
    personIds: all.filter((p) => p.entity === 'person').map((p) => p.id),
    organizationIds: all.filter((p) => p.entity === 'organization').map((p) => p.id),
    followUp: v.withFollowUp ? { owner: v.followUp.owner, dueOn: v.followUp.dueOn ?? '', done: v.followUp.done } : null,
  };
}

function fieldFor(path: string): string {
  if (path.startsWith('personIds') || path.startsWith('organizationIds')) return 'participants';
  return path;
}

function InteractionForm({ subject, onDone }: { subject: Subject; onDone: () => void }) {
  const create = useRpcMutation('interactions.create', { invalidates: DIRECTORY_READS });
  const form = useForm<InteractionFormValues>({
    mode: 'controlled',
    initialValues: { kind: 'meeting', occurredOn: today(), summary: '', participants: [], withFollowUp: false, followUp: { owner: '', dueOn: null, done: false } },
    validate: (values) => validateWithSchema(interactionInput, toInteractionInput(values, subject), fieldFor),
  });
  const fixed: Picked[] = [{ entity: subject.entity, id: subject.id, name: subject.name }];

  const submit = form.onSubmit(
    (values) =>
      create.mutate(toInteractionInput(values, subject), {
        onSuccess: onDone,
        onError: (error) => {
          const fields = showSaveError(form, error, { title: 'The interaction was not logged', mapPath: fieldFor });
          if (fields[0]) focusField(form.getInputNode(fields[0]));
        },
      }),
    (errors) => {
      const first = Object.keys(errors)[0];
      if (first) focusField(form.getInputNode(first));
    },
  );

  return (
    <form onSubmit={submit} noValidate aria-label="Log interaction">
      <Stack gap="md">
        <SimpleGrid cols={2} spacing="md">
          <Select label="Kind" data={INTERACTION_OPTIONS} allowDeselect={false} {...form.getInputProps('kind')} />
          <IsoDateInput label="Date" {...form.getInputProps('occurredOn')} />
        </SimpleGrid>
        <Textarea label="Summary" autosize minRows={3} maxRows={10} data-autofocus placeholder="What was discussed, agreed or asked" {...form.getInputProps('summary')} />
        <ParticipantPicker
          label="Participants"
          description={`${subject.name} is included; add anyone else who took part.`}
          fixed={fixed}
          value={form.values.participants}
          onChange={(v) => form.setFieldValue('participants', v)}
          error={typeof form.errors.participants === 'string' ? form.errors.participants : null}
        />
        <Switch label="Add a follow-up" {...form.getInputProps('withFollowUp', { type: 'checkbox' })} />
        {form.values.withFollowUp && (
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <TextInput label="Follow-up owner" {...form.getInputProps('followUp.owner')} />
            <IsoDateInput label="Follow-up due" {...form.getInputProps('followUp.dueOn')} />
            <Checkbox label="Done" mt={{ sm: 30 }} {...form.getInputProps('followUp.done', { type: 'checkbox' })} />
          </SimpleGrid>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Save interaction
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
