import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import {
  ENDING_SOON_DAYS,
  TERM_ROLES,
  type CommitteeOverview,
  type RequirementKind,
  type Seat,
  type SeatDetail,
  type SeatInput,
  type SeatStatus,
  type Term,
  type TermInput,
  type TermRole,
} from '@shared/structure/contract';
import { SECTORS, type Sector } from '@shared/taxonomy';
import type { SteeringSeatsTable } from '../db/schema';
import { parseList } from '../directory/lists';
import type { CallContext } from '../rpc/handlers';
import { addDays, fieldError, groupBy, missing, period, requireName, type Db } from './common';
import { getRules } from './rules';

// The steering committee: seats (with an optional sector or population requirement and a term
// length) and the terms of their holders over time. A term is current on day D when
// start_date ≤ D and (end_date is null or end_date ≥ D); terms on one seat never overlap, so a
// seat has at most one holder on any day.

/** Roles one holder at a time may have across the whole committee. */
const SINGLE_ROLES: ReadonlySet<TermRole> = new Set(['chair', 'vice-chair', 'treasurer', 'secretary']);
/** The end of an open-ended term, for overlap tests. */
const OPEN_END = '9999-12-31';

function toSeat(row: SteeringSeatsTable): Seat {
  const kind = row.requirement_kind as RequirementKind | null;
  const value = row.requirement_value;
  return {
    id: row.id,
    name: row.name,
    requirement:
      kind === null || value === null
        ? null
        : { kind, value, label: kind === 'sector' ? (SECTORS[value as Sector] ?? value) : value },
    termMonths: row.term_months,
    position: row.position,
  };
}

interface TermRow {
  id: string;
  seat_id: string;
  person_id: string | null;
  person_name: string | null;
  organization_id: string | null;
  organization_name: string | null;
  sector: string | null;
  populations_json: string | null;
  role: string;
  start_date: string;
  end_date: string | null;
}

function termsQuery(ctx: Db) {
  return ctx.db
    .selectFrom('steering_terms as t')
    .leftJoin('people as p', 'p.id', 't.person_id')
    .leftJoin('organizations as o', 'o.id', 't.organization_id')
    .select([
      't.id',
      't.seat_id',
      't.person_id',
      'p.name as person_name',
      't.organization_id',
      'o.name as organization_name',
      'o.sector',
      'o.populations_json',
      't.role',
      't.start_date',
      't.end_date',
    ]);
}

/** Whether the holder's organization is of the seat's sector or serves its population (a seat without a requirement is always met). */
function meetsRequirement(seat: Seat, row: TermRow): boolean {
  if (!seat.requirement) return true;
  if (row.organization_id === null) return false;
  if (seat.requirement.kind === 'sector') return row.sector === seat.requirement.value;
  const wanted = seat.requirement.value.toLocaleLowerCase();
  return parseList(row.populations_json ?? '[]').some((p) => p.toLocaleLowerCase() === wanted);
}

function toTerm(seat: Seat, row: TermRow): Term {
  return {
    id: row.id,
    seatId: row.seat_id,
    person: row.person_id && row.person_name !== null ? { id: row.person_id, name: row.person_name } : null,
    organization: row.organization_id && row.organization_name !== null ? { id: row.organization_id, name: row.organization_name } : null,
    role: row.role as TermRole,
    startDate: row.start_date,
    endDate: row.end_date,
    meetsRequirement: meetsRequirement(seat, row),
  };
}

function isCurrent(row: { start_date: string; end_date: string | null }, day: string): boolean {
  return row.start_date <= day && (row.end_date === null || row.end_date >= day);
}

async function requireSeat(ctx: Db, id: string, path = 'id'): Promise<Seat> {
  const row = await ctx.db.selectFrom('steering_seats').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw missing('Seat', id, path);
  return toSeat(row);
}

/** The committee on `today`: each seat with its current and next holder, vacancies, terms ending in the next 90 days. */
export async function committeeOverview(ctx: Db, today: string): Promise<CommitteeOverview> {
  const seats = (await ctx.db.selectFrom('steering_seats').selectAll().orderBy('position').orderBy('name').execute()).map(toSeat);
  // Only terms that have not ended: the current one and those still to come.
  const rows = await termsQuery(ctx)
    .where((eb) => eb.or([eb('t.end_date', 'is', null), eb('t.end_date', '>=', today)]))
    .orderBy('t.start_date')
    .execute();
  const bySeat = groupBy(rows, (row) => row.seat_id);
  const statuses: SeatStatus[] = seats.map((seat) => {
    const terms = bySeat.get(seat.id) ?? [];
    const current = terms.find((t) => isCurrent(t, today));
    const next = terms.find((t) => t.start_date > today);
    return { ...seat, current: current ? toTerm(seat, current) : null, next: next ? toTerm(seat, next) : null };
  });
  const horizon = addDays(today, ENDING_SOON_DAYS);
  const endingSoon = statuses
    .filter((s) => s.current?.endDate != null && s.current.endDate <= horizon)
    .sort((a, b) => (a.current?.endDate ?? '').localeCompare(b.current?.endDate ?? ''));
  return { today, seats: statuses, vacancies: statuses.filter((s) => s.current === null), endingSoon, rules: await getRules(ctx) };
}

