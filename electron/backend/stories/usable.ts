import type { Kysely } from 'kysely';
import type { ConsentUse } from '@shared/stories/consent';
import { consentVerdict } from '@shared/stories/consent';
import type { Database } from '../db/schema';
import { consentOfRow, USE_COLUMN } from './consentRow';

// The stories a generated document may print. The briefing packet calls it with use
// 'policymakers' and the official's district; the impact report with use 'reports'.
//
// SQL narrows the rows (consent given and covering the use, in force on the day, the filters),
// then every row goes through shared/stories/consent.ts's consentVerdict, which alone decides:
// a story the rule refuses is never returned, whatever the query matched. Where the rule asks
// for the anonymized version, the text is the anonymized text and the storyteller 'Anonymous'.

export interface UsableStoriesQuery {
  use: ConsentUse;
  /** The day the document is for (YYYY-MM-DD): consent must be in force on it. */
  day: string;
  /** Only stories from this district (exact match). */
  district?: string;
  /** Only stories linked to one of these campaigns. */
  campaignIds?: readonly string[];
  /** Only stories in this issue area (the directory's issue-area vocabulary). */
  issueArea?: string;
  /** At most this many (newest consent first); default 500. */
  limit?: number;
}

export interface UsableStory {
  id: string;
  title: string;
  /** The story's text, or its anonymized version where the rule requires it. */
  text: string;
  /** The storyteller's name, or 'Anonymous'. */
  storyteller: string;
  district: string;
  campaignId: string | null;
  issueArea: string;
  anonymized: boolean;
}

export const ANONYMOUS = 'Anonymous';
const DEFAULT_LIMIT = 500;

export async function usableStories(db: Kysely<Database>, query: UsableStoriesQuery): Promise<UsableStory[]> {
  const { use, day } = query;
  if (query.campaignIds !== undefined && query.campaignIds.length === 0) return [];
  const useColumn = USE_COLUMN[use];
  let select = db
    .selectFrom('stories')
    .leftJoin('people', 'people.id', 'stories.storyteller_person_id')
    .selectAll('stories')
    .select('people.name as storyteller_name')
    .where('stories.consent_given', '=', 1)
    .where(`stories.${useColumn}`, '=', 1)
    .where('stories.consent_given_on', '<=', day)
    .where((eb) => eb.or([eb('stories.consent_expires_on', 'is', null), eb('stories.consent_expires_on', '>=', day)]))
    .where((eb) => eb.or([eb('stories.consent_withdrawn_on', 'is', null), eb('stories.consent_withdrawn_on', '>', day)]))
    // Anonymized use needs an anonymized text.
    .where((eb) =>
      eb.or([
        eb.and([eb('stories.consent_anonymize', '=', 0), eb('stories.storyteller_person_id', 'is not', null)]),
        eb('stories.anonymized_text', '!=', ''),
      ]),
    );
  if (query.district !== undefined) select = select.where('stories.district', '=', query.district);
  if (query.issueArea !== undefined) select = select.where('stories.issue_area', '=', query.issueArea);
  if (query.campaignIds !== undefined) select = select.where('stories.campaign_id', 'in', [...query.campaignIds]);
  const rows = await select
    .orderBy('stories.consent_given_on', 'desc')
    .orderBy('stories.title')
    .orderBy('stories.id')
    .limit(query.limit ?? DEFAULT_LIMIT)
    .execute();

  const usable: UsableStory[] = [];
  for (const row of rows) {
    const anonymous = row.storyteller_person_id === null || row.storyteller_name === null;
    const verdict = consentVerdict(consentOfRow(row), use, day, { anonymous, anonymizedText: row.anonymized_text });
    if (!verdict.allowed) continue;
    usable.push({
      id: row.id,
      title: row.title,
      text: verdict.anonymized ? row.anonymized_text : row.text,
      storyteller: verdict.anonymized ? ANONYMOUS : (row.storyteller_name ?? ANONYMOUS),
      district: row.district,
      campaignId: row.campaign_id,
      issueArea: row.issue_area,
      anonymized: verdict.anonymized,
    });
  }
  return usable;
}
