import { Group, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { OUTREACH_KIND_VALUES, OUTREACH_KINDS, OUTREACH_STATUS_VALUES, OUTREACH_STATUSES, outreachInput, type OutreachInput, type OutreachItem } from '@shared/media/contract';
import { validateWithSchema } from '../../api/errors';
import { useRpcMutation, useRpcQuery } from '../../api/queries';
import { today } from '../../components/format';
import { IsoDateInput } from '../../components/IsoDateInput';
import { EntityPicker } from '../directory/EntityPicker';
import { errorText, focusFirstError, onSaveError } from '../structure/formErrors';
import { FormButtons } from '../structure/parts';
import { MEDIA_READS } from './reads';

const options = <K extends string>(labels: Record<K, string>, values: readonly K[]) => values.map((value) => ({ value, label: labels[value] }));
const stripItem = (path: string) => path.replace(/^item\./, '');

export const emptyOutreach = (): OutreachInput => ({
  kind: 'press_release',
  title: '',
  campaignId: null,
  outletId: null,
  journalistId: null,
  ownerPersonId: null,
  status: 'idea',
  date: null,
  link: '',
  reach: null,
  engagement: null,
  notes: '',
});

/** Add or change an outreach item (a status change here is recorded like a move on the board). */
export function OutreachForm({ item, onDone }: { item?: OutreachItem; onDone: () => void }) {
  const save = useRpcMutation('media.outreach.save', { invalidates: MEDIA_READS });
  const campaigns = useRpcQuery('campaigns.list', { statuses: [] });
  const outlets = useRpcQuery('media.outlets.list', {});
  const journalists = useRpcQuery('media.journalists.list', {});
  const form = useForm<OutreachInput>({
    mode: 'controlled',
    initialValues: item
      ? { kind: item.kind, title: item.title, campaignId: item.campaignId, outletId: item.outletId, journalistId: item.journalistId, ownerPersonId: item.ownerPersonId, status: item.status, date: item.date, link: item.link, reach: item.reach, engagement: item.engagement, notes: item.notes }
      : emptyOutreach(),
    validate: (values) => validateWithSchema(outreachInput, values),
  });
  const submit = form.onSubmit(
    (values) => save.mutate({ ...(item ? { id: item.id } : {}), item: values, today: today() }, { onSuccess: onDone, onError: onSaveError(form, 'The outreach item was not saved', stripItem) }),
    focusFirstError(form),
  );
  const number = (field: 'reach' | 'engagement') => ({
    value: form.values[field] ?? '',
    onChange: (v: string | number) => form.setFieldValue(field, v === '' ? null : Number(v)),
    error: errorText(form, field),
  });
  return (
    <form onSubmit={submit} noValidate aria-label={item ? 'Edit outreach item' : 'New outreach item'}>
      <Stack gap="sm">
        <TextInput label="Title" withAsterisk {...form.getInputProps('title')} />
        <Group grow align="flex-start">
          <Select label="Kind" allowDeselect={false} data={options(OUTREACH_KINDS, OUTREACH_KIND_VALUES)} {...form.getInputProps('kind')} />
          <Select label="Status" allowDeselect={false} data={options(OUTREACH_STATUSES, OUTREACH_STATUS_VALUES)} {...form.getInputProps('status')} />
        </Group>
        <Select label="Campaign" clearable searchable data={(campaigns.data ?? []).map((c) => ({ value: c.id, label: c.name }))} {...form.getInputProps('campaignId')} />
        <Group grow align="flex-start">
          <Select label="Outlet" clearable searchable data={(outlets.data ?? []).map((o) => ({ value: o.id, label: o.name }))} {...form.getInputProps('outletId')} />
          <Select label="Journalist" clearable searchable data={(journalists.data ?? []).map((j) => ({ value: j.id, label: j.outletName ? `${j.name} — ${j.outletName}` : j.name }))} {...form.getInputProps('journalistId')} />
        </Group>
        <EntityPicker
          entity="person"
          label="Owner"
          value={form.values.ownerPersonId}
          valueName={item?.ownerName ?? undefined}
          onChange={(picked) => form.setFieldValue('ownerPersonId', picked?.id ?? null)}
          error={errorText(form, 'ownerPersonId')}
        />
        <SimpleGrid cols={3}>
          <IsoDateInput label={form.values.status === 'published' ? 'Published on' : 'Planned for'} withAsterisk={form.values.status === 'published'} clearable {...form.getInputProps('date')} />
          <NumberInput label="Reach" min={0} thousandSeparator="," withAsterisk={form.values.status === 'published'} {...number('reach')} />
          <NumberInput label="Engagement" min={0} thousandSeparator="," withAsterisk={form.values.status === 'published'} {...number('engagement')} />
        </SimpleGrid>
        <TextInput label="Link" placeholder="https://" {...form.getInputProps('link')} />
        <Textarea label="Notes" autosize minRows={2} {...form.getInputProps('notes')} />
        <FormButtons onCancel={onDone} submit={item ? 'Save item' : 'Add item'} loading={save.isPending} />
      </Stack>
    </form>
  );
}
