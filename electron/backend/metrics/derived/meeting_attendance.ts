import { addDays, dayIn } from '../periods';
import { flowMetric, type Db, type Fact } from './types';

// Attendance at meetings: invitees marked present, per meeting, counted on the meeting's day in
// its own time zone; cancelled meetings are left out. Drill-down: the meetings.

interface Held {
  id: string;
  title: string;
  date: string;
  present: number;
}

/**
 * The meetings held (not cancelled) on a day in [from, to] in their own zone, with their present
 * invitees, those with none left out. starts_at is UTC: a day either side covers every zone, then
 * the local day decides. One indexed range of meetings (meetings_attendance, 016), each counting its
 * present invitees from the partial index meeting_invitees_present; the title only when asked
 * (the figures and series read the index alone).
 */
async function heldMeetings(db: Db, from: string, to: string, withTitle: boolean): Promise<Held[]> {
  const rows = await db
    .selectFrom('meetings as m')
    .select([
      'm.id',
      'm.starts_at',
      'm.time_zone',
      (eb) => (withTitle ? eb.ref('m.title') : eb.val('')).as('title'),
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
  const held: Held[] = [];
  for (const row of rows) {
    const date = dayIn(row.starts_at, row.time_zone);
    const present = Number(row.present ?? 0);
    if (present > 0 && date >= from && date <= to) held.push({ id: row.id, title: String(row.title), date, present });
  }
  return held;
}

export const meetingAttendance = flowMetric({
  key: 'meeting_attendance',
  async totals(db, from, to) {
    return (await heldMeetings(db, from, to, false)).map((m) => ({ date: m.date, value: m.present, part: null }));
  },
  async facts(db, from, to) {
    return (await heldMeetings(db, from, to, true)).map(
      (m): Fact => ({ date: m.date, value: m.present, part: null, id: m.id, label: m.title, route: `/meetings/${m.id}`, detail: `${m.present} present` }),
    );
  },
});
