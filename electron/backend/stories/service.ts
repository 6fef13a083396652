import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import { AppError } from '@shared/errors';
import { CONSENT_METHODS, CONSENT_USES, type Consent, type ConsentStory, verdictsFor } from '@shared/stories/consent';
import type { Story, StoryInput, StorySummary } from '@shared/stories/contract';
import type { CallContext } from '../rpc/handlers';
import { requirePeople, type Db } from '../meetings/common';
import { consentOfRow, rowOfConsent, USE_COLUMN } from './consentRow';
import type { StoriesTable } from './tables';

type StoryRow = Selectable<StoriesTable> & { storyteller_name: string | null; campaign_name: string | null };

function storyRows(ctx: Db) {
  return ctx.db
    .selectFrom('stories')
    .leftJoin('people', 'people.id', 'stories.storyteller_person_id')
    .leftJoin('campaigns', 'campaigns.id', 'stories.campaign_id')
    .selectAll('stories')
    .select(['people.name as storyteller_name', 'campaigns.name as campaign_name']);
}

function subjectOf(row: Pick<StoriesTable, 'storyteller_person_id' | 'anonymized_text'>): ConsentStory {
  return { anonymous: row.storyteller_person_id === null, anonymizedText: row.anonymized_text };
}

function toSummary(row: StoryRow, today: string): StorySummary {
  const consent = consentOfRow(row);
  return {
    id: row.id,
    title: row.title,
    storytellerPersonId: row.storyteller_person_id,
    storytellerName: row.storyteller_name,
    issueArea: row.issue_area,
    district: row.district,
    campaignId: row.campaign_id,
    campaignName: row.campaign_name,
    consent,
    hasAnonymizedText: row.anonymized_text.trim() !== '',
    verdicts: verdictsFor(consent, today, subjectOf(row)),
    updatedAt: row.updated_at,
  };
}

export function storyNotFound(id: string): AppError {
  return new AppError('not_found', `Story ${id} does not exist (it may have been deleted).`, { issues: [{ path: 'id', message: 'This story does not exist.' }] });
}

export async function getStory(ctx: Db, id: string, today: string): Promise<Story> {
  const row = await storyRows(ctx).where('stories.id', '=', id).executeTakeFirst();
  if (!row) throw storyNotFound(id);
  const history = await ctx.db.selectFrom('story_consent_changes').selectAll().where('story_id', '=', id).orderBy('changed_at', 'desc').orderBy('id').execute();
  return {
    ...toSummary(row, today),
    text: row.text,
    anonymizedText: row.anonymized_text,
    createdAt: row.created_at,
    consentHistory: history.map((h) => ({ id: h.id, changedAt: h.changed_at, actor: h.actor, summary: h.summary, consent: JSON.parse(h.consent_json) as Consent })),
  };
}

export interface StoryListQuery {
  today: string;
  campaignId?: string;
  district?: string;
  issueArea?: string;
  storytellerPersonId?: string;
  usableFor?: keyof typeof CONSENT_USES;
  search?: string;
  offset: number;
  limit: number;
}

/**
 * The list filters in SQL; "usable for" narrows in SQL to consent covering the use and then keeps
 * only the rows whose verdict (consentVerdict) allows it, so the list never disagrees with the rule.
 */
