import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend/backend';
import { changeLog, fails, issuesOf, ok, useBackend } from '../../support/backend';
import { addPerson, organizationInput } from '../../support/people';

async function committee(backend: Backend) {
  const ana = await addPerson(backend, 'Ana Soto');
  const ben = await addPerson(backend, 'Ben Okafor');
  const grassroots = (await ok(backend, 'organizations.create', organizationInput('Tenant Union', { sector: 'community', type: 'local_community_group', populations: ['Renters'] }))).id;
  const clinic = (await ok(backend, 'organizations.create', organizationInput('Eastside Clinic', { sector: 'nonprofit', type: 'public_health', populations: ['Seniors'] }))).id;
  const seat1 = await ok(backend, 'structure.seats.save', { name: 'Grassroots seat 1', requirement: { kind: 'sector', value: 'community' }, termMonths: 24 });
  const seat2 = await ok(backend, 'structure.seats.save', { name: 'Seniors seat', requirement: { kind: 'population', value: 'seniors' }, termMonths: null });
  const seat3 = await ok(backend, 'structure.seats.save', { name: 'Open seat', requirement: null, termMonths: 12 });
  return { ana, ben, grassroots, clinic, seat1, seat2, seat3 };
}

describe('steering committee', () => {
  it('shows each seat’s holder today, the vacancies and the terms ending within 90 days', async () => {
    const { backend } = await useBackend();
    const { ana, ben, grassroots, clinic, seat1, seat2, seat3 } = await committee(backend);
    await ok(backend, 'structure.terms.save', { seatId: seat1.id, personId: ana, organizationId: grassroots, role: 'chair', startDate: '2025-01-01', endDate: '2026-06-30' });
    // The clinic serves "Seniors" (the requirement matches regardless of case); Ben holds the seat until March.
    await ok(backend, 'structure.terms.save', { seatId: seat2.id, personId: ben, organizationId: clinic, role: 'treasurer', startDate: '2025-03-01', endDate: '2026-03-31' });
    // Ben's term on the open seat starts after today: the seat is vacant until then.
    await ok(backend, 'structure.terms.save', { seatId: seat3.id, personId: ben, organizationId: null, role: 'member', startDate: '2026-09-01', endDate: null });

    const today = await ok(backend, 'structure.overview', { today: '2026-02-01' });
    expect(today.seats.map((s) => [s.name, s.current?.person?.name ?? null, s.current?.role ?? null, s.current?.meetsRequirement ?? null])).toEqual([
      ['Grassroots seat 1', 'Ana Soto', 'chair', true],
      ['Seniors seat', 'Ben Okafor', 'treasurer', true],
      ['Open seat', null, null, null],
    ]);
    expect(today.seats[0]?.requirement).toEqual({ kind: 'sector', value: 'community', label: 'Community & grassroots' });
    expect(today.vacancies.map((s) => s.name)).toEqual(['Open seat']);
    expect(today.vacancies[0]?.next?.startDate).toBe('2026-09-01');
    // Ending by 2026-05-02: only the seniors seat (2026-03-31); the chair's ends 2026-06-30.
    expect(today.endingSoon.map((s) => [s.name, s.current?.endDate])).toEqual([['Seniors seat', '2026-03-31']]);

    // The clock moves: in April the seniors seat is vacant and the chair's term ends within 90 days.
    const april = await ok(backend, 'structure.overview', { today: '2026-04-15' });
    expect(april.vacancies.map((s) => s.name)).toEqual(['Seniors seat', 'Open seat']);
    expect(april.endingSoon.map((s) => s.name)).toEqual(['Grassroots seat 1']);
    // A term is still current on its last day.
    expect((await ok(backend, 'structure.overview', { today: '2026-03-31' })).vacancies.map((s) => s.name)).toEqual(['Open seat']);
    expect(today.rules).toMatchObject({ quorumShare: 0.5, ordinaryMajority: 0.5, charterMajority: 2 / 3 });
  });

  it('says when a holder does not meet the seat’s requirement', async () => {
    const { backend } = await useBackend();
    const { ana, ben, clinic, seat1, seat2 } = await committee(backend);
    await ok(backend, 'structure.terms.save', { seatId: seat1.id, personId: ana, organizationId: clinic, role: 'member', startDate: '2025-01-01', endDate: null });
    await ok(backend, 'structure.terms.save', { seatId: seat2.id, personId: ben, organizationId: null, role: 'member', startDate: '2025-01-01', endDate: null });
    const overview = await ok(backend, 'structure.overview', { today: '2025-06-01' });
    // A nonprofit on the grassroots seat, and a holder sitting for no organization on a population seat.
    expect(overview.seats.map((s) => s.current?.meetsRequirement)).toEqual([false, false, undefined]);
  });

  it('refuses overlapping terms on a seat, a second chair, and a term ending before it starts, with clear messages', async () => {
    const { backend, path } = await useBackend();
    const { ana, ben, grassroots, seat1, seat2 } = await committee(backend);
    const first = await ok(backend, 'structure.terms.save', { seatId: seat1.id, personId: ana, organizationId: grassroots, role: 'chair', startDate: '2025-01-01', endDate: '2026-12-31' });

    const overlap = await fails(backend, 'structure.terms.save', { seatId: seat1.id, personId: ben, organizationId: null, role: 'member', startDate: '2026-06-01', endDate: null });
    expect(overlap.code).toBe('validation');
    expect(overlap.message).toBe(
      'Grassroots seat 1 is held by Ana Soto (2025-01-01 – 2026-12-31) over these dates; a seat has one holder at a time. End that term first or choose other dates.',
    );
    expect(issuesOf(overlap).map((i) => i.path)).toEqual(['startDate']);

    const chair = await fails(backend, 'structure.terms.save', { seatId: seat2.id, personId: ben, organizationId: null, role: 'chair', startDate: '2026-01-01', endDate: null });
    expect(chair.message).toBe('Ana Soto is chair over these dates (2025-01-01 – 2026-12-31); the committee has one chair at a time.');
    expect(issuesOf(chair).map((i) => i.path)).toEqual(['role']);

    const backwards = await fails(backend, 'structure.terms.save', { seatId: seat2.id, personId: ben, organizationId: null, role: 'member', startDate: '2026-01-01', endDate: '2025-12-31' });
    expect(issuesOf(backwards)).toEqual([{ path: 'endDate', message: 'The term cannot end before it starts.' }]);

    // The next term starts the day after; editing a term does not clash with itself.
    await ok(backend, 'structure.terms.save', { seatId: seat1.id, personId: ben, organizationId: null, role: 'chair', startDate: '2027-01-01', endDate: null });
    await ok(backend, 'structure.terms.save', { id: first.id, seatId: seat1.id, personId: ana, organizationId: grassroots, role: 'chair', startDate: '2025-01-01', endDate: '2026-11-30' });
    expect((await ok(backend, 'structure.seats.get', { id: seat1.id })).terms.map((t) => [t.person?.name, t.startDate, t.endDate])).toEqual([
      ['Ben Okafor', '2027-01-01', null],
      ['Ana Soto', '2025-01-01', '2026-11-30'],
    ]);

    const twin = await fails(backend, 'structure.seats.save', { name: 'grassroots SEAT 1', requirement: null, termMonths: null });
    expect([twin.code, twin.message]).toEqual(['conflict', 'A seat named “grassroots SEAT 1” already exists.']);
    const badSector = await fails(backend, 'structure.seats.save', { name: 'X', requirement: { kind: 'sector', value: 'unions' }, termMonths: 0 });
    expect(issuesOf(badSector)).toEqual([
      { path: 'requirement.value', message: 'Choose a sector of the taxonomy.' },
      { path: 'termMonths', message: 'Term length is at least 1 month.' },
    ]);

    // Deleting a seat removes its terms in the same undoable batch.
    await ok(backend, 'structure.seats.delete', { id: seat1.id });
    const batch = changeLog(path).at(-1)?.batch;
    expect(changeLog(path).filter((r) => r.batch === batch).map((r) => [r.entity, r.action])).toEqual([
      ['steering_terms', 'delete'],
      ['steering_terms', 'delete'],
      ['steering_seats', 'delete'],
    ]);
    await ok(backend, 'history.undo', {});
    expect((await ok(backend, 'structure.seats.get', { id: seat1.id })).terms).toHaveLength(2);
  });

  it('keeps the decision rules between 0 and 100%', async () => {
    const { backend } = await useBackend();
    const saved = await ok(backend, 'structure.rules.save', { quorumShare: 0.6, ordinaryMajority: 0.5, charterMajority: 0.75 });
    expect(saved).toMatchObject({ quorumShare: 0.6, ordinaryMajority: 0.5, charterMajority: 0.75 });
    const error = await fails(backend, 'structure.rules.save', { quorumShare: 0, ordinaryMajority: 1.2, charterMajority: 1 });
    expect(issuesOf(error)).toEqual([
      { path: 'quorumShare', message: 'Quorum must be more than 0%.' },
      { path: 'ordinaryMajority', message: 'Ordinary majority cannot be more than 100%.' },
    ]);
    expect(await ok(backend, 'structure.rules.get', {})).toEqual(saved);
  });
});
