import { useState } from 'react';
import { ActionIcon, Badge, Button, Group, Modal, NumberInput, Select, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { GRANT_STATUSES, grantInput, type Grant, type GrantInput, type GrantStatus } from '@shared/resources/contract';
import { fromMinor, toMinor } from '@shared/resources/money';
import { notifyError, validateWithSchema } from '../../api/errors';
import { useRpcMutation, useRpcQuery } from '../../api/queries';
import { formatDate, today } from '../../components/format';
import { IsoDateInput } from '../../components/IsoDateInput';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { QueryError } from '../../components/QueryError';
import { EntityPicker } from '../directory/EntityPicker';
import { errorText, focusFirstError, onSaveError } from '../structure/formErrors';
import { FormButtons, RowActions } from '../structure/parts';
import { money } from './Money';
import { RESOURCE_READS } from './reads';
import { ResourcesNav } from './ResourcesNav';

export const GRANT_STATUS_COLORS: Record<GrantStatus, string> = { prospect: 'gray', drafting: 'blue', submitted: 'violet', awarded: 'teal', declined: 'red' };
const STATUS_OPTIONS = Object.entries(GRANT_STATUSES).map(([value, label]) => ({ value, label }));

type Values = Omit<GrantInput, 'requestedMinor' | 'awardedMinor'> & { requested: number | string; awarded: number | string };

function GrantForm({ grant, onDone }: { grant?: Grant; onDone: () => void }) {
  const save = useRpcMutation('grants.save', { invalidates: RESOURCE_READS });
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      funderOrganizationId: grant?.funder.organizationId ?? null,
      funderName: grant && !grant.funder.organizationId ? grant.funder.name : '',
      title: grant?.title ?? '',
      currency: grant?.currency ?? 'USD',
      requested: grant ? fromMinor(grant.requestedMinor, grant.currency) : '',
      awarded: grant?.awardedMinor != null ? fromMinor(grant.awardedMinor, grant.currency) : '',
      status: grant?.status ?? 'prospect',
      deadline: grant?.deadline ?? null,
      reports: grant?.reports ?? [],
      notes: grant?.notes ?? '',
    },
    validate: (values) => validateWithSchema(grantInput, toInput(values), mapPath),
  });
  function mapPath(p: string) {
    return p.replace(/^grant\./, '').replace('requestedMinor', 'requested').replace('awardedMinor', 'awarded');
  }
  function toInput({ requested, awarded, ...v }: Values): GrantInput {
    const code = v.currency.toUpperCase();
    return { ...v, requestedMinor: toMinor(Number(requested === '' ? 0 : requested), code), awardedMinor: awarded === '' ? null : toMinor(Number(awarded), code) };
  }
  const submit = form.onSubmit(
    (values) => save.mutate({ ...(grant ? { id: grant.id } : {}), grant: toInput(values) }, { onSuccess: onDone, onError: onSaveError(form, 'The grant was not saved', mapPath) }),
    focusFirstError(form),
  );
  return (
    <form onSubmit={submit} noValidate aria-label={grant ? 'Edit grant' : 'New grant'}>
      <Stack gap="sm">
        <TextInput label="Title" withAsterisk data-autofocus {...form.getInputProps('title')} />
        <EntityPicker
          entity="organization"
          label="Funder"
          value={form.values.funderOrganizationId}
          onChange={(picked) => form.setFieldValue('funderOrganizationId', picked?.id ?? null)}
          error={errorText(form, 'funderOrganizationId')}
        />
        <TextInput label="Or the funder's name (not in the directory)" {...form.getInputProps('funderName')} />
        <Group grow align="flex-start">
          <Select label="Status" data={STATUS_OPTIONS} allowDeselect={false} {...form.getInputProps('status')} />
          <IsoDateInput label="Deadline" clearable {...form.getInputProps('deadline')} />
        </Group>
        <Group grow align="flex-start">
          <NumberInput label="Requested" min={0} thousandSeparator="," decimalScale={2} {...form.getInputProps('requested')} />
          <NumberInput label="Awarded" min={0} thousandSeparator="," decimalScale={2} {...form.getInputProps('awarded')} />
          <TextInput label="Currency" maxLength={3} {...form.getInputProps('currency')} />
        </Group>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Reports due
          </Text>
          {form.values.reports.map((r, index) => (
            <Group key={r.id ?? index} gap="xs" align="flex-end" wrap="nowrap">
              <TextInput label="Report" aria-label={`Report ${index + 1}`} style={{ flex: 1 }} {...form.getInputProps(`reports.${index}.title`)} />
              <IsoDateInput label="Due" w={140} {...form.getInputProps(`reports.${index}.dueOn`)} />
              <IsoDateInput label="Done" w={140} clearable {...form.getInputProps(`reports.${index}.doneOn`)} />
              <ActionIcon variant="subtle" color="gray" mb={4} aria-label={`Remove report ${index + 1}`} onClick={() => form.removeListItem('reports', index)}>
                <IconTrash size={15} />
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button size="compact-sm" variant="light" onClick={() => form.insertListItem('reports', { title: '', dueOn: today(), doneOn: null })}>
              Add a reporting date
            </Button>
          </Group>
        </Stack>
        <Textarea label="Notes" autosize minRows={2} {...form.getInputProps('notes')} />
        <FormButtons onCancel={onDone} submit={grant ? 'Save grant' : 'Add grant'} loading={save.isPending} />
      </Stack>
    </form>
  );
}

/** Grants by deadline: funder, amounts, status and reporting dues. */
export function GrantsPage() {
  const list = useRpcQuery('grants.list', {});
  const remove = useRpcMutation('grants.delete', { invalidates: RESOURCE_READS });
  const [editing, setEditing] = useState<Grant | 'new' | null>(null);
  const now = today();
  return (
    <Page
      title="Grants"
      description="Grant applications from prospect to decision, with deadlines and the reports owed to funders."
      nav={<ResourcesNav />}
      actions={
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
          New grant
        </Button>
      }
    >
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError title="This could not be loaded" error={list.error} />
      ) : (
        <Table striped verticalSpacing="sm" aria-label="Grants">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Grant</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Deadline</Table.Th>
              <Table.Th ta="right">Requested</Table.Th>
              <Table.Th ta="right">Awarded</Table.Th>
              <Table.Th>Reports due</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((g) => {
              const late = g.deadline !== null && g.deadline < now && (g.status === 'prospect' || g.status === 'drafting');
              return (
                <Table.Tr key={g.id}>
                  <Table.Td>
                    <Text fw={500}>{g.title}</Text>
                    <Text size="xs" c="dimmed">
                      {g.funder.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={GRANT_STATUS_COLORS[g.status]}>
                      {GRANT_STATUSES[g.status]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={late ? 'red' : undefined}>
                      {formatDate(g.deadline)}
                      {late ? ' (passed)' : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{money(g.requestedMinor, g.currency)}</Table.Td>
                  <Table.Td ta="right">{g.awardedMinor === null ? '—' : money(g.awardedMinor, g.currency)}</Table.Td>
                  <Table.Td>
                    {g.reports.map((r) => (
                      <Text key={r.id} size="xs" c={r.doneOn ? 'dimmed' : r.dueOn < now ? 'red' : undefined} td={r.doneOn ? 'line-through' : undefined}>
                        {r.title}: {formatDate(r.dueOn)}
                      </Text>
                    ))}
                  </Table.Td>
                  <Table.Td>
                    <RowActions what={g.title} onEdit={() => setEditing(g)} onDelete={() => remove.mutate({ id: g.id }, { onError: (e) => notifyError('The grant was not deleted', e) })} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? 'New grant' : 'Edit grant'} size="xl">
        {editing !== null && <GrantForm {...(editing === 'new' ? {} : { grant: editing })} onDone={() => setEditing(null)} />}
      </Modal>
    </Page>
  );
}
