import { Button, Checkbox, Divider, Group, Loader, Modal, Radio, SimpleGrid, Stack, Switch, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { personInput, type Person, type PersonInput } from '@shared/directory/people';
import { focusField, showSaveError, validateWithSchema } from '../../../api/errors';
import type { CustomField } from '@shared/directory/customFields';
import { useRpcMutation, useRpcQuery } from '../../../api/queries';
import { IsoDateInput } from '../../../components/IsoDateInput';
import { CustomFieldInputs } from '../customFields/CustomFieldInputs';
import { toCustomFormValues, toCustomInput, type CustomFormValues } from '../customFields/model';
import { CHANNEL_OPTIONS } from '../labels';
import { DIRECTORY_READS } from '../reads';

export interface PersonFormValues {
  name: string;
  pronouns: string;
  title: string;
  languages: string[];
  email: string;
  phone: string;
  city: string;
  district: string;
  communityLeader: boolean;
  tags: string[];
  notes: string;
  consent: { mayContact: 'yes' | 'no' | 'unknown'; channels: string[]; recordedOn: string | null; recordedBy: string };
  /** Custom field values by field id ('' while empty). */
  custom: CustomFormValues;
}

const EMPTY: PersonFormValues = {
  name: '',
  pronouns: '',
  title: '',
  languages: [],
  email: '',
  phone: '',
  city: '',
  district: '',
  communityLeader: false,
  tags: [],
  notes: '',
  consent: { mayContact: 'unknown', channels: [], recordedOn: null, recordedBy: '' },
  custom: {},
};

function toFormValues(p: Person): PersonFormValues {
  return {
    name: p.name,
    pronouns: p.pronouns,
    title: p.title,
    languages: p.languages,
    email: p.email,
    phone: p.phone,
    city: p.city,
    district: p.district,
    communityLeader: p.communityLeader,
    tags: p.tags,
    notes: p.notes,
    consent: {
      mayContact: p.consent.mayContact === null ? 'unknown' : p.consent.mayContact ? 'yes' : 'no',
      channels: p.consent.channels,
      recordedOn: p.consent.recordedOn,
      recordedBy: p.consent.recordedBy,
    },
    custom: {},
  };
}

export function toPersonInput(v: PersonFormValues): PersonInput {
  return {
    ...v,
    consent: {
      mayContact: v.consent.mayContact === 'unknown' ? null : v.consent.mayContact === 'yes',
      channels: v.consent.channels as PersonInput['consent']['channels'],
      recordedOn: v.consent.recordedOn,
      recordedBy: v.consent.recordedBy,
    },
    custom: toCustomInput(v.custom),
  };
}

function fieldFor(path: string): string {
  return path.replace(/^(languages|tags|consent\.channels)\.\d+$/, '$1');
}
const FIELDS = new Set([...Object.keys(EMPTY).filter((k) => k !== 'consent'), 'consent.mayContact', 'consent.channels', 'consent.recordedOn', 'consent.recordedBy']);

interface PersonFormModalProps {
  opened: boolean;
  onClose: () => void;
  person?: Person;
  onSaved: (person: Person) => void;
}

export function PersonFormModal({ opened, onClose, person, onSaved }: PersonFormModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={person ? `Edit ${person.name}` : 'New person'} size="xl">
      {opened && <PersonFormLoader person={person} onSaved={onSaved} onCancel={onClose} />}
    </Modal>
  );
}

interface FormProps {
  person?: Person | undefined;
  onSaved: (p: Person) => void;
  onCancel: () => void;
}

/** The form starts once the custom fields are known, so each has its input and initial value. */
function PersonFormLoader(props: FormProps) {
  const fields = useRpcQuery('customFields.list', { entity: 'person' });
  if (fields.isPending) return <Loader size="sm" aria-label="Loading the form" />;
  return <PersonForm {...props} customFields={fields.data ?? []} />;
}

