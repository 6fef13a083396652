import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { TimeInput } from '@mantine/dates';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { isTimeZone, meetingInput, timeZoneNames, type MeetingDetail, type MeetingInput, type MeetingType } from '@shared/meetings/contract';
import { notifySuccess, showSaveError, validateWithSchema } from '../../api/errors';
import { useRpcMutation, useRpcQuery } from '../../api/queries';
import { IsoDateInput } from '../../components/IsoDateInput';
import { EntityPicker } from '../directory/EntityPicker';
import { MEETING_TYPE_OPTIONS } from './labels';
import { ConflictList } from './ConflictList';
import { MEETING_READS, meetingHref } from './reads';
import { fromWallTime, localZone, toWallTime } from './time';
import { WorkingGroupSelect } from './WorkingGroupSelect';

interface Values {
  type: MeetingType;
  title: string;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  timeZone: string;
  location: string;
  videoUrl: string;
  organizerPersonId: string | null;
  organizerName: string;
  workingGroupId: string | null;
  status: 'scheduled' | 'cancelled';
}

const TIME = /^\d{2}:\d{2}$/;
const ZONES = timeZoneNames();

function toInput(v: Values): MeetingInput | null {
  if (!v.startDate || !v.endDate || !TIME.test(v.startTime) || !TIME.test(v.endTime) || !isTimeZone(v.timeZone)) return null;
  return {
    type: v.type,
    title: v.title,
    startsAt: fromWallTime({ date: v.startDate, time: v.startTime }, v.timeZone),
    endsAt: fromWallTime({ date: v.endDate, time: v.endTime }, v.timeZone),
    timeZone: v.timeZone,
    location: v.location,
    videoUrl: v.videoUrl,
    organizerPersonId: v.organizerPersonId,
    workingGroupId: v.workingGroupId,
    status: v.status,
  };
}

/** Contract paths onto the form's fields (the instants are edited as a date and a time). */
const mapPath = (path: string) => (path === 'startsAt' ? 'startTime' : path === 'endsAt' ? 'endTime' : path);

function initialValues(meeting: MeetingDetail | undefined, defaults: Partial<Values>): Values {
  if (meeting) {
    const start = toWallTime(meeting.startsAt, meeting.timeZone);
    const end = toWallTime(meeting.endsAt, meeting.timeZone);
    return {
      type: meeting.type,
      title: meeting.title,
      startDate: start.date,
      startTime: start.time,
      endDate: end.date,
      endTime: end.time,
      timeZone: meeting.timeZone,
      location: meeting.location,
      videoUrl: meeting.videoUrl,
      organizerPersonId: meeting.organizerPersonId,
      organizerName: meeting.organizerName ?? '',
      workingGroupId: meeting.workingGroupId,
      status: meeting.status,
    };
  }
  return {
    type: 'assembly',
    title: '',
    startDate: '',
    startTime: '18:00',
    endDate: '',
    endTime: '19:30',
    timeZone: localZone(),
    location: '',
    videoUrl: '',
    organizerPersonId: null,
    organizerName: '',
    workingGroupId: null,
    status: 'scheduled',
    ...defaults,
  };
}

/** Schedule a meeting (no `meeting`) or change one; times are the wall time in the chosen zone. */
export function MeetingFormModal({ opened, onClose, meeting, defaults = {} }: { opened: boolean; onClose: () => void; meeting?: MeetingDetail; defaults?: Partial<Values> }) {
  return (
    <Modal opened={opened} onClose={onClose} title={meeting ? `Edit ${meeting.title}` : 'Schedule a meeting'} size="lg">
      {opened && <MeetingForm meeting={meeting} defaults={defaults} onDone={onClose} />}
    </Modal>
  );
}

