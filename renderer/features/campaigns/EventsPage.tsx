import { useState } from 'react';
import { Button, Modal, SegmentedControl } from '@mantine/core';
import { IconCalendarEvent, IconPlus } from '@tabler/icons-react';
import { useRpcQuery } from '../../api/queries';
import { EmptyState } from '../../components/EmptyState';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { QueryError } from '../../components/QueryError';
import { AdvocacyNav } from './AdvocacyNav';
import { EventForm } from './EventForm';
import { EventsTable } from './EventsTable';

/** Advocacy → Public events: upcoming ones soonest first, or past ones newest first. */
export function EventsPage() {
  const [when, setWhen] = useState<'upcoming' | 'past'>('upcoming');
  // The minute the page opened: a stable query key (now() on every render would refetch forever).
  const [now] = useState(() => new Date().toISOString());
  const events = useRpcQuery('campaigns.events.list', when === 'upcoming' ? { from: now } : { to: now });
  const [adding, setAdding] = useState(false);
  const add = (
    <Button leftSection={<IconPlus size={15} />} onClick={() => setAdding(true)}>
      New event
    </Button>
  );
  const rows = when === 'past' ? [...(events.data ?? [])].reverse() : (events.data ?? []);
  return (
    <Page fluid title="Advocacy" description="Rallies, town halls, community forums, press conferences and lobby days." nav={<AdvocacyNav />} actions={add}>
      <SegmentedControl
        w="fit-content"
        value={when}
        onChange={(v) => setWhen(v)}
        data={[
          { value: 'upcoming', label: 'Upcoming' },
          { value: 'past', label: 'Past' },
        ]}
        aria-label="Which events"
      />
      {events.isPending ? (
        <Loading label="Loading the events" />
      ) : events.isError ? (
        <QueryError title="The events could not be read" error={events.error} onRetry={() => void events.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState icon={IconCalendarEvent} title={when === 'upcoming' ? 'No upcoming events' : 'No past events'}>
          A public event is put on the meeting calendar too, with its RSVPs, attendance and the people it reached.
        </EmptyState>
      ) : (
        <EventsTable events={rows} showCampaign />
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title="New public event" size="xl">
        {adding && <EventForm onDone={() => setAdding(false)} />}
      </Modal>
    </Page>
  );
}
