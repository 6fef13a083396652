import { Group, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { SECTORS } from '@shared/taxonomy';
import { REQUIREMENT_KINDS, seatInput, type RequirementKind, type Seat } from '@shared/structure/contract';
import { validateWithSchema } from '../../../api/errors';
import { useRpcMutation, useRpcQuery } from '../../../api/queries';
import { focusFirstError, onSaveError } from '../formErrors';
import { FormButtons } from '../parts';
import { STRUCTURE_READS } from '../reads';

interface SeatValues {
  name: string;
  requirementKind: RequirementKind | null;
  requirementValue: string | null;
  termMonths: number | string;
}

const SECTOR_OPTIONS = Object.entries(SECTORS).map(([value, label]) => ({ value, label }));
const KIND_OPTIONS = Object.entries(REQUIREMENT_KINDS).map(([value, label]) => ({ value, label }));

function toInput(seat: Seat | undefined, v: SeatValues) {
  return {
    ...(seat ? { id: seat.id } : {}),
    name: v.name,
    requirement: v.requirementKind ? { kind: v.requirementKind, value: v.requirementValue ?? '' } : null,
    termMonths: v.termMonths === '' ? null : Number(v.termMonths),
  };
}

/** The contract's paths on the form's fields. */
const mapPath = (path: string) => (path === 'requirement.value' ? 'requirementValue' : path === 'requirement.kind' ? 'requirementKind' : path);

/** Add or edit a seat: name, an optional sector or population requirement, the term length. */
export function SeatForm({ seat, onDone }: { seat?: Seat | undefined; onDone: () => void }) {
  const save = useRpcMutation('structure.seats.save', { invalidates: STRUCTURE_READS });
  const populations = useRpcQuery('vocabulary.list', { kind: 'population' });
  const form = useForm<SeatValues>({
    mode: 'controlled',
    initialValues: {
      name: seat?.name ?? '',
      requirementKind: seat?.requirement?.kind ?? null,
      requirementValue: seat?.requirement?.value ?? null,
      termMonths: seat?.termMonths ?? '',
    },
    validate: (values) => validateWithSchema(seatInput, toInput(seat, values), mapPath),
  });
  const kind = form.values.requirementKind;
  const submit = form.onSubmit(
    (values) => save.mutate(toInput(seat, values), { onSuccess: onDone, onError: onSaveError(form, 'The seat was not saved', mapPath) }),
    focusFirstError(form),
  );
  return (
    <form onSubmit={submit} noValidate aria-label={seat ? 'Edit seat' : 'New seat'}>
      <Stack gap="sm">
        <TextInput label="Seat name" withAsterisk data-autofocus placeholder="Grassroots seat 1" {...form.getInputProps('name')} />
        <Group grow align="flex-start">
          <Select
            label="Requirement"
            placeholder="Open to any member"
            clearable
            data={KIND_OPTIONS}
            {...form.getInputProps('requirementKind')}
            onChange={(value) => {
              form.setFieldValue('requirementKind', value as RequirementKind | null);
              form.setFieldValue('requirementValue', null);
            }}
          />
          {kind && (
            <Select
              label={kind === 'sector' ? 'Sector' : 'Population served'}
              withAsterisk
              searchable
              data={kind === 'sector' ? SECTOR_OPTIONS : (populations.data ?? [])}
              {...form.getInputProps('requirementValue')}
            />
          )}
        </Group>
        <NumberInput
          label="Term length (months)"
          description="Leave empty when terms have no set length."
          min={1}
          max={120}
          allowDecimal={false}
          {...form.getInputProps('termMonths')}
        />
        <FormButtons onCancel={onDone} submit={seat ? 'Save seat' : 'Add seat'} loading={save.isPending} />
      </Stack>
    </form>
  );
}
