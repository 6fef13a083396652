import { useState } from 'react';
import { Button, Fieldset, Group, Modal, NumberInput, Select, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { IN_KIND_KINDS, inKindInput, type InKind, type InKindInput } from '@shared/resources/contract';
import { fromMinor, toMinor } from '@shared/resources/money';
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
import { FormButtons, RowActions } from '../structure/parts';
import { AdvocacyCampaignPicker, EventPicker, MeetingPicker, SupportedLinks } from './LinkPickers';
import { money } from './Money';
import { RESOURCE_READS } from './reads';
import { ResourcesNav } from './ResourcesNav';

const KIND_OPTIONS = Object.entries(IN_KIND_KINDS).map(([value, label]) => ({ value, label }));
type Values = Omit<InKindInput, 'valueMinor'> & { value: number | string };

/** A row as the form's values (an estimated value back in major units). */
function valuesOf(k: InKind | undefined): Values {
  return {
    contributorOrganizationId: k?.contributor.organizationId ?? null,
    contributorPersonId: k?.contributor.personId ?? null,
    kind: k?.kind ?? 'meeting_space',
    description: k?.description ?? '',
    hours: k?.hours ?? null,
    quantity: k?.quantity ?? null,
    value: k?.valueMinor != null && k.currency ? fromMinor(k.valueMinor, k.currency) : '',
    currency: k?.currency ?? null,
    givenOn: k?.givenOn ?? today(),
    supportedMeetingId: k?.supportedMeeting?.id ?? null,
    supportedCampaignId: k?.supportedCampaign?.id ?? null,
    supportedEventId: k?.supportedEvent?.id ?? null,
    notes: k?.notes ?? '',
  };
}

/** Record in-kind support, or change it (`inKind`): who gave, what, its value and what it supported. */
function InKindForm({ inKind, onDone }: { inKind?: InKind | undefined; onDone: () => void }) {
  const save = useRpcMutation('inKind.save', { invalidates: RESOURCE_READS });
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: valuesOf(inKind),
    validate: (values) => validateWithSchema(inKindInput, toInput(values), (p) => p.replace('valueMinor', 'value')),
  });
  function toInput({ value, ...v }: Values): InKindInput {
    const currency = v.currency ? v.currency.toUpperCase() : null;
    return { ...v, currency, valueMinor: value === '' ? null : toMinor(Number(value), currency ?? 'USD') };
  }
  const submit = form.onSubmit(
    (values) => save.mutate({ ...(inKind ? { id: inKind.id } : {}), inKind: toInput(values) }, { onSuccess: onDone, onError: onSaveError(form, 'The in-kind support was not saved', (p) => p.replace(/^inKind\./, '').replace('valueMinor', 'value')) }),
    focusFirstError(form),
  );
  return (
    <form onSubmit={submit} noValidate aria-label={inKind ? 'Edit in-kind support' : 'New in-kind support'}>
      <Stack gap="sm">
        <EntityPicker
          entity="organization"
          label="Organization"
          value={form.values.contributorOrganizationId}
          valueName={inKind?.contributor.organizationId ? inKind.contributor.name : undefined}
          onChange={(picked) => form.setValues({ contributorOrganizationId: picked?.id ?? null, contributorPersonId: null })}
          error={errorText(form, 'contributorOrganizationId')}
        />
        <EntityPicker
          entity="person"
          label="Or a person"
          value={form.values.contributorPersonId}
          valueName={inKind?.contributor.personId ? inKind.contributor.name : undefined}
          onChange={(picked) => form.setValues({ contributorPersonId: picked?.id ?? null, contributorOrganizationId: null })} />
        <Group grow align="flex-start">
          <Select label="Kind" data={KIND_OPTIONS} allowDeselect={false} {...form.getInputProps('kind')} />
          <IsoDateInput label="Given on" withAsterisk {...form.getInputProps('givenOn')} />
        </Group>
        <TextInput label="Description" {...form.getInputProps('description')} />
        <Group grow align="flex-start">
          <NumberInput label="Hours" min={0} decimalScale={1} {...form.getInputProps('hours')} onChange={(v) => form.setFieldValue('hours', v === '' ? null : Number(v))} />
          <NumberInput label="Quantity" min={0} {...form.getInputProps('quantity')} onChange={(v) => form.setFieldValue('quantity', v === '' ? null : Number(v))} />
          <NumberInput label="Estimated value" min={0} thousandSeparator="," decimalScale={2} {...form.getInputProps('value')} />
          <TextInput label="Currency" maxLength={3} {...form.getInputProps('currency')} value={form.values.currency ?? ''} onChange={(e) => form.setFieldValue('currency', e.currentTarget.value === '' ? null : e.currentTarget.value)} />
        </Group>
        <Fieldset legend="What it supported" variant="filled">
          <Stack gap="sm">
            <MeetingPicker
              label="Meeting"
              date={form.values.givenOn}
              value={form.values.supportedMeetingId}
              current={inKind?.supportedMeeting ?? null}
              onChange={(id) => form.setFieldValue('supportedMeetingId', id)}
              error={errorText(form, 'supportedMeetingId')}
            />
            <AdvocacyCampaignPicker
              label="Advocacy campaign"
              description="Any campaign, active ones first."
              value={form.values.supportedCampaignId}
              current={inKind?.supportedCampaign ?? null}
              onChange={(id) => form.setFieldValue('supportedCampaignId', id)}
              error={errorText(form, 'supportedCampaignId')}
            />
            <EventPicker
              label="Public event"
              date={form.values.givenOn}
              value={form.values.supportedEventId}
              current={inKind?.supportedEvent ?? null}
              onChange={(id) => form.setFieldValue('supportedEventId', id)}
              error={errorText(form, 'supportedEventId')}
            />
          </Stack>
        </Fieldset>
        <Textarea label="Notes" autosize minRows={2} {...form.getInputProps('notes')} />
        <FormButtons onCancel={onDone} submit={inKind ? 'Save support' : 'Record support'} loading={save.isPending} />
      </Stack>
    </form>
  );
}

