import { expect, test } from 'vitest';
import { formatMeetingTime, fromWallTime, toWallTime } from '../../renderer/features/meetings/time';

test('a wall time in a zone is the right UTC instant, and back, across daylight-saving changes', () => {
  expect(fromWallTime({ date: '2026-05-04', time: '18:00' }, 'America/New_York')).toBe('2026-05-04T22:00:00.000Z');
  expect(fromWallTime({ date: '2026-01-15', time: '18:00' }, 'America/New_York')).toBe('2026-01-15T23:00:00.000Z');
  expect(fromWallTime({ date: '2026-10-25', time: '09:30' }, 'Europe/Berlin')).toBe('2026-10-25T08:30:00.000Z');
  expect(fromWallTime({ date: '2026-07-01', time: '00:00' }, 'UTC')).toBe('2026-07-01T00:00:00.000Z');
  expect(toWallTime('2026-05-04T22:00:00.000Z', 'America/New_York')).toEqual({ date: '2026-05-04', time: '18:00' });
  // The same instant is the next day in Tokyo.
  expect(toWallTime('2026-05-04T22:00:00.000Z', 'Asia/Tokyo')).toEqual({ date: '2026-05-05', time: '07:00' });
});

test('a meeting reads in its own zone, with the end day when it ends on another day', () => {
  expect(formatMeetingTime('2026-05-04T22:00:00.000Z', '2026-05-04T23:30:00.000Z', 'America/New_York')).toBe('Mon 4 May 2026, 18:00–19:30 (America/New_York)');
  expect(formatMeetingTime('2026-05-05T02:00:00.000Z', '2026-05-05T05:00:00.000Z', 'America/New_York')).toBe('Mon 4 May 2026, 22:00–Tue 5 May 01:00 (America/New_York)');
});
