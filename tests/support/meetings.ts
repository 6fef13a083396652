import { randomUUID } from 'node:crypto';
import type { Input } from '@shared/contract';
import type { Backend } from '../../electron/backend/backend';

// Builders for the meetings tests. Structure records (working groups, seats, terms) are written
// straight into the workspace with bulkLoad, so these tests do not depend on the structure screens.

export function meetingInput(overrides: Partial<Input<'meetings.create'>> = {}): Input<'meetings.create'> {
  return {
    type: 'assembly',
    title: 'Spring assembly',
    startsAt: '2026-05-04T16:00:00.000Z',
    endsAt: '2026-05-04T18:00:00.000Z',
    timeZone: 'America/New_York',
    location: 'Eastside Library, room 2',
    videoUrl: '',
    organizerPersonId: null,
    workingGroupId: null,
    ...overrides,
  };
}

export async function addWorkingGroup(backend: Backend, name: string, members: readonly { personId: string; leftOn?: string }[] = []): Promise<string> {
  const id = randomUUID();
  await backend.bulkLoad((db) => {
    db.prepare(`insert into working_groups (id, name, status, created_at, updated_at) values (?, ?, 'active', '2026-01-01', '2026-01-01')`).run(id, name);
    const member = db.prepare(`insert into working_group_members (id, working_group_id, person_id, role, joined_on, left_on) values (?, ?, ?, 'member', '2025-01-01', ?)`);
    for (const m of members) member.run(randomUUID(), id, m.personId, m.leftOn ?? null);
  });
  return id;
}

/** Seats, and terms for some of them held by people (from 2025-01-01, ending `endDate` or open). */
export async function addSteering(backend: Backend, seats: number, holders: readonly { personId: string; endDate?: string }[]): Promise<void> {
  await backend.bulkLoad((db) => {
    const seatIds = Array.from({ length: seats }, () => randomUUID());
    const seat = db.prepare(`insert into steering_seats (id, name, position, created_at, updated_at) values (?, ?, ?, '2025-01-01', '2025-01-01')`);
    seatIds.forEach((id, i) => seat.run(id, `Seat ${i + 1}`, i));
    const term = db.prepare(
      `insert into steering_terms (id, seat_id, person_id, role, start_date, end_date, created_at, updated_at) values (?, ?, ?, 'member', '2025-01-01', ?, '2025-01-01', '2025-01-01')`,
    );
    holders.forEach((h, i) => term.run(randomUUID(), seatIds[i % seats], h.personId, h.endDate ?? null));
  });
}
