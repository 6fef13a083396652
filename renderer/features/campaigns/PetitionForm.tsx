import { Group, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { petitionInput, type Petition, type PetitionInput } from '@shared/campaigns/contract';
import { validateWithSchema } from '../../api/errors';
import { useRpcMutation, useRpcQuery } from '../../api/queries';
import { IsoDateInput } from '../../components/IsoDateInput';
import { focusFirstError, onSaveError } from '../structure/formErrors';
import { FormButtons } from '../structure/parts';
import { CAMPAIGN_READS } from './reads';

type Values = Omit<PetitionInput, 'id' | 'campaignId'>;

/** Start or edit a petition: its target (an official and/or words), goal and dates. */
export function PetitionForm({ campaignId, petition, onDone }: { campaignId: string; petition?: Petition | undefined; onDone: (savedId?: string) => void }) {
  const save = useRpcMutation('campaigns.petitions.save', { invalidates: CAMPAIGN_READS });
  const choices = useRpcQuery('campaigns.choices', {});
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      title: petition?.title ?? '',
      targetOfficialId: petition?.targetOfficial?.id ?? null,
      targetText: petition?.targetText ?? '',
      goal: petition?.goal ?? 1000,
      launchedOn: petition?.launchedOn ?? null,
      deliveredOn: petition?.deliveredOn ?? null,
      description: petition?.description ?? '',
    },
    validate: (values) => validateWithSchema(petitionInput, { ...values, campaignId }),
  });
  const submit = form.onSubmit(
    (values) =>
      save.mutate({ ...(petition ? { id: petition.id } : {}), ...values, campaignId }, { onSuccess: (saved) => onDone(saved.id), onError: onSaveError(form, 'The petition was not saved') }),
    focusFirstError(form),
  );
  return (
    <form onSubmit={submit} noValidate aria-label={petition ? 'Edit petition' : 'New petition'}>
      <Stack gap="sm">
        <TextInput label="Title" withAsterisk data-autofocus {...form.getInputProps('title')} />
        <Group grow align="flex-start">
          <Select
            label="Target official"
            clearable
            searchable
            data={(choices.data?.officials ?? []).map((o) => ({ value: o.id, label: o.name }))}
            nothingFoundMessage="No official by that name (add officials under Policy)"
            {...form.getInputProps('targetOfficialId')}
          />
          <TextInput label="Addressed to" placeholder="City Council" {...form.getInputProps('targetText')} />
        </Group>
        <Group grow align="flex-start">
          <NumberInput label="Signature goal" min={1} allowDecimal={false} thousandSeparator="," {...form.getInputProps('goal')} />
          <IsoDateInput label="Launched" clearable {...form.getInputProps('launchedOn')} />
          <IsoDateInput label="Delivered" clearable {...form.getInputProps('deliveredOn')} />
        </Group>
        <Textarea label="What it asks" autosize minRows={2} maxRows={6} {...form.getInputProps('description')} />
        <FormButtons onCancel={() => onDone()} submit={petition ? 'Save petition' : 'Start petition'} loading={save.isPending} />
      </Stack>
    </form>
  );
}
