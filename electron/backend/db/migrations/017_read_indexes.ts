import { sql, type Kysely } from 'kysely';

// Reads of the campaigns, resources and capacity areas at scale (issue 5 and the benches in
// tests/bench): indexes that let a list or a page read an index alone, and the campaigns list's
// grassroots sums kept per campaign by triggers instead of summed from every count on each read.
export async function up(db: Kysely<unknown>): Promise<void> {
  // The campaigns list showed each campaign's grassroots total by summing all its counts (200,000
  // rows at a large coalition's scale: most of the list's time). Kept here per campaign by
  // triggers, so the table is always exactly the sums of grassroots_actions: a row exists only while
  // the campaign has counts, so an undo or a restore leaves the same rows as before. Never written
  // by the app (not recorded in the change log: the triggers replay every recorded change).
  // `id` is the campaign's id.
  await sql`create table campaign_grassroots_totals (
    id text primary key not null,
    actions integer not null,
    total integer not null
  ) without rowid`.execute(db);
  await sql`insert into campaign_grassroots_totals (id, actions, total)
    select campaign_id, count(*), sum(count) from grassroots_actions group by campaign_id`.execute(db);
  await sql`create trigger grassroots_totals_insert after insert on grassroots_actions begin
    insert into campaign_grassroots_totals (id, actions, total) values (new.campaign_id, 1, new.count)
      on conflict (id) do update set actions = actions + 1, total = total + excluded.total;
  end`.execute(db);
  await sql`create trigger grassroots_totals_delete after delete on grassroots_actions begin
    update campaign_grassroots_totals set actions = actions - 1, total = total - old.count where id = old.campaign_id;
    delete from campaign_grassroots_totals where id = old.campaign_id and actions = 0;
  end`.execute(db);
  await sql`create trigger grassroots_totals_update after update of campaign_id, count on grassroots_actions begin
    update campaign_grassroots_totals set actions = actions - 1, total = total - old.count where id = old.campaign_id;
    delete from campaign_grassroots_totals where id = old.campaign_id and actions = 0;
    insert into campaign_grassroots_totals (id, actions, total) values (new.campaign_id, 1, new.count)
      on conflict (id) do update set actions = actions + 1, total = total + excluded.total;
  end`.execute(db);

  // Fundraising totals: each pledge's payments summed from an index holding the amount (the old
  // index made every payment a table read), and the pledges grouped per campaign and currency from
  // an index in that order with the columns summed (no table read, no sort).
  await sql`create index contribution_payments_amount on contribution_payments(contribution_id, amount_minor)`.execute(db);
  await sql`create index contributions_totals on contributions(fundraising_campaign_id, currency, restricted, pledged_minor)`.execute(db);

  // The trainings list, a page at a time, newest first (ties by id), all or of one topic.
  await sql`create index trainings_page on trainings(starts_at, id)`.execute(db);
  await sql`create index trainings_topic on trainings(topic, starts_at, id)`.execute(db);
}
