import { ActionIcon, Autocomplete, Badge, Button, Checkbox, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { IconAlertTriangle, IconCircleCheck, IconPencil, IconTrash } from '@tabler/icons-react';
import {
  DIMENSION_VALUES,
  EVERY_REGION,
  REPRESENTATION_DIMENSIONS,
  TARGET_KINDS,
  targetInput,
  type RepresentationDimension,
  type TargetInput,
  type TargetKind,
  type TargetStatus,
} from '@shared/directory/representation';
import { ORGANIZATION_TYPES, SECTORS } from '@shared/taxonomy';
import { focusField, notifyError, notifySuccess, showSaveError, validateWithSchema } from '../../../api/errors';
import { useRpcMutation } from '../../../api/queries';
import { formatShare, gapText, members, targetText, type Summary } from './model';

interface TargetFormValues {
  id: string | null;
  dimension: RepresentationDimension;
  value: string;
  everyRegion: boolean;
  kind: TargetKind;
  amount: number | string;
  note: string;
}

const EMPTY: TargetFormValues = { id: null, dimension: 'sector', value: '', everyRegion: false, kind: 'min_share', amount: '', note: '' };
const FIELDS = new Set(['dimension', 'value', 'kind', 'amount', 'note']);

function toInput(values: TargetFormValues): TargetInput {
  return {
    ...(values.id ? { id: values.id } : {}),
    dimension: values.dimension,
    value: values.dimension === 'region' && values.everyRegion ? EVERY_REGION : values.value,
    kind: values.kind,
    // An empty field is "no amount": the schema says so on the field.
    amount: values.amount === '' ? (undefined as unknown as number) : Number(values.amount),
    note: values.note,
  };
}

function fromTarget(target: TargetStatus): TargetFormValues {
  const every = target.dimension === 'region' && target.value === EVERY_REGION;
  return { id: target.id, dimension: target.dimension, value: every ? '' : target.value, everyRegion: every, kind: target.kind, amount: target.amount, note: target.note };
}

const DIMENSION_OPTIONS = DIMENSION_VALUES.map((value) => ({ value, label: REPRESENTATION_DIMENSIONS[value] }));
const KIND_OPTIONS = Object.entries(TARGET_KINDS).map(([value, label]) => ({ value, label }));
const SECTOR_VALUE_OPTIONS = Object.entries(SECTORS).map(([value, label]) => ({ value, label }));
const TYPE_VALUE_OPTIONS = Object.entries(SECTORS).map(([sector, group]) => ({
  group,
  items: Object.entries(ORGANIZATION_TYPES)
    .filter(([, type]) => type.sector === sector)
    .map(([value, type]) => ({ value, label: type.label })),
}));

/** Add, edit and delete representation targets; each listed with how the coalition stands against it. */
export function TargetsPanel({ summary, populations }: { summary: Summary; populations: readonly string[] }) {
  const save = useRpcMutation('representation.targets.save', { invalidates: ['representation.summary'] });
  const remove = useRpcMutation('representation.targets.delete', { invalidates: ['representation.summary'] });
  const form = useForm<TargetFormValues>({
    mode: 'controlled',
    initialValues: EMPTY,
    validate: (values) => validateWithSchema(targetInput, toInput(values)),
  });
  const { values } = form;
  const editing = values.id !== null;

  const submit = form.onSubmit(
    (v) => {
      save.mutate(toInput(v), {
        onSuccess: (target) => {
          notifySuccess(`Target saved: ${target.label}, ${targetText(target.kind, target.amount)}.`);
          form.setValues(EMPTY);
          form.resetDirty(EMPTY);
        },
        onError: (error) => {
          const fields = showSaveError(form, error, { title: 'The target was not saved', hasField: (f) => FIELDS.has(f) });
          if (fields[0]) focusField(form.getInputNode(fields[0]));
        },
      });
    },
    (errors) => {
      const first = Object.keys(errors)[0];
      if (first) focusField(form.getInputNode(first));
    },
  );

  function confirmDelete(target: TargetStatus) {
    modals.openConfirmModal({
      title: `Delete the target for ${target.label}?`,
      children: <Text size="sm">The target ({targetText(target.kind, target.amount)}) is removed. No organization is changed.</Text>,
      labels: { confirm: 'Delete target', cancel: 'Keep it' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        remove.mutate(
          { id: target.id },
          {
            onSuccess: () => {
              if (values.id === target.id) form.setValues(EMPTY);
              notifySuccess(`Target for ${target.label} deleted.`);
            },
            onError: (error) => notifyError('The target was not deleted', error),
          },
        ),
    });
  }

  const regionOptions = summary.dimensions.region.map((r) => r.value);
  const populationOptions = [...new Set([...populations, ...summary.dimensions.population.map((r) => r.value)])];
  const valueField = (() => {
    const common = { label: 'Value', withAsterisk: true, ...form.getInputProps('value') };
    switch (values.dimension) {
      case 'sector':
        return <Select {...common} data={SECTOR_VALUE_OPTIONS} placeholder="Choose a sector" />;
      case 'type':
        return <Select {...common} searchable data={TYPE_VALUE_OPTIONS} placeholder="Choose a type" />;
      case 'region':
        return <Autocomplete {...common} data={regionOptions} placeholder="Type a region" disabled={values.everyRegion} />;
      case 'population':
        return <Select {...common} searchable data={populationOptions} placeholder="Choose a population" />;
    }
  })();

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="representation-targets">
      <Stack gap="md">
        <div>
          <Title order={2} fz="md" id="representation-targets">
            Targets
          </Title>
          <Text size="sm" c="dimmed">
            What the coalition aims for: “at least 30% community &amp; grassroots groups”, “every region has a member”.
          </Text>
        </div>

        {summary.targets.length === 0 ? (
          <Text size="sm" c="dimmed">
            No targets yet. Add the first one below.
          </Text>
        ) : (
          <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Representation targets">
            {summary.targets.map((t) => (
              <Group key={t.id} component="li" gap="sm" wrap="nowrap" justify="space-between" data-status={t.met ? 'met' : 'unmet'}>
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Text size="sm" fw={600}>
                    {REPRESENTATION_DIMENSIONS[t.dimension]}: {t.label} — {targetText(t.kind, t.amount)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    Now {t.kind === 'min_share' ? formatShare(t.actual) : members(t.actual)}
                    {t.value === EVERY_REGION && t.shortfalls.length > 0 ? ` · short: ${t.shortfalls.map((s) => s.value).join(', ')}` : ''}
                    {t.note ? ` · ${t.note}` : ''}
                  </Text>
                </Stack>
                <Group gap={4} wrap="nowrap">
                  {t.met ? (
                    <Badge color="teal" variant="light" leftSection={<IconCircleCheck size={12} />}>
                      Met
                    </Badge>
                  ) : (
                    <Badge color="red" variant="filled" leftSection={<IconAlertTriangle size={12} />}>
                      Not met · {gapText(t.kind, t.gap)}
                    </Badge>
                  )}
                  <Tooltip label="Edit target">
                    <ActionIcon variant="subtle" color="gray" aria-label={`Edit target ${t.label}`} onClick={() => form.setValues(fromTarget(t))}>
                      <IconPencil size={15} />
                    </ActionIcon>
                  </Tooltip>
                  <Tooltip label="Delete target">
                    <ActionIcon variant="subtle" color="red" aria-label={`Delete target ${t.label}`} onClick={() => confirmDelete(t)}>
                      <IconTrash size={15} />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              </Group>
            ))}
          </Stack>
        )}

        <form onSubmit={submit} noValidate aria-label={editing ? 'Edit target' : 'New target'}>
          <Stack gap="sm">
            <Text size="sm" fw={600}>
              {editing ? 'Edit target' : 'New target'}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
              <Select
                label="Dimension"
                withAsterisk
                allowDeselect={false}
                data={DIMENSION_OPTIONS}
                {...form.getInputProps('dimension')}
                onChange={(v) => {
                  form.setFieldValue('dimension', (v ?? 'sector') as RepresentationDimension);
                  form.setFieldValue('value', '');
                  form.setFieldValue('everyRegion', false);
                }}
              />
              {valueField}
              <Select label="Kind" withAsterisk allowDeselect={false} data={KIND_OPTIONS} {...form.getInputProps('kind')} />
              <NumberInput
                label={values.kind === 'min_share' ? 'Share (%)' : 'Members'}
                withAsterisk
                min={0}
                max={values.kind === 'min_share' ? 100 : undefined}
                allowDecimal={values.kind === 'min_share'}
                // The contract's schema judges the amount (and says why on the field); no silent clamping.
                clampBehavior="none"
                {...form.getInputProps('amount')}
              />
            </SimpleGrid>
            {values.dimension === 'region' && (
              <Checkbox label="Every region listed in the directory" {...form.getInputProps('everyRegion', { type: 'checkbox' })} />
            )}
            <TextInput label="Note" placeholder="Why this target matters" {...form.getInputProps('note')} />
            <Group justify="flex-end" gap="sm">
              {editing && (
                <Button variant="default" onClick={() => form.setValues(EMPTY)}>
                  Cancel edit
                </Button>
              )}
              <Button type="submit" loading={save.isPending}>
                {editing ? 'Save target' : 'Add target'}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}
