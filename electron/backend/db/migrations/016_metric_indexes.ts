import { sql, type Kysely } from 'kysely';

// Indexes for the metrics dashboard (issue 6: a year's dashboard in ≤ 100 ms on a coalition-scale
// workspace). Each lets one derived metric read only the index, not the table.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Policy wins: each bill's first 'enacted' change, grouped from the enacted rows alone
  // (bill_status_changes_bill would read every bill's whole history).
  await sql`create index bill_status_changes_status on bill_status_changes(status, bill_id, changed_on)`.execute(db);
  // Money raised: payments added per day and currency without reading the table; each payment's
  // contribution and its fundraising campaign from one index.
  await sql`create index contribution_payments_totals on contribution_payments(received_on, currency, amount_minor, contribution_id)`.execute(db);
  await sql`create index contributions_fundraising on contributions(id, fundraising_campaign_id)`.execute(db);
  // Attendance at meetings: the range of meetings with their zone, without reading the table.
  await sql`create index meetings_attendance on meetings(starts_at, status, time_zone, id)`.execute(db);
}
