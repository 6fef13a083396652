import { useEffect } from 'react';
import { Group, MultiSelect, Select, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { CONTRIBUTIONS } from '@shared/directory/enums';
import { applicationInput, type Application, type ApplicationInput } from '@shared/structure/contract';
import { validateWithSchema } from '../../../api/errors';
import { useRpcMutation, useRpcQuery } from '../../../api/queries';
import { today } from '../../../components/format';
import { IsoDateInput } from '../../../components/IsoDateInput';
import { EntityPicker } from '../../directory/EntityPicker';
import { errorText, focusFirstError, onSaveError } from '../formErrors';
import { FormButtons } from '../parts';
import { STRUCTURE_READS } from '../reads';

type Values = Omit<ApplicationInput, 'id' | 'organizationId' | 'receivedOn' | 'charterVersion'> & {
  organizationId: string | null;
  receivedOn: string | null;
  charterVersion: string | null;
};

const CONTRIBUTION_OPTIONS = Object.entries(CONTRIBUTIONS).map(([value, label]) => ({ value, label }));
const listPath = (path: string) => path.replace(/^(issueAreas|populations|contributions)\.\d+$/, '$1');

/** The intake of a membership application: who applies, why, what they bring, which charter version they endorse. */
export function ApplicationForm({ application, onDone }: { application?: Application | undefined; onDone: () => void }) {
  const save = useRpcMutation('structure.applications.save', { invalidates: STRUCTURE_READS });
  const versions = useRpcQuery('charter.listVersions', {});
  const issueAreas = useRpcQuery('vocabulary.list', { kind: 'issue_area' });
  const populations = useRpcQuery('vocabulary.list', { kind: 'population' });
  const latest = versions.data?.[0]?.number;
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      organizationId: application?.organization.id ?? null,
      contactPersonId: application?.contactPerson?.id ?? null,
      receivedOn: application?.receivedOn ?? today(),
      motivation: application?.motivation ?? '',
      issueAreas: application?.issueAreas ?? [],
      populations: application?.populations ?? [],
      contributions: application?.contributions ?? [],
      charterVersion: application ? (application.charterVersion?.toString() ?? null) : (latest?.toString() ?? null),
    },
    validate: (values) => ({
      ...validateWithSchema(applicationInput, toInput(values), listPath),
      ...(values.organizationId ? {} : { organizationId: 'Choose the applying organization (add it to the directory first if it is new).' }),
    }),
  });
  // A new application endorses the latest version unless the coordinator chooses otherwise.
  const suggested = application || form.isTouched('charterVersion') ? undefined : latest;
  useEffect(() => {
    if (suggested !== undefined) form.setFieldValue('charterVersion', String(suggested));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the suggestion arrives
  }, [suggested]);
  function toInput(v: Values) {
    return {
      ...(application ? { id: application.id } : {}),
      ...v,
      organizationId: v.organizationId ?? '',
      receivedOn: v.receivedOn ?? '',
      charterVersion: v.charterVersion === null ? null : Number(v.charterVersion),
    };
  }
  const submit = form.onSubmit(
    (values) => save.mutate(toInput(values), { onSuccess: onDone, onError: onSaveError(form, 'The application was not saved', listPath) }),
    focusFirstError(form),
  );
  return (
    <form onSubmit={submit} noValidate aria-label={application ? 'Edit application' : 'New application'}>
      <Stack gap="sm">
        <EntityPicker
          entity="organization"
          label="Applying organization"
          value={form.values.organizationId}
          valueName={application?.organization.name}
          onChange={(picked) => form.setFieldValue('organizationId', picked?.id ?? null)}
          error={errorText(form, 'organizationId')}
        />
        <Group grow align="flex-start">
          <EntityPicker
            entity="person"
            label="Contact person"
            value={form.values.contactPersonId}
            valueName={application?.contactPerson?.name}
            onChange={(picked) => form.setFieldValue('contactPersonId', picked?.id ?? null)}
            error={errorText(form, 'contactPersonId')}
          />
          <IsoDateInput label="Received" withAsterisk {...form.getInputProps('receivedOn')} />
        </Group>
        <Textarea label="Why they want to join" autosize minRows={2} maxRows={6} {...form.getInputProps('motivation')} />
        <Group grow align="flex-start">
          <MultiSelect label="Issue areas" searchable data={issueAreas.data ?? []} {...form.getInputProps('issueAreas')} />
          <MultiSelect label="Populations served" searchable data={populations.data ?? []} {...form.getInputProps('populations')} />
        </Group>
        <MultiSelect label="What they can contribute" data={CONTRIBUTION_OPTIONS} {...form.getInputProps('contributions')} />
        <Select
          label="Charter version they endorse"
          placeholder={versions.data?.length === 0 ? 'No version adopted yet' : 'Choose a version'}
          clearable
          data={(versions.data ?? []).map((v) => ({ value: String(v.number), label: `Version ${v.number} (adopted ${v.adoptedOn})` }))}
          {...form.getInputProps('charterVersion')}
        />
        <FormButtons onCancel={onDone} submit={application ? 'Save application' : 'Record application'} loading={save.isPending} />
      </Stack>
    </form>
  );
}
