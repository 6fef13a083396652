import { useState } from 'react';
import { Badge, Button, Group, Modal, NumberInput, SegmentedControl, Select, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { TA_CATEGORIES, TA_NEXT, TA_STATUSES, URGENCIES, taRequestInput, type TaRequestInput, type TaRow, type TaStatus, type Urgency } from '@shared/capacity/contract';
import { notifyError, validateWithSchema } from '../../api/errors';
import { useRpcMutation, useRpcQuery } from '../../api/queries';
import { formatDate, today } from '../../components/format';
import { IsoDateInput } from '../../components/IsoDateInput';
import { ListPager, LIST_PAGE } from '../../components/ListPager';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { QueryError } from '../../components/QueryError';
import { EntityPicker } from '../directory/EntityPicker';
import { errorText, focusFirstError, onSaveError } from '../structure/formErrors';
import { FormButtons } from '../structure/parts';
import { CapacityNav } from './CapacityNav';
import { CAPACITY_READS } from './reads';

const CATEGORY_OPTIONS = Object.entries(TA_CATEGORIES).map(([value, label]) => ({ value, label }));
const URGENCY_OPTIONS = Object.entries(URGENCIES).map(([value, label]) => ({ value, label }));
const URGENCY_COLORS: Record<Urgency, string> = { low: 'gray', medium: 'yellow', high: 'red' };
export const TA_STATUS_COLORS: Record<TaStatus, string> = { open: 'blue', assigned: 'violet', in_progress: 'orange', resolved: 'teal', closed: 'gray' };

/** A new request: who asks, what kind of help, how urgent, and optionally who provides it. */
export function RequestForm({ onDone }: { onDone: () => void }) {
  const create = useRpcMutation('assistance.create', { invalidates: CAPACITY_READS });
  const form = useForm<TaRequestInput>({
    mode: 'controlled',
    initialValues: {
      organizationId: '',
      contactPersonId: null,
      category: 'communications',
      description: '',
      urgency: 'medium',
      providerPersonId: null,
      providerOrganizationId: null,
      openedOn: today(),
      hoursSpent: 0,
      outcome: '',
    },
    validate: (values) => validateWithSchema(taRequestInput, values),
  });
  const submit = form.onSubmit(
    (values) => create.mutate({ request: values, today: today() }, { onSuccess: onDone, onError: onSaveError(form, 'The request was not saved', (p) => p.replace(/^request\./, '')) }),
    focusFirstError(form),
  );
  return (
    <form onSubmit={submit} noValidate aria-label="New assistance request">
      <Stack gap="sm">
        <EntityPicker
          entity="organization"
          label="Requesting organization"
          value={form.values.organizationId || null}
          onChange={(picked) => form.setFieldValue('organizationId', picked?.id ?? '')}
          error={errorText(form, 'organizationId') ? 'Choose the organization asking for help.' : null}
        />
        <EntityPicker entity="person" label="Contact person" value={form.values.contactPersonId} onChange={(picked) => form.setFieldValue('contactPersonId', picked?.id ?? null)} />
        <Group grow align="flex-start">
          <Select label="Need" data={CATEGORY_OPTIONS} allowDeselect={false} {...form.getInputProps('category')} />
          <Select label="Urgency" data={URGENCY_OPTIONS} allowDeselect={false} {...form.getInputProps('urgency')} />
          <IsoDateInput label="Opened on" withAsterisk {...form.getInputProps('openedOn')} />
        </Group>
        <Textarea label="What help is needed" withAsterisk autosize minRows={3} {...form.getInputProps('description')} />
        <EntityPicker
          entity="person"
          label="Provider (assigns the request)"
          value={form.values.providerPersonId}
          onChange={(picked) => form.setValues({ providerPersonId: picked?.id ?? null, providerOrganizationId: null })}
        />
        <EntityPicker
          entity="organization"
          label="Or a provider organization"
          value={form.values.providerOrganizationId}
          onChange={(picked) => form.setValues({ providerOrganizationId: picked?.id ?? null, providerPersonId: null })}
        />
        <FormButtons onCancel={onDone} submit="Record request" loading={create.isPending} />
      </Stack>
    </form>
  );
}

function StatusForm({ request, onDone }: { request: TaRow; onDone: () => void }) {
  const detail = useRpcQuery('assistance.get', { id: request.id, today: today() });
  const setStatus = useRpcMutation('assistance.setStatus', { invalidates: CAPACITY_READS });
  const update = useRpcMutation('assistance.update', { invalidates: CAPACITY_READS });
  const next = TA_NEXT[request.status];
  const [status, setNext] = useState<TaStatus>(next[0] ?? request.status);
  const [on, setOn] = useState<string | null>(today());
  const [note, setNote] = useState('');
  const [hours, setHours] = useState<number | string>(request.hoursSpent);
  const [outcome, setOutcome] = useState('');
  const d = detail.data;
  return (
    <Stack gap="sm">
      {d && (
        <Stack gap={2}>
          <Text size="sm" fw={500}>
            History
          </Text>
          {d.history.map((h) => (
            <Text size="sm" key={h.id}>
              {formatDate(h.changedOn)}: {TA_STATUSES[h.status]}
              {h.note ? ` — ${h.note}` : ''}
            </Text>
          ))}
        </Stack>
      )}
      <SegmentedControl data={next.map((s) => ({ value: s, label: TA_STATUSES[s] }))} value={status} onChange={(v) => setNext(v)} aria-label="New status" />
      <Group grow>
        <IsoDateInput label="On" value={on} onChange={setOn} />
        <NumberInput label="Hours spent" min={0} decimalScale={1} value={hours} onChange={setHours} />
      </Group>
      <TextInput label="Note" value={note} onChange={(e) => setNote(e.currentTarget.value)} />
      {(status === 'resolved' || status === 'closed') && <Textarea label="Outcome" autosize minRows={2} value={outcome || d?.outcome || ''} onChange={(e) => setOutcome(e.currentTarget.value)} />}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button
          loading={setStatus.isPending || update.isPending}
          disabled={!d}
          onClick={() => {
            if (!d) return;
            const request = {
              organizationId: d.organization.id,
              contactPersonId: d.contactPersonId,
              category: d.category,
              description: d.description,
              urgency: d.urgency,
              providerPersonId: d.providerPersonId,
              providerOrganizationId: d.providerOrganizationId,
              openedOn: d.openedOn,
              hoursSpent: Number(hours === '' ? 0 : hours),
              outcome: outcome || d.outcome,
            };
            update.mutate(
              { id: d.id, request, today: today() },
              {
                onSuccess: () =>
                  setStatus.mutate({ id: d.id, status, on: on ?? today(), note, today: today() }, { onSuccess: onDone, onError: (e) => notifyError('The status was not changed', e) }),
                onError: (e) => notifyError('The request was not saved', e),
              },
            );
          }}
        >
          Save
        </Button>
      </Group>
    </Stack>
  );
}

/** Technical-assistance requests: the open ones oldest first (days open), then the finished ones. */
export function AssistancePage() {
  const [openOnly, setOpenOnly] = useState(true);
  const [page, setPage] = useState(1);
  const list = useRpcQuery('assistance.list', { today: today(), openOnly, offset: (page - 1) * LIST_PAGE, limit: LIST_PAGE });
  const [adding, setAdding] = useState(false);
  const [moving, setMoving] = useState<TaRow | null>(null);
  return (
    <Page
      title="Technical assistance"
      description="Requests from partner organizations, followed from open to resolved. Open requests come first, oldest first."
      nav={<CapacityNav />}
      actions={
        <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
          New request
        </Button>
      }
    >
      <SegmentedControl
        w={260}
        data={[
          { value: 'open', label: 'Open' },
          { value: 'all', label: 'All requests' },
        ]}
        value={openOnly ? 'open' : 'all'}
        onChange={(v) => {
          setOpenOnly(v === 'open');
          setPage(1);
        }}
      />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError title="This could not be loaded" error={list.error} />
      ) : (
        <>
          <Table striped verticalSpacing="sm" aria-label="Assistance requests">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Organization</Table.Th>
                <Table.Th>Need</Table.Th>
                <Table.Th>Urgency</Table.Th>
                <Table.Th>Provider</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th ta="right">Days open</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.rows.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{r.organization.name}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{TA_CATEGORIES[r.category]}</Text>
                    <Text size="xs" c="dimmed" lineClamp={2}>
                      {r.description}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={URGENCY_COLORS[r.urgency]}>
                      {URGENCIES[r.urgency]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{r.provider?.name ?? <Text size="sm" c="dimmed">Unassigned</Text>}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={TA_STATUS_COLORS[r.status]}>
                      {TA_STATUSES[r.status]}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">{r.daysOpen}</Table.Td>
                  <Table.Td>
                    <Button size="compact-xs" variant="subtle" onClick={() => setMoving(r)} aria-label={`Update the request of ${r.organization.name}`}>
                      Update
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <ListPager total={list.data.total} page={page} onChange={setPage} noun="requests" />
        </>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title="New assistance request" size="lg">
        {adding && <RequestForm onDone={() => setAdding(false)} />}
      </Modal>
      <Modal opened={moving !== null} onClose={() => setMoving(null)} title={moving ? `${moving.organization.name}: ${TA_CATEGORIES[moving.category]}` : ''} size="lg">
        {moving && <StatusForm request={moving} onDone={() => setMoving(null)} />}
      </Modal>
    </Page>
  );
}
