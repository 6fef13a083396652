import { useState } from 'react';
import { Anchor, Loader, Select, Stack, Text } from '@mantine/core';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { CAMPAIGN_STATUSES, type CampaignStatus } from '@shared/campaigns/contract';
import type { InKind } from '@shared/resources/contract';
import { useRpcQuery } from '../../api/queries';
import { formatDate, today } from '../../components/format';
import { campaignHref } from '../campaigns/reads';
import { meetingHref } from '../meetings/reads';
import { toWallTime } from '../meetings/time';

// Pickers for what money or in-kind support is for: an advocacy campaign (all of them, from
// campaigns.choices), a meeting of the planner or a public event. Meetings and events are read
// around a date (the day the support was given), six months either side, nearest first: a
// coalition with years of meetings gets the ones that matter without a search method of its own.

const DAY_MS = 86_400_000;
/** Meetings and events this many days either side of the date are offered (meetings.range allows 400 days). */
export const AROUND_DAYS = 180;
/** The list shows this many options at once; typing narrows it. */
const SHOWN = 60;

export interface Named {
  id: string;
  name: string;
}

/** The window around a day (noon UTC ± AROUND_DAYS), and that noon to sort by distance. */
function around(date: string): { from: string; to: string; mid: number } {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(date) && dayjs(date).isValid() ? date : today();
  const mid = Date.parse(`${day}T12:00:00.000Z`);
  return { from: new Date(mid - AROUND_DAYS * DAY_MS).toISOString(), to: new Date(mid + AROUND_DAYS * DAY_MS).toISOString(), mid };
}

/** "4 May 2026" in the record's own zone. */
function dayIn(instant: string, zone: string): string {
  return formatDate(toWallTime(instant, zone).date);
}

interface Option {
  value: string;
  label: string;
}
type Options = (Option | { group: string; items: Option[] })[];

interface PickerProps {
  label: string;
  value: string | null;
  /** The saved record's name, shown while it is not among the options read (outside the window). */
  current?: Named | null;
  onChange: (value: string | null) => void;
  description?: string;
  error?: string | null;
}

/** A searchable, clearable Select that keeps the chosen record's name when the options move. */
function RecordSelect({ label, value, current, onChange, description, error, data, loading, placeholder }: PickerProps & { data: Options; loading: boolean; placeholder: string }) {
  const [chosen, setChosen] = useState<Named | null>(current ?? null);
  const flat = data.flatMap((d) => ('group' in d ? d.items : [d]));
  const options: Options = [...data];
  const known = chosen?.id === value ? chosen : current?.id === value ? current : null;
  if (value && !flat.some((o) => o.value === value)) options.unshift({ value, label: known?.name || 'The record chosen' });
  return (
    <Select
      label={label}
      description={description}
      placeholder={placeholder}
      searchable
      clearable
      // Mantine hides its clear button from assistive technology; this one is named and reachable.
      clearButtonProps={{ 'aria-label': `Clear ${label.toLowerCase()}`, 'aria-hidden': false, tabIndex: 0 }}
      limit={SHOWN}
      value={value}
      data={options}
      error={error}
      rightSection={loading ? <Loader size={14} /> : undefined}
      nothingFoundMessage="No match"
      onChange={(id, option) => {
        setChosen(id ? { id, name: option?.label ?? '' } : null);
        onChange(id);
      }}
    />
  );
}

/** Pick a meeting of the planner held within six months of `date`, nearest first. */
export function MeetingPicker({ date, ...props }: PickerProps & { date: string }) {
  const window = around(date);
  const range = useRpcQuery('meetings.range', { from: window.from, to: window.to });
  const meetings = [...(range.data?.meetings ?? [])].sort((a, b) => Math.abs(Date.parse(a.startsAt) - window.mid) - Math.abs(Date.parse(b.startsAt) - window.mid));
  const data = meetings.map((m) => ({ value: m.id, label: `${m.title} — ${dayIn(m.startsAt, m.timeZone)}${m.status === 'cancelled' ? ' (cancelled)' : ''}` }));
  return (
    <RecordSelect
      {...props}
      description={props.description ?? (range.data?.truncated ? 'Only the first 2,000 meetings around that date are offered: type part of a title.' : 'Meetings within six months of the date, nearest first.')}
      data={data}
      loading={range.isFetching}
      placeholder={meetings.length ? 'Type part of a title' : 'No meetings around that date'}
    />
  );
}

