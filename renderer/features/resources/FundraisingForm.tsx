import { NumberInput, Select, Stack, Group, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { FUNDRAISING_PURPOSES, fundraisingInput, type FundraisingDetail, type FundraisingInput } from '@shared/resources/contract';
import { fromMinor, toMinor } from '@shared/resources/money';
import { validateWithSchema } from '../../api/errors';
import { useRpcMutation } from '../../api/queries';
import { IsoDateInput } from '../../components/IsoDateInput';
import { EntityPicker } from '../directory/EntityPicker';
import { errorText, focusFirstError, onSaveError } from '../structure/formErrors';
import { FormButtons } from '../structure/parts';
import { AdvocacyCampaignPicker } from './LinkPickers';
import { RESOURCE_READS } from './reads';

export const PURPOSE_OPTIONS = Object.entries(FUNDRAISING_PURPOSES).map(([value, label]) => ({ value, label }));
type Values = Omit<FundraisingInput, 'goalMinor'> & { goal: number | string };

/** Start or edit a fundraising campaign: name, purpose, goal and currency, dates, lead. */
export function FundraisingForm({ campaign, onDone }: { campaign?: FundraisingDetail; onDone: (id?: string) => void }) {
  const create = useRpcMutation('fundraising.create', { invalidates: RESOURCE_READS });
  const update = useRpcMutation('fundraising.update', { invalidates: RESOURCE_READS });
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      name: campaign?.name ?? '',
      purpose: campaign?.purpose ?? 'advocacy_campaign',
      campaignId: campaign?.campaignId ?? null,
      goal: campaign ? fromMinor(campaign.goalMinor, campaign.currency) : '',
      currency: campaign?.currency ?? 'USD',
      startsOn: campaign?.startsOn ?? null,
      endsOn: campaign?.endsOn ?? null,
      leadOrganizationId: campaign?.leadOrganizationId ?? null,
      leadPersonId: campaign?.leadPersonId ?? null,
      notes: campaign?.notes ?? '',
    },
    validate: (values) => validateWithSchema(fundraisingInput, toInput(values), (p) => (p === 'goalMinor' ? 'goal' : p)),
  });
  function toInput({ goal, ...values }: Values): FundraisingInput {
    return { ...values, goalMinor: toMinor(Number(goal === '' ? 0 : goal), values.currency.toUpperCase()) };
  }
  const onError = onSaveError(form, 'The fundraising campaign was not saved', (p) => p.replace(/^campaign\./, '').replace('goalMinor', 'goal'));
  const submit = form.onSubmit((values) => {
    const input = toInput(values);
    if (campaign) update.mutate({ id: campaign.id, campaign: input }, { onSuccess: (saved) => onDone(saved.id), onError });
    else create.mutate(input, { onSuccess: (saved) => onDone(saved.id), onError });
  }, focusFirstError(form));
  return (
    <form onSubmit={submit} noValidate aria-label={campaign ? 'Edit fundraising campaign' : 'New fundraising campaign'}>
      <Stack gap="sm">
        <TextInput label="Name" withAsterisk data-autofocus {...form.getInputProps('name')} />
        <Group grow align="flex-start">
          <Select label="Purpose" data={PURPOSE_OPTIONS} allowDeselect={false} {...form.getInputProps('purpose')} />
          <AdvocacyCampaignPicker
            label="Advocacy campaign"
            description={form.values.purpose === 'advocacy_campaign' ? 'The campaign this money funds.' : 'Optional: the campaign this money serves.'}
            value={form.values.campaignId}
            current={campaign?.campaignId ? { id: campaign.campaignId, name: campaign.campaignName ?? '' } : null}
            onChange={(id) => form.setFieldValue('campaignId', id)}
            error={errorText(form, 'campaignId')}
          />
        </Group>
        <Group grow align="flex-start">
          <NumberInput label="Goal" withAsterisk min={0} thousandSeparator="," decimalScale={2} {...form.getInputProps('goal')} />
          <TextInput label="Currency" description="ISO code: USD, EUR, KES…" maxLength={3} {...form.getInputProps('currency')} />
        </Group>
        <Group grow align="flex-start">
          <IsoDateInput label="Starts" clearable {...form.getInputProps('startsOn')} />
          <IsoDateInput label="Ends" clearable {...form.getInputProps('endsOn')} />
        </Group>
        <EntityPicker
          entity="organization"
          label="Lead organization"
          value={form.values.leadOrganizationId}
          onChange={(picked) => form.setFieldValue('leadOrganizationId', picked?.id ?? null)}
          error={errorText(form, 'leadOrganizationId')}
        />
        <Textarea label="Notes" autosize minRows={2} {...form.getInputProps('notes')} />
        <FormButtons onCancel={() => onDone()} submit={campaign ? 'Save campaign' : 'Start campaign'} loading={create.isPending || update.isPending} />
      </Stack>
    </form>
  );
}
