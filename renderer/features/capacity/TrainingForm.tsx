import { Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { TimeInput } from '@mantine/dates';
import { TRAINING_FORMATS, TRAINING_TOPICS, trainingInput, type TrainingDetail, type TrainingInput } from '@shared/capacity/contract';
import { timeZoneNames } from '@shared/meetings/contract';
import { validateWithSchema } from '../../api/errors';
import { useRpcMutation } from '../../api/queries';
import { IsoDateInput } from '../../components/IsoDateInput';
import { today } from '../../components/format';
import { EntityPicker } from '../directory/EntityPicker';
import { fromWallTime, localZone, toWallTime } from '../meetings/time';
import { errorText, focusFirstError, onSaveError } from '../structure/formErrors';
import { FormButtons } from '../structure/parts';
import { CAPACITY_READS } from './reads';

export const TOPIC_OPTIONS = Object.entries(TRAINING_TOPICS).map(([value, label]) => ({ value, label }));
const FORMAT_OPTIONS = Object.entries(TRAINING_FORMATS).map(([value, label]) => ({ value, label }));

type Values = Omit<TrainingInput, 'startsAt' | 'endsAt'> & { date: string | null; start: string; end: string };

/** Schedule or edit a training (its meeting in the calendar follows). Materials are edited one per line: "Title | link or path". */
export function TrainingForm({ training, onDone }: { training?: TrainingDetail; onDone: (id?: string) => void }) {
  const create = useRpcMutation('trainings.create', { invalidates: CAPACITY_READS });
  const update = useRpcMutation('trainings.update', { invalidates: CAPACITY_READS });
  const zone = training?.timeZone ?? localZone();
  const start = training ? toWallTime(training.startsAt, zone) : { date: today(), time: '10:00' };
  const end = training ? toWallTime(training.endsAt, zone) : { date: today(), time: '12:00' };
  const form = useForm<Values & { materialsText: string }>({
    mode: 'controlled',
    initialValues: {
      title: training?.title ?? '',
      topic: training?.topic ?? 'advocacy_tactics',
      format: training?.format ?? 'in_person',
      trainerPersonId: training?.trainerPersonId ?? null,
      trainerOrganizationId: training?.trainerOrganizationId ?? null,
      timeZone: zone,
      date: start.date,
      start: start.time,
      end: end.time,
      location: training?.location ?? '',
      videoUrl: training?.videoUrl ?? '',
      description: training?.description ?? '',
      materials: training?.materials ?? [],
      materialsText: (training?.materials ?? []).map((m) => (m.reference ? `${m.title} | ${m.reference}` : m.title)).join('\n'),
      status: training?.status ?? 'scheduled',
    },
    validate: (values) => validateWithSchema(trainingInput, toInput(values), mapPath),
  });
  function mapPath(p: string) {
    const field = p.replace(/^training\./, '');
    return field === 'startsAt' || field === 'endsAt' ? (field === 'startsAt' ? 'start' : 'end') : field.startsWith('materials') ? 'materialsText' : field;
  }
  function toInput({ date, start: s, end: e, materialsText, ...v }: Values & { materialsText: string }): TrainingInput {
    const day = date ?? today();
    const materials = materialsText
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => {
        const [title = '', ...rest] = line.split('|');
        return { title: title.trim(), reference: rest.join('|').trim() };
      });
    return { ...v, materials, startsAt: fromWallTime({ date: day, time: s }, v.timeZone), endsAt: fromWallTime({ date: day, time: e }, v.timeZone) };
  }
  const onError = onSaveError(form, 'The training was not saved', mapPath);
  const submit = form.onSubmit((values) => {
    const input = toInput(values);
    if (training) update.mutate({ id: training.id, training: input }, { onSuccess: (saved) => onDone(saved.id), onError });
    else create.mutate(input, { onSuccess: (saved) => onDone(saved.id), onError });
  }, focusFirstError(form));
  return (
    <form onSubmit={submit} noValidate aria-label={training ? 'Edit training' : 'New training'}>
      <Stack gap="sm">
        <TextInput label="Title" withAsterisk data-autofocus {...form.getInputProps('title')} />
        <Group grow align="flex-start">
          <Select label="Topic" data={TOPIC_OPTIONS} allowDeselect={false} {...form.getInputProps('topic')} />
          <Select label="Format" data={FORMAT_OPTIONS} allowDeselect={false} {...form.getInputProps('format')} />
        </Group>
        <Group grow align="flex-start">
          <IsoDateInput label="Date" withAsterisk {...form.getInputProps('date')} />
          <TimeInput label="Starts" withAsterisk {...form.getInputProps('start')} />
          <TimeInput label="Ends" withAsterisk {...form.getInputProps('end')} />
          <Select label="Time zone" searchable data={timeZoneNames()} allowDeselect={false} {...form.getInputProps('timeZone')} />
        </Group>
        <EntityPicker
          entity="person"
          label="Trainer"
          value={form.values.trainerPersonId}
          onChange={(picked) => form.setValues({ trainerPersonId: picked?.id ?? null, trainerOrganizationId: null })}
          error={errorText(form, 'trainerPersonId')}
        />
        <EntityPicker
          entity="organization"
          label="Or a training organization"
          value={form.values.trainerOrganizationId}
          onChange={(picked) => form.setValues({ trainerOrganizationId: picked?.id ?? null, trainerPersonId: null })}
          error={errorText(form, 'trainerOrganizationId')}
        />
        <Group grow align="flex-start">
          <TextInput label="Location" {...form.getInputProps('location')} />
          <TextInput label="Video link" placeholder="https://" {...form.getInputProps('videoUrl')} />
        </Group>
        <Textarea label="Description" autosize minRows={2} {...form.getInputProps('description')} />
        <Textarea label="Materials" description="One per line: title | link or file path" autosize minRows={2} {...form.getInputProps('materialsText')} />
        <FormButtons onCancel={() => onDone()} submit={training ? 'Save training' : 'Schedule training'} loading={create.isPending || update.isPending} />
      </Stack>
    </form>
  );
}
