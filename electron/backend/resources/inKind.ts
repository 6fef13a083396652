import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { InKind, InKindInput, InKindKind } from '@shared/resources/contract';
import type { CallContext } from '../rpc/handlers';
import type { InKindContributionsTable } from './tables';
import { missing, namesFor, partyOf, requireRow, type Db } from './common';

// In-kind support: meeting space, volunteer time, expertise… from an organization or a person,
// with hours or a quantity, an estimated value in a currency, and what it supported.

async function titles(ctx: Db, table: 'meetings' | 'campaigns', ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((v): v is string => v !== null))];
  if (wanted.length === 0) return new Map();
  if (table === 'meetings') return new Map((await ctx.db.selectFrom('meetings').select(['id', 'title']).where('id', 'in', wanted).execute()).map((r) => [r.id, r.title]));
  return new Map((await ctx.db.selectFrom('campaigns').select(['id', 'name']).where('id', 'in', wanted).execute()).map((r) => [r.id, r.name]));
}

/** Public events by id: their title and their meeting on the calendar (the screen links to it). */
async function events(ctx: Db, ids: readonly (string | null)[]): Promise<Map<string, { title: string; meetingId: string | null }>> {
  const wanted = [...new Set(ids.filter((v): v is string => v !== null))];
  if (wanted.length === 0) return new Map();
  // Public events belong to the campaigns domain (009); read by id, title and meeting only.
  const db = ctx.db as unknown as Kysely<{ public_events: { id: string; title: string; meeting_id: string | null } }>;
  const rows = await db.selectFrom('public_events').select(['id', 'title', 'meeting_id']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, { title: r.title, meetingId: r.meeting_id }]));
}

export async function inKindOf(ctx: Db, rows: readonly InKindContributionsTable[]): Promise<InKind[]> {
  const names = await namesFor(ctx, rows.map((r) => ({ organizationId: r.contributor_organization_id, personId: r.contributor_person_id })));
  const meetings = await titles(ctx, 'meetings', rows.map((r) => r.supported_meeting_id));
  const campaigns = await titles(ctx, 'campaigns', rows.map((r) => r.supported_campaign_id));
  const supportedEvents = await events(ctx, rows.map((r) => r.supported_event_id));
  const link = (map: Map<string, string>, id: string | null) => (id === null ? null : { id, name: map.get(id) ?? '' });
  const eventOf = (map: Map<string, { title: string; meetingId: string | null }>, id: string | null) =>
    id === null ? null : { id, name: map.get(id)?.title ?? '', meetingId: map.get(id)?.meetingId ?? null };
  return rows.map((r) => ({
    id: r.id,
    contributor: partyOf(names, r.contributor_organization_id, r.contributor_person_id),
    kind: r.kind as InKindKind,
    description: r.description,
    hours: r.hours,
    quantity: r.quantity,
    valueMinor: r.value_minor,
    currency: r.currency,
    givenOn: r.given_on,
    supportedMeeting: link(meetings, r.supported_meeting_id),
    supportedCampaign: link(campaigns, r.supported_campaign_id),
    supportedEvent: eventOf(supportedEvents, r.supported_event_id),
    notes: r.notes,
  }));
}

/** Every in-kind contribution, newest first (what the impact report reads). */
export async function listInKind(ctx: Db): Promise<InKind[]> {
  return inKindOf(ctx, await ctx.db.selectFrom('in_kind_contributions').selectAll().orderBy('given_on', 'desc').orderBy('created_at', 'desc').execute());
}

/** One page of in-kind support, newest first, and the total (the list screen's). */
export async function listInKindPage(ctx: Db, input: { offset: number; limit: number }): Promise<{ total: number; rows: InKind[] }> {
  const total = await ctx.db.selectFrom('in_kind_contributions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const page = await ctx.db
    .selectFrom('in_kind_contributions')
    .selectAll()
    .orderBy('given_on', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .offset(input.offset)
    .limit(input.limit)
    .execute();
  return { total: Number(total?.n ?? 0), rows: await inKindOf(ctx, page) };
}

async function getInKind(ctx: Db, id: string): Promise<InKind> {
  const row = await ctx.db.selectFrom('in_kind_contributions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw missing('In-kind support', id);
  return (await inKindOf(ctx, [row]))[0] as InKind;
}

export async function saveInKind(ctx: CallContext, id: string | undefined, input: InKindInput): Promise<InKind> {
  await requireRow(ctx, 'organizations', input.contributorOrganizationId, 'inKind.contributorOrganizationId');
  await requireRow(ctx, 'people', input.contributorPersonId, 'inKind.contributorPersonId');
  await requireRow(ctx, 'meetings', input.supportedMeetingId, 'inKind.supportedMeetingId');
  await requireRow(ctx, 'campaigns', input.supportedCampaignId, 'inKind.supportedCampaignId');
  await requireRow(ctx, 'public_events', input.supportedEventId, 'inKind.supportedEventId');
  const columns = {
    contributor_organization_id: input.contributorOrganizationId,
    contributor_person_id: input.contributorPersonId,
    kind: input.kind,
    description: input.description,
    hours: input.hours,
    quantity: input.quantity,
    value_minor: input.valueMinor,
    currency: input.currency,
    given_on: input.givenOn,
    supported_meeting_id: input.supportedMeetingId,
    supported_campaign_id: input.supportedCampaignId,
    supported_event_id: input.supportedEventId,
    notes: input.notes,
  };
  if (id === undefined) {
    id = randomUUID();
    await ctx.write.insert('in_kind_contributions', { id, ...columns, created_at: ctx.now, updated_at: ctx.now });
  } else if (!(await ctx.write.update('in_kind_contributions', id, { ...columns, updated_at: ctx.now }))) {
    throw missing('In-kind support', id);
  }
  return getInKind(ctx, id);
}

export async function deleteInKind(ctx: CallContext, id: string): Promise<{ deleted: true }> {
  if (!(await ctx.write.remove('in_kind_contributions', id))) throw missing('In-kind support', id);
  return { deleted: true };
}

