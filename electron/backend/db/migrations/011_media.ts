import { sql, type Kysely } from 'kysely';

// Media and stories (issue 5): outlets, journalists, outreach items (with their dated status
// history) and earned coverage; stories and testimonials with their consent and its history.
// Foreign keys have no ON DELETE action (see 008): deleting a person clears them as storyteller,
// journalist link or owner through the Writer (stories/links.ts, media/links.ts), so undo brings
// every row back. Dates are YYYY-MM-DD text.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('media_outlets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('newspaper', 'tv', 'radio', 'online', 'podcast', 'wire')`))
    .addColumn('reach', 'integer', (c) => c.check(sql`reach >= 0`))
    .addColumn('website', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('journalists')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('outlet_id', 'text', (c) => c.references('media_outlets.id'))
    .addColumn('beat', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('strength', 'text', (c) => c.notNull().defaultTo('none').check(sql`strength in ('none', 'weak', 'moderate', 'strong')`))
    .addColumn('relationship_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('person_id', 'text', (c) => c.references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await sql`create index journalists_outlet on journalists(outlet_id) where outlet_id is not null`.execute(db);
  await sql`create index journalists_person on journalists(person_id) where person_id is not null`.execute(db);

  await db.schema
    .createTable('outreach_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('press_release', 'op_ed', 'social_post', 'psa', 'interview', 'guest_article', 'podcast', 'panel')`),
    )
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('campaign_id', 'text', (c) => c.references('campaigns.id'))
    .addColumn('outlet_id', 'text', (c) => c.references('media_outlets.id'))
    .addColumn('journalist_id', 'text', (c) => c.references('journalists.id'))
    .addColumn('owner_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('idea', 'drafting', 'review', 'approved', 'published')`))
    // The planned day (or the day it went out once published).
    .addColumn('date', 'text')
    .addColumn('link', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('reach', 'integer', (c) => c.check(sql`reach >= 0`))
    .addColumn('engagement', 'integer', (c) => c.check(sql`engagement >= 0`))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('outreach_items_status').on('outreach_items').columns(['status', 'date']).execute();
  await sql`create index outreach_items_campaign on outreach_items(campaign_id, date) where campaign_id is not null`.execute(db);
  await sql`create index outreach_items_outlet on outreach_items(outlet_id) where outlet_id is not null`.execute(db);
  await sql`create index outreach_items_journalist on outreach_items(journalist_id) where journalist_id is not null`.execute(db);
  await sql`create index outreach_items_owner on outreach_items(owner_person_id) where owner_person_id is not null`.execute(db);

  await db.schema
    .createTable('outreach_status_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('outreach_items.id'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('changed_on', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('outreach_status_changes_item').on('outreach_status_changes').columns(['item_id', 'changed_at']).execute();

  await db.schema
    .createTable('coverage_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.references('campaigns.id'))
    .addColumn('outlet_id', 'text', (c) => c.references('media_outlets.id'))
    // The outlet's name as written, when it is not one of ours.
    .addColumn('outlet_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('link', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('published_on', 'text', (c) => c.notNull())
    .addColumn('reach', 'integer', (c) => c.check(sql`reach >= 0`))
    .addColumn('tone', 'text', (c) => c.notNull().check(sql`tone in ('positive', 'neutral', 'negative')`))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await sql`create index coverage_entries_campaign on coverage_entries(campaign_id, published_on)`.execute(db);
  await sql`create index coverage_entries_outlet on coverage_entries(outlet_id) where outlet_id is not null`.execute(db);

  await db.schema
    .createTable('stories')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('anonymized_text', 'text', (c) => c.notNull().defaultTo(''))
    // Null: anonymous (or the person's record was deleted).
    .addColumn('storyteller_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('issue_area', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('district', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('campaign_id', 'text', (c) => c.references('campaigns.id'))
    // Consent (shared/stories/consent.ts reads these): one 0/1 column per use, so a use filters in SQL.
    .addColumn('consent_given', 'integer', (c) => c.notNull().defaultTo(0).check(sql`consent_given in (0, 1)`))
    .addColumn('use_internal', 'integer', (c) => c.notNull().defaultTo(0).check(sql`use_internal in (0, 1)`))
    .addColumn('use_reports', 'integer', (c) => c.notNull().defaultTo(0).check(sql`use_reports in (0, 1)`))
    .addColumn('use_media', 'integer', (c) => c.notNull().defaultTo(0).check(sql`use_media in (0, 1)`))
    .addColumn('use_policymakers', 'integer', (c) => c.notNull().defaultTo(0).check(sql`use_policymakers in (0, 1)`))
    .addColumn('consent_given_on', 'text')
    .addColumn('consent_method', 'text', (c) => c.check(sql`consent_method in ('written', 'verbal', 'recorded')`))
    .addColumn('consent_recorded_by', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('consent_expires_on', 'text')
    .addColumn('consent_withdrawn_on', 'text')
    .addColumn('consent_withdrawal_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('consent_anonymize', 'integer', (c) => c.notNull().defaultTo(0).check(sql`consent_anonymize in (0, 1)`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('stories_district').on('stories').columns(['district', 'title']).execute();
  await sql`create index stories_campaign on stories(campaign_id) where campaign_id is not null`.execute(db);
  await sql`create index stories_storyteller on stories(storyteller_person_id) where storyteller_person_id is not null`.execute(db);
  // The home screen's expiring consents.
  await sql`create index stories_expiry on stories(consent_expires_on) where consent_given = 1 and consent_expires_on is not null`.execute(db);

  await db.schema
    .createTable('story_consent_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('story_id', 'text', (c) => c.notNull().references('stories.id'))
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull().defaultTo(''))
    // The consent after the change (shared/stories/consent.ts's Consent as JSON) and a one-line summary.
    .addColumn('consent_json', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('story_consent_changes_story').on('story_consent_changes').columns(['story_id', 'changed_at']).execute();
}