/** Pick a public event held within six months of `date`, nearest first. */
export function EventPicker({ date, ...props }: PickerProps & { date: string }) {
  const window = around(date);
  const list = useRpcQuery('campaigns.events.list', { from: window.from, to: window.to });
  const events = [...(list.data ?? [])].sort((a, b) => Math.abs(Date.parse(a.startsAt) - window.mid) - Math.abs(Date.parse(b.startsAt) - window.mid));
  const data = events.map((e) => ({ value: e.id, label: `${e.title} — ${dayIn(e.startsAt, e.timeZone)}` }));
  return (
    <RecordSelect
      {...props}
      description={props.description ?? 'Public events within six months of the date, nearest first.'}
      data={data}
      loading={list.isFetching}
      placeholder={events.length ? 'Type part of a title' : 'No public events around that date'}
    />
  );
}

/** Pick an advocacy campaign, grouped by status (active ones first). */
export function AdvocacyCampaignPicker(props: PickerProps) {
  const choices = useRpcQuery('campaigns.choices', {});
  const campaigns = choices.data?.campaigns ?? [];
  const order: readonly CampaignStatus[] = ['active', 'planning', 'paused', 'won', 'lost'];
  const data = order
    .map((status) => ({ group: CAMPAIGN_STATUSES[status], items: campaigns.filter((c) => c.status === status).map((c) => ({ value: c.id, label: c.name })) }))
    .filter((g) => g.items.length > 0);
  return <RecordSelect {...props} data={data} loading={choices.isFetching} placeholder={campaigns.length ? 'Type part of a name' : 'No advocacy campaigns yet'} />;
}

/** Where a public event lives on screen: its meeting on the calendar, or the events list. */
export const eventHref = (event: { meetingId: string | null }) => (event.meetingId ? meetingHref(event.meetingId) : '/advocacy/events');

/** What in-kind support supported, each a link to its record: one per line, or `inline` after a sentence. */
export function SupportedLinks({ k, inline = false }: { k: Pick<InKind, 'supportedMeeting' | 'supportedCampaign' | 'supportedEvent'>; inline?: boolean }) {
  const links = [
    k.supportedMeeting && { what: 'Meeting', name: k.supportedMeeting.name, to: meetingHref(k.supportedMeeting.id) },
    k.supportedCampaign && { what: 'Campaign', name: k.supportedCampaign.name, to: campaignHref(k.supportedCampaign.id) },
    k.supportedEvent && { what: 'Event', name: k.supportedEvent.name, to: eventHref(k.supportedEvent) },
  ].filter((l): l is { what: string; name: string; to: string } => Boolean(l));
  const anchor = (l: (typeof links)[number]) => (
    <Anchor component={Link} to={l.to} inherit>
      {l.name || 'Unnamed'}
    </Anchor>
  );
  if (inline) {
    if (links.length === 0) return null;
    return (
      <>
        {' '}
        for{' '}
        {links.map((l, i) => (
          <span key={l.what}>
            {i > 0 ? ', ' : ''}
            {l.what.toLowerCase()} {anchor(l)}
          </span>
        ))}
      </>
    );
  }
  if (links.length === 0) return <Text span>—</Text>;
  return (
    <Stack gap={0}>
      {links.map((l) => (
        <Text size="sm" key={l.what}>
          <Text span size="xs" c="dimmed">
            {l.what}:{' '}
          </Text>
          {anchor(l)}
        </Text>
      ))}
    </Stack>
  );
}
