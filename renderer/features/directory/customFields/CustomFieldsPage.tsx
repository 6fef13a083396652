import { useState } from 'react';
import { ActionIcon, Badge, Button, Group, Modal, Select, SimpleGrid, Stack, TagsInput, Table, Text, TextInput, Tooltip, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { IconArrowDown, IconArrowUp, IconForms, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import type { Method } from '@shared/contract';
import {
  CUSTOM_FIELD_KINDS,
  customFieldInput,
  type CustomField,
  type CustomFieldEntity,
  type CustomFieldKind,
} from '@shared/directory/customFields';
import { focusField, notifyError, showSaveError, validateWithSchema } from '../../../api/errors';
import { useRpcMutation, useRpcQuery } from '../../../api/queries';
import { EmptyState } from '../../../components/EmptyState';
import { Loading } from '../../../components/Loading';
import { Page } from '../../../components/Page';
import { QueryError } from '../../../components/QueryError';
import { Section } from '../../../components/Section';
import { DirectoryNav } from '../DirectoryNav';
import { DIRECTORY_READS } from '../reads';
import { countRecords, ENTITY_PLURAL, KIND_OPTIONS } from './model';

/** A change to a field changes the list, and every record read that carries values. */
const FIELD_READS = ['customFields.list', ...DIRECTORY_READS] as const satisfies readonly Method[];

const SECTIONS: Record<CustomFieldEntity, { title: string; hint: string }> = {
  organization: {
    title: 'Organization fields',
    hint: 'Shown in the organization form and page, offered as table columns and filters, and exported after the standard columns.',
  },
  person: {
    title: 'People fields',
    hint: 'Shown in the person form and page, offered as table columns and filters, and exported after the standard columns.',
  },
};

/** Directory → Fields: the coordinator's own text, number, date and choice fields. */
export function CustomFieldsPage() {
  return (
    <Page
      fluid
      title="Directory"
      description="Fields of your own for what the standard ones do not cover: dues status, membership size, renewal dates… Each field is a column and a filter in the tables."
      nav={<DirectoryNav />}
    >
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md" style={{ alignItems: 'start' }}>
        <FieldsSection entity="organization" />
        <FieldsSection entity="person" />
      </SimpleGrid>
    </Page>
  );
}

function choicesSummary(field: CustomField): string {
  if (field.kind !== 'choice') return '';
  const shown = field.choices.slice(0, 4).join(', ');
  return field.choices.length > 4 ? `${shown} +${field.choices.length - 4}` : shown;
}

function FieldsSection({ entity }: { entity: CustomFieldEntity }) {
  const info = SECTIONS[entity];
  const fields = useRpcQuery('customFields.list', { entity });
  const save = useRpcMutation('customFields.save', { invalidates: FIELD_READS });
  const remove = useRpcMutation('customFields.delete', { invalidates: FIELD_READS });
  const [editing, setEditing] = useState<CustomField | 'new' | null>(null);
  const [moving, setMoving] = useState(false);

  async function move(list: CustomField[], from: number, to: number) {
    const order = [...list];
    const [item] = order.splice(from, 1);
    if (!item) return;
    order.splice(to, 0, item);
    setMoving(true);
    try {
      // Positions become 0, 1, 2… in the new order; only fields whose position changes are saved.
      for (const [position, field] of order.entries()) {
        if (field.position === position) continue;
        await save.mutateAsync({ id: field.id, entity, label: field.label, kind: field.kind, choices: field.choices, position });
      }
    } catch (error) {
      notifyError('The fields were not reordered', error);
    } finally {
      setMoving(false);
    }
  }

  function confirmDelete(field: CustomField) {
    modals.openConfirmModal({
      title: `Delete the field “${field.label}”?`,
      children: (
        <Text size="sm">
          {field.valueCount > 0
            ? `${countRecords(entity, field.valueCount)} ${field.valueCount === 1 ? 'has' : 'have'} a value in it; the values are deleted with the field. Undo in the history brings them back.`
            : `No ${entity === 'organization' ? 'organization' : 'person'} has a value in it yet.`}
        </Text>
      ),
      labels: { confirm: 'Delete field', cancel: 'Keep it' },
      confirmProps: { color: 'red' },
      onConfirm: () => remove.mutate({ id: field.id }, { onError: (error) => notifyError(`“${field.label}” was not deleted`, error) }),
    });
  }

  return (
    <Section title={info.title} hint={info.hint}>
      {fields.isPending ? (
        <Loading label={`Loading the ${ENTITY_PLURAL[entity]}' fields`} />
      ) : fields.isError ? (
        <QueryError title="The fields could not be read" error={fields.error} onRetry={() => void fields.refetch()} />
      ) : fields.data.length === 0 ? (
        <EmptyState icon={IconForms} title="No fields yet">
          Add one for anything you track about {ENTITY_PLURAL[entity]} that the standard fields do not cover.
        </EmptyState>
      ) : (
        <Table striped highlightOnHover verticalSpacing={4} aria-label={info.title}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Field</Table.Th>
              <Table.Th>Kind</Table.Th>
              <Table.Th ta="right">Filled in</Table.Th>
              <Table.Th w={132}>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fields.data.map((field, index, list) => (
              <Table.Tr key={field.id}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {field.label}
                  </Text>
                  {field.kind === 'choice' && (
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      {choicesSummary(field)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color="gray" radius="sm">
                    {CUSTOM_FIELD_KINDS[field.kind]}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right">
                  <Text size="sm" c={field.valueCount > 0 ? undefined : 'dimmed'}>
                    {field.valueCount > 0 ? countRecords(entity, field.valueCount) : 'none'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={2} wrap="nowrap" justify="flex-end">
                    <Tooltip label="Move up">
                      <ActionIcon variant="subtle" color="gray" aria-label={`Move ${field.label} up`} disabled={index === 0 || moving} onClick={() => void move(list, index, index - 1)}>
                        <IconArrowUp size={15} />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label="Move down">
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={`Move ${field.label} down`}
                        disabled={index === list.length - 1 || moving}
                        onClick={() => void move(list, index, index + 1)}
                      >
                        <IconArrowDown size={15} />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label="Edit">
                      <ActionIcon variant="subtle" color="gray" aria-label={`Edit ${field.label}`} onClick={() => setEditing(field)}>
                        <IconPencil size={15} />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label="Delete">
                      <ActionIcon variant="subtle" color="gray" aria-label={`Delete ${field.label}`} onClick={() => confirmDelete(field)}>
                        <IconTrash size={15} />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group>
        <Button variant="default" leftSection={<IconPlus size={15} />} onClick={() => setEditing('new')}>
          Add {entity === 'organization' ? 'organization' : 'people'} field
        </Button>
      </Group>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' || editing === null ? `New ${entity === 'organization' ? 'organization' : 'people'} field` : `Edit “${editing.label}”`}
      >
        {editing !== null && <FieldForm entity={entity} field={editing === 'new' ? undefined : editing} onDone={() => setEditing(null)} />}
      </Modal>
    </Section>
  );
}

interface FieldFormValues {
  label: string;
  kind: CustomFieldKind;
  choices: string[];
}

function FieldForm({ entity, field, onDone }: { entity: CustomFieldEntity; field?: CustomField | undefined; onDone: () => void }) {
  const save = useRpcMutation('customFields.save', { invalidates: FIELD_READS });
  const toInput = (v: FieldFormValues) => ({
    ...(field ? { id: field.id, position: field.position } : {}),
    entity,
    label: v.label,
    kind: v.kind,
    choices: v.kind === 'choice' ? v.choices : [],
  });
  const form = useForm<FieldFormValues>({
    mode: 'controlled',
    initialValues: { label: field?.label ?? '', kind: field?.kind ?? 'text', choices: field?.choices ?? [] },
    validate: (values) => validateWithSchema(customFieldInput, toInput(values), (path) => path.replace(/^choices\.\d+$/, 'choices')),
  });
  const locked = (field?.valueCount ?? 0) > 0;

  const submit = form.onSubmit(
    (values) =>
      save.mutate(toInput(values), {
        onSuccess: onDone,
        onError: (error) => {
          const shown = showSaveError(form, error, {
            title: 'The field was not saved',
            mapPath: (path) => path.replace(/^choices\.\d+$/, 'choices'),
            hasField: (f) => ['label', 'kind', 'choices'].includes(f),
          });
          if (shown[0]) focusField(form.getInputNode(shown[0]));
        },
      }),
    (errors) => {
      const first = Object.keys(errors)[0];
      if (first) focusField(form.getInputNode(first));
    },
  );

  return (
    <form onSubmit={submit} noValidate aria-label={field ? 'Edit field' : 'New field'}>
      <Stack gap="sm">
        <TextInput label="Field name" withAsterisk data-autofocus placeholder="Dues status" {...form.getInputProps('label')} />
        <Select
          label="Kind"
          data={KIND_OPTIONS}
          allowDeselect={false}
          disabled={locked}
          description={
            locked
              ? `${countRecords(entity, field?.valueCount ?? 0)} ${field?.valueCount === 1 ? 'has' : 'have'} a value, so the kind stays as it is.`
              : 'Text, a number, a date (YYYY-MM-DD) or one of a list of choices.'
          }
          {...form.getInputProps('kind')}
        />
        {form.values.kind === 'choice' && (
          <TagsInput
            label="Choices"
            withAsterisk
            description="Press Enter after each; 1 to 100. A choice records use cannot be removed."
            placeholder="Paid"
            splitChars={[',']}
            {...form.getInputProps('choices')}
          />
        )}
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {field ? 'Save field' : 'Add field'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
