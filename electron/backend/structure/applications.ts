import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Contribution } from '@shared/directory/enums';
import { APPLICATION_STATUSES, type Application, type ApplicationInput, type ApplicationStatus, type ReviewInput } from '@shared/structure/contract';
import { listJson, parseList } from '../directory/lists';
import { bulkUpdateOrganizations } from '../directory/organizations/service';
import type { CallContext } from '../rpc/handlers';
import { daysBetween, fieldError, missing, requireName, type Db } from './common';
import { recordEndorsement, requireVersion } from './endorsements';

// Membership applications: intake, then received → under review → approved or declined.
// Approval makes the organization a member through the directory's own bulk stage change (so
// its stage history records it) and records its endorsement of the charter version it chose.

const WAITING: readonly ApplicationStatus[] = ['received', 'under_review'];

function applicationsQuery(ctx: Db) {
  return ctx.db
    .selectFrom('membership_applications as a')
    .innerJoin('organizations as o', 'o.id', 'a.organization_id')
    .leftJoin('people as p', 'p.id', 'a.contact_person_id')
    .leftJoin('charter_version as v', 'v.id', 'a.charter_version_id')
    .selectAll('a')
    .select(['o.name as organization_name', 'o.stage as organization_stage', 'p.name as contact_name', 'v.number as version_number']);
}

type ApplicationRow = Awaited<ReturnType<ReturnType<typeof applicationsQuery>['executeTakeFirstOrThrow']>>;

function toApplication(row: ApplicationRow, today: string): Application {
  return {
    id: row.id,
    organization: { id: row.organization_id, name: row.organization_name, stage: row.organization_stage },
    contactPerson: row.contact_person_id && row.contact_name !== null ? { id: row.contact_person_id, name: row.contact_name } : null,
    receivedOn: row.received_on,
    motivation: row.motivation,
    issueAreas: parseList(row.issue_areas_json),
    populations: parseList(row.populations_json),
    contributions: parseList(row.contributions_json) as Contribution[],
    charterVersion: row.version_number,
    status: row.status as ApplicationStatus,
    reviewer: row.reviewer,
    decidedOn: row.decided_on,
    reason: row.decision_reason,
    daysWaiting: Math.max(0, daysBetween(row.received_on, row.decided_on ?? today)),
  };
}

/** Waiting applications first, longest waiting first; then decided ones, latest decision first. */
export async function listApplications(ctx: Db, input: { today: string; status: ApplicationStatus | null }): Promise<Application[]> {
  const rows = await applicationsQuery(ctx)
    .$if(input.status !== null, (q) => q.where('a.status', '=', input.status ?? 'received'))
    .orderBy(sql`a.decided_on is not null`)
    .orderBy(sql`case when a.decided_on is null then a.received_on end`)
    .orderBy('a.decided_on', 'desc')
    .orderBy('o.name')
    .execute();
  return rows.map((row) => toApplication(row, input.today));
}

async function requireApplication(ctx: Db, id: string): Promise<ApplicationRow> {
  const row = await applicationsQuery(ctx).where('a.id', '=', id).executeTakeFirst();
  if (!row) throw missing('Application', id);
  return row;
}

export async function getApplication(ctx: Db, id: string, today: string): Promise<Application> {
  return toApplication(await requireApplication(ctx, id), today);
}

export async function saveApplication(ctx: CallContext, input: ApplicationInput): Promise<{ id: string }> {
  await requireName(ctx, 'organizations', input.organizationId, 'organizationId');
  if (input.contactPersonId) await requireName(ctx, 'people', input.contactPersonId, 'contactPersonId');
  const version = input.charterVersion === null ? null : await requireVersion(ctx, input.charterVersion, 'charterVersion');
  const fields = {
    organization_id: input.organizationId,
    contact_person_id: input.contactPersonId,
    received_on: input.receivedOn,
    motivation: input.motivation,
    issue_areas_json: listJson(input.issueAreas),
    populations_json: listJson(input.populations),
    contributions_json: listJson(input.contributions),
    charter_version_id: version?.id ?? null,
    updated_at: ctx.now,
  };
  if (!input.id) {
    const id = randomUUID();
    await ctx.write.insert('membership_applications', { id, ...fields, status: 'received', reviewer: '', decided_on: null, decision_reason: '', created_at: ctx.now });
    return { id };
  }
  const before = await requireApplication(ctx, input.id);
  if (before.decided_on !== null) throw decided(before);
  await ctx.write.update('membership_applications', input.id, fields);
  return { id: input.id };
}

/** The refusal to change an application that was already decided. */
function decided(row: ApplicationRow) {
  const status = APPLICATION_STATUSES[row.status as ApplicationStatus].toLowerCase();
  return fieldError('conflict', 'status', `This application was ${status} on ${row.decided_on ?? 'an earlier day'}; it can no longer change.`);
}

export async function reviewApplication(ctx: CallContext, input: ReviewInput): Promise<{ id: string }> {
  const row = await requireApplication(ctx, input.id);
  if (!WAITING.includes(row.status as ApplicationStatus)) throw decided(row);
  if (input.status === 'under_review') {
    await ctx.write.update('membership_applications', input.id, { status: 'under_review', reviewer: input.reviewer, updated_at: ctx.now });
    return { id: input.id };
  }
  const decidedOn = input.decidedOn ?? row.received_on;
  if (decidedOn < row.received_on) {
    throw fieldError('validation', 'decidedOn', `The application was received on ${row.received_on}; it cannot be decided before that.`);
  }
  if (input.status === 'approved') {
    if (row.version_number === null && (await ctx.db.selectFrom('charter_version').select('id').limit(1).executeTakeFirst())) {
      throw fieldError('validation', 'status', 'Choose the charter version the organization endorses (edit the application) before approving it.');
    }
    await bulkUpdateOrganizations(ctx, { ids: [row.organization_id], stage: 'member' });
    if (row.version_number !== null) {
      await recordEndorsement(
        ctx,
        { organizationId: row.organization_id, charterVersion: row.version_number, endorsedOn: decidedOn, signedBy: row.contact_name ?? '', personId: row.contact_person_id },
        true,
      );
    }
  }
  await ctx.write.update('membership_applications', input.id, {
    status: input.status,
    reviewer: input.reviewer,
    decided_on: decidedOn,
    decision_reason: input.reason,
    updated_at: ctx.now,
  });
  return { id: input.id };
}

export async function deleteApplication(ctx: CallContext, id: string): Promise<{ deleted: true }> {
  if (!(await ctx.write.remove('membership_applications', id))) throw missing('Application', id);
  return { deleted: true };
}