export async function getSeat(ctx: Db, id: string): Promise<SeatDetail> {
  const seat = await requireSeat(ctx, id);
  const rows = await termsQuery(ctx).where('t.seat_id', '=', id).orderBy('t.start_date', 'desc').execute();
  return { ...seat, terms: rows.map((row) => toTerm(seat, row)) };
}

export async function saveSeat(ctx: CallContext, input: SeatInput): Promise<Seat> {
  const clash = await ctx.db
    .selectFrom('steering_seats')
    .select('id')
    .where(sql<boolean>`name = ${input.name} collate nocase`)
    .$if(input.id !== undefined, (q) => q.where('id', '!=', input.id ?? ''))
    .executeTakeFirst();
  if (clash) throw fieldError('conflict', 'name', `A seat named “${input.name}” already exists.`);
  const fields = {
    name: input.name,
    requirement_kind: input.requirement?.kind ?? null,
    requirement_value: input.requirement?.value ?? null,
    term_months: input.termMonths,
    updated_at: ctx.now,
  };
  if (input.id) {
    await requireSeat(ctx, input.id);
    await ctx.write.update('steering_seats', input.id, fields);
    return requireSeat(ctx, input.id);
  }
  const last = await ctx.db.selectFrom('steering_seats').select((eb) => eb.fn.max('position').as('position')).executeTakeFirst();
  const id = randomUUID();
  await ctx.write.insert('steering_seats', { id, ...fields, position: (last?.position ?? -1) + 1, created_at: ctx.now });
  return requireSeat(ctx, id);
}

export async function deleteSeat(ctx: CallContext, id: string): Promise<{ deleted: true }> {
  await requireSeat(ctx, id);
  const terms = await ctx.db.selectFrom('steering_terms').selectAll().where('seat_id', '=', id).execute();
  await ctx.write.removeMany('steering_terms', terms);
  await ctx.write.remove('steering_seats', id);
  return { deleted: true };
}

/**
 * Adds or changes a term. Refused: a term overlapping another on the same seat (one holder at a
 * time), or a chair / vice-chair / treasurer / secretary while another holder has that role.
 */
export async function saveTerm(ctx: CallContext, input: TermInput): Promise<Term> {
  const seat = await requireSeat(ctx, input.seatId, 'seatId');
  await requireName(ctx, 'people', input.personId, 'personId');
  if (input.organizationId) await requireName(ctx, 'organizations', input.organizationId, 'organizationId');
  if (input.id) {
    const existing = await ctx.db.selectFrom('steering_terms').select('id').where('id', '=', input.id).executeTakeFirst();
    if (!existing) throw missing('Term', input.id);
  }
  const end = input.endDate ?? OPEN_END;
  const overlapping = termsQuery(ctx)
    .where('t.start_date', '<=', end)
    .where((eb) => eb.or([eb('t.end_date', 'is', null), eb('t.end_date', '>=', input.startDate)]))
    .$if(input.id !== undefined, (q) => q.where('t.id', '!=', input.id ?? ''));
  const onSeat = await overlapping.where('t.seat_id', '=', input.seatId).orderBy('t.start_date').executeTakeFirst();
  if (onSeat) {
    const holder = onSeat.person_name ?? onSeat.organization_name ?? 'another holder';
    throw fieldError(
      'validation',
      'startDate',
      `${seat.name} is held by ${holder} (${period(onSeat.start_date, onSeat.end_date)}) over these dates; a seat has one holder at a time. End that term first or choose other dates.`,
    );
  }
  if (SINGLE_ROLES.has(input.role)) {
    const sameRole = await overlapping.where('t.role', '=', input.role).orderBy('t.start_date').executeTakeFirst();
    if (sameRole) {
      const holder = sameRole.person_name ?? sameRole.organization_name ?? 'another holder';
      throw fieldError(
        'validation',
        'role',
        `${holder} is ${TERM_ROLES[input.role].toLowerCase()} over these dates (${period(sameRole.start_date, sameRole.end_date)}); the committee has one ${TERM_ROLES[input.role].toLowerCase()} at a time.`,
      );
    }
  }
  const fields = {
    seat_id: input.seatId,
    person_id: input.personId,
    organization_id: input.organizationId,
    role: input.role,
    start_date: input.startDate,
    end_date: input.endDate,
    updated_at: ctx.now,
  };
  const id = input.id ?? randomUUID();
  if (input.id) await ctx.write.update('steering_terms', id, fields);
  else await ctx.write.insert('steering_terms', { id, ...fields, created_at: ctx.now });
  const row = await termsQuery(ctx).where('t.id', '=', id).executeTakeFirstOrThrow();
  return toTerm(seat, row);
}

export async function deleteTerm(ctx: CallContext, id: string): Promise<{ deleted: true }> {
  if (!(await ctx.write.remove('steering_terms', id))) throw missing('Term', id);
  return { deleted: true };
}
