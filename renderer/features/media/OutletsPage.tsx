import { useState } from 'react';
import { Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { journalistInput, OUTLET_KIND_VALUES, OUTLET_KINDS, outletInput, STRENGTH_VALUES, STRENGTHS, type Journalist, type JournalistInput, type Outlet, type OutletInput } from '@shared/media/contract';
import { notifyError, validateWithSchema } from '../../api/errors';
import { useRpcMutation, useRpcQuery } from '../../api/queries';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { QueryError } from '../../components/QueryError';
import { Section } from '../../components/Section';
import { EntityPicker } from '../directory/EntityPicker';
import { errorText, focusFirstError, onSaveError } from '../structure/formErrors';
import { FormButtons, RowActions } from '../structure/parts';
import { MediaNav } from './MediaNav';
import { MEDIA_READS } from './reads';

/** Media ▸ Outlets & journalists: the media partners and the coalition's relationship with each reporter. */
export function OutletsPage() {
  const outlets = useRpcQuery('media.outlets.list', {});
  const journalists = useRpcQuery('media.journalists.list', {});
  const removeOutlet = useRpcMutation('media.outlets.delete', { invalidates: MEDIA_READS });
  const removeJournalist = useRpcMutation('media.journalists.delete', { invalidates: MEDIA_READS });
  const [outlet, setOutlet] = useState<Outlet | 'new' | null>(null);
  const [journalist, setJournalist] = useState<Journalist | 'new' | null>(null);
  return (
    <Page fluid title="Outlets & journalists" description="Media partners, their reach, and who the coalition knows there." nav={<MediaNav />}>
      <SimpleGrid cols={{ base: 1, lg: 2 }} style={{ alignItems: 'start' }}>
        <Section title="Outlets">
          {outlets.isPending ? (
            <Loading label="Loading the outlets" />
          ) : outlets.isError ? (
            <QueryError title="The outlets could not be read" error={outlets.error} onRetry={() => void outlets.refetch()} />
          ) : (
            <Table striped verticalSpacing={4} aria-label="Outlets">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Kind</Table.Th>
                  <Table.Th ta="right">Reach</Table.Th>
                  <Table.Th ta="right">Journalists</Table.Th>
                  <Table.Th w={80} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {outlets.data.map((o) => (
                  <Table.Tr key={o.id}>
                    <Table.Td>{o.name}</Table.Td>
                    <Table.Td>{OUTLET_KINDS[o.kind]}</Table.Td>
                    <Table.Td ta="right">{o.reach?.toLocaleString('en-US') ?? '—'}</Table.Td>
                    <Table.Td ta="right">{o.journalists}</Table.Td>
                    <Table.Td>
                      <RowActions what={o.name} onEdit={() => setOutlet(o)} onDelete={() => removeOutlet.mutate({ id: o.id }, { onError: (e) => notifyError('The outlet was not deleted', e) })} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Group>
            <Button variant="default" leftSection={<IconPlus size={15} />} onClick={() => setOutlet('new')}>
              Add outlet
            </Button>
          </Group>
        </Section>
        <Section title="Journalists">
          {journalists.isPending ? (
            <Loading label="Loading the journalists" />
          ) : journalists.isError ? (
            <QueryError title="The journalists could not be read" error={journalists.error} onRetry={() => void journalists.refetch()} />
          ) : (
            <Table striped verticalSpacing={4} aria-label="Journalists">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Outlet</Table.Th>
                  <Table.Th>Beat</Table.Th>
                  <Table.Th>Relationship</Table.Th>
                  <Table.Th w={80} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {journalists.data.map((j) => (
                  <Table.Tr key={j.id}>
                    <Table.Td>
                      <Text size="sm">{j.name}</Text>
                      <Text size="xs" c="dimmed">
                        {[j.email, j.phone].filter(Boolean).join(' · ')}
                      </Text>
                    </Table.Td>
                    <Table.Td>{j.outletName ?? '—'}</Table.Td>
                    <Table.Td>{j.beat || '—'}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{STRENGTHS[j.strength]}</Text>
                      {j.relationshipNote && (
                        <Text size="xs" c="dimmed">
                          {j.relationshipNote}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <RowActions what={j.name} onEdit={() => setJournalist(j)} onDelete={() => removeJournalist.mutate({ id: j.id }, { onError: (e) => notifyError('The journalist was not deleted', e) })} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Group>
            <Button variant="default" leftSection={<IconPlus size={15} />} onClick={() => setJournalist('new')}>
              Add journalist
            </Button>
          </Group>
        </Section>
      </SimpleGrid>
      <Modal opened={outlet !== null} onClose={() => setOutlet(null)} title={outlet === 'new' ? 'New outlet' : 'Edit outlet'}>
        {outlet !== null && <OutletForm outlet={outlet === 'new' ? undefined : outlet} onDone={() => setOutlet(null)} />}
      </Modal>
      <Modal opened={journalist !== null} onClose={() => setJournalist(null)} title={journalist === 'new' ? 'New journalist' : 'Edit journalist'}>
        {journalist !== null && <JournalistForm journalist={journalist === 'new' ? undefined : journalist} onDone={() => setJournalist(null)} />}
      </Modal>
    </Page>
  );
}

function OutletForm({ outlet, onDone }: { outlet?: Outlet; onDone: () => void }) {
  const save = useRpcMutation('media.outlets.save', { invalidates: MEDIA_READS });
  const form = useForm<OutletInput>({
    mode: 'controlled',
    initialValues: outlet ? { name: outlet.name, kind: outlet.kind, reach: outlet.reach, website: outlet.website, notes: outlet.notes } : { name: '', kind: 'newspaper', reach: null, website: '', notes: '' },
    validate: (values) => validateWithSchema(outletInput, values),
  });
  const submit = form.onSubmit(
    (values) => save.mutate({ ...(outlet ? { id: outlet.id } : {}), outlet: values }, { onSuccess: onDone, onError: onSaveError(form, 'The outlet was not saved', (p) => p.replace(/^outlet\./, '')) }),
    focusFirstError(form),
  );
  return (
    <form onSubmit={submit} noValidate aria-label="Outlet">
      <Stack gap="sm">
        <TextInput label="Name" withAsterisk {...form.getInputProps('name')} />
        <Group grow align="flex-start">
          <Select label="Kind" allowDeselect={false} data={OUTLET_KIND_VALUES.map((k) => ({ value: k, label: OUTLET_KINDS[k] }))} {...form.getInputProps('kind')} />
          <NumberInput label="Reach (audience)" min={0} thousandSeparator="," value={form.values.reach ?? ''} onChange={(v) => form.setFieldValue('reach', v === '' ? null : Number(v))} error={errorText(form, 'reach')} />
        </Group>
        <TextInput label="Website" {...form.getInputProps('website')} />
        <Textarea label="Notes" autosize minRows={2} {...form.getInputProps('notes')} />
        <FormButtons onCancel={onDone} submit={outlet ? 'Save outlet' : 'Add outlet'} loading={save.isPending} />
      </Stack>
    </form>
  );
}

function JournalistForm({ journalist, onDone }: { journalist?: Journalist; onDone: () => void }) {
  const save = useRpcMutation('media.journalists.save', { invalidates: MEDIA_READS });
  const outlets = useRpcQuery('media.outlets.list', {});
  const form = useForm<JournalistInput>({
    mode: 'controlled',
    initialValues: journalist
      ? { name: journalist.name, outletId: journalist.outletId, beat: journalist.beat, email: journalist.email, phone: journalist.phone, strength: journalist.strength, relationshipNote: journalist.relationshipNote, personId: journalist.personId }
      : { name: '', outletId: null, beat: '', email: '', phone: '', strength: 'none', relationshipNote: '', personId: null },
    validate: (values) => validateWithSchema(journalistInput, values),
  });
  const submit = form.onSubmit(
    (values) => save.mutate({ ...(journalist ? { id: journalist.id } : {}), journalist: values }, { onSuccess: onDone, onError: onSaveError(form, 'The journalist was not saved', (p) => p.replace(/^journalist\./, '')) }),
    focusFirstError(form),
  );
  return (
    <form onSubmit={submit} noValidate aria-label="Journalist">
      <Stack gap="sm">
        <TextInput label="Name" withAsterisk {...form.getInputProps('name')} />
        <Group grow align="flex-start">
          <Select label="Outlet" clearable searchable data={(outlets.data ?? []).map((o) => ({ value: o.id, label: o.name }))} {...form.getInputProps('outletId')} />
          <TextInput label="Beat" {...form.getInputProps('beat')} />
        </Group>
        <Group grow align="flex-start">
          <TextInput label="Email" {...form.getInputProps('email')} />
          <TextInput label="Phone" {...form.getInputProps('phone')} />
        </Group>
        <Group grow align="flex-start">
          <Select label="Relationship" allowDeselect={false} data={STRENGTH_VALUES.map((s) => ({ value: s, label: STRENGTHS[s] }))} {...form.getInputProps('strength')} />
          <TextInput label="Relationship note" {...form.getInputProps('relationshipNote')} />
        </Group>
        <EntityPicker
          entity="person"
          label="In the directory as"
          value={form.values.personId}
          valueName={journalist?.personName ?? undefined}
          onChange={(picked) => form.setFieldValue('personId', picked?.id ?? null)}
          error={errorText(form, 'personId')}
        />
        <FormButtons onCancel={onDone} submit={journalist ? 'Save journalist' : 'Add journalist'} loading={save.isPending} />
      </Stack>
    </form>
  );
}
