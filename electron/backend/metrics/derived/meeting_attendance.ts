import { localDate } from '../../meetings/common';
import { addDays } from '../periods';
import { flowMetric, type Fact } from './types';

// Attendance at meetings: invitees marked present, per meeting, counted on the meeting's day in
// its own time zone; cancelled meetings are left out. Drill-down: the meetings.
export const meetingAttendance = flowMetric({
  key: 'meeting_attendance',
  async facts(db, from, to) {
    // starts_at is UTC: a day either side covers every zone, then the local day decides.
    const rows = await db
      .selectFrom('meetings as m')
      .innerJoin('meeting_invitees as i', 'i.meeting_id', 'm.id')
      .select(['m.id', 'm.title', 'm.type', 'm.starts_at', 'm.time_zone', (eb) => eb.fn.countAll<number>().as('present')])
      .where('m.starts_at', '>=', `${addDays(from, -1)}T00:00:00.000Z`)
      .where('m.starts_at', '<', `${addDays(to, 2)}T00:00:00.000Z`)
      .where('m.status', '=', 'scheduled')
      .where('i.attendance', '=', 'present')
      .groupBy('m.id')
      .execute();
    const facts: Fact[] = [];
    for (const row of rows) {
      const date = localDate(row.starts_at, row.time_zone);
      if (date < from || date > to) continue;
      const present = Number(row.present);
      facts.push({ date, value: present, part: null, id: row.id, label: row.title, route: `/meetings/${row.id}`, detail: `${present} present` });
    }
    return facts;
  },
});