function PersonForm({ person, onSaved, onCancel, customFields }: FormProps & { customFields: CustomField[] }) {
  const create = useRpcMutation('people.create', { invalidates: DIRECTORY_READS });
  const update = useRpcMutation('people.update', { invalidates: DIRECTORY_READS });
  const form = useForm<PersonFormValues>({
    mode: 'controlled',
    initialValues: { ...(person ? toFormValues(person) : EMPTY), custom: toCustomFormValues(customFields, person?.custom) },
    validate: (values) => validateWithSchema(personInput, toPersonInput(values), fieldFor),
  });
  const title = person ? 'The person was not saved' : 'The person was not created';
  const agreed = form.values.consent.mayContact === 'yes';

  const submit = form.onSubmit(
    (values) => {
      const input = toPersonInput(values);
      const handlers = {
        onSuccess: onSaved,
        onError: (error: unknown) => {
          const fields = showSaveError(form, error, { title, mapPath: fieldFor, hasField: (f) => FIELDS.has(f) || f.startsWith('custom.') });
          if (fields[0]) focusField(form.getInputNode(fields[0]));
        },
      };
      if (person) update.mutate({ id: person.id, person: input }, handlers);
      else create.mutate(input, handlers);
    },
    (errors) => {
      const first = Object.keys(errors)[0];
      if (first) focusField(form.getInputNode(first));
    },
  );

  return (
    <form onSubmit={submit} noValidate aria-label={person ? 'Edit person' : 'New person'}>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" verticalSpacing="sm">
          <TextInput label="Name" withAsterisk data-autofocus {...form.getInputProps('name')} />
          <TextInput label="Pronouns" placeholder="she/her" {...form.getInputProps('pronouns')} />
          <TextInput label="Title" placeholder="Organizer" {...form.getInputProps('title')} />
          <TextInput label="Email" {...form.getInputProps('email')} />
          <TextInput label="Phone" {...form.getInputProps('phone')} />
          <TagsInput label="Languages" description="Press Enter after each" {...form.getInputProps('languages')} />
          <TextInput label="City" {...form.getInputProps('city')} />
          <TextInput label="District" {...form.getInputProps('district')} />
          <Switch label="Community leader" mt={{ sm: 28 }} {...form.getInputProps('communityLeader', { type: 'checkbox' })} />
        </SimpleGrid>

        <Divider label="Contact consent" labelPosition="left" />
        <Radio.Group
          label="May we contact this person?"
          description="Unknown until someone asked; unknown is not the same as no."
          {...form.getInputProps('consent.mayContact')}
          onChange={(value) => {
            form.setFieldValue('consent.mayContact', value as PersonFormValues['consent']['mayContact']);
            if (value !== 'yes') form.setFieldValue('consent.channels', []);
          }}
        >
          <Group gap="lg" mt={6}>
            <Radio value="yes" label="Yes" />
            <Radio value="no" label="No" />
            <Radio value="unknown" label="Unknown" />
          </Group>
        </Radio.Group>
        <Checkbox.Group label="Contact channels" description={agreed ? 'How they agreed to be contacted' : 'Only when they agreed to be contacted'} {...form.getInputProps('consent.channels')}>
          <Group gap="lg" mt={6}>
            {CHANNEL_OPTIONS.map((c) => (
              <Checkbox key={c.value} value={c.value} label={c.label} disabled={!agreed} />
            ))}
          </Group>
        </Checkbox.Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <IsoDateInput label="Consent recorded on" clearable {...form.getInputProps('consent.recordedOn')} />
          <TextInput label="Consent recorded by" {...form.getInputProps('consent.recordedBy')} />
        </SimpleGrid>

        <Divider />
        <TagsInput label="Tags" description="Press Enter after each" {...form.getInputProps('tags')} />
        <Textarea label="Notes" autosize minRows={3} maxRows={10} {...form.getInputProps('notes')} />
        <CustomFieldInputs form={form} fields={customFields} />

        {Object.keys(form.errors).length > 0 && (
          <Text size="sm" c="red" role="alert">
            Some fields need attention; they are marked in red.
          </Text>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            Save person
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