/** In-kind support: who gave what, hours or quantity, estimated value and what it supported. */
export function InKindPage() {
  const [page, setPage] = useState(1);
  const list = useRpcQuery('inKind.list', { offset: (page - 1) * LIST_PAGE, limit: LIST_PAGE });
  const remove = useRpcMutation('inKind.delete', { invalidates: RESOURCE_READS });
  // The form is open on a new record or a row; `n` gives each opening a fresh form, and the row
  // stays while the modal fades out so its title does not change on the way.
  const [open, setOpen] = useState(false);
  const [target, setTarget] = useState<{ n: number; inKind: InKind | undefined }>({ n: 0, inKind: undefined });
  const openForm = (inKind?: InKind) => {
    setTarget((t) => ({ n: t.n + 1, inKind }));
    setOpen(true);
  };
  return (
    <Page
      title="In-kind support"
      description="Meeting space, volunteer time, expertise and media connections given to the coalition, with hours and estimated value."
      nav={<ResourcesNav />}
      actions={
        <Button leftSection={<IconPlus size={16} />} onClick={() => openForm()}>
          Record support
        </Button>
      }
    >
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError title="This could not be loaded" error={list.error} />
      ) : (
        <>
          <Table striped verticalSpacing="sm" aria-label="In-kind support">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Date</Table.Th>
                <Table.Th>From</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th>Hours / quantity</Table.Th>
                <Table.Th ta="right">Estimated value</Table.Th>
                <Table.Th>Supported</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.rows.map((k) => (
                <Table.Tr key={k.id}>
                  <Table.Td>{formatDate(k.givenOn)}</Table.Td>
                  <Table.Td>{k.contributor.name || <Text c="dimmed">Deleted from the directory</Text>}</Table.Td>
                  <Table.Td>
                    {IN_KIND_KINDS[k.kind]}
                    {k.description && (
                      <Text size="xs" c="dimmed">
                        {k.description}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{[k.hours !== null ? `${k.hours} h` : null, k.quantity !== null ? `× ${k.quantity}` : null].filter(Boolean).join(' · ') || '—'}</Table.Td>
                  <Table.Td ta="right">{k.valueMinor !== null && k.currency ? money(k.valueMinor, k.currency) : '—'}</Table.Td>
                  <Table.Td>
                    <SupportedLinks k={k} />
                  </Table.Td>
                  <Table.Td>
                    <RowActions what={`${IN_KIND_KINDS[k.kind]} from ${k.contributor.name}`} onEdit={() => openForm(k)} onDelete={() => remove.mutate({ id: k.id }, { onError: (e) => notifyError('The support was not deleted', e) })} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <ListPager total={list.data.total} page={page} onChange={setPage} noun="contributions in kind" />
        </>
      )}
      <Modal opened={open} onClose={() => setOpen(false)} title={target.inKind ? 'Edit in-kind support' : 'Record in-kind support'} size="xl">
        <InKindForm key={target.n} inKind={target.inKind} onDone={() => setOpen(false)} />
      </Modal>
    </Page>
  );
}
