import { Group, Select, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import dayjs from 'dayjs';
import { TERM_ROLES, termInput, type Seat, type Term, type TermRole } from '@shared/structure/contract';
import { validateWithSchema } from '../../../api/errors';
import { useRpcMutation } from '../../../api/queries';
import { today } from '../../../components/format';
import { IsoDateInput } from '../../../components/IsoDateInput';
import { EntityPicker } from '../../directory/EntityPicker';
import { errorText, focusFirstError, onSaveError } from '../formErrors';
import { FormButtons } from '../parts';
import { STRUCTURE_READS } from '../reads';

interface TermValues {
  personId: string | null;
  organizationId: string | null;
  role: TermRole;
  startDate: string | null;
  endDate: string | null;
}

export const ROLE_OPTIONS = Object.entries(TERM_ROLES).map(([value, label]) => ({ value, label }));

/** The last day of a term of `months` starting on `start`. */
function termEnd(start: string, months: number): string {
  return dayjs(start).add(months, 'month').subtract(1, 'day').format('YYYY-MM-DD');
}

/** Give a seat a holder (a new term) or change a term: person, organization, role and dates. */
export function TermForm({ seat, term, onDone }: { seat: Seat; term?: Term | undefined; onDone: () => void }) {
  const save = useRpcMutation('structure.terms.save', { invalidates: STRUCTURE_READS });
  const start = term?.startDate ?? today();
  const form = useForm<TermValues>({
    mode: 'controlled',
    initialValues: {
      personId: term?.person?.id ?? null,
      organizationId: term?.organization?.id ?? null,
      role: term?.role ?? 'member',
      startDate: start,
      endDate: term ? term.endDate : seat.termMonths ? termEnd(start, seat.termMonths) : null,
    },
    validate: (values) => ({
      ...validateWithSchema(termInput, toInput(values)),
      ...(values.personId ? {} : { personId: 'Choose who holds the seat.' }),
    }),
  });
  function toInput(v: TermValues) {
    return { ...(term ? { id: term.id } : {}), seatId: seat.id, personId: v.personId ?? '', organizationId: v.organizationId, role: v.role, startDate: v.startDate ?? '', endDate: v.endDate };
  }
  const submit = form.onSubmit(
    (values) => save.mutate(toInput(values), { onSuccess: onDone, onError: onSaveError(form, 'The term was not saved') }),
    focusFirstError(form),
  );
  const requirement = seat.requirement ? `This seat is for an organization ${seat.requirement.kind === 'sector' ? 'of the sector' : 'serving'} “${seat.requirement.label}”.` : undefined;
  return (
    <form onSubmit={submit} noValidate aria-label={term ? 'Edit term' : 'New term'}>
      <Stack gap="sm">
        <EntityPicker
          entity="person"
          label="Holder"
          value={form.values.personId}
          valueName={term?.person?.name}
          onChange={(picked) => form.setFieldValue('personId', picked?.id ?? null)}
          error={errorText(form, 'personId')}
        />
        <EntityPicker
          entity="organization"
          label="Sits for (organization)"
          description={requirement ?? 'Leave empty for a seat held in a personal capacity.'}
          value={form.values.organizationId}
          valueName={term?.organization?.name}
          onChange={(picked) => form.setFieldValue('organizationId', picked?.id ?? null)}
          error={errorText(form, 'organizationId')}
        />
        <Select label="Role" data={ROLE_OPTIONS} allowDeselect={false} {...form.getInputProps('role')} />
        <Group grow align="flex-start">
          <IsoDateInput
            label="Term starts"
            withAsterisk
            {...form.getInputProps('startDate')}
            onChange={(value) => {
              form.setFieldValue('startDate', value);
              // A new term's end follows the seat's term length until the coordinator sets it.
              if (!term && value && seat.termMonths) form.setFieldValue('endDate', termEnd(value, seat.termMonths));
            }}
          />
          <IsoDateInput label="Term ends" clearable description={seat.termMonths ? `${seat.termMonths}-month terms` : 'Empty: open-ended'} {...form.getInputProps('endDate')} />
        </Group>
        <FormButtons onCancel={onDone} submit={term ? 'Save term' : 'Add holder'} loading={save.isPending} />
      </Stack>
    </form>
  );
}
