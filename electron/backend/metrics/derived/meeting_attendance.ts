import { addDays, dayIn } from '../periods';
import { flowMetric, type Fact } from './types';

// Attendance at meetings: invitees marked present, per meeting, counted on the meeting's day in
// its own time zone; cancelled meetings are left out. Drill-down: the meetings.
export const meetingAttendance = flowMetric({
  key: 'meeting_attendance',
  // Figures and series: the range of meetings from the covering index meetings_attendance (016),
  // each counting its present invitees from the partial index meeting_invitees_present.
  async totals(db, from, to) {
    const rows = await db
      .selectFrom('meetings as m')
      .select([
        'm.starts_at',
        'm.time_zone',
        (eb) =>
          eb
            .selectFrom('meeting_invitees as i')
            .select((e) => e.fn.countAll<number>().as('n'))
            .whereRef('i.meeting_id', '=', 'm.id')
            .where('i.attendance', '=', 'present')
            .as('present'),
      ])
      .where('m.starts_at', '>=', `${addDays(from, -1)}T00:00:00.000Z`)
      .where('m.starts_at', '<', `${addDays(to, 2)}T00:00:00.000Z`)
      .where('m.status', '=', 'scheduled')
      .execute();
    const facts: { date: string; value: number; part: null }[] = [];
    for (const row of rows) {
      const date = dayIn(row.starts_at, row.time_zone);
      const present = Number(row.present ?? 0);
      if (present > 0 && date >= from && date <= to) facts.push({ date, value: present, part: null });
    }
    return facts;
  },
  async facts(db, from, to) {
    // starts_at is UTC: a day either side covers every zone, then the local day decides.
    // One indexed range of meetings, each counting its present invitees (meeting_invitees_one).
    const rows = await db
      .selectFrom('meetings as m')
      .select([
        'm.id',
        'm.title',
        'm.starts_at',
        'm.time_zone',
        (eb) =>
          eb
            .selectFrom('meeting_invitees as i')
            .select((e) => e.fn.countAll<number>().as('n'))
            .whereRef('i.meeting_id', '=', 'm.id')
            .where('i.attendance', '=', 'present')
            .as('present'),
      ])
      .where('m.starts_at', '>=', `${addDays(from, -1)}T00:00:00.000Z`)
      .where('m.starts_at', '<', `${addDays(to, 2)}T00:00:00.000Z`)
      .where('m.status', '=', 'scheduled')
      .execute();
    const facts: Fact[] = [];
    for (const row of rows) {
      const date = dayIn(row.starts_at, row.time_zone);
      if (date < from || date > to) continue;
      const present = Number(row.present ?? 0);
      if (present === 0) continue;
      facts.push({ date, value: present, part: null, id: row.id, label: row.title, route: `/meetings/${row.id}`, detail: `${present} present` });
    }
    return facts;
  },
});
