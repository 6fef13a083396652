import { Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { campaignInput, type CampaignDetail, type CampaignInput } from '@shared/campaigns/contract';
import { GOAL_CATEGORIES } from '@shared/taxonomy';
import { validateWithSchema } from '../../api/errors';
import { useRpcMutation, useRpcQuery } from '../../api/queries';
import { IsoDateInput } from '../../components/IsoDateInput';
import { WorkingGroupSelect } from '../meetings/WorkingGroupSelect';
import { focusFirstError, onSaveError } from '../structure/formErrors';
import { FormButtons } from '../structure/parts';
import { STATUS_OPTIONS } from './labels';
import { CAMPAIGN_READS } from './reads';

type Values = Omit<CampaignInput, 'id'>;

/** Start or edit a campaign: name, the policy ask, the charter goal it serves, status, dates, lead group. */
export function CampaignForm({ campaign, onDone }: { campaign?: CampaignDetail | undefined; onDone: (savedId?: string) => void }) {
  const save = useRpcMutation('campaigns.save', { invalidates: CAMPAIGN_READS });
  const choices = useRpcQuery('campaigns.choices', {});
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      name: campaign?.name ?? '',
      ask: campaign?.ask ?? '',
      goalId: campaign?.goal?.id ?? null,
      status: campaign?.status ?? 'planning',
      startsOn: campaign?.startsOn ?? null,
      endsOn: campaign?.endsOn ?? null,
      leadWorkingGroupId: campaign?.leadWorkingGroup?.id ?? null,
      notes: campaign?.notes ?? '',
    },
    validate: (values) => validateWithSchema(campaignInput, values),
  });
  const submit = form.onSubmit(
    (values) =>
      save.mutate({ ...(campaign ? { id: campaign.id } : {}), ...values }, { onSuccess: (saved) => onDone(saved.id), onError: onSaveError(form, 'The campaign was not saved') }),
    focusFirstError(form),
  );
  const goals = (choices.data?.goals ?? []).map((g) => ({ value: g.id, label: `${g.title} (${GOAL_CATEGORIES[g.category]})` }));
  return (
    <form onSubmit={submit} noValidate aria-label={campaign ? 'Edit campaign' : 'New campaign'}>
      <Stack gap="sm">
        <TextInput label="Name" withAsterisk data-autofocus placeholder="Fund the Tenant Right to Counsel" {...form.getInputProps('name')} />
        <Textarea label="Policy ask" description="What decision makers should do." autosize minRows={2} maxRows={5} {...form.getInputProps('ask')} />
        <Select
          label="Charter goal"
          description="The shared goal this campaign serves; its category is the campaign’s goal category."
          clearable
          searchable
          data={goals}
          nothingFoundMessage="The charter draft has no goal with that title"
          {...form.getInputProps('goalId')}
        />
        <Group grow align="flex-start">
          <Select label="Status" data={STATUS_OPTIONS} allowDeselect={false} {...form.getInputProps('status')} />
          <WorkingGroupSelect
            label="Lead working group"
            value={form.values.leadWorkingGroupId}
            onChange={(id) => form.setFieldValue('leadWorkingGroupId', id)}
            error={typeof form.errors['leadWorkingGroupId'] === 'string' ? form.errors['leadWorkingGroupId'] : null}
          />
        </Group>
        <Group grow align="flex-start">
          <IsoDateInput label="Starts" clearable {...form.getInputProps('startsOn')} />
          <IsoDateInput label="Ends" clearable {...form.getInputProps('endsOn')} />
        </Group>
        <Textarea label="Notes" autosize minRows={2} maxRows={6} {...form.getInputProps('notes')} />
        <FormButtons onCancel={() => onDone()} submit={campaign ? 'Save campaign' : 'Start campaign'} loading={save.isPending} />
      </Stack>
    </form>
  );
}
