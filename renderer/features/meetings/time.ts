import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

// Meetings store UTC instants plus the zone they were set in; forms edit the wall time in that
// zone ("14:00 in America/Chicago"), so a meeting set from another zone keeps its local hour.

export interface WallTime {
  /** YYYY-MM-DD */
  date: string;
  /** HH:mm */
  time: string;
}

/** A UTC instant as the wall date and time in `zone`. */
export function toWallTime(instant: string, zone: string): WallTime {
  const local = dayjs(instant).tz(zone);
  return { date: local.format('YYYY-MM-DD'), time: local.format('HH:mm') };
}

/** The UTC instant of a wall date and time in `zone` (ISO, ending in Z). */
export function fromWallTime(wall: WallTime, zone: string): string {
  return dayjs.tz(`${wall.date} ${wall.time}`, 'YYYY-MM-DD HH:mm', zone).utc().toISOString();
}

/** The coordinator's own zone (the default for a new meeting). */
export function localZone(): string {
  return dayjs.tz.guess() || 'UTC';
}

/** "Mon 4 May 2026, 12:00–14:00 (America/New_York)" in the meeting's own zone. */
export function formatMeetingTime(startsAt: string, endsAt: string, zone: string): string {
  const start = dayjs(startsAt).tz(zone);
  const end = dayjs(endsAt).tz(zone);
  const sameDay = start.format('YYYY-MM-DD') === end.format('YYYY-MM-DD');
  const endText = sameDay ? end.format('HH:mm') : end.format('ddd D MMM HH:mm');
  return `${start.format('ddd D MMM YYYY, HH:mm')}–${endText} (${zone})`;
}

/** Minutes between two instants. */
export function minutesBetween(startsAt: string, endsAt: string): number {
  return Math.round((Date.parse(endsAt) - Date.parse(startsAt)) / 60_000);
}
