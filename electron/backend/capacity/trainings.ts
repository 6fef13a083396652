import { randomUUID } from 'node:crypto';
import type { Attendee, Material, TrainingDetail, TrainingFormat, TrainingInput, TrainingRow, TrainingTopic } from '@shared/capacity/contract';
import type { MeetingInput } from '@shared/meetings/contract';
import type { CallContext } from '../rpc/handlers';
import { chunks, localDate, requirePeople } from '../meetings/common';
import { organizationsOn } from '../meetings/invitees';
import { createMeeting, deleteMeeting, updateMeeting } from '../meetings/service';
import { fieldError, missing, namesOf, requireRow, type Db } from '../resources/common';
import type { TrainingsTable } from './tables';

// Trainings. Each is also a meeting of type 'training' (meetings/service.ts), created in the same
// transaction, kept in step when the training changes and deleted with it, so it shows in the
// planner's calendar. Attendees are directory people, each stored with the organization they were
// with on the training's day; feedback is a rating (1–5) and a comment per attendee.

function meetingOf(input: TrainingInput): MeetingInput {
  return {
    type: 'training',
    title: input.title,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    timeZone: input.timeZone,
    location: input.location,
    videoUrl: input.videoUrl,
    organizerPersonId: input.trainerPersonId,
    workingGroupId: null,
    status: input.status,
  };
}

function columns(input: TrainingInput) {
  return {
    title: input.title,
    topic: input.topic,
    format: input.format,
    trainer_person_id: input.trainerPersonId,
    trainer_organization_id: input.trainerOrganizationId,
    starts_at: new Date(input.startsAt).toISOString(),
    status: input.status,
    description: input.description,
    materials_json: JSON.stringify(input.materials),
  };
}

/** Attendance and feedback per training: attendees, ratings given and their average (one decimal). */
async function attendanceOf(ctx: Db, ids: readonly string[]): Promise<Map<string, { attendees: number; ratings: number; average: number | null }>> {
  const out = new Map<string, { attendees: number; ratings: number; average: number | null }>();
  for (const batch of chunks(ids)) {
    const rows = await ctx.db
      .selectFrom('training_attendees')
      .select((eb) => ['training_id', eb.fn.countAll<number>().as('n'), eb.fn.count<number>('rating').as('rated'), eb.fn.avg<number>('rating').as('avg')])
      .where('training_id', 'in', batch)
      .groupBy('training_id')
      .execute();
    for (const r of rows) {
      out.set(r.training_id, { attendees: Number(r.n), ratings: Number(r.rated), average: r.avg === null ? null : Math.round(Number(r.avg) * 10) / 10 });
    }
  }
  return out;
}

async function rowsOf(ctx: Db, trainings: readonly TrainingsTable[]): Promise<(TrainingRow & { meeting: { ends_at: string; time_zone: string; location: string; video_url: string } })[]> {
  const ids = trainings.map((t) => t.id);
  const attendance = await attendanceOf(ctx, ids);
  const meetings = new Map<string, { ends_at: string; time_zone: string; location: string; video_url: string }>();
  for (const batch of chunks(trainings.map((t) => t.meeting_id))) {
    for (const m of await ctx.db.selectFrom('meetings').select(['id', 'ends_at', 'time_zone', 'location', 'video_url']).where('id', 'in', batch).execute()) meetings.set(m.id, m);
  }
  const people = await namesOf(ctx, 'people', trainings.map((t) => t.trainer_person_id));
  const organizations = await namesOf(ctx, 'organizations', trainings.map((t) => t.trainer_organization_id));
  return trainings.map((t) => {
    const a = attendance.get(t.id);
    const meeting = meetings.get(t.meeting_id) ?? { ends_at: t.starts_at, time_zone: 'UTC', location: '', video_url: '' };
    const trainer = t.trainer_person_id
      ? { id: t.trainer_person_id, name: people.get(t.trainer_person_id) ?? '' }
      : t.trainer_organization_id
        ? { id: t.trainer_organization_id, name: organizations.get(t.trainer_organization_id) ?? '' }
        : null;
    return {
      id: t.id,
      meetingId: t.meeting_id,
      title: t.title,
      topic: t.topic as TrainingTopic,
      format: t.format as TrainingFormat,
      startsAt: t.starts_at,
      endsAt: meeting.ends_at,
      timeZone: meeting.time_zone,
      status: t.status as TrainingRow['status'],
      trainer,
      attendees: a?.attendees ?? 0,
      ratings: a?.ratings ?? 0,
      averageRating: a?.average ?? null,
      meeting,
    };
  });
}

/** One page of trainings, newest first (the starts_at or topic index, read backwards), and the total. */
export async function listTrainings(ctx: Db, input: { topic?: TrainingTopic | undefined; offset: number; limit: number }): Promise<{ total: number; rows: TrainingRow[] }> {
  let query = ctx.db.selectFrom('trainings');
  if (input.topic) query = query.where('topic', '=', input.topic);
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const page = await query.selectAll().orderBy('starts_at', 'desc').orderBy('id', 'desc').offset(input.offset).limit(input.limit).execute();
  const rows = await rowsOf(ctx, page);
  return { total: Number(total?.n ?? 0), rows: rows.map(({ meeting: _meeting, ...row }) => row) };
}

