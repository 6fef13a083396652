import { Checkbox, Group, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { CONTRIBUTOR_TYPES, contributionInput, type Contribution, type ContributionInput } from '@shared/resources/contract';
import { fromMinor, toMinor } from '@shared/resources/money';
import { validateWithSchema } from '../../api/errors';
import { useRpcMutation } from '../../api/queries';
import { today } from '../../components/format';
import { IsoDateInput } from '../../components/IsoDateInput';
import { EntityPicker } from '../directory/EntityPicker';
import { errorText, focusFirstError, onSaveError } from '../structure/formErrors';
import { FormButtons } from '../structure/parts';
import { RESOURCE_READS } from './reads';

const TYPE_OPTIONS = Object.entries(CONTRIBUTOR_TYPES).map(([value, label]) => ({ value, label }));
type Values = Omit<ContributionInput, 'pledgedMinor'> & { amount: number | string; receivedNow: boolean };

/** Record or edit a pledge; a gift given at once is a pledge with its payment ("Received in full today"). */
export function ContributionForm({ campaignId, currency, contribution, onDone }: { campaignId: string; currency: string; contribution?: Contribution; onDone: () => void }) {
  const save = useRpcMutation('contributions.save', { invalidates: RESOURCE_READS });
  const pay = useRpcMutation('contributions.addPayment', { invalidates: RESOURCE_READS });
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      fundraisingCampaignId: campaignId,
      contributorType: contribution?.contributorType ?? 'member',
      contributorOrganizationId: contribution?.contributor.organizationId ?? null,
      contributorPersonId: contribution?.contributor.personId ?? null,
      contributorName: contribution && !contribution.contributor.organizationId && !contribution.contributor.personId ? contribution.contributor.name : '',
      amount: contribution ? fromMinor(contribution.pledgedMinor, contribution.currency) : '',
      currency: contribution?.currency ?? currency,
      pledgedOn: contribution?.pledgedOn ?? today(),
      restricted: contribution?.restricted ?? false,
      restrictionNote: contribution?.restrictionNote ?? '',
      notes: contribution?.notes ?? '',
      receivedNow: false,
    },
    validate: (values) => validateWithSchema(contributionInput, toInput(values), (p) => (p === 'pledgedMinor' ? 'amount' : p)),
  });
  function toInput({ amount, receivedNow: _r, ...values }: Values): ContributionInput {
    return { ...values, pledgedMinor: toMinor(Number(amount === '' ? 0 : amount), values.currency.toUpperCase()) };
  }
  const onError = onSaveError(form, 'The contribution was not saved', (p) => p.replace(/^contribution\./, '').replace('pledgedMinor', 'amount'));
  const submit = form.onSubmit((values) => {
    const input = toInput(values);
    save.mutate(
      { ...(contribution ? { id: contribution.id } : {}), contribution: input },
      {
        onSuccess: (saved) => {
          if (values.receivedNow && !contribution) {
            pay.mutate({ contributionId: saved.id, amountMinor: saved.pledgedMinor, receivedOn: saved.pledgedOn, note: '' }, { onSettled: onDone });
          } else onDone();
        },
        onError,
      },
    );
  }, focusFirstError(form));
  const other = form.values.currency.toUpperCase() !== currency;
  return (
    <form onSubmit={submit} noValidate aria-label={contribution ? 'Edit contribution' : 'New contribution'}>
      <Stack gap="sm">
        <Select label="Contributor type" data={TYPE_OPTIONS} allowDeselect={false} {...form.getInputProps('contributorType')} />
        <EntityPicker
          entity="organization"
          label="Organization"
          value={form.values.contributorOrganizationId}
          onChange={(picked) => form.setValues({ contributorOrganizationId: picked?.id ?? null, contributorPersonId: null })}
          error={errorText(form, 'contributorOrganizationId')}
        />
        <EntityPicker
          entity="person"
          label="Or a person"
          value={form.values.contributorPersonId}
          onChange={(picked) => form.setValues({ contributorPersonId: picked?.id ?? null, contributorOrganizationId: null })}
          error={errorText(form, 'contributorPersonId')}
        />
        <TextInput label="Or a name (not in the directory)" {...form.getInputProps('contributorName')} />
        <Group grow align="flex-start">
          <NumberInput label="Amount pledged" withAsterisk min={0} thousandSeparator="," decimalScale={2} {...form.getInputProps('amount')} />
          <TextInput
            label="Currency"
            maxLength={3}
            description={other ? `Not ${currency}: shown apart, not counted toward the goal` : undefined}
            {...form.getInputProps('currency')}
          />
          <IsoDateInput label="Pledged on" withAsterisk {...form.getInputProps('pledgedOn')} />
        </Group>
        <Checkbox label="Restricted to a use" {...form.getInputProps('restricted', { type: 'checkbox' })} />
        {form.values.restricted && <TextInput label="Restricted to" withAsterisk {...form.getInputProps('restrictionNote')} />}
        {!contribution && <Checkbox label="Received in full on the pledge date (a gift, not a pledge)" {...form.getInputProps('receivedNow', { type: 'checkbox' })} />}
        <Textarea label="Notes" autosize minRows={2} {...form.getInputProps('notes')} />
        <FormButtons onCancel={onDone} submit={contribution ? 'Save contribution' : 'Record contribution'} loading={save.isPending || pay.isPending} />
      </Stack>
    </form>
  );
}

/** Record money received against a pledge (a partial payment or the rest). */
export function PaymentForm({ contribution, onDone }: { contribution: Contribution; onDone: () => void }) {
  const pay = useRpcMutation('contributions.addPayment', { invalidates: RESOURCE_READS });
  const form = useForm<{ amount: number | string; receivedOn: string | null; note: string }>({
    mode: 'controlled',
    initialValues: { amount: fromMinor(contribution.outstandingMinor, contribution.currency), receivedOn: today(), note: '' },
  });
  const submit = form.onSubmit((values) =>
    pay.mutate(
      { contributionId: contribution.id, amountMinor: toMinor(Number(values.amount === '' ? 0 : values.amount), contribution.currency), receivedOn: values.receivedOn ?? '', note: values.note },
      { onSuccess: onDone, onError: onSaveError(form, 'The payment was not recorded', (p) => (p === 'amountMinor' ? 'amount' : p)) },
    ),
  );
  return (
    <form onSubmit={submit} noValidate aria-label="Record payment">
      <Stack gap="sm">
        <NumberInput label={`Amount received (${contribution.currency})`} withAsterisk min={0} thousandSeparator="," decimalScale={2} data-autofocus {...form.getInputProps('amount')} />
        <IsoDateInput label="Received on" withAsterisk {...form.getInputProps('receivedOn')} />
        <TextInput label="Note" {...form.getInputProps('note')} />
        <FormButtons onCancel={onDone} submit="Record payment" loading={pay.isPending} />
      </Stack>
    </form>
  );
}
