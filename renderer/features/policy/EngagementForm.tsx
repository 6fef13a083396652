import { useState } from 'react';
import { Alert, Button, Checkbox, Group, Modal, MultiSelect, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import type { Input } from '@shared/contract';
import { ENGAGEMENT_KINDS, PRESENTED_KINDS, type Engagement, type EngagementKind, type PresentedKind } from '@shared/policy/contract';
import { errorMessage } from '../../api/errors';
import { useRpcMutation, useRpcQuery } from '../../api/queries';
import type { Picked } from '../directory/EntityPicker';
import { PeoplePicker } from '../meetings/PeoplePicker';

type EngagementInput = Input<'policy.engagements.create'>;

/** "2026-04-14" + "15:00" in the browser's zone → a UTC instant. */
function instantOf(day: string, time: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const parsed = new Date(`${day}T${time}:00`);
  return Number.isNaN(parsed.getTime()) ? null : parsed.toISOString();
}

function localTime(instant: string | null): string {
  if (!instant) return '';
  const d = new Date(instant);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/**
 * Record or edit an engagement. A meeting (or anything with a time) also goes into the meeting
 * planner as a policymaker meeting, set in this computer's time zone.
 */
export function EngagementForm({ engagement, officialId, opened, onClose }: { engagement?: Engagement; officialId?: string; opened: boolean; onClose: () => void }) {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const [kind, setKind] = useState<EngagementKind>(engagement?.kind ?? 'meeting');
  const [title, setTitle] = useState(engagement?.title ?? '');
  const [day, setDay] = useState(engagement?.occurredOn ?? new Date().toISOString().slice(0, 10));
  const [start, setStart] = useState(localTime(engagement?.startsAt ?? null) || '10:00');
  const [end, setEnd] = useState(localTime(engagement?.endsAt ?? null) || '11:00');
  const [location, setLocation] = useState(engagement?.location ?? '');
  const [officialIds, setOfficialIds] = useState<string[]>(engagement ? engagement.officials.map((o) => o.id) : officialId ? [officialId] : []);
  const [attendees, setAttendees] = useState<Picked[]>(engagement ? engagement.attendees.map((a) => ({ entity: 'person' as const, id: a.id, name: a.name })) : []);
  const [billId, setBillId] = useState<string | null>(engagement?.billId ?? null);
  const [campaignId, setCampaignId] = useState<string | null>(engagement?.campaignId ?? null);
  const [presented, setPresented] = useState<PresentedKind[]>(engagement?.presented ?? []);
  const [presentedNote, setPresentedNote] = useState(engagement?.presentedNote ?? '');
  const [outcome, setOutcome] = useState(engagement?.outcome ?? '');
  const [followUp, setFollowUp] = useState(engagement?.followUp ?? '');
  const [owner, setOwner] = useState<Picked[]>(engagement?.followUpOwnerPersonId ? [{ entity: 'person', id: engagement.followUpOwnerPersonId, name: engagement.followUpOwnerName ?? '' }] : []);
  const [dueOn, setDueOn] = useState(engagement?.followUpDueOn ?? '');
  const [done, setDone] = useState(engagement?.followUpDone ?? false);
  const officials = useRpcQuery('policy.officials.list', { filters: { search: '', level: null, bodyId: null, party: null, committeeId: null }, offset: 0, limit: 500 });
  const bills = useRpcQuery('policy.bills.list', { filters: { search: '', status: null, position: null, level: null }, offset: 0, limit: 500 });
  const campaigns = useRpcQuery('campaigns.list', {});
  const invalidates = ['policy.engagements.list', 'policy.engagements.get', 'policy.officials.get', 'policy.bills.get', 'meetings.range', 'meetings.get'] as const;
  const create = useRpcMutation('policy.engagements.create', { invalidates });
  const update = useRpcMutation('policy.engagements.update', { invalidates });
  const timed = kind === 'meeting' || kind === 'briefing' || kind === 'site_visit';

  function input(): EngagementInput {
    return {
      kind,
      title,
      occurredOn: day,
      startsAt: timed ? instantOf(day, start) : null,
      endsAt: timed ? instantOf(day, end) : null,
      timeZone: timed ? zone : null,
      location,
      officials: officialIds.map((id) => ({ officialId: id, stafferId: engagement?.officials.find((o) => o.id === id)?.stafferId ?? null })),
      attendeePersonIds: attendees.map((a) => a.id),
      campaignId,
      billId,
      presented,
      presentedNote,
      outcome,
      followUp,
      followUpOwnerPersonId: owner[0]?.id ?? null,
      followUpDueOn: dueOn || null,
      followUpDone: done,
    };
  }
  async function save() {
    if (engagement) await update.mutateAsync({ id: engagement.id, engagement: input() });
    else await create.mutateAsync(input());
    onClose();
  }
  const error = create.error ?? update.error;
  return (
    <Modal opened={opened} onClose={onClose} title={engagement ? 'Edit engagement' : 'Record an engagement'} size="xl">
      <Stack gap="sm">
        <SimpleGrid cols={2}>
          <Select label="Kind" data={Object.entries(ENGAGEMENT_KINDS).map(([value, label]) => ({ value, label }))} value={kind} onChange={(v) => setKind((v ?? 'meeting') as EngagementKind)} allowDeselect={false} />
          <TextInput label="Title" required value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
          <TextInput label="Date" placeholder="YYYY-MM-DD" value={day} onChange={(e) => setDay(e.currentTarget.value)} />
          <TextInput label="Location" value={location} onChange={(e) => setLocation(e.currentTarget.value)} />
          {timed && <TextInput label={`Starts (${zone})`} placeholder="HH:MM" value={start} onChange={(e) => setStart(e.currentTarget.value)} />}
          {timed && <TextInput label="Ends" placeholder="HH:MM" value={end} onChange={(e) => setEnd(e.currentTarget.value)} />}
        </SimpleGrid>
        <MultiSelect
          label="Officials"
          searchable
          data={(officials.data?.rows ?? []).map((o) => ({ value: o.id, label: o.name }))}
          value={officialIds}
          onChange={setOfficialIds}
        />
        <PeoplePicker label="Coalition attendees" value={attendees} onChange={setAttendees} />
        <SimpleGrid cols={2}>
          <Select label="Campaign" clearable data={(campaigns.data ?? []).map((c) => ({ value: c.id, label: c.name }))} value={campaignId} onChange={setCampaignId} />
          <Select label="Bill" clearable searchable data={(bills.data?.rows ?? []).map((b) => ({ value: b.id, label: `${b.identifier} ${b.title}` }))} value={billId} onChange={setBillId} />
        </SimpleGrid>
        <MultiSelect label="Presented" data={Object.entries(PRESENTED_KINDS).map(([value, label]) => ({ value, label }))} value={presented} onChange={(v) => setPresented(v as PresentedKind[])} />
        <Textarea label="What was presented" autosize minRows={1} value={presentedNote} onChange={(e) => setPresentedNote(e.currentTarget.value)} />
        <Textarea label="Outcome" autosize minRows={1} value={outcome} onChange={(e) => setOutcome(e.currentTarget.value)} />
        <SimpleGrid cols={2}>
          <TextInput label="Follow-up" value={followUp} onChange={(e) => setFollowUp(e.currentTarget.value)} />
          <TextInput label="Follow-up due" placeholder="YYYY-MM-DD" value={dueOn} onChange={(e) => setDueOn(e.currentTarget.value)} />
        </SimpleGrid>
        <PeoplePicker label="Follow-up owner" value={owner} onChange={(v) => setOwner(v.slice(-1))} />
        <Checkbox label="Follow-up done" checked={done} onChange={(e) => setDone(e.currentTarget.checked)} />
        {error && (
          <Alert color="red" role="alert">
            {errorMessage(error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button loading={create.isPending || update.isPending} onClick={() => void save().catch(() => undefined)}>
            Save engagement
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