export async function listStories(ctx: Db, query: StoryListQuery): Promise<{ total: number; rows: StorySummary[] }> {
  let select = storyRows(ctx);
  if (query.campaignId !== undefined) select = select.where('stories.campaign_id', '=', query.campaignId);
  if (query.district !== undefined) select = select.where('stories.district', '=', query.district);
  if (query.issueArea !== undefined) select = select.where('stories.issue_area', '=', query.issueArea);
  if (query.storytellerPersonId !== undefined) select = select.where('stories.storyteller_person_id', '=', query.storytellerPersonId);
  if (query.search !== undefined && query.search !== '') {
    const like = `%${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    select = select.where((eb) => eb.or([eb('stories.title', 'like', eb.val(like)), eb('stories.text', 'like', eb.val(like))]));
  }
  if (query.usableFor !== undefined) select = select.where('stories.consent_given', '=', 1).where(`stories.${USE_COLUMN[query.usableFor]}`, '=', 1);
  const rows = (await select.orderBy('stories.title').orderBy('stories.id').execute()).map((row) => toSummary(row, query.today));
  const use = query.usableFor;
  const kept = use === undefined ? rows : rows.filter((row) => row.verdicts[use].allowed);
  return { total: kept.length, rows: kept.slice(query.offset, query.offset + query.limit) };
}

async function requireCampaign(ctx: Db, id: string | null): Promise<void> {
  if (id === null) return;
  const found = await ctx.db.selectFrom('campaigns').select('id').where('id', '=', id).executeTakeFirst();
  if (!found) {
    throw new AppError('not_found', `Campaign ${id} does not exist (it may have been deleted).`, { issues: [{ path: 'story.campaignId', message: 'This campaign does not exist.' }] });
  }
}

function columnsOf(input: StoryInput) {
  return {
    title: input.title,
    text: input.text,
    anonymized_text: input.anonymizedText,
    storyteller_person_id: input.storytellerPersonId,
    issue_area: input.issueArea,
    district: input.district,
    campaign_id: input.campaignId,
    ...rowOfConsent(input.consent),
  };
}

/** One line for the consent history: "Given (written) on 2026-03-01 for reports, media; expires 2027-03-01". */
export function consentSummary(consent: Consent): string {
  if (!consent.given) return 'Not given';
  const parts = [`Given${consent.method ? ` (${CONSENT_METHODS[consent.method].toLowerCase()})` : ''} on ${consent.givenOn ?? '?'} for ${consent.uses.map((u) => CONSENT_USES[u].toLowerCase()).join(', ') || 'no use'}`];
  if (consent.anonymize) parts.push('anonymized version only');
  if (consent.expiresOn) parts.push(`expires ${consent.expiresOn}`);
  if (consent.withdrawnOn) parts.push(`withdrawn ${consent.withdrawnOn}${consent.withdrawalNote ? ` (${consent.withdrawalNote})` : ''}`);
  if (consent.recordedBy) parts.push(`recorded by ${consent.recordedBy}`);
  return parts.join('; ');
}

async function recordConsent(ctx: CallContext, storyId: string, consent: Consent): Promise<void> {
  await ctx.write.insert('story_consent_changes', {
    id: randomUUID(),
    story_id: storyId,
    changed_at: ctx.now,
    actor: ctx.actor,
    consent_json: JSON.stringify(consent),
    summary: consentSummary(consent),
  });
}

async function checkReferences(ctx: CallContext, input: StoryInput): Promise<void> {
  if (input.storytellerPersonId !== null) await requirePeople(ctx, [input.storytellerPersonId], 'story.storytellerPersonId');
  await requireCampaign(ctx, input.campaignId);
}

export async function createStory(ctx: CallContext, input: StoryInput, today: string): Promise<Story> {
  await checkReferences(ctx, input);
  const id = randomUUID();
  await ctx.write.insert('stories', { id, ...columnsOf(input), created_at: ctx.now, updated_at: ctx.now });
  await recordConsent(ctx, id, input.consent);
  return getStory(ctx, id, today);
}

export async function updateStory(ctx: CallContext, id: string, input: StoryInput, today: string): Promise<Story> {
  const before = await ctx.db.selectFrom('stories').selectAll().where('id', '=', id).executeTakeFirst();
  if (!before) throw storyNotFound(id);
  await checkReferences(ctx, input);
  await ctx.write.update('stories', id, { ...columnsOf(input), updated_at: ctx.now });
  if (JSON.stringify(consentOfRow(before)) !== JSON.stringify(consentOfRow(rowOfConsent(input.consent)))) await recordConsent(ctx, id, input.consent);
  return getStory(ctx, id, today);
}

export async function deleteStory(ctx: CallContext, id: string): Promise<{ deleted: true }> {
  const before = await ctx.db.selectFrom('stories').select('id').where('id', '=', id).executeTakeFirst();
  if (!before) throw storyNotFound(id);
  await ctx.write.removeMany('story_consent_changes', await ctx.db.selectFrom('story_consent_changes').selectAll().where('story_id', '=', id).execute());
  await ctx.write.remove('stories', id);
  return { deleted: true };
}

export async function storyFacets(ctx: Db): Promise<{ districts: string[]; issueAreas: string[] }> {
  const districts = await ctx.db.selectFrom('stories').select('district').distinct().where('district', '!=', '').orderBy('district').execute();
  const areas = await ctx.db.selectFrom('stories').select('issue_area').distinct().where('issue_area', '!=', '').orderBy('issue_area').execute();
  return { districts: districts.map((r) => r.district), issueAreas: areas.map((r) => r.issue_area) };
}

/** Adds `days` to a YYYY-MM-DD date. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Consent in force today that expires within `days` (today included), soonest first. */
export async function expiringConsents(ctx: Db, today: string, days: number) {
  const rows = await ctx.db
    .selectFrom('stories')
    .leftJoin('people', 'people.id', 'stories.storyteller_person_id')
    .selectAll('stories')
    .select('people.name as storyteller_name')
    .where('stories.consent_given', '=', 1)
    .where('stories.consent_expires_on', 'is not', null)
    .where('stories.consent_expires_on', '>=', today)
    .where('stories.consent_expires_on', '<=', addDays(today, days))
    .where((eb) => eb.or([eb('stories.consent_withdrawn_on', 'is', null), eb('stories.consent_withdrawn_on', '>', today)]))
    .orderBy('stories.consent_expires_on')
    .orderBy('stories.title')
    .limit(200)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    storytellerName: row.storyteller_name,
    expiresOn: row.consent_expires_on as string,
    uses: consentOfRow(row).uses,
  }));
}