async function requireTraining(ctx: Db, id: string, path = 'id'): Promise<TrainingsTable> {
  const row = await ctx.db.selectFrom('trainings').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw missing('Training', id, path);
  return row;
}

export async function getTraining(ctx: Db, id: string): Promise<TrainingDetail> {
  const training = await requireTraining(ctx, id);
  const [row] = await rowsOf(ctx, [training]);
  const { meeting, ...summary } = row as NonNullable<typeof row>;
  const attendees = await ctx.db
    .selectFrom('training_attendees as a')
    .innerJoin('people as p', 'p.id', 'a.person_id')
    .leftJoin('organizations as o', 'o.id', 'a.organization_id')
    .select(['a.person_id', 'p.name', 'a.organization_id', 'o.name as organization_name', 'a.rating', 'a.comment'])
    .where('a.training_id', '=', id)
    .orderBy('p.name')
    .orderBy('p.id')
    .execute();
  return {
    ...summary,
    trainerPersonId: training.trainer_person_id,
    trainerOrganizationId: training.trainer_organization_id,
    location: meeting.location,
    videoUrl: meeting.video_url,
    description: training.description,
    materials: JSON.parse(training.materials_json) as Material[],
    attendeesList: attendees.map(
      (a): Attendee => ({
        personId: a.person_id,
        name: a.name,
        organization: a.organization_id ? { id: a.organization_id, name: a.organization_name ?? '' } : null,
        rating: a.rating,
        comment: a.comment,
      }),
    ),
    createdAt: training.created_at,
    updatedAt: training.updated_at,
  };
}

async function checkTrainer(ctx: Db, input: TrainingInput, prefix: string): Promise<void> {
  await requireRow(ctx, 'people', input.trainerPersonId, `${prefix}trainerPersonId`);
  await requireRow(ctx, 'organizations', input.trainerOrganizationId, `${prefix}trainerOrganizationId`);
}

export async function createTraining(ctx: CallContext, input: TrainingInput): Promise<TrainingDetail> {
  await checkTrainer(ctx, input, '');
  const meeting = await createMeeting(ctx, meetingOf(input));
  const id = randomUUID();
  await ctx.write.insert('trainings', { id, meeting_id: meeting.id, ...columns(input), created_at: ctx.now, updated_at: ctx.now });
  return getTraining(ctx, id);
}

export async function updateTraining(ctx: CallContext, id: string, input: TrainingInput): Promise<TrainingDetail> {
  const training = await requireTraining(ctx, id);
  await checkTrainer(ctx, input, 'training.');
  await updateMeeting(ctx, training.meeting_id, meetingOf(input));
  await ctx.write.update('trainings', id, { ...columns(input), updated_at: ctx.now });
  return getTraining(ctx, id);
}

export async function deleteTraining(ctx: CallContext, id: string): Promise<{ deleted: true }> {
  const training = await requireTraining(ctx, id);
  await ctx.write.removeMany('training_attendees', await ctx.db.selectFrom('training_attendees').selectAll().where('training_id', '=', id).execute());
  await ctx.write.remove('trainings', id);
  await deleteMeeting(ctx, training.meeting_id);
  return { deleted: true };
}

/** Sets who attended: new attendees get their organization on the training's day (primary affiliation first); those kept keep their feedback. */
export async function setAttendees(ctx: CallContext, input: { trainingId: string; personIds: string[] }): Promise<TrainingDetail> {
  const training = await requireTraining(ctx, input.trainingId, 'trainingId');
  const wanted = [...new Set(input.personIds)];
  await requirePeople(ctx, wanted, 'personIds');
  const existing = await ctx.db.selectFrom('training_attendees').selectAll().where('training_id', '=', training.id).execute();
  const had = new Set(existing.map((a) => a.person_id));
  const keep = new Set(wanted);
  await ctx.write.removeMany('training_attendees', existing.filter((a) => !keep.has(a.person_id)));
  const added = wanted.filter((p) => !had.has(p));
  if (added.length > 0) {
    const meeting = await ctx.db.selectFrom('meetings').select(['starts_at', 'time_zone']).where('id', '=', training.meeting_id).executeTakeFirstOrThrow();
    const organizations = await organizationsOn(ctx, added, localDate(meeting.starts_at, meeting.time_zone));
    await ctx.write.insertMany(
      'training_attendees',
      added.map((personId) => ({ id: randomUUID(), training_id: training.id, person_id: personId, organization_id: organizations.get(personId)?.[0]?.id ?? null, rating: null, comment: '' })),
    );
  }
  return getTraining(ctx, training.id);
}

export async function saveFeedback(ctx: CallContext, input: { trainingId: string; personId: string; rating: number | null; comment: string }): Promise<TrainingDetail> {
  await requireTraining(ctx, input.trainingId, 'trainingId');
  const row = await ctx.db.selectFrom('training_attendees').select('id').where('training_id', '=', input.trainingId).where('person_id', '=', input.personId).executeTakeFirst();
  if (!row) throw fieldError('not_found', 'personId', 'This person is not among the training’s attendees; add them to the attendees first.');
  await ctx.write.update('training_attendees', row.id, { rating: input.rating, comment: input.comment });
  return getTraining(ctx, input.trainingId);
}