function MeetingForm({ meeting, defaults, onDone }: { meeting: MeetingDetail | undefined; defaults: Partial<Values>; onDone: () => void }) {
  const navigate = useNavigate();
  const create = useRpcMutation('meetings.create', { invalidates: MEETING_READS });
  const update = useRpcMutation('meetings.update', { invalidates: MEETING_READS });
  const form = useForm<Values>({
    initialValues: initialValues(meeting, defaults),
    // The end day follows the start day unless it was set to another day on purpose.
    onValuesChange: (values, previous) => {
      if (values.startDate === previous.startDate || !values.startDate) return;
      if (!previous.endDate || previous.endDate === previous.startDate || values.endDate < values.startDate) form.setFieldValue('endDate', values.startDate);
    },
    validate: (values) => {
      const input = toInput(values);
      if (!input) {
        return {
          ...(values.startDate ? {} : { startDate: 'Choose the day the meeting starts.' }),
          ...(values.endDate ? {} : { endDate: 'Choose the day the meeting ends.' }),
          ...(TIME.test(values.startTime) ? {} : { startTime: 'Enter a start time like 18:00.' }),
          ...(TIME.test(values.endTime) ? {} : { endTime: 'Enter an end time like 19:30.' }),
          ...(isTimeZone(values.timeZone) ? {} : { timeZone: 'Choose a time zone from the list.' }),
        };
      }
      return validateWithSchema(meetingInput, input, mapPath);
    },
  });

  const input = toInput(form.values);
  // A meeting imported with a zone alias (Europe/Kiev) keeps it on the list.
  const zones = ZONES.includes(form.values.timeZone) || !form.values.timeZone ? ZONES : [form.values.timeZone, ...ZONES];
  const [times] = useDebouncedValue(input ? { startsAt: input.startsAt, endsAt: input.endsAt } : null, 300);
  // Query keys compare by value: a new object each render is the same query.
  const conflictInput = {
    startsAt: times?.startsAt ?? '',
    endsAt: times?.endsAt ?? '',
    personIds: form.values.organizerPersonId ? [form.values.organizerPersonId] : [],
    ...(meeting ? { meetingId: meeting.id } : {}),
  };
  const conflicts = useRpcQuery('meetings.conflicts', conflictInput, { enabled: times !== null && Date.parse(times.endsAt) > Date.parse(times.startsAt) });

  function submit(values: Values) {
    const parsed = toInput(values);
    if (!parsed) return;
    const onError = (error: unknown) => showSaveError(form, error, { title: 'The meeting was not saved', mapPath, hasField: (f) => f in values });
    if (meeting) {
      update.mutate({ id: meeting.id, meeting: parsed }, { onSuccess: () => { notifySuccess('Meeting saved.'); onDone(); }, onError });
    } else {
      create.mutate(parsed, {
        onSuccess: (created) => {
          notifySuccess(`${created.title} is on the calendar.`);
          onDone();
          void navigate(meetingHref(created.id));
        },
        onError,
      });
    }
  }

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={2}>
          <Select label="Type" data={MEETING_TYPE_OPTIONS} allowDeselect={false} withAsterisk {...form.getInputProps('type')} />
          <WorkingGroupSelect
            value={form.values.workingGroupId}
            onChange={(id) => form.setFieldValue('workingGroupId', id)}
            error={form.errors['workingGroupId'] as string | undefined}
          />
        </SimpleGrid>
        <TextInput label="Title" withAsterisk data-autofocus {...form.getInputProps('title')} />
        <SimpleGrid cols={3}>
          <IsoDateInput label="Starts on" withAsterisk {...form.getInputProps('startDate')} />
          <TimeInput label="at" withAsterisk {...form.getInputProps('startTime')} />
          <Select label="Time zone" data={zones} searchable withAsterisk allowDeselect={false} limit={50} {...form.getInputProps('timeZone')} />
          <IsoDateInput label="Ends on" withAsterisk {...form.getInputProps('endDate')} />
          <TimeInput label="at" withAsterisk {...form.getInputProps('endTime')} />
          {meeting && <Select label="Status" data={[{ value: 'scheduled', label: 'Scheduled' }, { value: 'cancelled', label: 'Cancelled' }]} allowDeselect={false} {...form.getInputProps('status')} />}
        </SimpleGrid>
        <SimpleGrid cols={2}>
          <TextInput label="Location" placeholder="Room, address" {...form.getInputProps('location')} />
          <TextInput label="Video link" placeholder="https://…" {...form.getInputProps('videoUrl')} />
        </SimpleGrid>
        <EntityPicker
          entity="person"
          label="Organizer"
          value={form.values.organizerPersonId}
          valueName={form.values.organizerName || undefined}
          onChange={(picked) => {
            form.setFieldValue('organizerPersonId', picked?.id ?? null);
            form.setFieldValue('organizerName', picked?.name ?? '');
          }}
          error={form.errors['organizerPersonId'] as string | undefined}
        />
        {(conflicts.data?.length ?? 0) > 0 && (
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} title="Double-booked at these times">
            <ConflictList conflicts={conflicts.data ?? []} />
          </Alert>
        )}
        {input && (
          <Text size="xs" c="dimmed">
            Stored as {new Date(input.startsAt).toISOString().slice(0, 16).replace('T', ' ')} UTC.
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {meeting ? 'Save meeting' : 'Schedule meeting'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
