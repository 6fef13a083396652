import { useState } from 'react';
import { Button, Group, MultiSelect, Paper, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import FullCalendar from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/daygrid';
import interactionPlugin from '@fullcalendar/interaction';
import listPlugin from '@fullcalendar/list';
import timeGridPlugin from '@fullcalendar/timegrid';
import type { DatesSetArg, EventInput } from '@fullcalendar/core';
import { useNavigate } from 'react-router';
import { MEETING_TYPES, type MeetingSummary, type MeetingType } from '@shared/meetings/contract';
import { useRpcQuery } from '../../api/queries';
import { Page } from '../../components/Page';
import { QueryError } from '../../components/QueryError';
import { MEETING_TYPE_OPTIONS, TYPE_COLORS } from './labels';
import { MeetingFormModal } from './MeetingForm';
import { MeetingsNav } from './MeetingsNav';
import { meetingHref } from './reads';
import { CalendarExportButton } from './documents/CalendarExportButton';
import { WorkingGroupSelect } from './WorkingGroupSelect';
import './calendar.css';

function toEvent(m: MeetingSummary): EventInput {
  const color = `var(--mantine-color-${TYPE_COLORS[m.type]}-filled)`;
  return {
    id: m.id,
    title: m.status === 'cancelled' ? `Cancelled: ${m.title}` : m.title,
    start: m.startsAt,
    end: m.endsAt,
    backgroundColor: color,
    borderColor: color,
    classNames: m.status === 'cancelled' ? ['meeting-cancelled'] : [],
    extendedProps: { type: MEETING_TYPES[m.type], location: m.location },
  };
}

/** The calendar: month, week and agenda views of the meetings, filtered by type and working group. */
export function CalendarPage() {
  const navigate = useNavigate();
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const [types, setTypes] = useState<MeetingType[]>([]);
  const [workingGroupId, setWorkingGroupId] = useState<string | null>(null);
  const [creating, create] = useDisclosure(false);
  const [newDate, setNewDate] = useState('');
  const filter = { ...(types.length > 0 ? { types } : {}), ...(workingGroupId ? { workingGroupId } : {}) };
  const meetings = useRpcQuery('meetings.range', { from: range?.from ?? '', to: range?.to ?? '', ...filter }, { enabled: range !== null });

  return (
    <Page
      title="Meetings"
      fluid
      nav={<MeetingsNav />}
      actions={
        <>
          <CalendarExportButton filter={{ ...range, ...filter }} />
          <Button leftSection={<IconPlus size={16} />} onClick={() => { setNewDate(''); create.open(); }}>
            Schedule meeting
          </Button>
        </>
      }
    >
      <Group gap="sm" align="flex-end">
        <MultiSelect
          label="Types"
          placeholder={types.length ? undefined : 'All types'}
          data={MEETING_TYPE_OPTIONS}
          value={types}
          onChange={(v) => setTypes(v as MeetingType[])}
          clearable
          w={380}
        />
        <WorkingGroupSelect value={workingGroupId} onChange={setWorkingGroupId} placeholder="All working groups" />
        {meetings.data?.truncated && (
          <Text size="sm" c="orange">
            Only the first meetings of this range are shown; narrow the filters.
          </Text>
        )}
      </Group>
      {meetings.isError && <QueryError title="The calendar could not be loaded" error={meetings.error} onRetry={() => void meetings.refetch()} />}
      <Paper withBorder p="md" className="meetings-calendar">
        <FullCalendar
          plugins={[dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin]}
          initialView="dayGridMonth"
          headerToolbar={{ left: 'prev,next today', center: 'title', right: 'dayGridMonth,timeGridWeek,listMonth' }}
          buttonText={{ today: 'Today', month: 'Month', week: 'Week', list: 'Agenda' }}
          firstDay={1}
          height="auto"
          dayMaxEventRows={4}
          eventDisplay="block"
          nowIndicator
          eventTimeFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
          slotLabelFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
          events={(meetings.data?.meetings ?? []).map(toEvent)}
          datesSet={(arg: DatesSetArg) => setRange({ from: arg.start.toISOString(), to: arg.end.toISOString() })}
          eventClick={(arg) => {
            arg.jsEvent.preventDefault();
            void navigate(meetingHref(arg.event.id));
          }}
          dateClick={(arg) => {
            setNewDate(arg.dateStr.slice(0, 10));
            create.open();
          }}
          noEventsContent="No meetings in this period."
        />
      </Paper>
      <MeetingFormModal opened={creating} onClose={create.close} defaults={newDate ? { startDate: newDate, endDate: newDate } : {}} />
    </Page>
  );
}
