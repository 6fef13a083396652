import { Group, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { TimeInput } from '@mantine/dates';
import { eventInput, type EventInput, type EventKind, type PublicEvent } from '@shared/campaigns/contract';
import { isTimeZone, timeZoneNames } from '@shared/meetings/contract';
import { validateWithSchema } from '../../api/errors';
import { useRpcMutation, useRpcQuery } from '../../api/queries';
import { IsoDateInput } from '../../components/IsoDateInput';
import { fromWallTime, localZone, toWallTime } from '../meetings/time';
import { focusFirstError, onSaveError } from '../structure/formErrors';
import { FormButtons } from '../structure/parts';
import { EVENT_KIND_OPTIONS } from './labels';
import { CAMPAIGN_READS } from './reads';

interface Values {
  campaignId: string | null;
  kind: EventKind;
  title: string;
  date: string | null;
  startTime: string;
  endTime: string;
  timeZone: string;
  location: string;
  description: string;
  rsvps: number | string;
  attendance: number | string;
  peopleReached: number | string;
  cohostIds: string[];
}

const TIME = /^\d{2}:\d{2}$/;
const ZONES = timeZoneNames();
const count = (v: number | string): number | null => (v === '' ? null : Number(v));

/** The event as the contract takes it; null while the day, times or zone cannot make instants. */
function toInput(v: Values): EventInput | null {
  if (!v.date || !TIME.test(v.startTime) || !TIME.test(v.endTime) || !isTimeZone(v.timeZone)) return null;
  // An end before the start on the same day means the event runs past midnight.
  const endDate = v.endTime <= v.startTime ? new Date(Date.parse(v.date) + 86_400_000).toISOString().slice(0, 10) : v.date;
  return {
    campaignId: v.campaignId,
    kind: v.kind,
    title: v.title,
    startsAt: fromWallTime({ date: v.date, time: v.startTime }, v.timeZone),
    endsAt: fromWallTime({ date: endDate, time: v.endTime }, v.timeZone),
    timeZone: v.timeZone,
    location: v.location,
    description: v.description,
    rsvps: count(v.rsvps) ?? 0,
    attendance: count(v.attendance),
    peopleReached: count(v.peopleReached),
    cohostIds: v.cohostIds,
  };
}

const mapPath = (path: string) => (path === 'startsAt' ? 'startTime' : path === 'endsAt' ? 'endTime' : path.startsWith('cohostIds') ? 'cohostIds' : path);

function initialValues(event: PublicEvent | undefined, campaignId: string | null): Values {
  if (!event) {
    return { campaignId, kind: 'town_hall', title: '', date: null, startTime: '18:00', endTime: '20:00', timeZone: localZone(), location: '', description: '', rsvps: 0, attendance: '', peopleReached: '', cohostIds: [] };
  }
  const start = toWallTime(event.startsAt, event.timeZone);
  return {
    campaignId: event.campaign?.id ?? null,
    kind: event.kind,
    title: event.title,
    date: start.date,
    startTime: start.time,
    endTime: toWallTime(event.endsAt, event.timeZone).time,
    timeZone: event.timeZone,
    location: event.location,
    description: event.description,
    rsvps: event.rsvps,
    attendance: event.attendance ?? '',
    peopleReached: event.peopleReached ?? '',
    cohostIds: event.cohosts.map((h) => h.id),
  };
}

/**
 * Add or edit a public event. Saving puts it on the meeting calendar (a town hall or forum as a
 * town-hall meeting). Co-hosts are chosen among the campaign's partner organizations.
 */
export function EventForm({ event, campaignId = null, onDone }: { event?: PublicEvent | undefined; campaignId?: string | null; onDone: () => void }) {
  const save = useRpcMutation('campaigns.events.save', { invalidates: CAMPAIGN_READS });
  const choices = useRpcQuery('campaigns.choices', {});
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: initialValues(event, campaignId),
    validate: (values) => {
      const input = toInput(values);
      if (!input) {
        return {
          ...(values.date ? {} : { date: 'Choose the day of the event.' }),
          ...(TIME.test(values.startTime) ? {} : { startTime: 'Enter a start time like 18:00.' }),
          ...(TIME.test(values.endTime) ? {} : { endTime: 'Enter an end time like 20:00.' }),
          ...(isTimeZone(values.timeZone) ? {} : { timeZone: 'Choose a time zone from the list.' }),
        };
      }
      return validateWithSchema(eventInput, input, mapPath);
    },
  });
  const campaign = useRpcQuery('campaigns.get', { id: form.values.campaignId ?? '' }, { enabled: form.values.campaignId !== null });
  const partners = (campaign.data?.participants ?? []).map((p) => ({ value: p.organization.id, label: p.organization.name }));
  for (const h of event?.cohosts ?? []) if (!partners.some((p) => p.value === h.id)) partners.push({ value: h.id, label: h.name });
  const submit = form.onSubmit((values) => {
    const input = toInput(values);
    if (!input) return;
    save.mutate({ ...(event ? { id: event.id } : {}), ...input }, { onSuccess: onDone, onError: onSaveError(form, 'The event was not saved', mapPath) });
  }, focusFirstError(form));
  const zones = ZONES.includes(form.values.timeZone) ? ZONES : [form.values.timeZone, ...ZONES];
  return (
    <form onSubmit={submit} noValidate aria-label={event ? 'Edit event' : 'New event'}>
      <Stack gap="sm">
        <Group grow align="flex-start">
          <Select label="Kind" data={EVENT_KIND_OPTIONS} allowDeselect={false} {...form.getInputProps('kind')} />
          <Select
            label="Campaign"
            clearable
            searchable
            data={(choices.data?.campaigns ?? []).map((c) => ({ value: c.id, label: c.name }))}
            {...form.getInputProps('campaignId')}
          />
        </Group>
        <TextInput label="Title" withAsterisk data-autofocus placeholder="Right to Counsel town hall" {...form.getInputProps('title')} />
        <SimpleGrid cols={4} spacing="sm">
          <IsoDateInput label="Day" withAsterisk {...form.getInputProps('date')} />
          <TimeInput label="Starts" {...form.getInputProps('startTime')} />
          <TimeInput label="Ends" {...form.getInputProps('endTime')} />
          <Select label="Time zone" searchable data={zones} allowDeselect={false} {...form.getInputProps('timeZone')} />
        </SimpleGrid>
        <TextInput label="Place" placeholder="Eastside Library, 120 Main St" {...form.getInputProps('location')} />
        <MultiSelect
          label="Co-hosting partners"
          description={form.values.campaignId ? 'The campaign’s partner organizations.' : 'Choose a campaign to pick its partners as co-hosts.'}
          data={partners}
          searchable
          {...form.getInputProps('cohostIds')}
        />
        <SimpleGrid cols={3} spacing="sm">
          <NumberInput label="RSVPs" min={0} allowDecimal={false} thousandSeparator="," {...form.getInputProps('rsvps')} />
          <NumberInput label="Attendance" description="After the event." min={0} allowDecimal={false} thousandSeparator="," {...form.getInputProps('attendance')} />
          <NumberInput label="People reached" description="Including streams and coverage." min={0} allowDecimal={false} thousandSeparator="," {...form.getInputProps('peopleReached')} />
        </SimpleGrid>
        <Textarea label="Description" autosize minRows={2} maxRows={6} {...form.getInputProps('description')} />
        <FormButtons onCancel={onDone} submit={event ? 'Save event' : 'Add event'} loading={save.isPending} />
      </Stack>
    </form>
  );
}
