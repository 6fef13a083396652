import { Group, MultiSelect, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { GROUP_STATUSES, workingGroupInput, type GroupStatus, type WorkingGroup, type WorkingGroupInput } from '@shared/structure/contract';
import { validateWithSchema } from '../../../api/errors';
import { useRpcMutation, useRpcQuery } from '../../../api/queries';
import { focusFirstError, onSaveError } from '../formErrors';
import { FormButtons } from '../parts';
import { STRUCTURE_READS } from '../reads';

type GroupValues = Omit<WorkingGroupInput, 'id'>;

export const STATUS_OPTIONS = Object.entries(GROUP_STATUSES).map(([value, label]) => ({ value, label }));
export const STATUS_COLORS: Record<GroupStatus, string> = { forming: 'blue', active: 'teal', paused: 'yellow', closed: 'gray' };

/** Add or edit a working group: name, focus, objectives (free text and the charter's goals), status. */
export function WorkingGroupForm({ group, onDone }: { group?: WorkingGroup | undefined; onDone: (savedId?: string) => void }) {
  const save = useRpcMutation('structure.workingGroups.save', { invalidates: STRUCTURE_READS });
  const issueAreas = useRpcQuery('vocabulary.list', { kind: 'issue_area' });
  const charter = useRpcQuery('charter.getDraft', {});
  const form = useForm<GroupValues>({
    mode: 'controlled',
    initialValues: {
      name: group?.name ?? '',
      focusIssueArea: group?.focusIssueArea ?? null,
      description: group?.description ?? '',
      objectives: group?.objectives ?? '',
      status: group?.status ?? 'forming',
      goalIds: group?.goals.map((g) => g.id) ?? [],
    },
    validate: (values) => validateWithSchema(workingGroupInput, values, (path) => path.replace(/^goalIds\.\d+$/, 'goalIds')),
  });
  const submit = form.onSubmit(
    (values) =>
      save.mutate(
        { ...(group ? { id: group.id } : {}), ...values },
        { onSuccess: (saved) => onDone(saved.id), onError: onSaveError(form, 'The working group was not saved', (path) => path.replace(/^goalIds\.\d+$/, 'goalIds')) },
      ),
    focusFirstError(form),
  );
  return (
    <form onSubmit={submit} noValidate aria-label={group ? 'Edit working group' : 'New working group'}>
      <Stack gap="sm">
        <TextInput label="Name" withAsterisk data-autofocus placeholder="Housing justice" {...form.getInputProps('name')} />
        <Group grow align="flex-start">
          <Select label="Focus issue area" clearable searchable data={issueAreas.data ?? []} {...form.getInputProps('focusIssueArea')} />
          <Select label="Status" data={STATUS_OPTIONS} allowDeselect={false} {...form.getInputProps('status')} />
        </Group>
        <Textarea label="Description" autosize minRows={2} maxRows={6} {...form.getInputProps('description')} />
        <MultiSelect
          label="Charter goals it works toward"
          description="The shared goals of the charter draft."
          searchable
          data={(charter.data?.goals ?? []).map((g) => ({ value: g.id, label: g.title }))}
          {...form.getInputProps('goalIds')}
        />
        <Textarea label="Other objectives" autosize minRows={2} maxRows={6} {...form.getInputProps('objectives')} />
        <FormButtons onCancel={() => onDone()} submit={group ? 'Save group' : 'Add group'} loading={save.isPending} />
      </Stack>
    </form>
  );
}
