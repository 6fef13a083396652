import { Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { profileInput, type Profile, type ProfileInput } from '@shared/profile/contract';
import { showSaveError, validateWithSchema } from '../../api/errors';
import { useRpcMutation } from '../../api/queries';
import { IsoDateInput } from '../../components/IsoDateInput';

const PROFILE_FIELDS = new Set(['name', 'shortName', 'region', 'foundedOn']);

interface ProfileFormProps {
  /** The saved profile, or null when the coalition is being created. */
  initial: ProfileInput | null;
  submitLabel: 'Create coalition' | 'Save profile';
  onSaved?: (profile: Profile) => void;
  onCancel?: () => void;
  cancelLabel?: string;
}

/** Name, short name, region and founding date of the coalition. */
export function ProfileForm({ initial, submitLabel, onSaved, onCancel, cancelLabel = 'Cancel' }: ProfileFormProps) {
  const save = useRpcMutation('profile.save', { invalidates: ['profile.get'] });
  const form = useForm<ProfileInput>({
    mode: 'controlled',
    initialValues: initial ?? { name: '', shortName: '', region: '', foundedOn: null },
    validate: (values) => validateWithSchema(profileInput, values),
  });

  const submit = form.onSubmit((values) =>
    save.mutate(values, {
      onSuccess: (profile) => onSaved?.(profile),
      onError: (error) => showSaveError(form, error, { title: 'The profile was not saved', hasField: (f) => PROFILE_FIELDS.has(f) }),
    }),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput
          label="Coalition name"
          placeholder="Riverside Health & Housing Justice Coalition"
          description="Required"
          data-autofocus
          {...form.getInputProps('name')}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <TextInput label="Short name" description="Used in file names and tight spaces" placeholder="RHHJC" {...form.getInputProps('shortName')} />
          <IsoDateInput
            label="Founding date"
            description="Format YYYY-MM-DD"
            clearable
            {...form.getInputProps('foundedOn')}
          />
        </SimpleGrid>
        <TextInput label="Region" description="Where the coalition works" placeholder="Riverside County, State of Columbia" {...form.getInputProps('region')} />
        <Group justify="flex-end" gap="sm" mt="xs">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {cancelLabel}
            </Button>
          )}
          <Button type="submit" loading={save.isPending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
